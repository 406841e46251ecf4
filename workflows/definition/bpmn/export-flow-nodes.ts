/**
 * One template node → one BPMN flow node (plus, for message catches, its `bpmn:Message`).
 * Boundary timers and sequence flows are added by export-bpmn.ts once every node exists.
 */
import type { MessageCatchNode, Node, ServiceTaskNode, SubProcessNode, TimerNode, UserTaskNode } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import { defined, formal, setExtensions, setIds, type ExportContext } from './export-context';

export interface ExportedNode {
  element: ModdleElement;
  /** Root elements the node needs (a message catch's `bpmn:Message`). */
  rootElements: ModdleElement[];
}

export function exportFlowNode(ctx: ExportContext, node: Node): ExportedNode {
  const exported = createElement(ctx, node);
  const { element } = exported;
  setIds(ctx, element, node.id);
  if (node.name !== undefined) element.name = node.name;
  if (node.documentation !== undefined) {
    element.documentation = [ctx.moddle.create('bpmn:Documentation', { text: node.documentation })];
  }
  if (node.stage !== undefined) element.set('orderpath:stage', node.stage);
  return exported;
}

function createElement(ctx: ExportContext, node: Node): ExportedNode {
  const plain = (type: string) => ({ element: ctx.moddle.create(type), rootElements: [] });
  switch (node.type) {
    case 'start': return plain('bpmn:StartEvent');
    case 'end': return plain('bpmn:EndEvent');
    case 'exclusiveGateway': return plain('bpmn:ExclusiveGateway');
    case 'parallelGateway': return plain('bpmn:ParallelGateway');
    case 'userTask': return { element: userTask(ctx, node), rootElements: [] };
    case 'serviceTask': return { element: serviceTask(ctx, node), rootElements: [] };
    case 'timer': return { element: timer(ctx, node), rootElements: [] };
    case 'subProcess': return { element: callActivity(ctx, node), rootElements: [] };
    case 'messageCatch': return messageCatch(ctx, node);
  }
}

function userTask(ctx: ExportContext, node: UserTaskNode): ModdleElement {
  const { moddle } = ctx;
  const element = moddle.create('bpmn:UserTask');
  // The role is the task's lane (lanes.ts); everything else is an extension element.
  const deadlineInBoundary = ctx.boundaries.has(node.id);
  setExtensions(ctx, element, [
    node.form && moddle.create('orderpath:Form', { json: JSON.stringify(node.form) }),
    node.assignee !== undefined ? moddle.create('orderpath:Assignment', { assignee: node.assignee }) : undefined,
    node.category && moddle.create('orderpath:TimeAllocation', { category: node.category }),
    !deadlineInBoundary && (node.dueIn !== undefined || node.onOverdue !== undefined)
      ? moddle.create('orderpath:Deadline', defined({ dueIn: node.dueIn, onOverdue: node.onOverdue }))
      : undefined,
  ]);
  return element;
}

function serviceTask(ctx: ExportContext, node: ServiceTaskNode): ModdleElement {
  const { moddle } = ctx;
  const element = moddle.create('bpmn:ServiceTask');
  setExtensions(ctx, element, [
    moddle.create('orderpath:Activity', defined({ name: node.activity, timeout: node.timeout })),
    node.retry && moddle.create('orderpath:Retry', defined({ ...node.retry })),
    ioMapping(ctx, node),
  ]);
  return element;
}

function callActivity(ctx: ExportContext, node: SubProcessNode): ModdleElement {
  const { moddle } = ctx;
  const element = moddle.create('bpmn:CallActivity', { calledElement: node.templateKey });
  setExtensions(ctx, element, [
    node.templateVersion !== undefined ? moddle.create('orderpath:CalledTemplate', { version: node.templateVersion }) : undefined,
    ioMapping(ctx, node),
  ]);
  return element;
}

function ioMapping(ctx: ExportContext, node: ServiceTaskNode | SubProcessNode): ModdleElement | undefined {
  if (!node.input && !node.output) return undefined;
  const entries = (type: string, mapping: Record<string, string> = {}) =>
    Object.entries(mapping).map(([target, expression]) => ctx.moddle.create(type, { target, expression }));
  return ctx.moddle.create('orderpath:IoMapping', {
    inputs: entries('orderpath:Input', node.input),
    outputs: entries('orderpath:Output', node.output),
  });
}

function timer(ctx: ExportContext, node: TimerNode): ModdleElement {
  const definition = ctx.moddle.create('bpmn:TimerEventDefinition', defined({
    id: ctx.allocateId(`${ctx.xmlId(node.id)}_timer`),
    timeDuration: formal(ctx, node.duration),
    // `until` is an expression evaluated at run time; BPMN's timeDate holds it verbatim.
    timeDate: formal(ctx, node.until),
  }));
  return ctx.moddle.create('bpmn:IntermediateCatchEvent', { eventDefinitions: [definition] });
}

function messageCatch(ctx: ExportContext, node: MessageCatchNode): ExportedNode {
  const { moddle } = ctx;
  const message = moddle.create('bpmn:Message', { id: ctx.allocateId(`Message_${ctx.xmlId(node.id)}`), name: node.message });
  const asTask = ctx.boundaries.has(node.id);
  const element = asTask
    ? moddle.create('bpmn:ReceiveTask', { messageRef: message })
    : moddle.create('bpmn:IntermediateCatchEvent', {
      eventDefinitions: [moddle.create('bpmn:MessageEventDefinition', { id: ctx.allocateId(`${ctx.xmlId(node.id)}_message`), messageRef: message })],
    });
  const settings = defined({
    correlation: node.correlation,
    expectedWithin: node.expectedWithin,
    timeout: asTask ? undefined : node.timeout,
    timeoutEdge: asTask ? undefined : node.timeoutEdge,
  });
  setExtensions(ctx, element, [
    Object.keys(settings).length > 0 ? moddle.create('orderpath:MessageSettings', settings) : undefined,
  ]);
  return { element, rootElements: [message] };
}
