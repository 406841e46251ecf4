import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A token waiting at a messageCatch (projection of message_waiting; gone once the message arrives). */
@Entity('order_waits')
export class OrderWaitEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @PrimaryColumn({ name: 'node_id', type: 'text' }) nodeId!: string;
  @PrimaryColumn({ type: 'int' }) iteration!: number;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'jsonb', nullable: true }) correlation!: unknown;
  @Column({ type: 'timestamptz' }) since!: Date;
  @Column({ name: 'expected_by', type: 'timestamptz', nullable: true }) expectedBy!: Date | null;
}
