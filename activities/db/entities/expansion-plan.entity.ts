import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the rep plans to grow next cycle: SKUs, outlets, promotions, growth target. */
@Entity('expansion_plans')
export class ExpansionPlanEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'jsonb' }) suggestions!: Record<string, unknown>;
  @Column({ name: 'new_skus', type: 'text', array: true }) newSkus!: string[];
  @Column({ name: 'new_outlets', type: 'text', array: true }) newOutlets!: string[];
  @Column({ type: 'text', nullable: true }) promotions!: string | null;
  @Column({ name: 'target_growth_pct', type: 'numeric', precision: 6, scale: 2, nullable: true }) targetGrowthPct!: string | null;
  @Column({ name: 'next_cycle', type: 'boolean' }) nextCycle!: boolean;
  @Column({ name: 'created_by', type: 'text', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
