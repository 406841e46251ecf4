/**
 * Demo only: a small template whose deliberately short deadlines make orders stuck within
 * minutes, one branch per stuck reason that comes from the template (DESIGN.md §5):
 * task_overdue (dueIn), waiting_too_long (expectedWithin), stage_overdue (stage sla). The
 * fourth branch waits for a message without any deadline: it shows `no_progress` once the
 * template's own `noProgressAfter` (the same short period) has passed without events.
 */
export const DEMO_STUCK_KEY = 'demo-stuck-orders';
export const STUCK_SCENARIOS = ['task_overdue', 'waiting_too_long', 'stage_overdue', 'no_progress'] as const;
export type StuckScenario = (typeof STUCK_SCENARIOS)[number];

export function demoStuckTemplate(after = 'PT2M') {
  return {
    key: DEMO_STUCK_KEY,
    name: 'Demo: follow-ups that get stuck',
    description: `Demo only. Short deadlines (${after}) so the supervision view has stuck orders of each kind right after start.`,
    stages: [{ id: 'follow-up', name: 'Follow-up' }, { id: 'urgent', name: 'Urgent follow-up', sla: after }],
    noProgressAfter: after,
    variables: [{ key: 'scenario', type: 'string', default: 'no_progress', description: STUCK_SCENARIOS.join(' | ') }],
    nodes: [
      { id: 'start', type: 'start', name: 'Follow-up opened' },
      { id: 'route', type: 'exclusiveGateway', name: 'Which follow-up?', stage: 'follow-up' },
      { id: 'call-back', type: 'userTask', name: 'Call the distributor back about the late delivery', stage: 'follow-up', role: 'rep', category: 'distributor_talks',
        dueIn: after, onOverdue: 'escalate', form: { fields: [{ key: 'callNote', type: 'textarea', label: 'What was agreed', required: true }] } },
      { id: 'await-confirmation', type: 'messageCatch', name: 'Wait for the distributor to confirm receipt', stage: 'follow-up', message: 'deliveryConfirmed', expectedWithin: after },
      { id: 'urgent-review', type: 'userTask', name: 'Review the disputed invoice', stage: 'urgent', role: 'rep', category: 'payment_collection',
        form: { fields: [{ key: 'resolution', type: 'textarea', label: 'Resolution', required: true }] } },
      { id: 'await-documents', type: 'messageCatch', name: 'Wait for the signed contract', stage: 'follow-up', message: 'documentsReceived' },
      { id: 'done', type: 'exclusiveGateway', name: 'Done', stage: 'follow-up' },
      { id: 'end', type: 'end', name: 'Closed' },
    ],
    edges: [
      { id: 'start:route', source: 'start', target: 'route' },
      { id: 'route:call-back', source: 'route', target: 'call-back', condition: "vars.scenario == 'task_overdue'" },
      { id: 'route:await-confirmation', source: 'route', target: 'await-confirmation', condition: "vars.scenario == 'waiting_too_long'" },
      { id: 'route:urgent-review', source: 'route', target: 'urgent-review', condition: "vars.scenario == 'stage_overdue'" },
      { id: 'route:await-documents', source: 'route', target: 'await-documents', default: true },
      { id: 'call-back:done', source: 'call-back', target: 'done' },
      { id: 'await-confirmation:done', source: 'await-confirmation', target: 'done' },
      { id: 'urgent-review:done', source: 'urgent-review', target: 'done' },
      { id: 'await-documents:done', source: 'await-documents', target: 'done' },
      { id: 'done:end', source: 'done', target: 'end' },
    ],
  };
}
