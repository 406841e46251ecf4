/**
 * Who may see what (DESIGN.md §6): admins everything; supervisors the orders, tasks, incidents
 * and audit entries of their region; reps their own and role-queue tasks and the orders they
 * work on. A user without a region is not region-scoped.
 */
import type { AuthUser } from '../auth/auth.types';
import { ForbiddenError } from './errors';

export const isAdmin = (user: AuthUser): boolean => user.roles.includes('admin');
export const isManager = (user: AuthUser): boolean => isAdmin(user) || user.roles.includes('supervisor');

/** The region the caller is pinned to, or null when they see every region. */
export function scopedRegion(user: AuthUser): string | null {
  return isAdmin(user) ? null : user.region;
}

export function regionAllows(user: AuthUser, region: string | null): boolean {
  const pinned = scopedRegion(user);
  return pinned === null || region === pinned;
}

/** Refuses a region filter outside the caller's own region (403), returns the effective one. */
export function effectiveRegion(user: AuthUser, requested: string | undefined): string | null {
  const pinned = scopedRegion(user);
  if (pinned === null) return requested ?? null;
  if (requested !== undefined && requested !== pinned) throw new ForbiddenError(`you may only look at region ${pinned}`);
  return pinned;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => UUID.test(id);
