import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDefinition } from '../validate';
import { BpmnImportError } from './errors';
import { importBpmn } from './import-bpmn';

const camundaXml = readFileSync(join(__dirname, 'fixtures', 'camunda-credit-check.bpmn'), 'utf8');

/** A minimal BPMN document around `body` (the inside of one process, or more root elements). */
function bpmn(body: string, { process = true } = {}): string {
  const inner = process ? `<bpmn:process id="simple" isExecutable="true">${body}</bpmn:process>` : body;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">${inner}</bpmn:definitions>`;
}

const codes = (warnings: { code: string; elementId?: string }[]) => warnings.map((w) => [w.code, w.elementId]);

describe('importBpmn on a Camunda Modeler (Zeebe) diagram', () => {
  const imported = importBpmn(camundaXml);

  it('given the credit-check diagram when imported then the supported nodes are mapped by kind', async () => {
    const { definition } = await imported;
    expect(definition.key).toBe('process-creditcheck');
    expect(definition.name).toBe('Credit check');
    expect(Object.fromEntries(definition.nodes.map((node) => [node.id, node.type]))).toEqual({
      StartEvent_1: 'start', Activity_Score: 'serviceTask', Gateway_Score: 'exclusiveGateway',
      Activity_Review: 'userTask', Activity_Escalate: 'userTask', Gateway_Decision: 'exclusiveGateway',
      Activity_Notify: 'userTask', EndEvent_Rejected: 'end', Gateway_Merge: 'exclusiveGateway',
      Activity_Contract: 'subProcess', EndEvent_Cancelled: 'end', Event_CoolingOff: 'timer',
      Event_Signature: 'messageCatch', EndEvent_Approved: 'end',
    });
  });

  it('given zeebe extensions when imported then job type, retries, mappings, assignment, called process and subscription are read', async () => {
    const byId = new Map((await imported).definition.nodes.map((node) => [node.id, node]));
    expect(byId.get('Activity_Score')).toMatchObject({
      activity: 'credit-score', retry: { maxAttempts: 5 },
      input: { customerId: 'vars.customer.id' }, output: { creditScore: 'result.score' },
    });
    expect(byId.get('Activity_Review')).toMatchObject({
      role: 'supervisor', assignee: 'vars.reviewer', dueIn: 'PT4H', onOverdue: 'Flow_Escalated', position: { x: 540, y: 360 },
    });
    expect(byId.get('Activity_Escalate')).toMatchObject({ role: 'supervisor', assignee: '"head-of-sales"' });
    expect(byId.get('Activity_Notify')).toMatchObject({ role: 'sales-rep' });
    expect(byId.get('Activity_Contract')).toMatchObject({ templateKey: 'contract-drafting' });
    expect(byId.get('Event_CoolingOff')).toMatchObject({ duration: 'PT24H' });
    expect(byId.get('Event_Signature')).toMatchObject({ message: 'signature-received', correlation: 'vars.contractId' });
  });

  it('given FEEL conditions, a default flow, a boundary timer and a script task when imported then the edges follow them', async () => {
    const edges = new Map((await imported).definition.edges.map((edge) => [edge.id, edge]));
    expect(edges.get('Flow_Auto')).toEqual({
      id: 'Flow_Auto', source: 'Gateway_Score', target: 'Gateway_Merge', name: 'good score',
      condition: 'vars.creditScore >= 700 && vars.amount < 10000',
    });
    expect(edges.get('Flow_Approved')?.condition).toBe('vars.approved == true');
    expect(edges.get('Flow_Reject')?.condition).toBe('count(openInvoices) > 3');
    expect(edges.get('Flow_Manual')?.default).toBe(true);
    expect(edges.get('Flow_Escalated')).toMatchObject({ source: 'Activity_Review', target: 'Activity_Escalate' });
    expect(edges.has('Flow_AfterLimit')).toBe(false);
    expect(edges.has('Flow_Cancelled')).toBe(false);
  });

  it('given what OrderPath cannot map when imported then there is one warning per element, naming it', async () => {
    expect(codes((await imported).warnings)).toEqual(expect.arrayContaining([
      ['key_normalised', 'Process_CreditCheck'],
      ['role_normalised', 'Lane_SalesRep'],
      ['role_normalised', 'Lane_Supervisor'],
      ['task_headers_not_mapped', 'Activity_Score'],
      ['unsupported_element', 'Activity_Limit'],
      ['element_bridged', 'Activity_Limit'],
      ['form_not_mapped', 'Activity_Review'],
      ['task_as_user_task', 'Activity_Notify'],
      ['unsupported_element', 'Activity_OnWithdraw'],
      ['unsupported_boundary_event', 'Event_Withdrawn'],
      ['dropped_flow', 'Flow_Cancelled'],
      ['feel_not_translated', 'Flow_Reject'],
    ]));
    expect((await imported).warnings).toHaveLength(12);
  });

  it('given the imported definition when validated then it passes the schema and the errors left are the ones the warnings announced', async () => {
    const issues = validateDefinition((await imported).definition);
    expect(issues.filter((issue) => issue.code === 'schema')).toEqual([]);
    expect(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.edgeId ?? issue.nodeId).sort())
      .toEqual(['EndEvent_Cancelled', 'Flow_Reject']);
  });
});

describe('importBpmn on unreadable input', () => {
  it.each([
    ['an empty string', ''],
    ['plain text', 'this is not xml'],
    ['JSON', '{"nodes": []}'],
    ['HTML', '<html><body>hi</body></html>'],
    ['truncated BPMN', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p">'],
  ])('given %s when imported then a BpmnImportError is thrown', async (_, xml) => {
    await expect(importBpmn(xml)).rejects.toThrow(BpmnImportError);
  });

  it('given BPMN without a process when imported then a BpmnImportError says there is no process', async () => {
    const xml = bpmn('<bpmn:message id="Message_1" name="m" />', { process: false });
    await expect(importBpmn(xml)).rejects.toThrow(/no process/);
  });

  it('given the Camunda fixture with any one line of its process removed when imported then it either imports or throws BpmnImportError', async () => {
    const lines = camundaXml.split('\n');
    const first = lines.findIndex((line) => line.includes('<bpmn:process'));
    const last = lines.findIndex((line) => line.includes('</bpmn:process>'));
    for (let i = first; i <= last; i++) {
      const damaged = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      const outcome = await importBpmn(damaged).then(() => 'imported', (error: unknown) => error);
      if (outcome !== 'imported') expect(outcome).toBeInstanceOf(BpmnImportError);
    }
  });

  it('given a non-string input from an untyped caller when imported then a BpmnImportError is thrown', async () => {
    await expect(importBpmn(undefined as unknown as string)).rejects.toBeInstanceOf(BpmnImportError);
  });
});

describe('importBpmn on unsupported or odd content', () => {
  const sequence = (middle: string) => bpmn(`
    <bpmn:startEvent id="start" />
    ${middle}
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="middle" />
    <bpmn:sequenceFlow id="f2" sourceRef="middle" targetRef="end" />`);

  it('given an inclusive gateway when imported then a warning names it and its one path is bridged', async () => {
    const { definition, warnings } = await importBpmn(sequence('<bpmn:inclusiveGateway id="middle" />'));
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'unsupported_element', elementId: 'middle', message: expect.stringContaining('Inclusive gateway') }));
    expect(definition.edges).toEqual([{ id: 'f1', source: 'start', target: 'end' }]);
  });

  it('given a signal catch event when imported then the warning names the element and its trigger', async () => {
    const xml = sequence('<bpmn:intermediateCatchEvent id="middle"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>');
    const { warnings } = await importBpmn(xml);
    expect(warnings[0]).toMatchObject({ code: 'unsupported_element', elementId: 'middle', message: expect.stringContaining('(signal)') });
  });

  it('given an unsupported element with two ways out when imported then its flows are dropped, each with a warning', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" /><bpmn:inclusiveGateway id="fork" /><bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
      <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
      <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b" />`);
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.edges).toEqual([]);
    expect(codes(warnings)).toEqual([['unsupported_element', 'fork'], ['dropped_flow', 'f1'], ['dropped_flow', 'f2'], ['dropped_flow', 'f3']]);
  });

  it('given a plain bpmn.io diagram without lanes or drawing when imported then tasks get a placeholder role and nodes no position', async () => {
    const { definition, warnings } = await importBpmn(sequence('<bpmn:userTask id="middle" name="Do it" />'));
    expect(definition.nodes.find((node) => node.id === 'middle')).toEqual({ id: 'middle', name: 'Do it', type: 'userTask', role: 'unassigned' });
    expect(definition.nodes.every((node) => node.position === undefined)).toBe(true);
    expect(codes(warnings)).toEqual([['missing_role', 'middle']]);
  });

  it('given several processes when imported then the first with elements is imported and the others are named in warnings', async () => {
    const xml = bpmn(`
      <bpmn:process id="empty" />
      <bpmn:process id="first"><bpmn:startEvent id="s1" /></bpmn:process>
      <bpmn:process id="second"><bpmn:startEvent id="s2" /></bpmn:process>`, { process: false });
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.key).toBe('first');
    expect(codes(warnings)).toEqual([['multiple_processes', 'second']]);
  });

  it('given an id longer than template ids allow when imported then it is shortened consistently, with a warning', async () => {
    const long = `Start_${'x'.repeat(130)}`;
    const xml = bpmn(`<bpmn:startEvent id="${long}" /><bpmn:endEvent id="end" /><bpmn:sequenceFlow id="f" sourceRef="${long}" targetRef="end" />`);
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.edges).toEqual([{ id: 'f', source: long.slice(0, 110), target: 'end' }]);
    expect(definition.nodes[0].id).toBe(long.slice(0, 110));
    expect(codes(warnings)).toEqual([['id_normalised', long]]);
  });

  it('given non-ASCII ids, which are not legal BPMN ids, when imported then those elements are reported instead of thrown', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" /><bpmn:userTask id="Prüfung" /><bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Prüfung" />
      <bpmn:sequenceFlow id="f2" sourceRef="start" targetRef="end" />`);
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.edges).toEqual([{ id: 'f2', source: 'start', target: 'end' }]);
    expect(codes(warnings)).toEqual(expect.arrayContaining([['xml_warning', undefined], ['dropped_flow', 'f1']]));
  });

  it('given boundary timers OrderPath cannot express when imported then they are dropped or trimmed with warnings', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start" />
      <bpmn:serviceTask id="svc"><bpmn:extensionElements><zeebe:taskDefinition type="x" /></bpmn:extensionElements></bpmn:serviceTask>
      <bpmn:userTask id="task" />
      <bpmn:endEvent id="end" />
      <bpmn:boundaryEvent id="svc-timer" attachedToRef="svc"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:boundaryEvent id="remind" attachedToRef="task" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="svc" />
      <bpmn:sequenceFlow id="f2" sourceRef="svc" targetRef="task" />
      <bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="end" />
      <bpmn:sequenceFlow id="f4" sourceRef="remind" targetRef="end" />`);
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.nodes.find((node) => node.id === 'task')).toMatchObject({ dueIn: 'P1D', onOverdue: 'escalate' });
    expect(definition.edges.map((edge) => edge.id)).toEqual(['f1', 'f2', 'f3']);
    expect(codes(warnings)).toEqual(expect.arrayContaining([
      ['unsupported_boundary_event', 'svc-timer'], ['boundary_flow_dropped', 'f4'],
    ]));
  });

  it('given a timer start event, a dated timer and an unknown zeebe element when imported then each is mapped as far as possible and reported', async () => {
    const xml = bpmn(`
      <bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
      <bpmn:intermediateCatchEvent id="middle"><bpmn:extensionElements><zeebe:executionListeners /></bpmn:extensionElements>
        <bpmn:timerEventDefinition><bpmn:timeDate>2030-06-01T08:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:endEvent id="end" />
      <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="middle" />
      <bpmn:sequenceFlow id="f2" sourceRef="middle" targetRef="end" />`);
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.nodes.find((node) => node.id === 'middle')).toMatchObject({ type: 'timer', until: '"2030-06-01T08:00:00Z"' });
    expect(codes(warnings)).toEqual(expect.arrayContaining([['event_trigger_ignored', 'start'], ['xml_warning', undefined]]));
  });

  it('given a flow to a missing element when imported then it is dropped with a warning instead of throwing', async () => {
    const xml = bpmn('<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ghost" />');
    const { definition, warnings } = await importBpmn(xml);
    expect(definition.edges).toEqual([]);
    expect(codes(warnings)).toEqual(expect.arrayContaining([['xml_warning', 'f1'], ['dropped_flow', 'f1']]));
  });

  it('given a service task without a job type when imported then it keeps its place with a placeholder activity and a warning', async () => {
    const { definition, warnings } = await importBpmn(sequence('<bpmn:serviceTask id="middle" />'));
    expect(definition.nodes.find((node) => node.id === 'middle')).toMatchObject({ type: 'serviceTask', activity: 'unknown' });
    expect(codes(warnings)).toContainEqual(['missing_activity', 'middle']);
  });
});
