/** What one order costs the Temporal server, read from its history: events by kind. */
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;

export async function historyShape(handle: WorkflowHandle): Promise<string> {
  const history = await handle.fetchHistory();
  const counts = new Map<string, number>();
  for (const event of history.events ?? []) {
    const name = EventType[event.eventType ?? 0]?.replace(/^EVENT_TYPE_/, '').toLowerCase() ?? String(event.eventType);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const n = (k: string) => counts.get(k) ?? 0;
  const kb = temporal.api.history.v1.History.encode(history).finish().length / 1024;
  return `${history.events?.length ?? 0} history events (${kb.toFixed(1)} KB): ${n('workflow_task_completed')} workflow tasks, ${n('activity_task_scheduled')} activities, `
    + `${n('marker_recorded')} local-activity markers, ${n('timer_started')} timers, ${n('upsert_workflow_search_attributes')} search-attribute upserts`;
}

/** Where a slow order's time went: its longest waits between consecutive history events. */
export async function longestGaps(handle: WorkflowHandle, count = 3): Promise<string> {
  const events = (await handle.fetchHistory()).events ?? [];
  const at = (i: number) => {
    const t = events[i].eventTime;
    return Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
  };
  const name = (i: number) => EventType[events[i].eventType ?? 0]?.replace(/^EVENT_TYPE_/, '').toLowerCase() ?? '?';
  const gaps = events.slice(1).map((_, j) => ({ ms: at(j + 1) - at(j), from: name(j), to: name(j + 1) }));
  gaps.sort((a, b) => b.ms - a.ms);
  const total = events.length > 1 ? at(events.length - 1) - at(0) : 0;
  return `${(total / 1000).toFixed(1)} s start to end; longest waits `
    + gaps.slice(0, count).map((g) => `${g.ms} ms ${g.from} → ${g.to}`).join(', ');
}
