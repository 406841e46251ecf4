import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type Channel = 'ka' | 'traditional' | 'wholesale';

/** A distributor: channels it serves, credit terms, delivery lead time and the agreed annual target. */
@Entity('distributors')
export class DistributorEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'region_id', type: 'text' }) regionId!: string;
  @Column({ type: 'text', array: true }) channels!: Channel[];
  @Column({ name: 'credit_terms_days', type: 'int' }) creditTermsDays!: number;
  @Column({ name: 'credit_limit', type: 'numeric', precision: 14, scale: 2 }) creditLimit!: string;
  @Column({ name: 'lead_time_days', type: 'int' }) leadTimeDays!: number;
  @Column({ name: 'annual_target', type: 'numeric', precision: 14, scale: 2 }) annualTarget!: string;
  @Column({ type: 'text' }) status!: 'prospect' | 'active' | 'suspended';
  @Column({ type: 'text', nullable: true }) rep!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
