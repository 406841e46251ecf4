/**
 * A supervisor finds an order stuck on an incident in the console, opens it — the graph shows the
 * failed step and the path taken, the timeline the failure — and retries the incident with a
 * corrected variable; the order then completes.
 */
import type { Browser } from 'playwright-core';
import { eventually } from '../support/stack';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { node } from './support/canvas';
import { launchChromium, openPage, screenshot, signIn, steps } from './support/chromium';
import { VALUE_ORDER, publishTemplate, startOrder } from './support/fixtures';

let env: BrowserStack;
let browser: Browser;

beforeAll(async () => {
  env = await startBrowserStack();
  browser = await launchChromium();
  await publishTemplate(env.stack, VALUE_ORDER);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

describe('given an order whose valuation failed', () => {
  it('the supervisor finds it among the stuck orders and retries its incident', async () => {
    const title = `Negative amount ${Date.now()}`;
    const orderId = await startOrder(env.stack, 'rep1', { templateKey: VALUE_ORDER.key, title, region: 'east', variables: { amount: -5 } });
    const admin = await env.stack.login('admin');
    await eventually(async () => (await env.stack.http.get(`/api/incidents?orderId=${orderId}`).set({ Authorization: `Bearer ${admin}` })).body.items?.[0], 30_000, 'the incident');
    const { page, errors } = await openPage(browser);

    await steps(page, 'supervisor-incident', async () => {
      await signIn(page, env.baseUrl, 'supervisor');
      await page.waitForSelector('[data-testid=stuck-table]');
      await page.selectOption('[data-testid=stuck-filters] [name=reason]', 'incident');
      const row = page.locator('[data-testid=stuck-row]', { hasText: title });
      await row.waitFor();
      expect(await row.getAttribute('data-reason')).toBe('incident');
      expect(await row.textContent()).toContain('value');
      await page.locator('[data-testid=incident]', { hasText: title }).waitFor();
      await screenshot(page, 'supervisor-01-console');

      await row.locator('a').click();
      await page.waitForSelector('[data-testid=order-graph]');
      await page.waitForSelector(`${node('value')} .op-node.mark-failed`);
      await page.waitForSelector(`${node('start')} .op-node.mark-visited`);
      expect(await page.textContent('[data-testid=timeline]')).toContain('incident_opened');
      expect(await page.getAttribute('[data-testid=temporal-link]', 'href')).toBe(`http://localhost:8233/namespaces/default/workflows/order-${orderId}`);
      await screenshot(page, 'supervisor-02-order-incident');

      const incident = page.locator('[data-testid=incident]').first();
      await incident.locator('input').fill('{"amount": 125}');
      await incident.locator('[data-testid=incident-retry]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=order-status]')?.textContent === 'completed', undefined, { timeout: 30_000 });
      await page.waitForSelector(`${node('end')} .op-node.mark-visited`);
      await screenshot(page, 'supervisor-03-retried');

      // Analytics: the funnel, the duration heatmap on the graph, time allocation beside the time study.
      await page.click('[data-testid=nav-analytics]');
      await page.waitForSelector('[data-testid=funnel-chart]');
      await page.waitForSelector('[data-testid=heatmap-graph] .react-flow__node');
      await page.waitForSelector('[data-testid=allocation-table] tbody tr');
      expect(await page.locator('[data-testid=allocation-table] tbody tr').count()).toBe(18);
      await screenshot(page, 'supervisor-04-analytics');
    });

    const order = await env.stack.http.get(`/api/orders/${orderId}`).set({ Authorization: `Bearer ${admin}` }).expect(200);
    expect(order.body).toMatchObject({ status: 'completed', value: 125 });
    expect(errors).toEqual([]);
  });
});
