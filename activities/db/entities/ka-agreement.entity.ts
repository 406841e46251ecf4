import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The terms a distributor agreed with a KA chain for entry: listing fee, SKUs listed, payment terms. */
@Entity('ka_agreements')
export class KaAgreementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'distributor_id', type: 'text' }) distributorId!: string;
  @Column({ type: 'text' }) chain!: string;
  @Column({ name: 'order_id', type: 'uuid', nullable: true }) orderId!: string | null;
  @Column({ name: 'listing_fee', type: 'numeric', precision: 14, scale: 2 }) listingFee!: string;
  @Column({ type: 'text', array: true }) skus!: string[];
  @Column({ name: 'payment_days', type: 'int', nullable: true }) paymentDays!: number | null;
  @Column({ type: 'text', nullable: true }) terms!: string | null;
  @Column({ type: 'text' }) status!: 'negotiated' | 'approved' | 'signed';
  @Column({ name: 'approved_by', type: 'text', nullable: true }) approvedBy!: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
