/**
 * The end of an order on a dev server (real time, Temporal's visibility), with the real worker and
 * PostgreSQL: the last batch of projection events travels in the workflow's result, the worker's
 * end sink writes it as the order ends, and the closed-order projector writes it from the result
 * when that write failed (here) or was lost before a restart (its first sweep).
 */
import { createActivities } from '@orderpath/activities';
import { def, edge, node } from '@orderpath/workflows/definition/test-builders';
import { ClosedOrderProjector } from '../../apps/worker/src/closed-order-projector';
import { useDevServerHarness } from './helpers/harness';
import { checked, eventsOf, startOrder, uniqueKey, until } from './helpers/orders';

const harness = useDevServerHarness({ extraActivities: { pack: async () => ({ packed: true }) } });

/** start → pack → a 1 s timer (a short one: no write before it) → pack again → end: one write, at the end. */
const template = () => checked(def(
  [node('start', 'start'), node('pack', 'serviceTask', { activity: 'pack', output: { packed: 'result.packed' } }),
    node('settle', 'timer', { duration: 'PT1S' }), node('repack', 'serviceTask', { activity: 'pack' }), node('end', 'end')],
  [edge('start', 'pack'), edge('pack', 'settle'), edge('settle', 'repack'), edge('repack', 'end')],
  { key: uniqueKey('end-batch'), name: 'End batch' },
), { activities: ['pack'] });

interface OrderRow { status: string; ended: boolean; lastSeq: number }
async function orderRow(orderId: string): Promise<OrderRow> {
  const [row] = await harness.h.ds.query(
    `SELECT status, ended_at IS NOT NULL AS ended, last_seq AS "lastSeq" FROM orders WHERE id = $1`, [orderId]) as OrderRow[];
  return row;
}

describe('given an order whose only projection write is its end', () => {
  it('when it completes, then the result carries the last batch, the projection already has it, and the history has no local activity', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, template());
    const result = await handle.result();
    // then
    const end = result.endEvents ?? [];
    expect(end[0]).toMatchObject({ seq: 1, type: 'order_started' });
    expect(end.at(-1)).toMatchObject({ type: 'order_completed', snapshot: { status: 'completed', activeNodes: [] } });
    expect(await orderRow(orderId)).toEqual({ status: 'completed', ended: true, lastSeq: end.at(-1)?.seq });
    expect((await eventsOf(h.ds, orderId)).map((e) => e.seq)).toEqual(end.map((e) => e.seq));
    const history = await handle.fetchHistory();
    expect(history.events?.filter((e) => e.markerRecordedEventAttributes)).toEqual([]);
  });

  it('when the write of its end was lost, then the closed-order projector writes it from the result, once', async () => {
    const { h } = harness;
    const { orderId, handle } = await startOrder(h, template());
    const { endEvents } = await handle.result();
    // given the projection as a failed end write leaves it: nothing of the batch stored
    await h.ds.query(`DELETE FROM order_events WHERE order_id = $1`, [orderId]);
    await h.ds.query(`UPDATE orders SET status = 'starting', ended_at = NULL, last_seq = 0, variables = '{}' WHERE id = $1`, [orderId]);
    // when a projector starts (as on a worker's restart, which knows of no failure); each attempt a
    // new one, whose first sweep looks at everything, until Temporal lists the order as closed
    const written = await until('the projector writes the order\'s end', async () => {
      const ids = await new ClosedOrderProjector({ client: h.env.client, ds: h.ds, recordEvents: createActivities({ ds: h.ds }).recordEvents }).pass();
      return ids.length > 0 && ids;
    });
    // then
    expect(written).toEqual([`order-${orderId}`]);
    expect(await orderRow(orderId)).toEqual({ status: 'completed', ended: true, lastSeq: endEvents?.at(-1)?.seq });
    expect((await eventsOf(h.ds, orderId)).map((e) => e.seq)).toEqual(endEvents?.map((e) => e.seq));
    const [{ variables }] = await h.ds.query(`SELECT variables FROM orders WHERE id = $1`, [orderId]) as { variables: unknown }[];
    expect(variables).toEqual({ packed: true });
  });

  it('when the database refuses its end as it ends, then the order still ends, and the worker\'s projector writes the end once the database takes it', async () => {
    const { h } = harness;
    const definition = template();
    // given a database that refuses to end orders of this template (a trigger standing in for an outage)
    const trigger = `refuse_end_${definition.key.replace(/\W/g, '_')}`;
    await h.ds.query(`CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.template_key = '${definition.key}' AND NEW.ended_at IS NOT NULL THEN RAISE EXCEPTION 'refused by the test'; END IF;
      RETURN NEW; END $$`);
    await h.ds.query(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      const { orderId, handle } = await startOrder(h, definition);
      // when it runs to its end
      const { endEvents } = await handle.result();
      // then Temporal has it completed, the projection nothing of the batch, and the projector the order in hand
      expect(await orderRow(orderId)).toEqual({ status: 'starting', ended: false, lastSeq: 0 });
      expect(h.projector.pending).toContain(`order-${orderId}`);
      await h.projector.pass();
      expect(h.projector.pending).toContain(`order-${orderId}`);
      // when the database takes writes again
      await h.ds.query(`DROP TRIGGER ${trigger} ON orders`);
      expect(await h.projector.pass()).toEqual([`order-${orderId}`]);
      expect(h.projector.pending).not.toContain(`order-${orderId}`);
      expect(await orderRow(orderId)).toEqual({ status: 'completed', ended: true, lastSeq: endEvents?.at(-1)?.seq });
    } finally {
      await h.ds.query(`DROP TRIGGER IF EXISTS ${trigger} ON orders`);
      await h.ds.query(`DROP FUNCTION IF EXISTS ${trigger}()`);
    }
  });
});
