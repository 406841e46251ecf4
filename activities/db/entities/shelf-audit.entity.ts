import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One outlet's shelf audit in one round: the checklist, its score and photo metadata. */
@Entity('shelf_audits')
export class ShelfAuditEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'outlet_id', type: 'text' }) outletId!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ type: 'int' }) round!: number;
  @Column({ type: 'jsonb' }) checklist!: Record<string, unknown>;
  @Column({ type: 'int' }) score!: number;
  @Column({ name: 'pass_score', type: 'int' }) passScore!: number;
  @Column({ type: 'boolean' }) passed!: boolean;
  @Column({ type: 'jsonb' }) photos!: unknown[];
  @Column({ type: 'text', nullable: true }) auditor!: string | null;
  @Column({ name: 'audited_at', type: 'timestamptz' }) auditedAt!: Date;
}
