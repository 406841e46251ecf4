/**
 * Track: which outlets to audit (the distributor's KA outlets, else its other outlets) and the
 * scoring of one audit round (stored per order, month, round and outlet: retry-safe).
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { codeList, DomainRuleError, domainActivity, type RuleViolation } from './domain-error';
import { type Checklist, DEFAULT_PASS_SCORE, DEFAULT_TARGET_FACINGS, DISPLAY_POSITIONS, scoreChecklist } from './shelf-score';

export interface AuditResultRow extends Partial<Checklist> { outletId: string; outletName?: string; photoRefs?: string | string[] | null }

export interface ScoreShelfAuditInput {
  orderId?: string | null;
  period: string;
  round: number;
  results: AuditResultRow[];
  passScore?: number;
  targetFacings?: number;
  auditor?: string | null;
}

const MAX_AUDIT_OUTLETS = 12;

async function listAuditOutlets(ds: DataSource, input: { distributorId: string }) {
  const rows: { outletId: string; outletName: string }[] = await ds.query(
    `SELECT id AS "outletId", name AS "outletName" FROM outlets WHERE distributor_id = $1 ORDER BY (kind = 'ka') DESC, id LIMIT $2`,
    [input.distributorId, MAX_AUDIT_OUTLETS]);
  const [{ ka }] = await ds.query(`SELECT count(*)::int AS ka FROM outlets WHERE distributor_id = $1 AND kind = 'ka'`, [input.distributorId]);
  // KA outlets first and only them when there are any: they are what the listing fee paid for.
  const audit = ka > 0 ? rows.slice(0, Math.min(ka, MAX_AUDIT_OUTLETS)) : rows;
  return { auditRows: audit, auditOutletCount: audit.length };
}

function checkResults(results: AuditResultRow[]): RuleViolation[] {
  const errors: RuleViolation[] = [];
  (Array.isArray(results) ? results : []).forEach((r, i) => {
    const row = i + 1;
    if (!Number.isInteger(r?.facings) || (r.facings as number) < 0) errors.push({ row, column: 'facings', code: 'invalid_quantity', message: 'facings must be a whole number ≥ 0' });
    if (typeof r?.priceTag !== 'boolean') errors.push({ row, column: 'priceTag', code: 'required', message: 'priceTag must be true or false' });
    if (typeof r?.inStock !== 'boolean') errors.push({ row, column: 'inStock', code: 'required', message: 'inStock must be true or false' });
    if (!DISPLAY_POSITIONS.includes(r?.displayPosition as never)) errors.push({ row, column: 'displayPosition', code: 'invalid_option', message: `displayPosition must be one of ${DISPLAY_POSITIONS.join(', ')}` });
  });
  if (!Array.isArray(results) || results.length === 0) errors.push({ code: 'no_rows', message: 'the audit has no outlets' });
  return errors;
}

async function scoreShelfAudit(ds: DataSource, input: ScoreShelfAuditInput) {
  const errors = checkResults(input.results);
  const ids = (input.results ?? []).map((r) => r?.outletId);
  const known: { id: string; name: string }[] = await ds.query(`SELECT id, name FROM outlets WHERE id = ANY($1)`, [ids.filter((id) => typeof id === 'string')]);
  ids.forEach((id, i) => { if (!known.some((k) => k.id === id)) errors.push({ row: i + 1, column: 'outletId', code: 'unknown_outlet', message: `outlet '${String(id)}' does not exist` }); });
  if (errors.length) throw new DomainRuleError('invalid_audit', `the shelf audit is invalid: ${errors.map((e) => `row ${e.row ?? '?'} ${e.column ?? ''}: ${e.message}`).join('; ')}`, errors);
  const round = Math.max(1, Math.floor(Number(input.round) || 1));
  const passScore = input.passScore ?? DEFAULT_PASS_SCORE;
  const scored = input.results.map((r) => ({ row: r, ...scoreChecklist(r as Checklist, input.targetFacings ?? DEFAULT_TARGET_FACINGS) }));
  await ds.transaction(async (tx) => {
    for (const s of scored) {
      const { outletId, outletName: _name, photoRefs, ...checklist } = s.row;
      const photos = codeList(photoRefs).map((ref) => ({ ref, outletId, round }));
      await tx.query(
        `INSERT INTO shelf_audits (order_id, outlet_id, period, round, checklist, score, pass_score, passed, photos, auditor) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (order_id, period, round, outlet_id) DO UPDATE SET checklist = EXCLUDED.checklist, score = EXCLUDED.score,
           pass_score = EXCLUDED.pass_score, passed = EXCLUDED.passed, photos = EXCLUDED.photos, auditor = EXCLUDED.auditor, audited_at = now()`,
        [input.orderId ?? null, outletId, input.period, round, JSON.stringify({ ...checklist, issues: s.issues }), s.score, passScore, s.score >= passScore, JSON.stringify(photos), input.auditor ?? null]);
    }
  });
  const failed = scored.filter((s) => s.score < passScore).map((s) => ({
    outletId: s.row.outletId, outletName: known.find((k) => k.id === s.row.outletId)?.name ?? s.row.outletId, score: s.score, issues: s.issues,
  }));
  const auditScore = Math.round(scored.reduce((a, s) => a + s.score, 0) / scored.length);
  return {
    auditRound: round, auditScore, auditPassed: failed.length === 0, auditFailedOutlets: failed,
    auditIssuesText: failed.map((f) => `${f.outletName} (${f.score}): ${f.issues.join(', ')}`).join('\n'),
  };
}

export function shelfAuditActivities({ ds }: ActivityDeps) {
  return {
    listAuditOutlets: domainActivity((input: { distributorId: string }) => listAuditOutlets(ds, input)),
    scoreShelfAudit: domainActivity((input: ScoreShelfAuditInput) => scoreShelfAudit(ds, input)),
  };
}
