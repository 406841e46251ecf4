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
  return `${history.events?.length ?? 0} history events: ${n('workflow_task_completed')} workflow tasks, ${n('activity_task_scheduled')} activities, `
    + `${n('marker_recorded')} local-activity markers, ${n('timer_started')} timers, ${n('upsert_workflow_search_attributes')} search-attribute upserts`;
}
