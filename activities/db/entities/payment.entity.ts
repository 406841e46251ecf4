import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A payment notice from finance/ERP; matched to an order (and its plan) or kept as unmatched. */
@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'notice_id', type: 'text', nullable: true }) noticeId!: string | null;
  @Column({ name: 'claimed_order_id', type: 'text', nullable: true }) claimedOrderId!: string | null;
  @Column({ type: 'text', nullable: true }) reference!: string | null;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) amount!: string;
  @Column({ name: 'paid_at', type: 'timestamptz' }) paidAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) status!: 'matched' | 'unmatched';
  @Column({ name: 'unmatched_reason', type: 'text', nullable: true }) unmatchedReason!: string | null;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId!: string | null;
  @Column({ name: 'matched_at', type: 'timestamptz', nullable: true }) matchedAt!: Date | null;
  @Column({ name: 'matched_by', type: 'text', nullable: true }) matchedBy!: string | null;
}
