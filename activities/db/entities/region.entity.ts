import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A sales region; users.region and distributors.region_id refer to its id. */
@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
