import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The shipment of a plan's reserved stock to its distributor (one per plan). */
@Entity('shipments')
export class ShipmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'text', nullable: true }) carrier!: string | null;
  @Column({ name: 'tracking_number', type: 'text', nullable: true }) trackingNumber!: string | null;
  @Column({ name: 'shipped_at', type: 'timestamptz' }) shippedAt!: Date;
  @Column({ type: 'timestamptz' }) eta!: Date;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  @Column({ name: 'received_by', type: 'text', nullable: true }) receivedBy!: string | null;
  @Column({ type: 'text' }) status!: 'in_transit' | 'delivered';
}

@Entity('shipment_lines')
export class ShipmentLineEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid' }) shipmentId!: string;
  @PrimaryColumn({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ type: 'int' }) qty!: number;
}
