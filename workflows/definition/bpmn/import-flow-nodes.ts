/** One BPMN flow element → one template node, or undefined (with a warning) when it has none. */
import type { Node } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import { commonFields, reportUnmappedExtensions, type ImportContext } from './import-context';
import { importCatchEvent, importMessageCatch, importStartOrEnd } from './import-events';
import { importCallActivity, importServiceTask, importUserTask } from './import-tasks';

export function importFlowNode(ctx: ImportContext, element: ModdleElement): Node | undefined {
  const node = mapElement(ctx, element);
  if (!node) {
    ctx.warn('unsupported_element', `${describe(element)} "${element.id}" is not supported by OrderPath and was dropped.`, element.id);
    return undefined;
  }
  if (element.loopCharacteristics) {
    ctx.warn('loop_not_supported', `Loop / multi-instance markers on "${element.id}" are not supported; it runs once.`, element.id);
  }
  reportUnmappedExtensions(ctx, element);
  return node;
}

function mapElement(ctx: ImportContext, element: ModdleElement): Node | undefined {
  switch (element.$type) {
    case 'bpmn:StartEvent': return importStartOrEnd(ctx, element, 'start');
    case 'bpmn:EndEvent': return importStartOrEnd(ctx, element, 'end');
    case 'bpmn:UserTask': return importUserTask(ctx, element);
    case 'bpmn:Task':
    case 'bpmn:ManualTask':
      ctx.warn('task_as_user_task', `${describe(element)} "${element.id}" became a user task; check its role and form.`, element.id);
      return importUserTask(ctx, element);
    case 'bpmn:ServiceTask':
    case 'bpmn:SendTask':
    case 'bpmn:ScriptTask':
    case 'bpmn:BusinessRuleTask':
      return importServiceTask(ctx, element);
    case 'bpmn:ReceiveTask': return importMessageCatch(ctx, element, element.messageRef);
    case 'bpmn:IntermediateCatchEvent': return importCatchEvent(ctx, element);
    case 'bpmn:ExclusiveGateway': return { ...commonFields(ctx, element), type: 'exclusiveGateway' };
    case 'bpmn:ParallelGateway': return { ...commonFields(ctx, element), type: 'parallelGateway' };
    case 'bpmn:CallActivity': return importCallActivity(ctx, element);
    default: return undefined;
  }
}

/** `bpmn:InclusiveGateway` → "Inclusive gateway"; an event names its trigger. */
function describe(element: ModdleElement): string {
  if (element.$type === 'bpmn:SubProcess' && element.triggeredByEvent) return 'Event subprocess';
  const words = element.$type.replace(/^\w+:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const triggers = (element.eventDefinitions ?? []).map((definition: ModdleElement) =>
    definition.$type.replace(/^\w+:/, '').replace('EventDefinition', '').toLowerCase());
  const text = triggers.length > 0 ? `${words} (${triggers.join(', ')})` : words;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
