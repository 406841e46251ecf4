import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { PAYMENT_COLUMNS, type PaymentNotice, type RecordedPayment, matchPayment, recordPaymentNotice } from '@orderpath/activities/domain/payments';
import { messageSignal } from '@orderpath/workflows/messages';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth.types';
import { isUuid, scopedRegion } from '../../common/access';
import { NotFoundError } from '../../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../../common/pagination';
import { SqlParams } from '../../common/sql-params';
import { TEMPORAL_CLIENT } from '../../temporal/temporal.module';
import { domainCall } from '../domain-errors';
import { Sql } from '../../db/sql';

export interface PaymentFilter { status?: 'matched' | 'unmatched'; distributorId?: string; orderId?: string; cursor?: string; limit: number }

/**
 * Payment notices (DESIGN.md §6): stored first, always; when one settles a plan the waiting order
 * gets the `paymentReceived` message, correlated by the plan id. If Temporal cannot be reached
 * the notice and the settlement stay stored and the answer says `signalled: false`; the order's
 * daily payment check sees the paid plan and moves on anyway.
 */
@Injectable()
export class PaymentsService {
  private readonly log = new Logger('PaymentsService');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Sql) private readonly sql: Sql,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async record(notice: PaymentNotice, user: AuthUser) {
    const recorded = await domainCall(() => recordPaymentNotice(this.ds, notice));
    if (!recorded.duplicate) await this.audit.record(user, 'payment.notice', `payment:${recorded.payment.id}`, null, { status: recorded.payment.status, amount: notice.amount }, null);
    return this.answer(recorded);
  }

  async match(id: string, orderId: string, user: AuthUser) {
    const recorded = await domainCall(() => matchPayment(this.ds, id, orderId, user.username));
    await this.audit.record(user, 'payment.match', `payment:${id}`, null, { orderId }, null);
    return this.answer(recorded);
  }

  async list(f: PaymentFilter, user: AuthUser): Promise<Page<Record<string, unknown>>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (f.status) where.push(`status = ${p.add(f.status)}`);
    if (f.distributorId) where.push(`distributor_id = ${p.add(f.distributorId)}`);
    if (f.orderId) where.push(`order_id::text = ${p.add(f.orderId)}`);
    const region = scopedRegion(user);
    // Supervisors: their region's distributors, and notices naming a distributor nobody knows.
    if (region !== null) where.push(`(distributor_id IN (SELECT id FROM distributors WHERE region_id = ${p.add(region)}) OR distributor_id NOT IN (SELECT id FROM distributors))`);
    const after = decodeCursor(f.cursor, 2, [cursorPart.timestamp, cursorPart.uuid]) as [string, string] | null;
    if (after) where.push(`(received_at, id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows = await this.sql.query(
      `SELECT ${PAYMENT_COLUMNS}, claimed_order_id AS "claimedOrderId", matched_by AS "matchedBy" FROM payments
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, id DESC LIMIT ${p.add(f.limit + 1)}`, p.values);
    return pageOf(rows, f.limit, (r: { receivedAt: Date; id: string }) => [new Date(r.receivedAt).toISOString(), r.id]);
  }

  async get(id: string) {
    const [row] = isUuid(id) ? await this.sql.query(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1`, [id]) : [];
    if (!row) throw new NotFoundError('payment', id);
    return row;
  }

  private async answer(r: RecordedPayment) {
    let signalled = false;
    if (r.signal) {
      const { workflowId, message, correlation, payload } = r.signal;
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(messageSignal, { name: message, correlation, payload });
        signalled = true;
      } catch (err) {
        this.log.warn(`payment ${r.payment.id} settled plan ${correlation} but order ${r.signal.orderId} could not be signalled: ${(err as Error).message}`);
      }
    }
    return { ...r.payment, duplicate: r.duplicate, plan: r.plan, signalled };
  }
}
