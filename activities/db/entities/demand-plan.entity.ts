import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type DemandPlanStatus = 'suggested' | 'agreed' | 'published' | 'paid' | 'cancelled';

/** One month's demand plan of a distributor within an order (unique per order and period). */
@Entity('demand_plans')
export class DemandPlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'text' }) status!: DemandPlanStatus;
  @Column({ name: 'forecast_basis', type: 'jsonb' }) forecastBasis!: Record<string, unknown>;
  @Column({ name: 'amount_due', type: 'numeric', precision: 14, scale: 2, nullable: true }) amountDue!: string | null;
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference!: string | null;
  @Column({ name: 'reminder_at', type: 'timestamptz', nullable: true }) reminderAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'agreed_at', type: 'timestamptz', nullable: true }) agreedAt!: Date | null;
  @Column({ name: 'agreed_by', type: 'text', nullable: true }) agreedBy!: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true }) paidAt!: Date | null;
}

/** Suggested (from the forecast) vs agreed quantity of one SKU, in cases. */
@Entity('demand_plan_lines')
export class DemandPlanLineEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @PrimaryColumn({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ name: 'suggested_qty', type: 'int' }) suggestedQty!: number;
  @Column({ name: 'agreed_qty', type: 'int', nullable: true }) agreedQty!: number | null;
  @Column({ name: 'override_reason', type: 'text', nullable: true }) overrideReason!: string | null;
  @Column({ type: 'jsonb' }) basis!: Record<string, unknown>;
}
