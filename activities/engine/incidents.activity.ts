import type { IncidentSpec } from '@orderpath/workflows/interpreter/ports';
import type { ActivityDeps } from '../deps';

export function incidentActivities({ ds }: ActivityDeps) {
  return {
    /** Opens an incident; returns the already-open one for the same node iteration (retry-safe). */
    async openIncident(spec: IncidentSpec): Promise<string> {
      const rows: { id: string }[] = await ds.query(
        `INSERT INTO incidents (order_id, node_id, iteration, activity, error, attempts)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (order_id, node_id, iteration) WHERE status = 'open' DO UPDATE SET error = EXCLUDED.error
         RETURNING id`,
        [spec.orderId, spec.nodeId, spec.iteration, spec.activity, spec.error.slice(0, 4000), spec.attempts],
      );
      return rows[0].id;
    },

    async closeIncident(incidentId: string, resolution: { action: string; by?: string | null }): Promise<void> {
      await ds.query(
        `UPDATE incidents SET status = 'resolved', resolution = $2, resolved_by = $3, resolved_at = now()
         WHERE id = $1 AND status = 'open'`,
        [incidentId, resolution.action, resolution.by ?? null],
      );
    },
  };
}
