import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A point of sale: a store of a KA chain or a traditional-trade shop; no distributor = not covered. */
@Entity('outlets')
export class OutletEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: 'ka' | 'traditional';
  @Column({ type: 'text', nullable: true }) chain!: string | null;
  @Column({ name: 'distributor_id', type: 'text', nullable: true }) distributorId!: string | null;
  @Column({ name: 'region_id', type: 'text' }) regionId!: string;
  @Column({ type: 'text', nullable: true }) city!: string | null;
  @Column({ name: 'listed_skus', type: 'text', array: true }) listedSkus!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
