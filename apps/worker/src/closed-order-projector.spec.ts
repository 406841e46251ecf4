import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { RecordEventsInput } from '@orderpath/activities';
import type { OrderWorkflowResult } from '@orderpath/workflows/messages';
import { ClosedOrderProjector } from './closed-order-projector';

const end = (seq: number) => [{ seq, type: 'order_completed', at: 't', snapshot: { status: 'completed' as const, stage: null, activeNodes: [] } }];
const completed = (seq: number, vars: Record<string, unknown> = {}): OrderWorkflowResult => ({ status: 'completed', vars, endEvents: end(seq) });

interface FakeRun { status: string; result?: OrderWorkflowResult }

/** Fakes of Temporal (runs by workflow id) and of the orders table (workflow ids whose end is stored). */
function fakes(runs: Record<string, FakeRun>, ended: string[] = []) {
  const queries: string[] = [];
  const state = { listError: undefined as Error | undefined, refuse: new Set<string>() };
  const client = {
    options: { namespace: 'orders' },
    // Temporal's raw list, two executions a page
    workflowService: {
      listWorkflowExecutions: async ({ namespace, query, nextPageToken }: { namespace: string; query: string; nextPageToken?: Uint8Array }) => {
        expect(namespace).toBe('orders');
        if (!nextPageToken) queries.push(query);
        if (state.listError) throw state.listError;
        const closed = Object.entries(runs).filter(([, r]) => r.status === 'COMPLETED');
        const from = nextPageToken ? nextPageToken[0] : 0;
        const executions = closed.slice(from, from + 2).map(([workflowId]) => ({ execution: { workflowId, runId: `run-${workflowId}` } }));
        return { executions, nextPageToken: from + 2 < closed.length ? Uint8Array.of(from + 2) : new Uint8Array() };
      },
    },
    workflow: {
      getHandle: (workflowId: string, runId?: string) => ({
        describe: async () => {
          if (!runs[workflowId]) throw new WorkflowNotFoundError('not found', workflowId, undefined);
          return { status: { name: runs[workflowId].status } };
        },
        result: async () => {
          if (runId !== undefined) expect(runId).toBe(`run-${workflowId}`);
          return runs[workflowId].result;
        },
      }),
    },
  } as unknown as Client;
  const rows = (ids: string[]) => ids.filter((id) => id in runs).map((id) => ({ id: id.replace('order-', ''), workflow_id: id, ended: ended.includes(id) }));
  const ds = {
    driver: { master: { query: async (_text: string, [ids]: [string | string[]]) => ({
      rows: Array.isArray(ids) ? rows(ids).filter((r) => !r.ended) : rows([ids]),
    }) } },
  } as unknown as DataSource;
  const written: RecordEventsInput[] = [];
  const warnings: string[] = [];
  const projector = new ClosedOrderProjector({
    client, ds, sweepEveryMs: 600_000, sweepLookbackMs: 1_800_000, log: { warn: (m) => warnings.push(m) },
    recordEvents: async (input) => {
      if (state.refuse.has(input.orderId)) throw new Error('database refuses');
      written.push(input);
      ended.push(`order-${input.orderId}`);
    },
  });
  return { projector, queries, written, warnings, state, runs };
}

const T0 = Date.parse('2026-01-01T10:00:00Z');

describe('ClosedOrderProjector', () => {
  it('first sweeps every completed order Temporal keeps, writing the end of each the projection has not ended, from its result', async () => {
    const f = fakes({
      'order-a': { status: 'COMPLETED', result: completed(9, { x: 1 }) },
      'order-b': { status: 'COMPLETED', result: completed(4) },
      'order-c': { status: 'COMPLETED', result: { status: 'completed', vars: {} } },
      'order-d': { status: 'RUNNING' },
    }, ['order-b']);
    // order-b is ended already; order-c ended through an awaited write (no endEvents): left alone
    expect(await f.projector.pass(T0)).toEqual(['order-a']);
    expect(f.written).toEqual([{ orderId: 'a', events: end(9), vars: { x: 1 } }]);
    expect(f.queries).toEqual([`WorkflowType = 'orderWorkflow' AND ExecutionStatus = 'Completed' AND CloseTime >= '1970-01-01T00:00:00.000Z'`]);
  });

  it('then sweeps every sweepEveryMs, looking back sweepLookbackMs', async () => {
    const f = fakes({});
    await f.projector.pass(T0);
    await f.projector.pass(T0 + 599_000);
    expect(f.queries).toHaveLength(1);
    await f.projector.pass(T0 + 600_000);
    expect(f.queries).toHaveLength(2);
    expect(f.queries[1]).toContain(`CloseTime >= '${new Date(T0 + 600_000 - 1_800_000).toISOString()}'`);
  });

  it('looks at an order whose write failed, by id, until Temporal reports it completed; then writes its end once', async () => {
    const f = fakes({ 'order-x': { status: 'RUNNING' } });
    await f.projector.pass(T0);
    f.projector.endWriteFailed('order-x');
    // still open (its last Update still writing): nothing to write yet, and it stays pending
    expect(await f.projector.pass(T0 + 5_000)).toEqual([]);
    expect(f.projector.pending).toEqual(['order-x']);
    f.runs['order-x'] = { status: 'COMPLETED', result: completed(12) };
    expect(await f.projector.pass(T0 + 10_000)).toEqual(['order-x']);
    expect(f.projector.pending).toEqual([]);
    expect(await f.projector.pass(T0 + 15_000)).toEqual([]);
    expect(f.written).toHaveLength(1);
  });

  it('drops a failed order that ended meanwhile, ended otherwise, or is gone from Temporal', async () => {
    const f = fakes({ 'order-e': { status: 'COMPLETED', result: completed(3) }, 'order-t': { status: 'TERMINATED' } }, ['order-e']);
    await f.projector.pass(T0);
    for (const id of ['order-e', 'order-t', 'order-missing']) f.projector.endWriteFailed(id);
    expect(await f.projector.pass(T0 + 5_000)).toEqual([]);
    expect(f.projector.pending).toEqual([]);
    expect(f.written).toEqual([]);
  });

  it('writes the other orders when the store refuses one, and keeps looking at that one by id', async () => {
    const f = fakes({ 'order-a': { status: 'COMPLETED', result: completed(5) }, 'order-b': { status: 'COMPLETED', result: completed(6) } });
    f.state.refuse.add('a');
    expect(await f.projector.pass(T0)).toEqual(['order-b']);
    expect(f.projector.pending).toEqual(['order-a']);
    expect(f.warnings).toEqual([expect.stringContaining('the end of order-a is not written yet: database refuses')]);
    // the database takes it again
    f.state.refuse.clear();
    expect(await f.projector.pass(T0 + 5_000)).toEqual(['order-a']);
    expect(f.projector.pending).toEqual([]);
  });

  it('tries a failed sweep again next pass; on a server that cannot list closed workflows it stops sweeping, with one warning', async () => {
    const f = fakes({ 'order-x': { status: 'COMPLETED', result: completed(2) } });
    f.state.listError = new Error('connection reset');
    await expect(f.projector.pass(T0)).rejects.toThrow('connection reset');
    f.state.listError = Object.assign(new Error('Failed to list workflows'), { cause: { code: 12 } });
    await expect(f.projector.pass(T0 + 5_000)).resolves.toEqual([]);
    await f.projector.pass(T0 + 10_000_000);
    expect(f.queries).toHaveLength(2);
    expect(f.warnings).toEqual(['closed-order projector: this Temporal server cannot list closed workflows; no sweeps']);
    // orders whose write failed are still looked at by id
    f.projector.endWriteFailed('order-x');
    expect(await f.projector.pass(T0 + 10_005_000)).toEqual(['order-x']);
  });
});
