import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The order projection: written by the worker's projection activity, read by the API. */
@Entity('orders')
export class OrderEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'workflow_id', type: 'text', unique: true }) workflowId!: string;
  @Column({ name: 'template_key', type: 'text' }) templateKey!: string;
  @Column({ name: 'template_version', type: 'int' }) templateVersion!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'distributor_id', type: 'text', nullable: true }) distributorId!: string | null;
  @Column({ type: 'text', nullable: true }) region!: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 }) value!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) stage!: string | null;
  @Column({ name: 'active_nodes', type: 'text', array: true, default: '{}' }) activeNodes!: string[];
  @Column({ type: 'jsonb', default: {} }) variables!: Record<string, unknown>;
  @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq!: number;
  @Column({ name: 'last_event_at', type: 'timestamptz' }) lastEventAt!: Date;
  @Column({ name: 'stage_since', type: 'timestamptz', nullable: true }) stageSince!: Date | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true, unique: true }) idempotencyKey!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}

@Entity('order_events')
export class OrderEventEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @PrimaryColumn({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'node_id', type: 'text', nullable: true }) nodeId!: string | null;
  @Column({ type: 'int', nullable: true }) iteration!: number | null;
  @Column({ type: 'jsonb', nullable: true }) data!: Record<string, unknown> | null;
}
