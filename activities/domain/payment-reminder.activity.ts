/**
 * When to remind a distributor to pay: from its stock cover (closing stock and goods in transit
 * over its average daily sell-through of the last three reported months) minus its lead time.
 */
import type { DataSource } from 'typeorm';
import type { ActivityDeps } from '../deps';
import { activityNow, addDays, DAY_MS } from './activity-clock';
import { requirePlan } from './demand-plan.activity';
import { requireDistributor } from './distributors.activity';
import { domainActivity } from './domain-error';
import { addPeriods, daysInPeriod } from './periods';
import { daysUntilReminder, stockCoverDays } from './stock-cover';

const RECENT_MONTHS = 3;

/** The distributor's stock position: total closing stock of its last report, in transit, daily pace. */
export async function stockPosition(ds: DataSource, distributorId: string) {
  const [{ last }] = await ds.query(`SELECT max(period) AS last FROM sell_through_reports WHERE distributor_id = $1`, [distributorId]);
  const [{ inTransit }] = await ds.query(
    `SELECT coalesce(sum(l.qty), 0)::int AS "inTransit" FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
      WHERE s.distributor_id = $1 AND s.delivered_at IS NULL`, [distributorId]);
  if (!last) return { lastPeriod: null, closingStock: 0, inTransit, dailySellThrough: 0, reportEnd: null };
  const from = addPeriods(last, -(RECENT_MONTHS - 1));
  const [row] = await ds.query(
    `SELECT coalesce(sum(closing_stock) FILTER (WHERE period = $2), 0)::int AS closing,
            coalesce(sum(sell_through), 0)::int AS sold, array_agg(DISTINCT period) AS periods
       FROM sell_through_reports WHERE distributor_id = $1 AND period BETWEEN $3 AND $2`, [distributorId, last, from]);
  const days = (row.periods as string[]).reduce((total, period) => total + daysInPeriod(period), 0);
  const reportEnd = new Date(`${addPeriods(last, 1)}-01T00:00:00Z`);
  return { lastPeriod: last as string, closingStock: row.closing as number, inTransit, dailySellThrough: row.sold / days, reportEnd };
}

async function paymentReminderDate(ds: DataSource, input: { distributorId: string; planId?: string }) {
  const distributor = await requireDistributor(ds, input.distributorId);
  const now = activityNow();
  const position = await stockPosition(ds, distributor.id);
  const cover = position.reportEnd
    ? stockCoverDays({ stock: position.closingStock + position.inTransit, dailySellThrough: position.dailySellThrough, daysSinceReport: (now.getTime() - position.reportEnd.getTime()) / DAY_MS })
    : null;
  // Unknown cover (no reports, or nothing sells): remind when the credit term runs out.
  const days = daysUntilReminder(cover, distributor.leadTimeDays, distributor.creditTermsDays);
  const reminderAt = addDays(now, days);
  if (input.planId) await ds.query(`UPDATE demand_plans SET reminder_at = $2 WHERE id = $1`, [(await requirePlan(ds, input.planId)).id, reminderAt]);
  return {
    paymentReminderAt: reminderAt.toISOString(),
    stockCoverDays: cover === null ? null : Math.round(cover * 10) / 10,
    leadTimeDays: distributor.leadTimeDays,
    dailySellThrough: Math.round(position.dailySellThrough * 100) / 100,
    stockBasis: { lastPeriod: position.lastPeriod, closingStock: position.closingStock, inTransit: position.inTransit },
  };
}

async function paymentReminderDue(ds: DataSource, input: { planId: string }) {
  const [plan] = await ds.query(`SELECT status, reminder_at AS "reminderAt" FROM demand_plans WHERE id = $1`, [(await requirePlan(ds, input.planId)).id]);
  const now = activityNow();
  return {
    // A plan paid without the signal reaching the order (e.g. Temporal was down) is noticed here.
    planPaid: plan.status === 'paid',
    reminderDue: plan.reminderAt !== null && new Date(plan.reminderAt).getTime() <= now.getTime(),
  };
}

export function paymentReminderActivities({ ds }: ActivityDeps) {
  return {
    paymentReminderDate: domainActivity((input: { distributorId: string; planId?: string }) => paymentReminderDate(ds, input)),
    paymentReminderDue: domainActivity((input: { planId: string }) => paymentReminderDue(ds, input)),
  };
}
