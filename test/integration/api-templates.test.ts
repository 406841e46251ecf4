/**
 * Templates through HTTP: list, draft, validate, publish (audited), versions, BPMN export and
 * import (Camunda Modeler and our own export), bad XML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from '../support/stack';
import { auth, fieldsOf, linear, uniqueKey } from './api-support';

let stack: Stack;
let admin: string;
let rep: string;

beforeAll(async () => {
  stack = await startStack();
  admin = await stack.login('admin');
  rep = await stack.login('rep1');
}, 120_000);
afterAll(() => stack?.close());

const FIXTURES = join(__dirname, '../../workflows/definition/bpmn/fixtures');
const xmlPost = (path: string, xml: string, token = admin) =>
  stack.http.post(path).set(auth(token)).set('Content-Type', 'application/xml').send(xml);

describe('given a template drawn by an admin', () => {
  const key = uniqueKey('tpl');

  it('creates, validates, publishes it and keeps every version immutable', async () => {
    const def = linear(key, [{ id: 'confirm', type: 'userTask', name: 'Confirm', role: 'rep', stage: 'place' }], [{ id: 'place', name: 'Place' }]);
    const created = await stack.http.post('/api/templates').set(auth(admin)).send({ key, name: 'Template one', definition: def }).expect(201);
    expect(created.body).toMatchObject({ key, name: 'Template one', versions: [] });

    const broken = { ...def, edges: def.edges.slice(1) };
    const saved = await stack.http.put(`/api/templates/${key}/draft`).set(auth(admin)).send({ definition: broken }).expect(200);
    expect(saved.body.issues.length).toBeGreaterThan(0);
    const invalid = await stack.http.post(`/api/templates/${key}/validate`).set(auth(admin)).expect(200);
    expect(invalid.body.valid).toBe(false);
    const refused = await stack.http.post(`/api/templates/${key}/publish`).set(auth(admin)).expect(422);
    expect(refused.body.code).toBe('template_invalid');
    expect(refused.body.issues.length).toBeGreaterThan(0);

    await stack.http.put(`/api/templates/${key}/draft`).set(auth(admin)).send({ definition: def }).expect(200);
    expect((await stack.http.post(`/api/templates/${key}/validate`).set(auth(admin)).expect(200)).body).toEqual({ valid: true, issues: [] });
    expect((await stack.http.post(`/api/templates/${key}/publish`).set(auth(admin)).expect(200)).body).toEqual({ version: 1 });
    const v2 = await stack.http.post(`/api/templates/${key}/publish`).set(auth(admin)).send({ reason: 'second cut' }).expect(200);
    expect(v2.body).toEqual({ version: 2 });

    const v1 = await stack.http.get(`/api/templates/${key}/versions/1`).set(auth(rep)).expect(200);
    expect(v1.body).toMatchObject({ key, version: 1, nodes: expect.any(Array) });
    const detail = await stack.http.get(`/api/templates/${key}`).set(auth(rep)).expect(200);
    expect(detail.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('audits creation and publishing', async () => {
    const audit = await stack.http.get(`/api/audit?target=template:${key}`).set(auth(admin)).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['template.publish', 'template.publish', 'template.create']);
    expect(audit.body.items[0]).toMatchObject({ actor: 'admin', reason: 'second cut', data: { version: 2 } });
  });

  it('lists templates by key, page by page', async () => {
    const first = await stack.http.get('/api/templates?limit=1').set(auth(rep)).expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http.get(`/api/templates?limit=1&cursor=${first.body.nextCursor}`).set(auth(rep)).expect(200);
    expect(second.body.items[0].key > first.body.items[0].key).toBe(true);
    // Walk every page: the shared test database holds other suites' templates too (more than 200).
    let listed: unknown;
    for (let cursor = ''; !listed;) {
      const page = await stack.http.get(`/api/templates?limit=200${cursor && `&cursor=${cursor}`}`).set(auth(rep)).expect(200);
      listed = page.body.items.find((t: { key: string }) => t.key === key);
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(listed).toMatchObject({ latestVersion: 2 });
  });

  it('exports a version as BPMN XML that imports back under another key', async () => {
    const res = await stack.http.get(`/api/templates/${key}/versions/1/bpmn`).set(auth(rep)).expect(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.text).toContain('bpmn:definitions');
    expect(res.text).toContain('bpmndi:BPMNDiagram');

    const copy = uniqueKey('tpl-copy');
    const imported = await xmlPost(`/api/templates/import/bpmn?key=${copy}`, res.text).expect(201);
    expect(imported.body).toMatchObject({ key: copy, created: true, warnings: [], issues: [] });
    const draft = await stack.http.get(`/api/templates/${copy}`).set(auth(admin)).expect(200);
    expect(draft.body.draft.nodes.map((n: { id: string }) => n.id)).toEqual(['start', 'confirm', 'end']);
    expect(draft.body.draft.key).toBe(copy);

    // A second import replaces the draft of the existing template.
    const again = await xmlPost(`/api/templates/import/bpmn?key=${copy}`, res.text).expect(200);
    expect(again.body).toMatchObject({ key: copy, created: false });
    const audit = await stack.http.get(`/api/audit?target=template:${copy}`).set(auth(admin)).expect(200);
    expect(audit.body.items.map((e: { action: string; data: { created: boolean } }) => [e.action, e.data.created]))
      .toEqual([['template.import', false], ['template.import', true]]);
  });
});

describe('given BPMN from elsewhere', () => {
  it('imports a Camunda Modeler file, reporting what it could not map as warnings', async () => {
    const xml = readFileSync(join(FIXTURES, 'camunda-credit-check.bpmn'), 'utf8');
    const key = uniqueKey('camunda');
    const res = await xmlPost(`/api/templates/import/bpmn?key=${key}`, xml).set('Content-Type', 'text/xml').expect(201);
    expect(res.body.key).toBe(key);
    expect(Array.isArray(res.body.warnings)).toBe(true);
    expect(res.body.warnings.every((w: { code: string; message: string }) => typeof w.code === 'string' && typeof w.message === 'string')).toBe(true);
    await stack.http.get(`/api/templates/${key}`).set(auth(admin)).expect(200);
  });

  it('derives the key from the BPMN process when none is given', async () => {
    const id = uniqueKey('proc');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://example.com">
  <bpmn:process id="${id}" name="Tiny" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:endEvent id="e" />
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />
  </bpmn:process>
</bpmn:definitions>`;
    const res = await xmlPost('/api/templates/import/bpmn', xml).expect(201);
    expect(res.body.key).toEqual(expect.stringMatching(/^[a-z0-9][a-z0-9-]*$/));
    await stack.http.get(`/api/templates/${res.body.key}`).set(auth(admin)).expect(200);
  });

  it('answers unreadable XML or XML without a process with 400 naming the body', async () => {
    for (const xml of ['<not-closed', '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>', ' ']) {
      const res = await xmlPost('/api/templates/import/bpmn', xml).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toMatch(/bpmn_unreadable|xml_expected/);
      expect(fieldsOf(res.body)).toEqual(['body']);
    }
  });

  it('is for admins only', async () => {
    await xmlPost('/api/templates/import/bpmn', '<x/>', rep).expect(403);
  });
});
