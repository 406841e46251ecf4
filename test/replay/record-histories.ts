/**
 * Records the replay histories: runs every scenario of scenarios.ts on the time-skipping server
 * (real worker, real activities, the test database) and saves each run's history as JSON in
 * histories/. Run it when a new shape of history is worth keeping, and commit the files; never
 * re-record a file to make the replay test pass — a failing replay means the workflow code
 * changed behaviour for orders already running (see workflows/interpreter/README.md).
 *
 *   TEST_DATABASE_URL=… TEMPORAL_TEST_SERVER_PATH=… node -r @swc-node/register test/replay/record-histories.ts [--prefix p-] [scenario…]
 *
 * `--prefix` names the files of a recording made with older code (e.g. a checkout of an earlier
 * commit), which the replay test then holds the current code to as well.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { startTimeSkipping } from '../support/temporal-env';
import { openWorkflowHarness } from '../support/workflow-harness';
import { SCENARIOS, chargeDeposit } from './scenarios';

const OUT = path.join(__dirname, 'histories');

async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--prefix');
  const prefix = at >= 0 ? args[at + 1] : '';
  const names = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const commit = execSync('git describe --always --dirty --abbrev=7', { cwd: __dirname }).toString().trim();
  const chosen = names.length > 0 ? names : Object.keys(SCENARIOS);
  const unknown = chosen.filter((name) => !SCENARIOS[name]);
  if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  mkdirSync(OUT, { recursive: true });
  const h = await openWorkflowHarness(startTimeSkipping, { extraActivities: { chargeDeposit } });
  const running = h.worker.run();
  try {
    for (const name of chosen) {
      for (const run of await SCENARIOS[name](h)) {
        const history = await h.env.client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
        const file = path.join(OUT, `${prefix}${run.name}.json`);
        const stored = { workflowId: run.workflowId, recordedWith: commit, history: JSON.parse(historyToJSON(history)) };
        writeFileSync(file, `${JSON.stringify(stored, null, 1)}\n`);
        console.log(`${name}: ${path.relative(process.cwd(), file)} (${history.events?.length ?? 0} events)`);
      }
    }
  } finally {
    h.worker.shutdown();
    await running;
    await h.close();
  }
}

main(process.argv.slice(2)).then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
