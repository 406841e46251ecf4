/**
 * Bad input never produces a 500, and the HTTP hardening holds: helmet headers, body size limit,
 * login rate limit, production refusing default secrets, Idempotency-Key, and an OpenAPI
 * document that describes the request bodies.
 */
import { spawnSync } from 'node:child_process';
import { startStack, type Stack } from '../support/stack';
import { auth, extraApp, fieldsOf, openTask, startOrder, uniqueKey } from './api-support';

let stack: Stack;
let admin: string;
let rep: string;
let orderId: string;
let taskId: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
  rep = await stack.login('rep1');
  orderId = await startOrder(stack.http, rep, { templateKey: 'quick-order', title: 'Hardening order' });
  taskId = (await openTask(stack.http, rep, orderId)).id;
}, 120_000);
afterAll(() => stack?.close());

type Method = 'get' | 'post' | 'put';
const send = (method: Method, path: string, token = admin) => stack.http[method](path).set(auth(token));

function expectProblem(res: { status: number; headers: Record<string, string>; body: { status?: number; code?: string } }, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.status).toBe(status);
  expect(typeof res.body.code).toBe('string');
}

describe('given malformed bodies', () => {
  const JSON_POSTS: [Method, string][] = [
    ['post', '/api/templates'], ['put', '/api/templates/quick-order/draft'], ['post', '/api/orders'],
    ['post', `/api/tasks/${'TASK'}/complete`], ['post', '/api/users'], ['post', '/api/auth/login'],
  ];

  it('answers broken JSON with 400 malformed_json on every JSON route', async () => {
    for (const [method, path] of JSON_POSTS) {
      const res = await send(method, path.replace('TASK', taskId)).set('Content-Type', 'application/json').send('{"a": [1, 2');
      expectProblem(res, 400);
      expect([path, res.body.code]).toEqual([path, 'malformed_json']);
    }
  });

  it('answers a body over the limit with 413 problem+json, JSON or XML', async () => {
    const big = JSON.stringify({ templateKey: 'quick-order', title: 'x'.repeat(1_100_000) });
    const json = await send('post', '/api/orders').set('Content-Type', 'application/json').send(big);
    expectProblem(json, 413);
    expect(json.body.code).toBe('payload_too_large');
    const xml = await send('post', '/api/templates/import/bpmn').set('Content-Type', 'application/xml').send(`<x>${'y'.repeat(1_100_000)}</x>`);
    expectProblem(xml, 413);
  });

  it('answers unknown, missing and mistyped fields with 400 naming each field', async () => {
    const cases: [Method, string, unknown, string[]][] = [
      ['post', '/api/orders', { templateKey: 'quick-order' }, ['title']],
      ['post', '/api/orders', { templateKey: 'quick-order', title: 'x', colour: 'red' }, ['colour']],
      ['post', '/api/orders', { templateKey: 'quick-order', title: 'x', templateVersion: 'one' }, ['templateVersion']],
      ['post', '/api/orders', { templateKey: 'quick-order', title: 'x', variables: [1, 2] }, ['variables']],
      ['post', '/api/orders', { templateKey: 'quick-order', title: 'x', templateVersion: 1e12 }, ['templateVersion']],
      ['post', '/api/templates', { key: 'Not Kebab', name: 'x', definition: {} }, ['key']],
      ['put', '/api/templates/quick-order/draft', { definition: 'nodes' }, ['definition']],
      ['post', `/api/tasks/${taskId}/complete`, { data: 'all of it' }, ['data']],
      ['post', `/api/tasks/${taskId}/comments`, { text: '   ' }, ['text']],
      ['post', `/api/tasks/${taskId}/comments`, { text: 'x'.repeat(4001) }, ['text']],
      ['post', `/api/tasks/${taskId}/reassign`, { user: 'rep2' }, ['userId', 'user']],
      ['post', `/api/orders/${orderId}/cancel`, {}, ['reason']],
      ['post', `/api/orders/${orderId}/migrate`, { toVersion: 0 }, ['toVersion']],
      ['post', `/api/orders/${orderId}/messages/ping`, { payload: 1, extra: true }, ['extra']],
      ['post', '/api/incidents/00000000-0000-4000-8000-000000000000/resolve', { action: 'retry', variables: 'x' }, ['variables']],
      ['post', '/api/auth/login', { username: 'admin' }, ['password']],
    ];
    for (const [method, path, body, fields] of cases) {
      const res = await send(method, path).send(body as object);
      expectProblem(res, 400);
      expect([path, fieldsOf(res.body).sort()]).toEqual([path, [...fields].sort()]);
    }
  });

  it('answers a non-string message name or a JSON BPMN import with 400', async () => {
    const name = await send('post', `/api/orders/${orderId}/messages/${encodeURIComponent('bad name!')}`).send({});
    expectProblem(name, 400);
    expect(fieldsOf(name.body)).toEqual(['name']);
    const json = await send('post', '/api/templates/import/bpmn').send({ xml: '<definitions/>' });
    expectProblem(json, 400);
    expect(fieldsOf(json.body)).toEqual(['body']);
  });
});

describe('given bad query strings, cursors and ids', () => {
  it('answers bad enum values, limits, unknown and repeated parameters with 400 naming them', async () => {
    const cases: [string, string][] = [
      ['/api/tasks?status=done', 'status'],
      ['/api/orders?status=sleeping', 'status'],
      ['/api/orders?stuck=maybe', 'stuck'],
      ['/api/orders?limit=0', 'limit'],
      ['/api/orders?limit=201', 'limit'],
      ['/api/tasks?limit=ten', 'limit'],
      ['/api/tasks?orderId=42', 'orderId'],
      ['/api/orders?colour=red', 'colour'],
      ['/api/tasks?role=a&role=b', 'role'],
      ['/api/supervision/stuck?reason=bored', 'reason'],
      ['/api/incidents?status=closed', 'status'],
      ['/api/analytics/durations', 'templateKey'],
      ['/api/analytics/durations?templateKey=quick-order&version=x', 'version'],
      ['/api/analytics/time-allocation?season=monsoon', 'season'],
      ['/api/analytics/time-allocation?from=yesterday', 'from'],
      ['/api/analytics/time-allocation?from=2026-02-01&to=2026-01-01', 'from'],
      ['/api/users?role=wizard', 'role'],
      ['/api/templates/quick-order/versions/one', 'version'],
      ['/api/templates/quick-order/versions/0/bpmn', 'version'],
      ['/api/templates/import/bpmn?key=Bad%20Key', 'key'],
    ];
    for (const [path, field] of cases) {
      const res = await (path.includes('import/bpmn') ? send('post', path).set('Content-Type', 'application/xml').send('<x/>') : send('get', path));
      expectProblem(res, 400);
      expect([path, fieldsOf(res.body)]).toEqual([path, [field]]);
    }
  });

  it('answers cursors it did not issue with 400 invalid_cursor on every list', async () => {
    const lists = ['/api/orders', '/api/tasks', '/api/supervision/stuck', '/api/incidents', '/api/audit', '/api/users', '/api/templates',
      `/api/orders/${orderId}/timeline`];
    const forged = [
      'not base64 json!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from(JSON.stringify(['not a date', 'not a uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify([1, 2, 3, 4, 5])).toString('base64url'),
      Buffer.from(JSON.stringify([{ $gt: '' }])).toString('base64url'),
    ];
    for (const list of lists) {
      for (const cursor of forged) {
        const res = await send('get', `${list}?cursor=${encodeURIComponent(cursor)}`);
        expectProblem(res, 400);
        expect([list, res.body.errors[0]]).toEqual([list, expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })]);
      }
    }
  });

  it('answers malformed or unknown ids with 404 problem+json', async () => {
    const paths: [Method, string][] = [
      ['get', '/api/orders/not-a-uuid'], ['get', '/api/orders/00000000-0000-4000-8000-000000000000'], ['get', '/api/orders/1;drop/timeline'],
      ['get', '/api/tasks/42'], ['post', '/api/tasks/42/claim'], ['post', '/api/tasks/x/comments'], ['get', '/api/incidents/%27%20or%201=1'],
      ['get', '/api/templates/no-such-template'], ['get', '/api/templates/quick-order/versions/999'], ['get', '/api/templates/quick-order/versions/999/bpmn'],
      ['get', '/api/nothing-here'],
    ];
    for (const [method, path] of paths) {
      const res = await send(method, path).send(path.endsWith('comments') ? { text: 'x' } : {});
      expectProblem(res, 404);
    }
  });
});

describe('given the HTTP hardening', () => {
  it('sends helmet\'s headers and hides the framework', async () => {
    const res = await stack.http.get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('limits logins per client: the attempt over ORDERPATH_LOGIN_LIMIT is a 429 problem', async () => {
    const limited = await extraApp(stack, { ORDERPATH_LOGIN_LIMIT: '3' });
    try {
      for (let i = 0; i < 3; i += 1) await limited.http.post('/api/auth/login').send({ username: 'rep1', password: 'wrong' }).expect(401);
      const res = await limited.http.post('/api/auth/login').send({ username: 'rep1', password: 'wrong' });
      expectProblem(res, 429);
      expect(res.body.code).toBe('rate_limited');
      // Other routes are not counted.
      await limited.http.get('/api/health').expect(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses to start in production with a default, short or missing JWT secret', () => {
    const run = (env: Record<string, string>) => spawnSync(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: `${__dirname}/../..`, encoding: 'utf8', timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env },
    });
    for (const secret of [undefined, 'too-short', 'changeme-changeme-changeme-changeme-changeme']) {
      const res = run(secret ? { JWT_SECRET: secret } : {});
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('JWT_SECRET');
    }
  });

  it('replays a creating POST sent again with the same Idempotency-Key, and refuses the key on another route', async () => {
    const key = uniqueKey('idem');
    const body = { key, name: 'Idempotent template', definition: { nodes: [], edges: [] } };
    const first = await send('post', '/api/templates').set('Idempotency-Key', key).send(body).expect(201);
    const again = await send('post', '/api/templates').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await send('post', `/api/tasks/${taskId}/comments`).set('Idempotency-Key', key).send({ text: 'x' });
    expectProblem(other, 422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const long = await send('post', '/api/templates').set('Idempotency-Key', 'k'.repeat(201)).send(body);
    expectProblem(long, 400);
    expect(fieldsOf(long.body)).toEqual(['Idempotency-Key']);
    // A failed request stores nothing: the same key works once the body is right.
    const failKey = uniqueKey('idem-fail');
    await send('post', '/api/templates').set('Idempotency-Key', failKey).send({ ...body, key: 'Bad Key' }).expect(400);
    await send('post', '/api/templates').set('Idempotency-Key', failKey).send({ ...body, key: failKey }).expect(201);
  });

  it('documents every request body and list query in /api/openapi.json', async () => {
    const doc = (await stack.http.get('/api/openapi.json').expect(200)).body;
    const bodies: [string, string][] = [
      ['/api/auth/login', 'post'], ['/api/templates', 'post'], ['/api/templates/{key}/draft', 'put'], ['/api/templates/import/bpmn', 'post'],
      ['/api/orders', 'post'], ['/api/orders/{id}/messages/{name}', 'post'], ['/api/orders/{id}/cancel', 'post'], ['/api/orders/{id}/migrate', 'post'],
      ['/api/tasks/{id}/complete', 'post'], ['/api/tasks/{id}/reassign', 'post'], ['/api/tasks/{id}/comments', 'post'],
      ['/api/incidents/{id}/resolve', 'post'], ['/api/users', 'post'],
    ];
    for (const [path, method] of bodies) {
      const op = doc.paths[path]?.[method];
      expect([path, Boolean(op?.requestBody)]).toEqual([path, true]);
    }
    expect(doc.paths['/api/templates/import/bpmn'].post.requestBody.content).toHaveProperty('application/xml');
    const orderSchema = doc.paths['/api/orders'].post.requestBody.content['application/json'].schema;
    expect(orderSchema.required).toEqual(expect.arrayContaining(['templateKey', 'title']));
    const reason = doc.paths['/api/supervision/stuck'].get.parameters.find((p: { name: string }) => p.name === 'reason');
    expect(reason.schema.enum).toEqual(['task_overdue', 'incident', 'waiting_too_long', 'stage_overdue', 'no_progress']);
    for (const path of ['/api/orders', '/api/tasks', '/api/incidents', '/api/audit', '/api/users', '/api/supervision/stuck']) {
      expect([path, doc.paths[path].get.parameters.map((p: { name: string }) => p.name)]).toEqual([path, expect.arrayContaining(['cursor', 'limit'])]);
    }
  });
});
