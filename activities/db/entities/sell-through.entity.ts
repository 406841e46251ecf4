import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a distributor's 进销存 report: stock movement of one SKU in one month, in cases. */
@Entity('sell_through_reports')
export class SellThroughReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ name: 'opening_stock', type: 'int' }) openingStock!: number;
  @Column({ name: 'sell_in', type: 'int' }) sellIn!: number;
  @Column({ name: 'sell_through', type: 'int' }) sellThrough!: number;
  @Column({ name: 'closing_stock', type: 'int' }) closingStock!: number;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'batch_id', type: 'text' }) batchId!: string;
  @Column({ type: 'text' }) source!: 'csv' | 'json' | 'form' | 'seed';
  @Column({ name: 'reported_at', type: 'timestamptz' }) reportedAt!: Date;
}

/** The analysis of a distributor's month: days of stock, stock-out risk, replenishment per SKU. */
@Entity('sell_through_analyses')
export class SellThroughAnalysisEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'text' }) period!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'stock_out_risk', type: 'text' }) stockOutRisk!: 'none' | 'low' | 'medium' | 'high';
  @Column({ name: 'replenishment_needed', type: 'boolean' }) replenishmentNeeded!: boolean;
  @Column({ type: 'jsonb' }) result!: Record<string, unknown>;
  @Column({ name: 'analysed_at', type: 'timestamptz' }) analysedAt!: Date;
}
