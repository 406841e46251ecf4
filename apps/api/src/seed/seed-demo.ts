/**
 * Demo mode data: regions, users with the demo password, the published demo templates and the
 * demo master data and sell-through history (demo-domain.ts). Idempotent: existing rows are left
 * as they are. Demo orders are started later, once the API answers (demo-orders.service.ts).
 */
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { seedDemoDomain } from './demo-domain';
import fmcgOrderCycle from './templates/fmcg-order-cycle.json';
import quickOrder from './templates/quick-order.json';

/** users.region and distributors.region_id refer to these ids. */
export const DEMO_REGIONS = [
  { id: 'east', name: 'East China' },
  { id: 'west', name: 'West China' },
];

export const DEMO_USERS = [
  { username: 'admin', displayName: 'Ada Admin', roles: ['admin'], region: null },
  { username: 'supervisor', displayName: 'Sam Supervisor', roles: ['supervisor'], region: 'east' },
  { username: 'rep1', displayName: 'Rui (rep, east)', roles: ['rep'], region: 'east' },
  { username: 'rep2', displayName: 'Li (rep, east)', roles: ['rep'], region: 'east' },
  { username: 'rep3', displayName: 'Wen (rep, west)', roles: ['rep'], region: 'west' },
];

/** Published on first start; fmcg-order-cycle is the standard template of DESIGN.md §7. */
export const DEMO_TEMPLATES: Record<string, unknown>[] = [quickOrder, fmcgOrderCycle];

export async function seedDemo(ds: DataSource, password: string): Promise<void> {
  const hash = await argon2.hash(password);
  for (const r of DEMO_REGIONS) {
    await ds.query(`INSERT INTO regions (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [r.id, r.name]);
  }
  for (const u of DEMO_USERS) {
    await ds.query(
      `INSERT INTO users (username, display_name, password_hash, roles, region) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING`, [u.username, u.displayName, hash, u.roles, u.region]);
  }
  for (const t of DEMO_TEMPLATES) await publishIfChanged(ds, t);
  await seedDemoDomain(ds);
}

/** Inserts a template and its version 1 unless the template exists. */
export async function publishIfMissing(ds: DataSource, t: Record<string, unknown>): Promise<void> {
  await ds.transaction(async (tx) => {
    const rows: unknown[] = await tx.query(
      `INSERT INTO templates (key, name, draft) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [t.key, t.name, JSON.stringify(t)]);
    if (!rows.length) return;
    await tx.query(`INSERT INTO template_versions (key, version, definition) VALUES ($1, 1, $2)`, [t.key, JSON.stringify({ ...t, version: 1 })]);
  });
}

/**
 * Publishes the bundled template as the next version when no published version has its exact
 * content (an OrderPath upgrade changed it); version 1 on first start. A version an admin
 * published from the designer stays as it is; the draft follows only when it has no unpublished edits.
 */
export async function publishIfChanged(ds: DataSource, t: Record<string, unknown>): Promise<void> {
  await publishIfMissing(ds, t);
  await ds.transaction(async (tx) => {
    const [template] = await tx.query(`SELECT key FROM templates WHERE key = $1 FOR UPDATE`, [t.key]);
    if (!template) return;
    const same = await tx.query(`SELECT 1 FROM template_versions WHERE key = $1 AND definition - 'version' = $2::jsonb - 'version'`, [t.key, JSON.stringify(t)]);
    if (same.length) return;
    const [{ next }] = await tx.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM template_versions WHERE key = $1`, [t.key]);
    await tx.query(`INSERT INTO template_versions (key, version, definition) VALUES ($1, $2, $3)`, [t.key, next, JSON.stringify({ ...t, version: next })]);
    await tx.query(
      `UPDATE templates SET draft = $2, updated_at = now() WHERE key = $1
         AND EXISTS (SELECT 1 FROM template_versions v WHERE v.key = $1 AND v.version < $3 AND v.definition - 'version' = templates.draft - 'version')`,
      [t.key, JSON.stringify(t), next]);
  });
}
