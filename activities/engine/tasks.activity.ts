import type { TaskSpec } from '@orderpath/workflows/interpreter/ports';
import type { ActivityDeps } from '../deps';

export function taskActivities({ ds }: ActivityDeps) {
  return {
    /** Creates the task row under the workflow's id, or returns the existing one (idempotent on orderId+nodeId+iteration). */
    async createTask(spec: TaskSpec): Promise<string> {
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO tasks (id, order_id, node_id, iteration, name, role, assignee, stage, category, due_at, form, prefill)
         VALUES ($12, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (order_id, node_id, iteration) DO UPDATE SET order_id = EXCLUDED.order_id
         RETURNING id`,
        [spec.orderId, spec.nodeId, spec.iteration, spec.name, spec.role, spec.assignee, spec.stage, spec.category,
          spec.dueAt, JSON.stringify(spec.form ?? null), JSON.stringify(spec.prefill ?? {}), spec.id],
      );
      return rows[0].id;
    },

    /** Closes an open task; a second call is a no-op, so retries are safe. */
    async closeTask(taskId: string, outcome: { status: 'completed' | 'cancelled'; data?: Record<string, unknown>; by?: string | null }): Promise<void> {
      await ds.query(
        `UPDATE tasks SET status = $2, data = $3, completed_by = $4, completed_at = now()
         WHERE id = $1 AND status = 'open'`,
        [taskId, outcome.status, outcome.data ? JSON.stringify(outcome.data) : null, outcome.by ?? null],
      );
    },

    async markTaskOverdue(taskId: string): Promise<void> {
      await ds.query(`UPDATE tasks SET overdue = true WHERE id = $1`, [taskId]);
    },
  };
}
