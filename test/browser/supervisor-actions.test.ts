/**
 * A supervisor acts on running orders from the order page: reassigns an open task to another
 * rep, sends the payment message an order waits for, migrates a waiting order to the template's
 * next version, and cancels an order with a reason. Each action lands in the workflow (checked
 * through the API) and in the audit trail.
 */
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/stack';
import { type BrowserStack, startBrowserStack } from './support/browser-stack';
import { launchChromium, openPage, screenshot, signIn, steps } from './support/chromium';
import { openTasksOf, publishTemplate, startOrder, waitForTask } from './support/fixtures';

/** A rep calls the distributor, then the order waits for the payment message. */
const FOLLOW_UP = {
  key: 'browser-follow-up', name: 'Follow-up with payment',
  stages: [{ id: 'place', name: 'Place' }],
  nodes: [
    { id: 'start', type: 'start', name: 'Opened', stage: 'place', position: { x: 0, y: 100 } },
    { id: 'call', type: 'userTask', name: 'Call the distributor', stage: 'place', role: 'rep', category: 'distributor_talks', position: { x: 200, y: 100 } },
    { id: 'paid', type: 'messageCatch', name: 'Await payment', stage: 'place', message: 'paymentReceived', position: { x: 420, y: 100 } },
    { id: 'end', type: 'end', name: 'Done', position: { x: 640, y: 100 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'paid' },
    { id: 'e3', source: 'paid', target: 'end' },
  ],
};

let env: BrowserStack;
let browser: Browser;
let admin: string;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  env = await startBrowserStack();
  browser = await launchChromium();
  admin = await env.stack.login('admin');
  await publishTemplate(env.stack, FOLLOW_UP);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await env?.close();
});

async function newOrder(title: string): Promise<string> {
  const orderId = await startOrder(env.stack, 'rep1', { templateKey: FOLLOW_UP.key, title, region: 'east' });
  await waitForTask(env.stack, orderId, 'call');
  return orderId;
}

const orderOf = async (orderId: string) => (await env.stack.http.get(`/api/orders/${orderId}`).set(auth(admin)).expect(200)).body;
const audited = async (action: string, target: string) =>
  (await env.stack.http.get(`/api/audit?action=${action}&target=${target}`).set(auth(admin)).expect(200)).body.items as { actor: string; reason: string | null }[];
const statusIs = (page: Page, status: string) =>
  page.waitForFunction((s) => document.querySelector('[data-testid=order-status]')?.textContent?.toLowerCase() === s, status, { timeout: 30_000 });

describe('given running orders of a follow-up template', () => {
  it('the supervisor reassigns a task, sends the awaited message, migrates one order and cancels another', async () => {
    const stamp = Date.now();
    const [paying, moving, dropped] = [await newOrder(`Paying ${stamp}`), await newOrder(`Moving ${stamp}`), await newOrder(`Dropped ${stamp}`)];
    // The next version of the template: the same graph, the task renamed.
    const v2 = { ...FOLLOW_UP, nodes: FOLLOW_UP.nodes.map((n) => (n.id === 'call' ? { ...n, name: 'Call the distributor and confirm the date' } : n)) };
    await env.stack.http.put(`/api/templates/${FOLLOW_UP.key}/draft`).set(auth(admin)).send({ definition: v2 }).expect(200);
    const published = await env.stack.http.post(`/api/templates/${FOLLOW_UP.key}/publish`).set(auth(admin)).send().expect(200);
    const toVersion = published.body.version as number;
    const { page, errors } = await openPage(browser);

    await steps(page, 'supervisor-actions', async () => {
      await signIn(page, env.baseUrl, 'supervisor');

      // Reassign the open task to rep2, who completes it; then the order waits for the payment.
      await page.goto(`${env.baseUrl}/orders/${paying}`);
      await page.getByPlaceholder('Username').fill('rep2');
      await page.getByRole('button', { name: 'Reassign', exact: true }).click();
      const task = await eventually(async () => (await openTasksOf(env.stack, paying)).find((t) => (t as { assignee?: string }).assignee === 'rep2'), 20_000, 'the task assigned to rep2');
      await screenshot(page, 'supervisor-actions-01-reassigned');
      const rep2 = await env.stack.login('rep2');
      await env.stack.http.post(`/api/tasks/${task.id}/complete`).set(auth(rep2)).send({ data: {} }).expect(200);
      await eventually(async () => {
        const order = await orderOf(paying);
        return order.status === 'waiting' && order.activeNodes?.includes('paid');
      }, 20_000, 'the wait for payment');

      await page.reload();
      const message = page.locator('[data-testid=send-message]');
      await message.locator('[name=message]').fill('paymentReceived');
      await message.locator('[name=payload]').fill('{"amount": 1000}');
      await message.locator('button[type=submit]').click();
      await statusIs(page, 'completed');
      await screenshot(page, 'supervisor-actions-02-message-completed');

      // Migrate a waiting order to the new version.
      await page.goto(`${env.baseUrl}/orders/${moving}`);
      const migrate = page.locator('[data-testid=migrate]');
      await migrate.locator('select').selectOption(String(toVersion));
      await migrate.locator('button[type=submit]').click();
      await page.waitForSelector(`text=${FOLLOW_UP.key} v${toVersion}`, { timeout: 30_000 });
      await screenshot(page, 'supervisor-actions-03-migrated');

      // Cancel an order, saying why.
      await page.goto(`${env.baseUrl}/orders/${dropped}`);
      const cancel = page.locator('[data-testid=cancel-order]');
      await cancel.locator('[name=cancel-reason]').fill('Distributor closed the account');
      await cancel.locator('button[type=submit]').click();
      await statusIs(page, 'cancelled');
      await screenshot(page, 'supervisor-actions-04-cancelled');
    });

    expect(await orderOf(paying)).toMatchObject({ status: 'completed', variables: expect.objectContaining({ amount: 1000 }) });
    expect(await orderOf(moving)).toMatchObject({ status: 'waiting', templateVersion: toVersion });
    expect(await orderOf(dropped)).toMatchObject({ status: 'cancelled' });
    expect(await openTasksOf(env.stack, dropped)).toEqual([]);
    expect(await audited('task.reassign', `task:${(await env.stack.ds.query(`SELECT id FROM tasks WHERE order_id = $1`, [paying]))[0].id}`)).toEqual([expect.objectContaining({ actor: 'supervisor' })]);
    expect(await audited('order.message', `order:${paying}`)).toEqual([expect.objectContaining({ actor: 'supervisor' })]);
    expect(await audited('order.migrate', `order:${moving}`)).toEqual([expect.objectContaining({ actor: 'supervisor' })]);
    expect(await audited('order.cancel', `order:${dropped}`)).toEqual([expect.objectContaining({ actor: 'supervisor', reason: 'Distributor closed the account' })]);
    expect(errors).toEqual([]);
  });
});
