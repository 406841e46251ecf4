/**
 * Where working time goes (the domain brief's Table 1), measured from completed tasks.
 *
 * Rules (decision note):
 * - Time per task: `timeSpentMinutes` in the task's completed data when it is a number
 *   (0–1440) — people know best what they spent; otherwise completed_at − max(created_at,
 *   claimed_at), capped at 8 h (a task left open over a weekend is not a weekend of work).
 * - Category: the userTask node's `category`; tasks without one count as `other`.
 * - Role: the completing user's roles — `supervisor` → manager, else `rep` → rep; completions by
 *   unknown users fall back to the task's role; admin-only completions are left out.
 * - Season: the UTC month of completion; months in ORDERPATH_PEAK_MONTHS (default 9–2, Mid-Autumn
 *   and National Day gifting through Spring Festival) are peak, the rest off-season.
 * - Share: minutes of the category ÷ minutes of the column × 100, one decimal.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { effectiveRegion } from '../common/access';
import { SqlParams } from '../common/sql-params';
import { APP_CONFIG, type AppConfig } from '../config';
import { ALLOCATION_COLUMNS, type AllocationColumn, TIME_STUDY_BASELINE } from './time-study-baseline';
import { Sql } from '../db/sql';

export const TASK_TIME_CAP_MINUTES = 480;
const REPORTED_MAX_MINUTES = 1440;

export interface TimeAllocationQuery {
  role?: 'rep' | 'manager';
  season?: 'off' | 'peak';
  from: Date;
  to: Date;
  region?: string;
}

type Cell = Partial<Record<AllocationColumn, number | null>>;

@Injectable()
export class TimeAllocationService {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async allocation(q: TimeAllocationQuery, user: AuthUser) {
    const columns = ALLOCATION_COLUMNS.filter((c) => (!q.role || c.startsWith(`${q.role}_`)) && (!q.season || c.endsWith(`_${q.season}`)));
    const rows = await this.measure(q, effectiveRegion(user, q.region));
    const totals = Object.fromEntries(columns.map((c) => [c, { tasks: 0, minutes: 0 }])) as Record<AllocationColumn, { tasks: number; minutes: number }>;
    for (const r of rows) {
      if (!totals[r.col]) continue;
      totals[r.col].tasks += r.tasks;
      totals[r.col].minutes += Number(r.minutes);
    }
    const known = new Set<string>(TIME_STUDY_BASELINE.map((b) => b.category));
    const table = TIME_STUDY_BASELINE.map((b) => {
      const share: Cell = {};
      const minutes: Cell = {};
      const tasks: Cell = {};
      const baseline: Cell = {};
      for (const c of columns) {
        // Categories outside the table (none today) are counted as `other`.
        const hits = rows.filter((r) => r.col === c && (r.category === b.category || (b.category === 'other' && !known.has(r.category))));
        const m = hits.reduce((sum, r) => sum + Number(r.minutes), 0);
        minutes[c] = round(m, 1);
        tasks[c] = hits.reduce((sum, r) => sum + r.tasks, 0);
        share[c] = totals[c].minutes > 0 ? round((m / totals[c].minutes) * 100, 1) : null;
        baseline[c] = b.baseline[c];
      }
      return { category: b.category, activity: b.activity, share, baseline, minutes, tasks };
    });
    return {
      from: q.from.toISOString(), to: q.to.toISOString(), role: q.role ?? null, season: q.season ?? null,
      columns: columns.map((c) => ({ key: c, role: c.split('_')[0], season: c.split('_')[1], tasks: totals[c].tasks, minutes: round(totals[c].minutes, 1) })),
      rows: table,
      rule: {
        timePerTask: `timeSpentMinutes from the task data (0-${REPORTED_MAX_MINUTES}) when present, else completed_at - max(created_at, claimed_at) capped at ${TASK_TIME_CAP_MINUTES} minutes`,
        roles: 'completing user: supervisor -> manager, rep -> rep (task role when the user is unknown; admin-only completions excluded)',
        peakMonths: this.config.peakMonths,
        baseline: 'domain brief Table 1 (share of working time, %)',
      },
    };
  }

  private async measure(q: TimeAllocationQuery, region: string | null): Promise<{ category: string; col: AllocationColumn; tasks: number; minutes: string }[]> {
    const p = new SqlParams();
    const elapsed = `extract(epoch FROM t.completed_at - greatest(t.created_at, coalesce(t.claimed_at, t.created_at))) / 60`;
    const reported = `CASE WHEN jsonb_typeof(t.data->'timeSpentMinutes') = 'number' AND (t.data->>'timeSpentMinutes')::numeric BETWEEN 0 AND ${REPORTED_MAX_MINUTES}
      THEN (t.data->>'timeSpentMinutes')::numeric END`;
    const who = `CASE WHEN 'supervisor' = ANY(u.roles) THEN 'manager' WHEN 'rep' = ANY(u.roles) THEN 'rep'
      WHEN u.id IS NULL AND t.role = 'supervisor' THEN 'manager' WHEN u.id IS NULL AND t.role = 'rep' THEN 'rep' END`;
    const season = `CASE WHEN extract(month FROM t.completed_at AT TIME ZONE 'UTC')::int = ANY(${p.add(this.config.peakMonths)}::int[]) THEN 'peak' ELSE 'off' END`;
    const where = [`t.status = 'completed'`, `t.completed_at >= ${p.add(q.from.toISOString())}::timestamptz`, `t.completed_at < ${p.add(q.to.toISOString())}::timestamptz`];
    if (region !== null) where.push(`o.region = ${p.add(region)}`);
    return this.sql.query(
      `SELECT category, who || '_' || season AS col, count(*)::int AS tasks, sum(minutes)::text AS minutes FROM (
         SELECT coalesce(t.category, 'other') AS category, ${who} AS who, ${season} AS season,
           coalesce(${reported}, least(greatest(${elapsed}, 0), ${TASK_TIME_CAP_MINUTES})) AS minutes
         FROM tasks t JOIN orders o ON o.id = t.order_id LEFT JOIN users u ON u.username = t.completed_by
         WHERE ${where.join(' AND ')}) x
       WHERE who IS NOT NULL GROUP BY 1, 2`, p.values);
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
