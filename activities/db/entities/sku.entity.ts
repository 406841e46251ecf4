import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A product. Price is per case; `seasonality` holds 12 monthly indices (1 = an average month). */
@Entity('skus')
export class SkuEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) category!: string | null;
  @Column({ type: 'numeric', precision: 12, scale: 2 }) price!: string;
  @Column({ name: 'case_size', type: 'int' }) caseSize!: number;
  @Column({ type: 'numeric', precision: 6, scale: 3, array: true, nullable: true }) seasonality!: string[] | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Head-office stock of one SKU in cases; `reserved` never exceeds `onHand` (a table check). */
@Entity('hq_stock')
export class HqStockEntity {
  @PrimaryColumn({ name: 'sku_id', type: 'text' }) skuId!: string;
  @Column({ name: 'on_hand', type: 'int' }) onHand!: number;
  @Column({ type: 'int' }) reserved!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
