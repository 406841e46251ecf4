/**
 * The five reasons an order is stuck (DESIGN.md §5), each as one SQL branch over the read
 * models, yielding `(order_id, reason, since, node_id, detail)`. `since` is when the order became
 * stuck for that reason, truncated to milliseconds so cursors round-trip exactly:
 * - task_overdue: an open user task past `due_at`; since = due_at
 * - incident: an open incident; since = opened_at
 * - waiting_too_long: a message wait past `expectedBy` (order_waits); since = expectedBy
 * - stage_overdue: `stage_since + sla` of the order's stage has passed; since = stage_since + sla
 * - no_progress: a running/waiting order with no event for its template's `noProgressAfter`, else the
 *   configured period; since = last_event_at + period
 */
import type { SqlParams } from '../common/sql-params';

export const STUCK_REASONS = ['task_overdue', 'incident', 'waiting_too_long', 'stage_overdue', 'no_progress'] as const;
export type StuckReason = (typeof STUCK_REASONS)[number];

/** Orders in these statuses can be stuck; finished ones never are. */
export const ACTIVE_STATUSES = `('running', 'waiting', 'incident')`;

/** A stage SLA of one template version, parsed in JS so months and years match the engine (30 d / 365 d). */
export interface StageSla {
  key: string;
  version: number;
  stage: string;
  sla: string;
  slaMs: number;
}

/** A template version's own `noProgressAfter`, parsed in JS like the stage SLAs. */
export interface NoProgressPeriod {
  key: string;
  version: number;
  periodMs: number;
}

export interface StuckSqlInput {
  now: string;
  /** The default no_progress period (ORDERPATH_NO_PROGRESS_AFTER). */
  noProgressAfterMs: number;
  /** Template versions that set their own period. */
  noProgressPeriods: NoProgressPeriod[];
  slas: StageSla[];
  reasons?: readonly StuckReason[];
  /** SQL predicate on the branch's order id column (e.g. `= $3`), applied inside every branch. */
  orderIdIs?: string;
}

const ms = (sql: string) => `date_trunc('milliseconds', ${sql})`;

/** The UNION ALL of the selected reasons' branches. */
export function stuckBranchesSql(p: SqlParams, input: StuckSqlInput): string {
  // Added on first use: a placeholder no branch references would leave PostgreSQL without its type.
  let nowRef: string | undefined;
  const now = () => (nowRef ??= p.add(input.now));
  const only = (col: string) => (input.orderIdIs ? ` AND ${col} ${input.orderIdIs}` : '');
  const branches: Record<StuckReason, () => string> = {
    task_overdue: () => `SELECT t.order_id, 'task_overdue'::text AS reason, ${ms('t.due_at')} AS since, t.node_id,
        jsonb_build_object('taskId', t.id, 'taskName', t.name, 'assignee', t.assignee) AS detail
      FROM tasks t WHERE t.status = 'open' AND t.due_at IS NOT NULL AND t.due_at < ${now()}::timestamptz${only('t.order_id')}`,
    incident: () => `SELECT i.order_id, 'incident'::text, ${ms('i.opened_at')}, i.node_id,
        jsonb_build_object('incidentId', i.id, 'activity', i.activity, 'error', i.error)
      FROM incidents i WHERE i.status = 'open'${only('i.order_id')}`,
    waiting_too_long: () => `SELECT w.order_id, 'waiting_too_long'::text, ${ms('w.expected_by')}, w.node_id,
        jsonb_build_object('message', w.message, 'waitingSince', w.since)
      FROM order_waits w WHERE w.expected_by IS NOT NULL AND w.expected_by < ${now()}::timestamptz${only('w.order_id')}`,
    stage_overdue: () => {
      const slas = p.add(JSON.stringify(input.slas.map((s) => ({ key: s.key, version: s.version, stage: s.stage, sla: s.sla, sla_ms: s.slaMs }))));
      const due = `ob.stage_since + s.sla_ms * interval '1 millisecond'`;
      return `SELECT ob.id, 'stage_overdue'::text, ${ms(due)}, ob.active_nodes[1],
          jsonb_build_object('sla', s.sla, 'stageSince', ob.stage_since)
        FROM orders ob JOIN jsonb_to_recordset(${slas}::jsonb) AS s(key text, version int, stage text, sla text, sla_ms bigint)
          ON s.key = ob.template_key AND s.version = ob.template_version AND s.stage = ob.stage
        WHERE ob.status IN ${ACTIVE_STATUSES} AND ob.stage_since IS NOT NULL AND ${due} < ${now()}::timestamptz${only('ob.id')}`;
    },
    no_progress: () => {
      const fallback = p.add(input.noProgressAfterMs);
      const periods = p.add(JSON.stringify(input.noProgressPeriods.map((n) => ({ key: n.key, version: n.version, period_ms: n.periodMs }))));
      const period = `coalesce(np.period_ms, ${fallback}::bigint) * interval '1 millisecond'`;
      return `SELECT ob.id, 'no_progress'::text, ${ms(`ob.last_event_at + ${period}`)}, ob.active_nodes[1],
          jsonb_build_object('lastEventAt', ob.last_event_at)
        FROM orders ob LEFT JOIN jsonb_to_recordset(${periods}::jsonb) AS np(key text, version int, period_ms bigint)
          ON np.key = ob.template_key AND np.version = ob.template_version
        WHERE ob.status IN ('running', 'waiting') AND ob.last_event_at < ${now()}::timestamptz - ${period}${only('ob.id')}`;
    },
  };
  const selected = STUCK_REASONS.filter((r) => !input.reasons || input.reasons.includes(r));
  return selected.map((r) => `(${branches[r]()})`).join('\nUNION ALL\n');
}
