/**
 * A rep on a phone-sized screen works two tasks of one order from the inbox: claims the first,
 * sees the form (and then the server) refuse bad data beside the field, completes it, is offered the next task of the
 * same order, comments on it and completes it.
 */
import type { Browser } from 'playwright-core';
import { eventually } from '../support/stack';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { launchChromium, openPage, screenshot, signIn } from './support/chromium';
import { TWO_STEP_ORDER, publishTemplate, startOrder, waitForTask } from './support/fixtures';

let env: BrowserStack;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserStack();
  browser = await launchChromium();
  await publishTemplate(env.stack, TWO_STEP_ORDER);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('given a rep with a new two-step order in the queue', () => {
  it('the rep completes both tasks of the order from a 390 px wide screen', async () => {
    const title = `Browser order ${Date.now()}`;
    const orderId = await startOrder(env.stack, 'rep1', { templateKey: TWO_STEP_ORDER.key, title });
    await waitForTask(env.stack, orderId, 'confirm');
    const { page, errors } = await openPage(browser, { width: 390, height: 844 });

    await signIn(page, env.baseUrl, 'rep1');
    await page.click('[data-testid=tab-queue]');
    const card = page.locator('[data-testid=task-card]', { hasText: title });
    await card.waitFor();
    await screenshot(page, 'rep-01-inbox-queue');
    await card.getByRole('button', { name: 'Claim' }).click();
    await page.click('[data-testid=tab-mine]');
    await page.locator('[data-testid=task-card]', { hasText: title }).locator('a').click();

    await page.waitForSelector('[data-testid=task-form]');
    expect(await page.textContent('[data-testid=task-title]')).toBe('Confirm quantities');
    expect(await page.textContent('[data-testid=order-context]')).toContain(title);
    await page.fill('[name=quantity]', '0');
    await page.click('[data-testid=complete]');
    await page.waitForSelector('[data-testid="error-quantity"]');
    expect(await page.textContent('[data-testid="error-unitPrice"]')).toContain('required');
    await screenshot(page, 'rep-02-task-errors');

    // A page out of step with the template (here its request is altered on the way, after the
    // browser's own check passed) is refused by the server, whose field errors land beside the field.
    await page.fill('[name=quantity]', '24');
    await page.fill('[name=unitPrice]', '12.5');
    const completeUrl = '**/api/tasks/*/complete';
    await page.route(completeUrl, (route) => route.continue({ postData: JSON.stringify({ data: { quantity: 0, unitPrice: 12.5 } }) }), { times: 1 });
    const refused = page.waitForResponse((res) => res.url().endsWith('/complete'));
    await page.click('[data-testid=complete]');
    expect((await refused).status()).toBe(400);
    await page.waitForSelector('[data-testid="error-quantity"]');
    expect(await page.locator('[data-testid="error-unitPrice"]').count()).toBe(0);
    await screenshot(page, 'rep-02b-server-field-error');
    await page.unroute(completeUrl);
    // Chromium logs the refused request itself as a console error; that one is expected.
    const failedLoad = errors.findIndex((e) => e.includes('status of 400'));
    expect(failedLoad).toBeGreaterThanOrEqual(0);
    errors.splice(failedLoad, 1);

    await page.click('[data-testid=complete]');
    await page.waitForSelector('[data-testid=completed]');
    await page.waitForSelector('[data-testid=open-next]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid=next-task]')).toContain('Plan delivery');
    await screenshot(page, 'rep-03-next-task-offered');

    await page.click('[data-testid=open-next]');
    await page.waitForSelector('[data-testid=task-form]');
    expect(await page.textContent('[data-testid=task-title]')).toBe('Plan delivery');
    await page.fill('[data-testid=comments] textarea', 'Distributor asks for delivery before the weekend.');
    await page.click('[data-testid=comments] button[type=submit]');
    await page.locator('[data-testid=comments] li', { hasText: 'before the weekend' }).waitFor();
    await page.fill('[name=deliveryDate]', '2026-12-04');
    await page.selectOption('[name=channel]', 'KA');
    await page.fill('[name=note]', 'Dock 3');
    await screenshot(page, 'rep-04-second-task');
    await page.click('[data-testid=complete]');
    await page.waitForSelector('[data-testid=completed]');
    await page.waitForSelector('[data-testid=next-task]');
    await screenshot(page, 'rep-05-done');

    // The same inbox in Chinese: stage and category names from the source document.
    await page.selectOption('[data-testid=lang]', 'zh');
    await page.goto(`${env.baseUrl}/inbox`);
    await page.waitForSelector('text=我的工作');
    await page.click('[data-testid=tab-queue]');
    await screenshot(page, 'rep-06-inbox-zh');

    const order = await eventually(async () => {
      const res = await env.stack.http.get(`/api/orders/${orderId}`).set({ Authorization: `Bearer ${await env.stack.login('rep1')}` });
      return res.body.status === 'completed' && res.body;
    }, 20_000, 'the order to complete');
    expect(order.variables).toMatchObject({ quantity: 24, unitPrice: 12.5, deliveryDate: '2026-12-04', channel: 'KA', note: 'Dock 3' });
    expect(errors).toEqual([]);
  });
});
