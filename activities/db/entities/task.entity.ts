import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @Column({ name: 'node_id', type: 'text' }) nodeId!: string;
  @Column({ type: 'int' }) iteration!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: string;
  @Column({ type: 'text', nullable: true }) assignee!: string | null;
  @Column({ type: 'text', nullable: true }) stage!: string | null;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'completed' | 'cancelled';
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ type: 'boolean', default: false }) overdue!: boolean;
  @Column({ type: 'jsonb', nullable: true }) form!: unknown;
  @Column({ type: 'jsonb', default: {} }) prefill!: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) data!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ name: 'completed_by', type: 'text', nullable: true }) completedBy!: string | null;
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
}
