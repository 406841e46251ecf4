/**
 * Which orders a caller may see, as an SQL predicate on `orders o` (DESIGN.md §6 roles):
 * admins all; supervisors their region; reps the orders they work on — created by them, with a
 * task assigned to or completed by them, or (in their region) an open task in their role queue.
 */
import type { AuthUser } from '../auth/auth.types';
import { isManager, scopedRegion } from '../common/access';
import type { SqlParams } from '../common/sql-params';

export function orderScopeSql(p: SqlParams, user: AuthUser, o = 'o'): string | null {
  const region = scopedRegion(user);
  if (isManager(user)) return region === null ? null : `${o}.region = ${p.add(region)}`;
  const me = p.add(user.username);
  const queue = `(t.status = 'open' AND t.assignee IS NULL AND t.role = ANY(${p.add(user.roles)})${region === null ? '' : ` AND ${o}.region = ${p.add(region)}`})`;
  return `(${o}.created_by = ${p.add(user.id)}::uuid OR EXISTS (SELECT 1 FROM tasks t WHERE t.order_id = ${o}.id
    AND (t.assignee = ${me} OR t.completed_by = ${me} OR ${queue})))`;
}
