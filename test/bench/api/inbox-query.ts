/**
 * The inbox query exactly as the API issues it: TasksService.list is run against an Sql (its only
 * database dependency) that records the SQL instead of executing it, so the raw-SQL baseline can never drift from the
 * service's query (filters, ordering, LIMIT, parameters).
 */
import type { Pool } from 'pg';
import type { AuthUser } from '../../../apps/api/src/auth/auth.types';
import type { Sql } from '../../../apps/api/src/db/sql';
import { TasksService } from '../../../apps/api/src/tasks/tasks.service';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export async function captureInboxQuery(user: AuthUser, limit: number): Promise<CapturedQuery> {
  const captured: CapturedQuery[] = [];
  const recorder = { query: async (sql: string, params: unknown[] = []) => { captured.push({ sql, params }); return []; } };
  // Only the Sql is used by list(); the Temporal client and audit service are not.
  await new TasksService(recorder as unknown as Sql, undefined as never, undefined as never)
    .list({ assignee: 'me', status: 'open', limit }, user);
  if (captured.length !== 1) throw new Error(`TasksService.list issued ${captured.length} queries; the inbox benchmark expects one`);
  return captured[0];
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** EXPLAIN ANALYZE of the query: a one-line plan shape, the indexes it uses, execution time. */
export async function explainInbox(pool: Pool, q: CapturedQuery): Promise<{ shape: string; indexes: string[]; executionMs: number }> {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params);
  const [{ Plan: plan, 'Execution Time': executionMs }] = rows[0]['QUERY PLAN'] as [{ Plan: PlanNode; 'Execution Time': number }];
  const indexes: string[] = [];
  const describe = (node: PlanNode): string => {
    if (node['Index Name']) indexes.push(node['Index Name']);
    const on = node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    const children = node.Plans?.map(describe).join(', ');
    return `${node['Node Type']}${on}${children ? ` (${children})` : ''}`;
  };
  return { shape: describe(plan), indexes, executionMs };
}
