/**
 * An admin builds a six-node template from the palette — KA entry negotiation, a decision on the
 * listing fee, supervisor approval and a valuation step — sees the validation error the canvas
 * shows (a decision without a default edge), fixes it, and publishes.
 */
import type { Browser } from 'playwright-core';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { connect, dropFromPalette, node, nodeIds, select, setProp } from './support/canvas';
import { launchChromium, openPage, screenshot, signIn, steps } from './support/chromium';

let env: BrowserStack;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserStack();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('given an admin in the designer', () => {
  it('builds a six-node template from the palette, fixes the validation error it shows, and publishes it', async () => {
    const key = `ka-entry-${Date.now()}`;
    const { page, errors } = await openPage(browser);
    await steps(page, 'designer-build', async () => {
    await signIn(page, env.baseUrl, 'admin');
    await page.fill('[data-testid=new-template] [name=key]', key);
    await page.fill('[data-testid=new-template] [name=name]', 'KA entry (browser)');
    await page.click('[data-testid=new-template] button[type=submit]');
    await page.waitForSelector(node('start'));

    // Drop five nodes from the palette.
    // (The start node sits in the middle of the pane; drop around it.)
    const negotiate = await dropFromPalette(page, 'userTask', 110, 70);
    const decision = await dropFromPalette(page, 'exclusiveGateway', 430, 80);
    const approve = await dropFromPalette(page, 'userTask', 700, 70);
    const value = await dropFromPalette(page, 'serviceTask', 470, 470);
    const end = await dropFromPalette(page, 'end', 130, 470);
    expect(await nodeIds(page)).toHaveLength(6);

    // Properties per node kind.
    await select(page, negotiate);
    await setProp(page, 'prop-name', 'Negotiate KA entry');
    await page.selectOption('[data-testid=prop-stage] select', 'develop');
    await setProp(page, 'prop-dueIn', 'P14D');
    await page.click('[data-testid=add-field]');
    await setProp(page, 'form-field-0', 'field-key', 'listingFee');
    await page.selectOption('[data-testid=form-field-0] [data-testid=field-type] select', 'number');
    await setProp(page, 'form-field-0', 'field-label', 'Listing fee (CNY)');
    await page.check('[data-testid=form-field-0] [data-testid=field-required] input');
    // A table field: its columns are built with the same field editor, one level down.
    await page.click('[data-testid=add-field]');
    await setProp(page, 'form-field-1', 'field-key', 'lines');
    await page.selectOption('[data-testid=form-field-1] [data-testid=field-type] select', 'table');
    await setProp(page, 'form-field-1', 'field-label', 'Order lines');
    await page.waitForSelector('[data-testid=issues] li[data-code=form_bad_columns]');
    await page.click('[data-testid=add-form-field-1-column]');
    await setProp(page, 'form-field-1-column-0', 'field-key', 'sku');
    await setProp(page, 'form-field-1-column-0', 'field-label', 'SKU');
    await page.click('[data-testid=add-form-field-1-column]');
    await setProp(page, 'form-field-1-column-1', 'field-key', 'qty');
    await page.selectOption('[data-testid=form-field-1-column-1] [data-testid=field-type] select', 'integer');
    await setProp(page, 'form-field-1-column-1', 'field-label', 'Cases');
    await page.waitForSelector('[data-testid=issues] li[data-code=form_bad_columns]', { state: 'detached' });
    await screenshot(page, 'designer-00-table-columns');
    await select(page, approve);
    await setProp(page, 'prop-name', 'Approve listing fee');
    await setProp(page, 'prop-role', 'supervisor');
    await select(page, value);
    await setProp(page, 'prop-name', 'Compute order value');

    // Connect; the canvas refuses a second edge out of a task without a deadline.
    for (const [s, t] of [['start', negotiate], [negotiate, decision], [decision, approve], [decision, value], [approve, value], [value, end]]) {
      await connect(page, s, t);
    }
    await page.waitForFunction(() => document.querySelectorAll('.design-canvas .react-flow__edge').length === 6);
    await connect(page, approve, end);
    await page.waitForSelector('[data-testid=refused]');
    expect(await page.locator('.design-canvas .react-flow__edge').count()).toBe(6);
    await page.click('[data-testid=tb-layout]');

    // The decision has no default edge and no conditions: an error, on the canvas and in the list.
    await page.waitForSelector(`${node(decision)} .op-node.issue-error`);
    await page.waitForSelector('[data-testid=issues] li[data-code=gateway_no_default]');
    await screenshot(page, 'designer-01-validation-error');

    // Publishing is refused while the error is there, with the issues shown.
    await page.click('[data-testid=tb-publish]');
    await page.waitForSelector('[data-testid=publish-refused]');

    // Fix: a condition on the approval edge (a typo first: the live check flags it), the other edge the default.
    await select(page, decision);
    const toApprove = page.locator('[data-testid^=edge-props-]', { hasText: 'Approve listing fee' });
    await toApprove.locator('[data-testid=prop-condition] input').fill('vars.listingFee >');
    await toApprove.locator('[data-testid=prop-condition] .field-error').waitFor();
    await toApprove.locator('[data-testid=prop-condition] input').fill('vars.listingFee > 50000');
    await toApprove.locator('[data-testid=prop-condition] .ok').waitFor();
    await page.locator('[data-testid^=edge-props-]', { hasText: 'Compute order value' }).locator('[data-testid=prop-default] input').check();
    await page.waitForSelector('[data-testid=issues] li[data-code=gateway_no_default]', { state: 'detached' });
    await page.waitForSelector(`${node(decision)} .op-node.issue-error`, { state: 'detached' });

    // Keyboard: delete the end node, undo brings it back with its edge.
    await select(page, end);
    await page.keyboard.press('Delete');
    await page.waitForSelector(node(end), { state: 'detached' });
    await page.keyboard.press('Control+z');
    await page.waitForSelector(node(end));
    expect(await page.locator('.design-canvas .react-flow__edge').count()).toBe(6);
    await screenshot(page, 'designer-02-fixed');

    await page.click('[data-testid=tb-publish]');
    await page.waitForSelector('[data-testid=published]');
    await screenshot(page, 'designer-03-published');

    // Version 2: a copy of the approval step (Ctrl+C / Ctrl+V) replaces the original; the diff shows it.
    await select(page, approve);
    await page.keyboard.press('Control+c');
    const before = await nodeIds(page);
    await page.keyboard.press('Control+v');
    await page.waitForFunction((n) => document.querySelectorAll('.design-canvas .react-flow__node:not(.react-flow__node-stageBand)').length > n, before.length);
    const copy = (await nodeIds(page)).find((id) => !before.includes(id))!;
    expect(copy).toMatch(/copy/);
    await select(page, approve);
    await page.keyboard.press('Delete');
    await connect(page, decision, copy);
    await connect(page, copy, value);
    await select(page, decision);
    await page.locator('[data-testid^=edge-props-]', { hasText: 'Approve listing fee' }).locator('[data-testid=prop-condition] input').fill('vars.listingFee > 80000');
    await page.click('[data-testid=tb-publish]');
    await page.waitForSelector('[data-testid=published]');
    await page.click('[data-testid=tb-versions]');
    await page.waitForSelector('[data-testid=diff-graph] .react-flow__node');
    await page.waitForSelector(`[data-testid=diff-graph] ${node(approve)} .op-node.mark-removed`);
    await page.waitForSelector(`[data-testid=diff-graph] ${node(copy)} .op-node.mark-added`);
    expect(await page.textContent('[data-testid=diff-summary]')).toBe('1 added, 1 removed, 2 changed');
    await screenshot(page, 'designer-04-version-diff');

    const admin = await env.stack.login('admin');
    const v1 = await env.stack.http.get(`/api/templates/${key}/versions/1`).set({ Authorization: `Bearer ${admin}` }).expect(200);
    expect(v1.body.nodes).toHaveLength(6);
    expect(v1.body.nodes.find((n: { id: string }) => n.id === approve)).toMatchObject({ type: 'userTask', role: 'supervisor', name: 'Approve listing fee' });
    expect(v1.body.nodes.find((n: { id: string }) => n.id === negotiate)).toMatchObject({
      stage: 'develop', dueIn: 'P14D', form: { fields: [
        { key: 'listingFee', type: 'number', label: 'Listing fee (CNY)', required: true },
        { key: 'lines', type: 'table', label: 'Order lines', columns: [{ key: 'sku', type: 'text', label: 'SKU' }, { key: 'qty', type: 'integer', label: 'Cases' }] },
      ] },
    });
    expect(v1.body.edges.find((e: { target: string }) => e.target === approve)).toMatchObject({ source: decision, condition: 'vars.listingFee > 50000' });
    });
    expect(errors).toEqual([]);
  });
});
