/** BPMN events (and the receive task) → start, end, timer and messageCatch nodes. */
import type { MessageCatchNode, NodeOf, TimerNode } from '../schema';
import type { ModdleElement } from './bpmn-extensions';
import { commonFields, duration, expression, take, type ImportContext } from './import-context';

/** Start and end events keep their place in the flow; a trigger or result they carry is dropped. */
export function importStartOrEnd(ctx: ImportContext, element: ModdleElement, type: 'start' | 'end'): NodeOf<'start' | 'end'> {
  const definitions: ModdleElement[] = element.eventDefinitions ?? [];
  if (definitions.length > 0) {
    const kinds = definitions.map((definition) => definition.$type.slice(5).replace('EventDefinition', '').toLowerCase());
    ctx.warn('event_trigger_ignored', `The ${kinds.join(', ')} ${type === 'start' ? 'trigger' : 'result'} of "${element.id}" is not supported; it became a plain ${type} event.`, element.id);
  }
  return { ...commonFields(ctx, element), type };
}

/** An intermediate catch event: timer or message; undefined for any other trigger. */
export function importCatchEvent(ctx: ImportContext, element: ModdleElement): TimerNode | MessageCatchNode | undefined {
  const [definition, ...more]: ModdleElement[] = element.eventDefinitions ?? [];
  if (!definition || more.length > 0) return undefined;
  if (definition.$type === 'bpmn:TimerEventDefinition') return importTimer(ctx, element, definition);
  if (definition.$type === 'bpmn:MessageEventDefinition') return importMessageCatch(ctx, element, definition.messageRef);
  return undefined;
}

function importTimer(ctx: ImportContext, element: ModdleElement, definition: ModdleElement): TimerNode {
  const time = timerDuration(ctx, element, definition);
  const until = timerDate(ctx, element.id, definition.timeDate?.body);
  if (time === undefined && until === undefined) {
    ctx.warn('timer_not_mapped', `Timer "${element.id}" has no duration or date; set one before publishing.`, element.id);
  }
  return {
    ...commonFields(ctx, element),
    type: 'timer',
    ...(time !== undefined ? { duration: time } : {}),
    ...(until !== undefined ? { until } : {}),
  };
}

/** A timer definition's duration; cycles are reported (OrderPath has no repeating timers). */
export function timerDuration(ctx: ImportContext, element: ModdleElement, definition: ModdleElement): string | undefined {
  if (definition.timeCycle) {
    ctx.warn('timer_not_mapped', `Timer cycle "${definition.timeCycle.body ?? ''}" of "${element.id}" is not supported; the cycle was dropped.`, element.id);
  }
  return duration(ctx, definition.timeDuration?.body, element.id, 'timer duration');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `until` is an expression: a literal ISO date (Camunda's usual timeDate) becomes a string literal. */
function timerDate(ctx: ImportContext, elementId: string, raw: string | undefined): string | undefined {
  if (raw !== undefined && ISO_DATE.test(raw.trim())) return JSON.stringify(raw.trim());
  return expression(ctx, raw, elementId, 'timer date');
}

/** A message catch from an intermediate message event or a receive task. */
export function importMessageCatch(ctx: ImportContext, element: ModdleElement, message: ModdleElement | undefined): MessageCatchNode {
  const settings = take(ctx, element, 'orderpath:MessageSettings');
  const subscription = message && take(ctx, message, 'zeebe:Subscription');
  let name: string | undefined = message?.name?.trim();
  if (!name) {
    ctx.warn('missing_message', `Message catch "${element.id}" names no message; set one before publishing.`, element.id);
    name = 'unknown';
  }
  const correlation = settings?.correlation ?? expression(ctx, subscription?.correlationKey, element.id, 'correlation key');
  return {
    ...commonFields(ctx, element),
    type: 'messageCatch',
    message: name,
    ...(correlation !== undefined ? { correlation } : {}),
    ...(settings?.expectedWithin !== undefined ? { expectedWithin: settings.expectedWithin } : {}),
    ...(settings?.timeout !== undefined ? { timeout: settings.timeout } : {}),
    ...(settings?.timeoutEdge !== undefined ? { timeoutEdge: settings.timeoutEdge } : {}),
  };
}
