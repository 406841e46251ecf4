import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** HQ stock held for one plan line (unique per plan and SKU). */
@Entity('stock_reservations')
export class StockReservationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ type: 'int' }) qty!: number;
  @Column({ type: 'text' }) status!: 'reserved' | 'shipped' | 'released';
}

/** The part of a plan line HQ could not reserve. */
@Entity('backorders')
export class BackorderEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ type: 'int' }) qty!: number;
  @Column({ type: 'text' }) status!: 'open' | 'fulfilled' | 'cancelled';
}

/** A request to production raised by a backorder. */
@Entity('production_requests')
export class ProductionRequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ type: 'int' }) qty!: number;
  @Column({ type: 'text' }) status!: 'requested' | 'scheduled' | 'done' | 'cancelled';
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
}
