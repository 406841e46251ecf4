/**
 * Demo mode data: users with the demo password and the published demo templates. Idempotent:
 * existing users and templates are left as they are.
 */
import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';
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
  for (const t of DEMO_TEMPLATES) await publishIfMissing(ds, t);
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
