/**
 * The domain activities service tasks call by name (DOMAIN_ACTIVITY_NAMES), one factory per
 * area of the order value chain. Domain refusals leave them as non-retryable failures
 * (domain-error.ts); everything else is retried by the node's policy.
 */
import type { ActivityDeps } from '../deps';
import { allocateStockActivities } from './allocate-stock.activity';
import { demandPlanActivities } from './demand-plan.activity';
import { distributorActivities } from './distributors.activity';
import { expansionActivities } from './expansion.activity';
import { forecastDemandActivities } from './forecast-demand.activity';
import { orderValueActivities } from './order-value.activity';
import { paymentReminderActivities } from './payment-reminder.activity';
import { analyseSellThroughActivities } from './sell-through/analyse-sell-through.activity';
import { ingestSellThroughActivities } from './sell-through/ingest-sell-through.activity';
import { shelfAuditActivities } from './shelf-audit.activity';
import { shipmentActivities } from './shipments.activity';

export function valueChainActivities(deps: ActivityDeps) {
  return {
    ...orderValueActivities(deps),
    ...distributorActivities(deps),
    ...forecastDemandActivities(deps),
    ...demandPlanActivities(deps),
    ...paymentReminderActivities(deps),
    ...allocateStockActivities(deps),
    ...shipmentActivities(deps),
    ...ingestSellThroughActivities(deps),
    ...analyseSellThroughActivities(deps),
    ...shelfAuditActivities(deps),
    ...expansionActivities(deps),
  };
}
