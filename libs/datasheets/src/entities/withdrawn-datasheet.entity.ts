import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotPersonalData, PolicyEntity, Readable, published } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Why a published datasheet left the public outputs. */
export enum DatasheetWithdrawalReason {
  /** The product's certificate is suspended: the product may not be delivered under the mark meanwhile. */
  PRODUCT_SUSPENDED = 'PRODUCT_SUSPENDED',
  /** The product's certificate is withdrawn. */
  PRODUCT_WITHDRAWN = 'PRODUCT_WITHDRAWN',
  /** The product's certificate expired. */
  PRODUCT_EXPIRED = 'PRODUCT_EXPIRED',
  /** The certification body withdrew the datasheet (the certificate itself unchanged). */
  DATASHEET_WITHDRAWN = 'DATASHEET_WITHDRAWN',
}
registerEnumType(DatasheetWithdrawalReason, { name: 'DatasheetWithdrawalReason', description: 'Why a published datasheet was withdrawn.' });

/**
 * The public notice of a withdrawn datasheet: what it was (product, holder, certificate, its last
 * version and when that was published), when it was withdrawn and why. What a printed copy's reader
 * needs to stop relying on it; no contact and no characteristics (the datasheet is no longer in force).
 */
@ObjectType({ description: 'A datasheet that was published and is withdrawn: its printed copies are no longer in force.' })
@PolicyEntity<WithdrawnDatasheet>({
  name: 'WithdrawnDatasheet',
  visibleTo: [published()],
  // The notice is itself public: it exists only for a datasheet that was published.
  relations: { tenantId: (w) => w.tenantId, isPublished: (w) => Boolean(w.withdrawnAt) },
})
@Entity({ name: 'withdrawn_datasheet' })
export class WithdrawnDatasheet {
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true, description: 'The public id of the datasheet.' }) @PrimaryColumn({ name: 'datasheet_id', type: 'uuid' }) id: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true, description: 'The certification body.' }) @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'public_code', type: 'char', length: 8 }) publicCode: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Int, { nullable: true, description: 'The version that was published when the datasheet was withdrawn.' }) @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'product_name' }) productName: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'product_family' }) productFamily: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'certificate_reference' }) certificateReference: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column() scheme: string;
  @Readable(published()) @NotPersonalData('name of the certificate holder (a company), published with its datasheets')
  @Field(() => String, { nullable: true }) @Column({ name: 'holder_name' }) holderName: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true, description: 'When the version in force at the withdrawal was published.' }) @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'withdrawn_at' }) withdrawnAt: Date;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => DatasheetWithdrawalReason, { nullable: true }) @Column('text') reason: DatasheetWithdrawalReason;
}
