/**
 * Who may do what, through HTTP on the real stack: tokens, roles, regions, a rep's own tasks
 * and orders, users and /me (DESIGN.md §6, roles).
 */
import * as argon2 from 'argon2';
import { DEMO_PASSWORD, startStack, type Stack } from '../support/stack';
import { auth, fieldsOf, openTask, startOrder, uniqueKey } from './api-support';

let stack: Stack;
const tokens: Record<string, string> = {};
let eastOrder: string;
let eastTask: string;
let westOrder: string;
let westTask: string;
const westSupervisor = uniqueKey('sup-west').replace(/-/g, '.');

beforeAll(async () => {
  stack = await startStack();
  for (const u of ['admin', 'supervisor', 'rep1', 'rep2', 'rep3']) tokens[u] = await stack.login(u);
  eastOrder = await startOrder(stack.http, tokens.rep1, { templateKey: 'quick-order', title: 'East access order' });
  eastTask = (await openTask(stack.http, tokens.rep1, eastOrder)).id;
  await stack.http.post(`/api/tasks/${eastTask}/claim`).set(auth(tokens.rep1)).expect(200);
  westOrder = await startOrder(stack.http, tokens.admin, { templateKey: 'quick-order', title: 'West access order', region: 'west' });
  westTask = (await openTask(stack.http, tokens.admin, westOrder)).id;
  await stack.http.post('/api/users').set(auth(tokens.admin))
    .send({ username: westSupervisor, displayName: 'West supervisor', password: DEMO_PASSWORD, roles: ['supervisor'], region: 'west' }).expect(201);
  tokens.westSupervisor = await stack.login(westSupervisor);
}, 120_000);
afterAll(() => stack?.close());

const ID = '00000000-0000-4000-8000-000000000000';
const ROUTES: [string, string][] = [
  ['get', '/api/templates'], ['post', '/api/templates'], ['get', '/api/templates/quick-order'], ['put', '/api/templates/quick-order/draft'],
  ['post', '/api/templates/quick-order/validate'], ['post', '/api/templates/quick-order/publish'], ['get', '/api/templates/quick-order/versions/1'],
  ['get', '/api/templates/quick-order/versions/1/bpmn'], ['post', '/api/templates/import/bpmn'],
  ['get', '/api/orders'], ['post', '/api/orders'], ['get', `/api/orders/${ID}`], ['get', `/api/orders/${ID}/timeline`], ['get', `/api/orders/${ID}/state`],
  ['post', `/api/orders/${ID}/messages/ping`], ['post', `/api/orders/${ID}/cancel`], ['post', `/api/orders/${ID}/migrate`],
  ['get', '/api/tasks'], ['get', `/api/tasks/${ID}`], ['post', `/api/tasks/${ID}/claim`], ['post', `/api/tasks/${ID}/release`],
  ['post', `/api/tasks/${ID}/complete`], ['post', `/api/tasks/${ID}/reassign`], ['post', `/api/tasks/${ID}/comments`],
  ['get', '/api/supervision/stuck'], ['get', '/api/incidents'], ['get', `/api/incidents/${ID}`], ['post', `/api/incidents/${ID}/resolve`],
  ['get', '/api/analytics/funnel'], ['get', '/api/analytics/durations?templateKey=quick-order'], ['get', '/api/analytics/time-allocation'],
  ['get', '/api/audit'], ['get', '/api/users'], ['post', '/api/users'], ['get', '/api/me'],
];
const ADMIN_OR_SUPERVISOR_ONLY: [string, string][] = [
  ['post', '/api/templates'], ['put', '/api/templates/quick-order/draft'], ['post', '/api/templates/quick-order/validate'],
  ['post', '/api/templates/quick-order/publish'], ['post', '/api/templates/import/bpmn'], ['post', `/api/orders/${ID}/cancel`],
  ['post', `/api/orders/${ID}/migrate`], ['post', `/api/tasks/${ID}/reassign`], ['get', '/api/supervision/stuck'], ['get', '/api/incidents'],
  ['get', `/api/incidents/${ID}`], ['post', `/api/incidents/${ID}/resolve`], ['get', '/api/analytics/funnel'],
  ['get', '/api/analytics/durations?templateKey=quick-order'], ['get', '/api/analytics/time-allocation'], ['get', '/api/audit'],
  ['get', '/api/users'], ['post', '/api/users'],
];
const ADMIN_ONLY: [string, string][] = [
  ['post', '/api/templates'], ['put', '/api/templates/quick-order/draft'], ['post', '/api/templates/quick-order/publish'],
  ['post', '/api/templates/import/bpmn'], ['post', '/api/users'],
];

type Method = 'get' | 'post' | 'put';
const call = (method: string, path: string) => stack.http[method as Method](path);

describe('given no token', () => {
  it('answers 401 problem+json on every route but login and health', async () => {
    for (const [method, path] of ROUTES) {
      const res = await call(method, path).send({});
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    await stack.http.get('/api/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    await stack.http.get('/api/health').expect(200);
  });
});

describe('given a rep', () => {
  it('answers 403 on admin and supervisor routes', async () => {
    for (const [method, path] of ADMIN_OR_SUPERVISOR_ONLY) {
      const res = await call(method, path).set(auth(tokens.rep1)).send({});
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 403, 'forbidden']);
    }
  });

  it('cannot read, complete, claim or comment on another rep\'s task', async () => {
    const read = await stack.http.get(`/api/tasks/${eastTask}`).set(auth(tokens.rep2)).expect(403);
    expect(read.body.code).toBe('forbidden');
    await stack.http.post(`/api/tasks/${eastTask}/complete`).set(auth(tokens.rep2)).send({ data: { quantity: 1, unitPrice: 1 } }).expect(403);
    await stack.http.post(`/api/tasks/${eastTask}/claim`).set(auth(tokens.rep2)).expect(403);
    await stack.http.post(`/api/tasks/${eastTask}/comments`).set(auth(tokens.rep2)).send({ text: 'mine now' }).expect(403);
    await stack.http.post(`/api/tasks/${eastTask}/release`).set(auth(tokens.rep2)).expect(403);
    const [row] = await stack.ds.query(`SELECT status, assignee FROM tasks WHERE id = $1`, [eastTask]);
    expect(row).toEqual({ status: 'open', assignee: 'rep1' });
    const inbox = await stack.http.get('/api/tasks?limit=200').set(auth(tokens.rep2)).expect(200);
    expect(inbox.body.items.map((t: { id: string }) => t.id)).not.toContain(eastTask);
  });

  it('lists their own tasks with assignee=me, and no one else\'s by naming another rep', async () => {
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((t) => t.id);
    expect(ids(await stack.http.get('/api/tasks?assignee=me&limit=200').set(auth(tokens.rep1)).expect(200))).toContain(eastTask);
    expect(ids(await stack.http.get('/api/tasks?assignee=me&limit=200').set(auth(tokens.rep2)).expect(200))).not.toContain(eastTask);
    expect(ids(await stack.http.get('/api/tasks?assignee=rep1&limit=200').set(auth(tokens.rep2)).expect(200))).toEqual([]);
  });

  it('sees the queue of their own region only', async () => {
    await stack.http.get(`/api/tasks/${westTask}`).set(auth(tokens.rep3)).expect(200);
    await stack.http.get(`/api/tasks/${westTask}`).set(auth(tokens.rep1)).expect(403);
    await stack.http.post(`/api/tasks/${westTask}/claim`).set(auth(tokens.rep1)).expect(403);
    const east = await stack.http.get(`/api/tasks?orderId=${westOrder}`).set(auth(tokens.rep1)).expect(200);
    expect(east.body.items).toEqual([]);
    const west = await stack.http.get(`/api/tasks?orderId=${westOrder}`).set(auth(tokens.rep3)).expect(200);
    expect(west.body.items.map((t: { id: string }) => t.id)).toEqual([westTask]);
  });

  it('sees only the orders they work on', async () => {
    await stack.http.get(`/api/orders/${eastOrder}`).set(auth(tokens.rep1)).expect(200);
    await stack.http.get(`/api/orders/${eastOrder}/timeline`).set(auth(tokens.rep1)).expect(200);
    const other = await stack.http.get(`/api/orders/${eastOrder}`).set(auth(tokens.rep2)).expect(403);
    expect(other.body.code).toBe('forbidden');
    await stack.http.get(`/api/orders/${eastOrder}/timeline`).set(auth(tokens.rep2)).expect(403);
    await stack.http.post(`/api/orders/${eastOrder}/messages/ping`).set(auth(tokens.rep2)).send({}).expect(403);
    const list = await stack.http.get('/api/orders?limit=200').set(auth(tokens.rep2)).expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(eastOrder);
    // rep3 works the west queue, so the west order is theirs to see.
    await stack.http.get(`/api/orders/${westOrder}`).set(auth(tokens.rep3)).expect(200);
    await stack.http.get(`/api/orders/${westOrder}`).set(auth(tokens.rep1)).expect(403);
  });

  it('starts orders in their own region only', async () => {
    const res = await stack.http.post('/api/orders').set(auth(tokens.rep1)).send({ templateKey: 'quick-order', title: 'x', region: 'west' }).expect(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('given supervisors of two regions', () => {
  it('answers 403 on admin-only routes', async () => {
    for (const [method, path] of ADMIN_ONLY) {
      const res = await call(method, path).set(auth(tokens.supervisor)).send({});
      expect([method, path, res.status]).toEqual([method, path, 403]);
    }
  });

  it('each sees only the orders, tasks and users of their region', async () => {
    const east = await stack.http.get('/api/orders?limit=200').set(auth(tokens.supervisor)).expect(200);
    expect(east.body.items.map((o: { id: string }) => o.id)).toContain(eastOrder);
    expect(east.body.items.every((o: { region: string }) => o.region === 'east')).toBe(true);
    const west = await stack.http.get('/api/orders?limit=200').set(auth(tokens.westSupervisor)).expect(200);
    expect(west.body.items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([westOrder]));
    expect(west.body.items.every((o: { region: string }) => o.region === 'west')).toBe(true);

    await stack.http.get(`/api/orders/${westOrder}`).set(auth(tokens.supervisor)).expect(403);
    await stack.http.get(`/api/tasks/${westTask}`).set(auth(tokens.supervisor)).expect(403);
    await stack.http.post(`/api/tasks/${westTask}/reassign`).set(auth(tokens.supervisor)).send({ userId: 'rep1' }).expect(403);
    await stack.http.post(`/api/orders/${westOrder}/cancel`).set(auth(tokens.supervisor)).send({ reason: 'not mine' }).expect(403);
    await stack.http.get('/api/orders?region=west').set(auth(tokens.supervisor)).expect(403);
    const tasks = await stack.http.get('/api/tasks?limit=200').set(auth(tokens.supervisor)).expect(200);
    expect(tasks.body.items.every((t: { region: string }) => t.region === 'east')).toBe(true);

    const users = await stack.http.get('/api/users?limit=200').set(auth(tokens.supervisor)).expect(200);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['rep1', 'rep2', 'supervisor']));
    expect(users.body.items.every((u: { region: string }) => u.region === 'east')).toBe(true);
    expect(users.body.items[0]).not.toHaveProperty('passwordHash');
  });

  it('lets a supervisor reassign within the region, which shows the order to the new rep and lands in the region\'s audit', async () => {
    const res = await stack.http.post(`/api/tasks/${eastTask}/reassign`).set(auth(tokens.supervisor)).send({ userId: 'rep2', reason: 'rep1 on leave' }).expect(200);
    expect(res.body.assignee).toBe('rep2');
    await stack.http.get(`/api/orders/${eastOrder}`).set(auth(tokens.rep2)).expect(200);
    await stack.http.get(`/api/tasks/${eastTask}`).set(auth(tokens.rep1)).expect(403);

    const audit = await stack.http.get(`/api/audit?target=task:${eastTask}`).set(auth(tokens.supervisor)).expect(200);
    expect(audit.body.items[0]).toMatchObject({ actor: 'supervisor', action: 'task.reassign', reason: 'rep1 on leave', data: { from: 'rep1', to: 'rep2' } });
    const westView = await stack.http.get(`/api/audit?target=task:${eastTask}`).set(auth(tokens.westSupervisor)).expect(200);
    expect(westView.body.items).toEqual([]);
    // Admin-only entries (users, templates) carry no region: supervisors never see them.
    const users = await stack.http.get('/api/audit?action=user.create').set(auth(tokens.supervisor)).expect(200);
    expect(users.body.items).toEqual([]);
    const asAdmin = await stack.http.get('/api/audit?action=user.create&limit=200').set(auth(tokens.admin)).expect(200);
    expect(asAdmin.body.items.map((e: { data: { username: string } }) => e.data.username)).toContain(westSupervisor);
  });
});

describe('users and /me', () => {
  it('GET /me answers the caller from the database', async () => {
    const me = await stack.http.get('/api/me').set(auth(tokens.rep3)).expect(200);
    expect(me.body).toMatchObject({ username: 'rep3', roles: ['rep'], region: 'west' });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('POST /users stores an argon2id hash, refuses duplicates, and honours Idempotency-Key', async () => {
    const username = uniqueKey('new-rep').replace(/-/g, '.');
    const body = { username, displayName: 'New rep', password: 'correct horse battery', roles: ['rep'], region: 'east' };
    const first = await stack.http.post('/api/users').set(auth(tokens.admin)).set('Idempotency-Key', `${username}-k`).send(body).expect(201);
    const replay = await stack.http.post('/api/users').set(auth(tokens.admin)).set('Idempotency-Key', `${username}-k`).send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    const dup = await stack.http.post('/api/users').set(auth(tokens.admin)).send(body).expect(409);
    expect(dup.body.code).toBe('user_exists');

    const [row] = await stack.ds.query(`SELECT password_hash FROM users WHERE username = $1`, [username]);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await argon2.verify(row.password_hash, 'correct horse battery')).toBe(true);
    const login = await stack.http.post('/api/auth/login').send({ username, password: 'correct horse battery' }).expect(200);
    expect(login.body.user).toMatchObject({ username, roles: ['rep'], region: 'east' });
  });

  it('refuses bad users with 400 naming the field', async () => {
    const base = { username: 'valid.name', displayName: 'x', password: 'long enough', roles: ['rep'] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, roles: ['wizard'] }, 'roles.0'],
      [{ ...base, roles: [] }, 'roles'],
      [{ ...base, password: 'short' }, 'password'],
      [{ ...base, username: 'Has Spaces' }, 'username'],
      [{ ...base, region: 'atlantis' }, 'region'],
      [{ ...base, admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const res = await stack.http.post('/api/users').set(auth(tokens.admin)).send(body).expect(400);
      expect(fieldsOf(res.body)).toContain(field);
    }
  });

  it('lists users by username with filters and a cursor', async () => {
    const reps = await stack.http.get('/api/users?role=rep&limit=200').set(auth(tokens.admin)).expect(200);
    expect(reps.body.items.every((u: { roles: string[] }) => u.roles.includes('rep'))).toBe(true);
    const first = await stack.http.get('/api/users?limit=1').set(auth(tokens.admin)).expect(200);
    const second = await stack.http.get(`/api/users?limit=1&cursor=${first.body.nextCursor}`).set(auth(tokens.admin)).expect(200);
    expect(second.body.items[0].username > first.body.items[0].username).toBe(true);
    await stack.http.get('/api/users?role=wizard').set(auth(tokens.admin)).expect(400);
  });
});
