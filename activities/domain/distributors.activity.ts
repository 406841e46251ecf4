/**
 * Develop: the distributor's profile (for pre-filling the assessment), signing the approved
 * distributor with its target, and recording a KA entry agreement.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { DomainRuleError, codeList, domainActivity, requireText } from './domain-error';

export interface DistributorView {
  id: string;
  name: string;
  regionId: string;
  channels: string[];
  creditTermsDays: number;
  creditLimit: number;
  leadTimeDays: number;
  annualTarget: number;
  status: string;
  rep: string | null;
}

const CHANNELS = ['ka', 'traditional', 'wholesale'];

export async function findDistributor(ds: DataSource, id: unknown): Promise<DistributorView | null> {
  if (typeof id !== 'string' || id === '') return null;
  const [row] = await ds.query(
    `SELECT id, name, region_id AS "regionId", channels, credit_terms_days AS "creditTermsDays", credit_limit AS "creditLimit",
            lead_time_days AS "leadTimeDays", annual_target AS "annualTarget", status, rep
       FROM distributors WHERE id = $1`, [id]);
  return row ? { ...row, creditLimit: Number(row.creditLimit), annualTarget: Number(row.annualTarget) } : null;
}

export async function requireDistributor(ds: DataSource, id: unknown): Promise<DistributorView> {
  const found = await findDistributor(ds, id);
  if (!found) throw new DomainRuleError('unknown_distributor', `distributor '${String(id)}' does not exist; sign it in Develop first`);
  return found;
}

export interface SignDistributorInput {
  orderId?: string;
  distributorId: string;
  name: string;
  regionId: string;
  channels: string[];
  creditTermsDays?: number;
  creditLimit?: number;
  leadTimeDays?: number;
  annualTarget: number;
  rep?: string | null;
}

export interface KaEntryInput {
  orderId?: string;
  distributorId: string;
  chain: string;
  listingFee: number;
  skus: string[] | string;
  paymentDays?: number | null;
  terms?: string | null;
  approvedBy?: string | null;
}

function checkSignInput(input: SignDistributorInput): string[] {
  const channels = codeList(input.channels);
  const bad = channels.filter((c) => !CHANNELS.includes(c));
  if (channels.length === 0 || bad.length > 0) {
    throw new DomainRuleError('invalid_input', `channels must be some of ${CHANNELS.join(', ')}`, [{ field: 'channels', code: 'invalid_option', message: `unknown channels: ${bad.join(', ') || 'none given'}` }]);
  }
  if (!(Number(input.annualTarget) >= 0)) throw new DomainRuleError('invalid_input', 'annualTarget must be a number ≥ 0', [{ field: 'annualTarget', code: 'min', message: 'must be ≥ 0' }]);
  return channels;
}

export function distributorActivities({ ds }: ActivityDeps) {
  return {
    /** The distributor's profile for pre-filling forms; null when the id is empty or unknown. */
    loadDistributor: domainActivity(async (input: { distributorId?: string | null }) => ({ distributor: await findDistributor(ds, input.distributorId) })),

    /** Creates or updates the approved distributor (status active) and links the order to it. */
    signDistributor: domainActivity(async (input: SignDistributorInput) => {
      const id = requireText(input.distributorId, 'distributorId');
      const channels = checkSignInput(input);
      const [region] = await ds.query(`SELECT id FROM regions WHERE id = $1`, [input.regionId]);
      if (!region) throw new DomainRuleError('unknown_region', `region '${String(input.regionId)}' does not exist`, [{ field: 'regionId', code: 'unknown', message: 'unknown region' }]);
      await ds.query(
        `INSERT INTO distributors (id, name, region_id, channels, credit_terms_days, credit_limit, lead_time_days, annual_target, status, rep)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'active', $9)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, region_id = EXCLUDED.region_id, channels = EXCLUDED.channels,
           credit_terms_days = EXCLUDED.credit_terms_days, credit_limit = EXCLUDED.credit_limit, lead_time_days = EXCLUDED.lead_time_days,
           annual_target = EXCLUDED.annual_target, status = 'active', rep = coalesce(EXCLUDED.rep, distributors.rep), updated_at = now()`,
        [id, requireText(input.name, 'name'), input.regionId, channels, input.creditTermsDays ?? 30, input.creditLimit ?? 0,
          input.leadTimeDays ?? 7, input.annualTarget, input.rep ?? null]);
      if (input.orderId) await ds.query(`UPDATE orders SET distributor_id = $2 WHERE id = $1 AND distributor_id IS NULL`, [input.orderId, id]);
      return { distributor: await findDistributor(ds, id) };
    }),

    /**
     * Records the KA entry terms (one agreement per distributor and chain; a renegotiation
     * updates it) and lists the SKUs at the chain's outlets in the distributor's region, which
     * the distributor now serves.
     */
    recordKaEntry: domainActivity(async (input: KaEntryInput) => {
      const distributor = await requireDistributor(ds, input.distributorId);
      const chain = requireText(input.chain, 'chain');
      const skus = codeList(input.skus);
      const known: { id: string }[] = await ds.query(`SELECT id FROM skus WHERE id = ANY($1)`, [skus]);
      const unknown = skus.filter((s) => !known.some((k) => k.id === s));
      if (unknown.length) throw new DomainRuleError('unknown_sku', `unknown SKUs in the KA agreement: ${unknown.join(', ')}`, unknown.map((s) => ({ field: 'skus', code: 'unknown_sku', message: `SKU ${s} does not exist` })));
      return ds.transaction(async (tx) => {
        const [agreement] = await tx.query(
          `INSERT INTO ka_agreements (distributor_id, chain, order_id, listing_fee, skus, payment_days, terms, status, approved_by, signed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'signed', $8, now())
           ON CONFLICT (distributor_id, chain) DO UPDATE SET order_id = EXCLUDED.order_id, listing_fee = EXCLUDED.listing_fee,
             skus = EXCLUDED.skus, payment_days = EXCLUDED.payment_days, terms = EXCLUDED.terms, status = 'signed',
             approved_by = EXCLUDED.approved_by, signed_at = now(), updated_at = now()
           RETURNING id`,
          [distributor.id, chain, input.orderId ?? null, Number(input.listingFee), skus, input.paymentDays ?? null, input.terms ?? null, input.approvedBy ?? null]);
        const [, listed] = await tx.query(
          `UPDATE outlets SET distributor_id = coalesce(distributor_id, $1),
             listed_skus = ARRAY(SELECT DISTINCT unnest(listed_skus || $4::text[]) ORDER BY 1)
           WHERE kind = 'ka' AND chain = $2 AND region_id = $3 AND (distributor_id IS NULL OR distributor_id = $1)`,
          [distributor.id, chain, distributor.regionId, skus]);
        return { kaAgreementId: agreement.id as string, kaOutletsListed: Number(listed ?? 0) };
      });
    }),
  };
}
