import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DomainRuleError } from '@orderpath/activities/domain/domain-error';
import { ingestSellThrough } from '@orderpath/activities/domain/sell-through/ingest-sell-through.activity';
import { messageSignal } from '@orderpath/workflows/messages';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth.types';
import { UnprocessableError } from '../../common/errors';
import { OrdersService } from '../../orders/orders.service';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module';
import { domainCall, toHttpError } from '../domain-errors';
import { type ParsedReport, parseCsvReport, parseJsonReport } from './parse-report';

/** The message an order's Track stage waits for, correlated by the reported month. */
export const SELL_THROUGH_MESSAGE = 'sellThroughReported';

/**
 * A distributor's 进销存 report for an order: validated as a whole and stored in one
 * transaction (or refused with every row/column error, storing nothing), then announced to the
 * order as `sellThroughReported` for the latest month in it.
 */
@Injectable()
export class SellThroughService {
  private readonly log = new Logger('SellThroughService');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(OrdersService) private readonly orders: OrdersService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async upload(orderId: string, body: unknown, isCsv: boolean, user: AuthUser) {
    const order = await this.orders.find(orderId, user);
    if (!order.distributorId) throw new UnprocessableError('order_has_no_distributor', `order ${orderId} has no distributor yet; sign one in Develop first`);
    const parsed: ParsedReport = isCsv ? parseCsvReport(typeof body === 'string' ? body : '') : parseJsonReport(body);
    if (!parsed.ok) toHttpError(new DomainRuleError('invalid_sell_through', 'the report was refused and nothing was stored', parsed.errors));
    const { ok: _ok, ...report } = parsed as Extract<ParsedReport, { ok: true }>;
    const result = await domainCall(() => ingestSellThrough(this.ds, { ...report, source: report.format, distributorId: order.distributorId as string, orderId }));
    const signalled = await this.announce(order.workflowId, result.latestPeriod, { sellThroughPeriod: result.latestPeriod, sellThroughBatchId: result.batchId, sellThroughRows: result.stored });
    await this.audit.record(user, 'order.sell_through', `order:${orderId}`, null, { batchId: result.batchId, periods: result.periods, rows: result.stored }, order.region);
    return { ...result, signalled };
  }

  private async announce(workflowId: string, period: string, payload: Record<string, unknown>): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowId).signal(messageSignal, { name: SELL_THROUGH_MESSAGE, correlation: period, payload });
      return true;
    } catch (err) {
      // The report is stored either way; the rep can resend the message from the order page.
      this.log.warn(`sell-through for ${period} stored but ${workflowId} could not be signalled: ${(err as Error).message}`);
      return false;
    }
  }
}
