import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { RecordEventsInput } from '@orderpath/activities';
import type { OrderWorkflowResult } from '@orderpath/workflows/messages';
import { ClosedOrderProjector } from './closed-order-projector';

const end = (seq: number) => [{ seq, type: 'order_completed', at: 't', snapshot: { status: 'completed' as const, stage: null, activeNodes: [] } }];

/** Fakes of Temporal's list and results, and of the orders table (ids whose end is missing). */
function fakes(closed: { workflowId: string; result: OrderWorkflowResult }[], notEnded: string[]) {
  const queries: string[] = [];
  let listError: Error | undefined;
  const client = {
    workflow: {
      list: ({ query }: { query: string }) => {
        queries.push(query);
        if (listError) throw listError;
        return (async function* list() { for (const c of closed) yield { workflowId: c.workflowId, runId: `run-${c.workflowId}` }; })();
      },
      getHandle: (workflowId: string, runId: string) => ({
        result: async () => {
          expect(runId).toBe(`run-${workflowId}`);
          return closed.find((c) => c.workflowId === workflowId)!.result;
        },
      }),
    },
  } as unknown as Client;
  const ds = {
    driver: { master: { query: async (_text: string, [ids]: [string[]]) => ({
      rows: ids.filter((id) => notEnded.includes(id)).map((id) => ({ id: id.replace('order-', ''), workflow_id: id })),
    }) } },
  } as unknown as DataSource;
  const written: RecordEventsInput[] = [];
  const warnings: string[] = [];
  const projector = (visibilityLagMs = 0) => new ClosedOrderProjector({
    client, ds, visibilityLagMs, recordEvents: async (input) => { written.push(input); }, log: { warn: (m) => warnings.push(m) },
  });
  return { projector, queries, written, warnings, failList: (e: Error) => { listError = e; } };
}

describe('ClosedOrderProjector', () => {
  it('at start, writes the end of every closed order the projection has not ended, from its result', async () => {
    const f = fakes([
      { workflowId: 'order-a', result: { status: 'completed', vars: { x: 1 }, endEvents: end(9) } },
      { workflowId: 'order-b', result: { status: 'completed', vars: {}, endEvents: end(4) } },
      { workflowId: 'order-c', result: { status: 'completed', vars: {} } },
    ], ['order-a', 'order-c']);
    const p = f.projector();
    expect(p.pending).toBe(true);
    // order-b is ended already; order-c ended through an awaited write (no endEvents) and is left alone
    expect(await p.pass()).toEqual(['order-a']);
    expect(f.written).toEqual([{ orderId: 'a', events: end(9), vars: { x: 1 } }]);
    expect(f.queries).toEqual([`WorkflowType = 'orderWorkflow' AND ExecutionStatus = 'Completed' AND CloseTime >= '1970-01-01T00:00:00.000Z'`]);
    // then, with no failure, it has nothing to look for
    expect(p.pending).toBe(false);
    expect(await p.pass()).toEqual([]);
    expect(f.queries).toHaveLength(1);
  });

  it('looks again until a pass has run visibilityLagMs after the start, and again after each failed end write', async () => {
    // within the lag after its start, a pass keeps the window (Temporal may not list the newest closes yet)
    const slow = fakes([], []).projector(60_000);
    await slow.pass();
    expect(slow.pending).toBe(true);
    // past the lag it stops looking, until an end write fails
    const p = fakes([], []).projector(0);
    await p.pass();
    expect(p.pending).toBe(false);
    p.endWriteFailed(new Date('2026-01-01T10:00:00Z'));
    expect(p.pending).toBe(true);
  });

  it('looks from a minute before the failure, the earliest failure first', async () => {
    const f = fakes([], []);
    const p = f.projector(0);
    await p.pass();
    p.endWriteFailed(new Date('2026-01-01T10:05:00Z'));
    p.endWriteFailed(new Date('2026-01-01T10:00:00Z'));
    p.endWriteFailed(new Date('2026-01-01T10:07:00Z'));
    await p.pass();
    expect(f.queries.at(-1)).toContain(`CloseTime >= '2026-01-01T09:59:00.000Z'`);
    expect(p.pending).toBe(false);
  });

  it('keeps its window when a pass fails, and turns itself off on a server that cannot list closed workflows', async () => {
    const f = fakes([], []);
    const p = f.projector(0);
    f.failList(new Error('connection reset'));
    await expect(p.pass()).rejects.toThrow('connection reset');
    expect(p.pending).toBe(true);
    f.failList(Object.assign(new Error('Failed to list workflows'), { cause: { code: 12 } }));
    await expect(p.pass()).resolves.toEqual([]);
    expect(p.pending).toBe(false);
    expect(f.warnings).toEqual(['closed-order projector off: this Temporal server cannot list closed workflows']);
  });
});
