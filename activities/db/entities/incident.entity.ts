import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId!: string;
  @Column({ type: 'int' }) iteration!: number;
  @Column({ type: 'text' }) activity!: string;
  @Column({ type: 'text' }) error!: string;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'resolved';
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ name: 'resolved_by', type: 'text', nullable: true }) resolvedBy!: string | null;
}
