import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.types';
import { effectiveRegion } from '../common/access';
import { NotFoundError } from '../common/errors';
import { SqlParams } from '../common/sql-params';
import { Sql } from '../db/sql';

interface StageDef { id: string; name?: string }
interface NodeDef { id: string; type: string; name?: string; stage?: string }

export interface FunnelStage {
  id: string;
  name: string;
  /** Orders that ever entered the stage (a stage_changed event into it). */
  reached: number;
  /** Orders in the stage now and not finished. */
  current: number;
}

export interface NodeDuration {
  nodeId: string;
  name: string | null;
  type: string | null;
  stage: string | null;
  /** Where the samples come from: task rows (created → completed) or node_entered → node_completed events. */
  source: 'tasks' | 'events';
  samples: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

const ACTIVE = `('running', 'waiting', 'incident')`;

/** Funnel and per-node durations from the projection (orders, order_events, tasks). */
@Injectable()
export class AnalyticsService {
  constructor(@Inject(Sql) private readonly sql: Sql) {}

  /** Orders per stage reached and currently in, in the stage order of the template(s). */
  async funnel(templateKey: string | undefined, regionFilter: string | undefined, user: AuthUser) {
    const stages = await this.stagesOf(templateKey);
    const p = new SqlParams();
    const where: string[] = [];
    if (templateKey) where.push(`o.template_key = ${p.add(templateKey)}`);
    const region = effectiveRegion(user, regionFilter);
    if (region !== null) where.push(`o.region = ${p.add(region)}`);
    const and = where.length ? ` AND ${where.join(' AND ')}` : '';
    const reached: { stage: string; n: number }[] = await this.sql.query(
      `SELECT e.data->>'to' AS stage, count(DISTINCT e.order_id)::int AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE e.type = 'stage_changed'${and} GROUP BY 1`, p.values);
    const current: { stage: string; n: number }[] = await this.sql.query(
      `SELECT o.stage, count(*)::int AS n FROM orders o WHERE o.status IN ${ACTIVE} AND o.stage IS NOT NULL${and} GROUP BY 1`, p.values);
    const [totals]: { orders: number; active: number; completed: number; cancelled: number; aborted: number }[] = await this.sql.query(
      `SELECT count(*)::int AS orders, count(*) FILTER (WHERE o.status IN ${ACTIVE})::int AS active,
         count(*) FILTER (WHERE o.status = 'completed')::int AS completed, count(*) FILTER (WHERE o.status = 'cancelled')::int AS cancelled,
         count(*) FILTER (WHERE o.status = 'aborted')::int AS aborted
       FROM orders o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, p.values);
    const count = (rows: { stage: string; n: number }[], id: string) => rows.find((r) => r.stage === id)?.n ?? 0;
    // Stages seen in the data but not in the current definition (older versions) go last.
    const known = new Set(stages.map((s) => s.id));
    const extra = [...new Set([...reached, ...current].map((r) => r.stage))].filter((id) => id && !known.has(id)).sort();
    const all = [...stages, ...extra.map((id) => ({ id, name: id }))];
    const items: FunnelStage[] = all.map((s) => ({ id: s.id, name: s.name ?? s.id, reached: count(reached, s.id), current: count(current, s.id) }));
    return { templateKey: templateKey ?? null, region, totals, stages: items };
  }

  /** Per-node p50/p90 (ms): user tasks from task rows, every other node from its events. */
  async durations(templateKey: string, version: number | undefined, regionFilter: string | undefined, user: AuthUser) {
    const nodes = await this.nodesOf(templateKey, version);
    const p = new SqlParams();
    const where = [`o.template_key = ${p.add(templateKey)}`];
    if (version !== undefined) where.push(`o.template_version = ${p.add(version)}`);
    const region = effectiveRegion(user, regionFilter);
    if (region !== null) where.push(`o.region = ${p.add(region)}`);
    const scope = where.join(' AND ');
    const fromTasks: Stat[] = await this.sql.query(
      `SELECT t.node_id, count(*)::int AS samples,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at) * 1000) AS p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.completed_at - t.created_at) * 1000) AS p90
       FROM tasks t JOIN orders o ON o.id = t.order_id
       WHERE t.status = 'completed' AND t.completed_at IS NOT NULL AND ${scope} GROUP BY t.node_id`, p.values);
    const fromEvents: Stat[] = await this.sql.query(
      `SELECT en.node_id, count(*)::int AS samples,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM co.at - en.at) * 1000) AS p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM co.at - en.at) * 1000) AS p90
       FROM orders o
       JOIN order_events en ON en.order_id = o.id AND en.type = 'node_entered' AND en.node_id IS NOT NULL
       JOIN LATERAL (SELECT c.at FROM order_events c WHERE c.order_id = en.order_id AND c.node_id = en.node_id
         AND c.iteration = en.iteration AND c.seq > en.seq AND c.type IN ('node_completed', 'token_ended') ORDER BY c.seq LIMIT 1) co ON true
       WHERE ${scope} GROUP BY en.node_id`, p.values);
    const taskStats = new Map(fromTasks.map((s) => [s.node_id, s]));
    const eventStats = new Map(fromEvents.map((s) => [s.node_id, s]));
    const known = new Set(nodes.map((n) => n.id));
    const unknown = [...new Set([...taskStats.keys(), ...eventStats.keys()])].filter((id) => !known.has(id)).sort();
    const extra: NodeDef[] = unknown.map((id) => ({ id, type: taskStats.has(id) ? 'userTask' : '' }));
    const items: NodeDuration[] = [...nodes, ...extra].map((n) => {
      const fromTask = n.type === 'userTask' || (!eventStats.has(n.id) && taskStats.has(n.id));
      const s = fromTask ? taskStats.get(n.id) : eventStats.get(n.id);
      return {
        nodeId: n.id, name: n.name ?? null, type: n.type || null, stage: n.stage ?? null, source: fromTask ? 'tasks' : 'events',
        samples: s?.samples ?? 0, p50Ms: s ? Math.round(Number(s.p50)) : null, p90Ms: s ? Math.round(Number(s.p90)) : null,
      };
    });
    return { templateKey, version: version ?? null, region, nodes: items };
  }

  private async stagesOf(templateKey: string | undefined): Promise<StageDef[]> {
    const rows: { stages: unknown }[] = await this.sql.query(
      `SELECT DISTINCT ON (key) definition->'stages' AS stages FROM template_versions
       ${templateKey ? 'WHERE key = $1' : ''} ORDER BY key, version DESC`, templateKey ? [templateKey] : []);
    if (templateKey && rows.length === 0) await this.assertTemplate(templateKey);
    const seen = new Map<string, StageDef>();
    for (const r of rows) {
      for (const s of Array.isArray(r.stages) ? (r.stages as StageDef[]) : []) if (s && typeof s.id === 'string' && !seen.has(s.id)) seen.set(s.id, s);
    }
    return [...seen.values()];
  }

  private async nodesOf(templateKey: string, version: number | undefined): Promise<NodeDef[]> {
    const rows: { nodes: unknown }[] = await this.sql.query(
      `SELECT definition->'nodes' AS nodes FROM template_versions WHERE key = $1 ${version !== undefined ? 'AND version = $2' : ''}
       ORDER BY version DESC LIMIT 1`, version !== undefined ? [templateKey, version] : [templateKey]);
    if (!rows[0]) {
      await this.assertTemplate(templateKey);
      if (version !== undefined) throw new NotFoundError('template_version', `${templateKey} v${version}`);
      return [];
    }
    return (Array.isArray(rows[0].nodes) ? rows[0].nodes as NodeDef[] : []).filter((n) => n && typeof n.id === 'string');
  }

  private async assertTemplate(key: string): Promise<void> {
    const rows: unknown[] = await this.sql.query(`SELECT 1 FROM templates WHERE key = $1`, [key]);
    if (!rows.length) throw new NotFoundError('template', key);
  }
}

interface Stat { node_id: string; samples: number; p50: number | string; p90: number | string }
