import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ActivityDeps } from '../deps';

export function orderActivities({ ds }: ActivityDeps) {
  return {
    /** Creates the projection row of a sub-process order (idempotent on its id). $2 is cast once per use:
     *  PostgreSQL refuses one untyped parameter deduced as uuid and as text in the same statement. */
    async createChildOrder(input: { parentOrderId: string; orderId: string; template: Definition; nodeId: string }): Promise<void> {
      await ds.query(
        `INSERT INTO orders (id, workflow_id, template_key, template_version, title, distributor_id, region, status, created_by)
         SELECT $2::uuid, 'order-' || $2::text, $3, $4, p.title || ' / ' || $5, p.distributor_id, p.region, 'running', p.created_by
         FROM orders p WHERE p.id = $1
         ON CONFLICT (id) DO NOTHING`,
        [input.parentOrderId, input.orderId, input.template.key, input.template.version, input.template.name],
      );
    },
  };
}
