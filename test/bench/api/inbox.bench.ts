/**
 * `inbox`: GET /api/tasks?assignee=me&status=open&limit=50 (a rep's first page, earliest due first)
 * over 100,000 open tasks, 20 concurrent keep-alive clients, against the same query sent straight
 * through `pg` by 20 concurrent clients (pool of 20, like the API's), in alternating windows.
 * Tunables: BENCH_INBOX_SECONDS (per side, 15), BENCH_INBOX_CLIENTS (20).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import type { Benchmark, BenchContext } from '../support/benchmark';
import { openBenchDb, publishBenchTemplate } from '../support/bench-db';
import { CpuMeter, ownCpuMs, postgresCpuMs } from '../support/cpu-meter';
import type { Figure } from '../support/results';
import { type LatencySummary, fmtMs, summarize } from '../support/stats';
import { startApi } from './api-process';
import { type JsonClient, expectStatus } from './http-client';
import { captureInboxQuery, explainInbox } from './inbox-query';
import { closedLoop } from './load';
import twoTasks from './two-tasks.template.json';

const SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_INBOX_CLIENTS ?? 20);
/** Each side's time is cut into this many windows, alternated (ABAB…) to spread outside load. */
const WINDOWS = 6;
const PAGE = 50;
const INBOX_PATH = `/api/tasks?assignee=me&status=open&limit=${PAGE}`;

export const inboxBench: Benchmark = { name: 'inbox', group: 'api', run };

async function run(ctx: BenchContext): Promise<Figure[]> {
  const ds = await openBenchDb(ctx.databaseUrl);
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: CLIENTS });
  try {
    await publishBenchTemplate(ds, twoTasks);
    const t0 = Date.now();
    await ds.query(readFileSync(path.join(__dirname, 'seed-inbox.sql'), 'utf8'));
    // Settle the new rows before measuring, as in a database that has been running: else
    // autovacuum's insert-triggered pass over the 200,000 rows (and over the engine benchmark's
    // rows, in a full run) can fall into the measured windows. A full run gave a ratio of 2.2
    // where the inbox alone gave 1.3 minutes later.
    for (const table of ['orders', 'tasks', 'order_events']) await ds.query(`VACUUM (ANALYZE) ${table}`);
    ctx.log(`inbox: seeded 100,000 orders with 100,000 open and 100,000 completed tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Temporal is not needed to list tasks; the API's client connects lazily.
    const api = await startApi(ctx.databaseUrl, '127.0.0.1:1');
    const { client, session } = await api.login('rep1');
    const query = await captureInboxQuery(session.user, PAGE);
    const plan = await explainInbox(pool, query);
    ctx.log(`inbox: plan ${plan.shape}; ${plan.executionMs.toFixed(2)} ms in PostgreSQL`);
    if (!plan.indexes.includes('tasks_inbox_assignee_idx')) ctx.log('inbox: WARNING the plan does not use the partial index tasks_inbox_assignee_idx');

    const viaApi = async () => {
      const body = expectStatus(await client.get<{ items: { id: string }[] }>(INBOX_PATH), 200, 'GET /api/tasks');
      if (body.items.length !== PAGE) throw new Error(`the inbox page has ${body.items.length} tasks, expected ${PAGE}`);
    };
    const viaSql = async () => {
      const { rows } = await pool.query(query.sql, query.params);
      if (rows.length !== PAGE + 1) throw new Error(`the raw query returned ${rows.length} rows, expected ${PAGE + 1}`);
    };
    await sameFirstPage(client, pool, query);
    await closedLoop(viaApi, CLIENTS, 2000);
    await closedLoop(viaSql, CLIENTS, 2000);
    const samples = { api: [] as number[], sql: [] as number[] };
    // Backends of both pools are connected by now (warm-up), so their CPU is all accounted.
    const sources = { 'load generator': ownCpuMs, postgres: () => postgresCpuMs(pool) };
    const cpu = { api: new CpuMeter({ api: () => api.service.cpuMs(), ...sources }), sql: new CpuMeter(sources) };
    for (let window = 1; window <= WINDOWS; window++) {
      samples.sql.push(...await cpu.sql.measure(() => closedLoop(viaSql, CLIENTS, (SECONDS * 1000) / WINDOWS)));
      samples.api.push(...await cpu.api.measure(() => closedLoop(viaApi, CLIENTS, (SECONDS * 1000) / WINDOWS)));
    }
    client.close();
    const apiSummary = summarize(samples.api);
    const sqlSummary = summarize(samples.sql);
    ctx.log(`inbox: API ${line(apiSummary, SECONDS)}; ${cpu.api.per(apiSummary.count, 'request')}`);
    ctx.log(`inbox: SQL ${line(sqlSummary, SECONDS)}; ${cpu.sql.per(sqlSummary.count, 'query')}`);
    return [
      { metric: 'p99_ms', value: apiSummary.p99, baseline: sqlSummary.p99, unit: 'ms', target: { on: 'value', op: '<=', limit: 100 } },
      { metric: 'ratio_vs_sql', value: apiSummary.p99, baseline: sqlSummary.p99, unit: 'ms (p99)', target: { on: 'ratio', op: '<=', limit: 1.5 } },
    ];
  } finally {
    await pool.end();
    await ds.destroy();
  }
}

/** Both paths must return the same tasks, or the comparison is meaningless. */
async function sameFirstPage(client: JsonClient, pool: Pool, query: { sql: string; params: unknown[] }): Promise<void> {
  const viaApi = expectStatus(await client.get<{ items: { id: string }[] }>(INBOX_PATH), 200, 'GET /api/tasks').items.map((t) => t.id);
  const viaSql = (await pool.query<{ id: string }>(query.sql, query.params)).rows.slice(0, PAGE).map((r) => r.id);
  if (viaApi.length !== PAGE) throw new Error(`the rep's first page has ${viaApi.length} tasks, expected ${PAGE}: check the seed`);
  if (JSON.stringify(viaApi) !== JSON.stringify(viaSql)) throw new Error('the API and the raw query return different first pages');
}

function line(s: LatencySummary, seconds: number): string {
  return `${s.count} requests (${(s.count / seconds).toFixed(0)}/s): p50 ${fmtMs(s.p50)}, p90 ${fmtMs(s.p90)}, p99 ${fmtMs(s.p99)}, max ${fmtMs(s.max)}`;
}
