import type { AuthUser } from '../auth/auth.types';
import type { Sql } from '../db/sql';
import { TasksService } from './tasks.service';

const rep: AuthUser = { id: 'u1', username: 'rep1', roles: ['rep'], region: 'east' };
const supervisor: AuthUser = { id: 'u2', username: 'sup', roles: ['supervisor'], region: 'east' };

/** The one statement list() sends, from an Sql that records instead of executing. */
async function inboxQuery(user: AuthUser, filter: { assignee?: string; cursor?: string } = {}) {
  const sent: { sql: string; params: unknown[] }[] = [];
  const recorder = { query: async (sql: string, params: unknown[]) => { sent.push({ sql, params }); return []; } };
  await new TasksService(recorder as unknown as Sql, undefined as never, undefined as never).list({ status: 'open', limit: 50, ...filter }, user);
  expect(sent).toHaveLength(1);
  return sent[0];
}

describe('TasksService.list', () => {
  it('reads a rep\'s own inbox (assignee=me) by assignee alone, so the (assignee, due_at, id) index serves the page', async () => {
    const { sql, params } = await inboxQuery(rep, { assignee: 'me' });
    expect(sql).toContain('WHERE t.status = $1 AND t.assignee = $2 ORDER BY t.due_at ASC NULLS LAST, t.id LIMIT $3');
    expect(params).toEqual(['open', 'rep1', 51]);
  });

  it('limits a rep naming another assignee to what they may see: their own tasks and their region\'s queue', async () => {
    const { sql, params } = await inboxQuery(rep, { assignee: 'rep2' });
    expect(sql).toContain('t.assignee = $2 AND (t.assignee = $4 OR (t.assignee IS NULL AND t.role = ANY($5) AND o.region = $3))');
    expect(params).toEqual(['open', 'rep2', 'east', 'rep1', ['rep'], 51]);
  });

  it('limits a supervisor to their region, also for their own tasks', async () => {
    const { sql } = await inboxQuery(supervisor, { assignee: 'me' });
    expect(sql).toContain('t.assignee = $2 AND o.region = $3');
  });

  it('answers timestamps formatted by PostgreSQL as Date#toJSON would, and no workflow id', async () => {
    const { sql } = await inboxQuery(rep);
    expect(sql).toContain(`to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt"`);
    expect(sql).not.toContain('workflow_id');
  });
});
