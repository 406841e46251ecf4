import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The stored outcome of a creating POST sent with `Idempotency-Key` (status null while it runs). */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text' }) actor!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) method!: string;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'int', nullable: true }) status!: number | null;
  @Column({ type: 'jsonb', nullable: true }) body!: unknown;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
