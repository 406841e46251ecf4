/**
 * Helpers shared by the API suites (test/integration/api-*.test.ts): small templates published
 * through HTTP, orders, tokens, and a second API instance with its own configuration on the
 * same database and Temporal server.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config';
import { requireEnv } from '../support/env';
import { eventually, type Stack } from '../support/stack';

export type Http = ReturnType<typeof request>;
export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The JWT secret startStack() configures, so tokens work on a second app too. */
const STACK_JWT_SECRET = 'test-secret-test-secret-test-secret!!';

let counter = 0;
/** A template key unique within the run. */
export const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export interface NodeSpec { id: string; type: string; [k: string]: unknown }

/** A linear template: start → nodes… → end, with optional stages. */
export function linear(key: string, nodes: NodeSpec[], stages: { id: string; name: string; sla?: string }[] = []) {
  const all: NodeSpec[] = [{ id: 'start', type: 'start' }, ...nodes, { id: 'end', type: 'end' }];
  const edges = all.slice(1).map((n, i) => ({ id: `e${i + 1}`, source: all[i].id, target: n.id }));
  return { key, name: key, stages, nodes: all, edges };
}

/** Creates and publishes a template through the API; returns its version. */
export async function publish(http: Http, admin: string, def: { key: string; name: string }): Promise<number> {
  await http.post('/api/templates').set(auth(admin)).send({ key: def.key, name: def.name, definition: def }).expect(201);
  const res = await http.post(`/api/templates/${def.key}/publish`).set(auth(admin));
  if (res.status !== 200) throw new Error(`publish ${def.key} failed: ${JSON.stringify(res.body)}`);
  return res.body.version as number;
}

/**
 * Publishes straight into the tables. Only for templates that name a test-only activity, which
 * publishing through the API refuses (unknown_activity: it checks the registered domain activities).
 */
export async function publishDirect(stack: Stack, def: { key: string; name: string }): Promise<void> {
  await stack.ds.query(`INSERT INTO templates (key, name, draft) VALUES ($1, $2, $3)`, [def.key, def.name, JSON.stringify(def)]);
  await stack.ds.query(`INSERT INTO template_versions (key, version, definition) VALUES ($1, 1, $2)`, [def.key, JSON.stringify({ ...def, version: 1 })]);
}

export async function startOrder(http: Http, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await http.post('/api/orders').set(auth(token)).send(body);
  if (res.status !== 201) throw new Error(`order start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Waits for the order's open task at nodeId (as seen by `token`). */
export function openTask(http: Http, token: string, orderId: string, nodeId?: string): Promise<{ id: string; nodeId: string; dueAt: string | null }> {
  return eventually(async () => {
    const res = await http.get(`/api/tasks?orderId=${orderId}`).set(auth(token));
    return (res.body.items ?? []).find((t: { nodeId: string }) => !nodeId || t.nodeId === nodeId);
  }, 20_000, `an open task of order ${orderId}`);
}

export async function orderStatus(http: Http, token: string, orderId: string, status: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const res = await http.get(`/api/orders/${orderId}`).set(auth(token));
    return res.body.status === status && res.body;
  }, 20_000, `order ${orderId} ${status}`);
}

export interface ExtraApp {
  app: INestApplication;
  http: Http;
  close(): Promise<void>;
}

/** Another API instance on the stack's database and Temporal server, with extra env settings. */
export async function extraApp(stack: Stack, env: Record<string, string>): Promise<ExtraApp> {
  const config = loadConfig({
    NODE_ENV: 'test', DATABASE_URL: requireEnv('TEST_DATABASE_URL'), TEMPORAL_ADDRESS: stack.env.connection.options.address,
    TEMPORAL_NAMESPACE: stack.env.namespace ?? 'default', JWT_SECRET: STACK_JWT_SECRET, ...env,
  });
  const app = await createApp(config, { logLevels: ['error'] });
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}

/** Every field named by a problem+json's errors[]. */
export const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
