/**
 * Replay safety: every stored history (test/replay/histories, recorded by
 * test/replay/record-histories.ts) must replay against the current workflow bundle. A failure
 * means a change to the interpreter or the adapter would break orders that are already running:
 * put the change behind `patched()` (workflows/interpreter/README.md), don't re-record.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { orderSinks } from '../../apps/worker/src/order-end.sink';
import { bundleWorkflows } from '../../apps/worker/src/worker.factory';

type History = temporal.api.history.v1.IHistory;
interface Stored { file: string; workflowId: string; history: History; json: unknown }

const DIR = path.resolve(__dirname, '../replay/histories');
const stored: Stored[] = readdirSync(DIR).filter((file) => file.endsWith('.json')).sort().map((file) => {
  const json = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { workflowId: string; history: unknown };
  return { file, workflowId: json.workflowId, history: historyFromJSON(json.history), json: json.history };
});

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => { bundle = await bundleWorkflows(); }, 120_000);

/** Replays the histories; returns `file: error` for each that failed. */
async function replay(histories: Stored[]): Promise<string[]> {
  const byId = new Map(histories.map((s) => [s.workflowId + s.file, s]));
  const failures: string[] = [];
  // The sink is registered so that the workflow's calls to it are known; a replay worker never calls it.
  const sinks = orderSinks({ write: () => Promise.reject(new Error('a replay writes nothing')), failed: () => undefined, log: console });
  const results = Worker.runReplayHistories({ workflowBundle: bundle, replayName: 'stored-histories', sinks },
    histories.map((s) => ({ workflowId: s.workflowId + s.file, history: s.history })));
  for await (const result of results) {
    if (result.error) failures.push(`${byId.get(result.workflowId)?.file}: ${String(result.error)}`);
  }
  return failures;
}

describe('given the stored histories of representative orders', () => {
  it('covers a user task flow, an incident retry, a parallel fork/join, a continue-as-new loop, a migration and a sub-process', () => {
    const names = stored.map((s) => s.file);
    for (const prefix of ['user-task-flow', 'incident-retry', 'parallel-fork-join', 'continue-as-new-loop.run-', 'migration', 'sub-process.parent']) {
      expect(names.some((name) => name.startsWith(prefix))).toBe(true);
    }
  });

  it('when replayed against the current workflow bundle, then every one replays without non-determinism', async () => {
    expect(await replay(stored)).toEqual([]);
  }, 120_000);

  it('when a history no longer matches the code (an activity renamed), then the replay fails: the check is not vacuous', async () => {
    const original = stored.find((s) => s.file === 'user-task-flow.json')!;
    const tampered = historyFromJSON(JSON.parse(JSON.stringify(original.json)));
    const scheduled = tampered.events!.find((e) => e.activityTaskScheduledEventAttributes)!.activityTaskScheduledEventAttributes!;
    scheduled.activityType = { name: 'someOtherActivity' };

    const failures = await replay([{ ...original, history: tampered }]);

    expect(failures).toEqual([expect.stringMatching(/^user-task-flow\.json: .*[Nn]ondetermin/)]);
  }, 120_000);
});
