/** Templates and orders the browser suites set up through the API (each suite its own keys). */
import type { Stack } from '../../support/stack';
import { eventually } from '../../support/stack';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Creates and publishes `definition` unless a version exists; returns its latest version. */
export async function publishTemplate(stack: Stack, definition: { key: string; name: string } & Record<string, unknown>): Promise<number> {
  const admin = await stack.login('admin');
  const existing = await stack.http.get(`/api/templates/${definition.key}`).set(auth(admin));
  if (existing.status === 200 && existing.body.versions?.length) return existing.body.versions[0].version;
  if (existing.status === 404) {
    await stack.http.post('/api/templates').set(auth(admin)).send({ key: definition.key, name: definition.name, definition }).expect(201);
  }
  const res = await stack.http.post(`/api/templates/${definition.key}/publish`).set(auth(admin)).send();
  if (res.status !== 200) throw new Error(`publishing ${definition.key} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version as number;
}

/** Starts an order as `username`; returns its id once its first task or incident exists. */
export async function startOrder(stack: Stack, username: string, body: Record<string, unknown>): Promise<string> {
  const token = await stack.login(username);
  const res = await stack.http.post('/api/orders').set(auth(token)).send(body);
  if (res.status !== 201) throw new Error(`order not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function openTasksOf(stack: Stack, orderId: string, username = 'admin'): Promise<{ id: string; nodeId: string; name: string }[]> {
  const token = await stack.login(username);
  const res = await stack.http.get(`/api/tasks?orderId=${orderId}&status=open`).set(auth(token)).expect(200);
  return res.body.items;
}

export async function waitForTask(stack: Stack, orderId: string, nodeId: string): Promise<{ id: string }> {
  return eventually(async () => (await openTasksOf(stack, orderId)).find((t) => t.nodeId === nodeId), 30_000, `task ${nodeId} of ${orderId}`);
}

/** Two rep tasks in a row: confirm quantities (Place), then plan the delivery (Fulfil). */
export const TWO_STEP_ORDER = {
  key: 'browser-two-step', name: 'Two-step order',
  stages: [{ id: 'place', name: 'Place' }, { id: 'fulfil', name: 'Fulfil' }],
  nodes: [
    { id: 'start', type: 'start', name: 'Order received' },
    { id: 'confirm', type: 'userTask', name: 'Confirm quantities', stage: 'place', role: 'rep', category: 'order_processing', dueIn: 'P2D', onOverdue: 'escalate',
      form: { fields: [
        { key: 'quantity', type: 'integer', label: 'Quantity (cases)', required: true, min: 1 },
        { key: 'unitPrice', type: 'number', label: 'Unit price (CNY)', required: true, min: 0 },
      ] } },
    { id: 'deliver', type: 'userTask', name: 'Plan delivery', stage: 'fulfil', role: 'rep', category: 'delivery_replenishment', dueIn: 'P5D', onOverdue: 'escalate',
      form: { fields: [
        { key: 'deliveryDate', type: 'date', label: 'Delivery date', required: true },
        { key: 'channel', type: 'select', label: 'Channel', required: true, options: [{ value: 'KA', label: 'Key accounts' }, { value: 'GT', label: 'General trade' }] },
        { key: 'note', type: 'textarea', label: 'Note for the warehouse' },
      ] } },
    { id: 'end', type: 'end', name: 'Delivered' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'confirm' },
    { id: 'e2', source: 'confirm', target: 'deliver' },
    { id: 'e3', source: 'deliver', target: 'end' },
  ],
};

/** One service step that values the order from `vars.amount`: a negative amount fails for good (an incident). */
export const VALUE_ORDER = {
  key: 'browser-value-order', name: 'Value the order',
  stages: [{ id: 'place', name: 'Place' }],
  nodes: [
    { id: 'start', type: 'start', name: 'Order received' },
    { id: 'value', type: 'serviceTask', name: 'Compute order value', stage: 'place', activity: 'computeOrderValue',
      input: { orderId: 'order.id', amount: 'vars.amount' }, retry: { maxAttempts: 1 } },
    { id: 'end', type: 'end', name: 'Valued' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'value' },
    { id: 'e2', source: 'value', target: 'end' },
  ],
};

/** Every construct the BPMN mapping carries: stages, forms, deadlines, a decision, a timer, a message, positions. */
export const BPMN_SOURCE = {
  key: 'browser-bpmn-source', name: 'KA entry with payment',
  stages: [{ id: 'develop', name: 'Develop', sla: 'P30D' }, { id: 'place', name: 'Place' }],
  nodes: [
    { id: 'start', type: 'start', name: 'Start', position: { x: 0, y: 120 } },
    { id: 'negotiate', type: 'userTask', name: 'Negotiate KA entry', stage: 'develop', role: 'rep', category: 'opening_outlets', dueIn: 'P14D', onOverdue: 'escalate',
      position: { x: 120, y: 100 }, form: { fields: [{ key: 'listingFee', type: 'number', label: 'Listing fee', required: true, min: 0 }] } },
    { id: 'big-fee', type: 'exclusiveGateway', name: 'Fee above limit?', stage: 'develop', position: { x: 360, y: 106 } },
    { id: 'approve', type: 'userTask', name: 'Approve listing fee', stage: 'develop', role: 'supervisor', position: { x: 480, y: 0 } },
    { id: 'cool-off', type: 'timer', name: 'Cool-off', stage: 'place', duration: 'P2D', position: { x: 720, y: 110 } },
    { id: 'pay', type: 'messageCatch', name: 'Payment received', stage: 'place', message: 'paymentReceived', correlation: 'order.id', expectedWithin: 'P10D', position: { x: 840, y: 110 } },
    { id: 'value', type: 'serviceTask', name: 'Compute order value', stage: 'place', activity: 'computeOrderValue', input: { orderId: 'order.id', amount: 'vars.listingFee' },
      retry: { maxAttempts: 3, initialInterval: 'PT10S' }, position: { x: 960, y: 100 } },
    { id: 'end', type: 'end', name: 'Done', position: { x: 1200, y: 120 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'negotiate' },
    { id: 'e2', source: 'negotiate', target: 'big-fee' },
    { id: 'e3', source: 'big-fee', target: 'approve', name: 'above limit', condition: 'vars.listingFee > 50000' },
    { id: 'e4', source: 'big-fee', target: 'cool-off', default: true },
    { id: 'e5', source: 'approve', target: 'cool-off' },
    { id: 'e6', source: 'cool-off', target: 'pay' },
    { id: 'e7', source: 'pay', target: 'value' },
    { id: 'e8', source: 'value', target: 'end' },
  ],
};
