import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Internal, NotPersonalData, PolicyEntity, Readable, published } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DatasheetText } from './datasheet-text.entity';
import { DatasheetWithdrawalReason } from './withdrawn-datasheet.entity';

/**
 * A published version no longer in force, as anyone may read it while its datasheet is published or
 * withdrawn ("history stays readable", SPEC §3): its product, holder, characteristics and texts as
 * published, and when it was in force: until a newer one superseded it, or until the datasheet was
 * withdrawn (the version in force then; with why). No contact: the datasheet's contact is the current
 * one (PublishedDatasheet), and a withdrawn datasheet shows none.
 */
@ObjectType({ description: 'A version of a datasheet that is no longer in force: a newer one superseded it, or the datasheet was withdrawn.' })
@PolicyEntity<PublishedDatasheetVersion>({
  name: 'PublishedDatasheetVersion',
  visibleTo: [published()],
  relations: { tenantId: (v) => v.tenantId, isPublished: (v) => Boolean(v.publishedAt) },
})
@Entity({ name: 'published_datasheet_version' })
export class PublishedDatasheetVersion {
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true }) @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true, description: 'The public id of the datasheet.' }) @Column({ name: 'datasheet_id', type: 'uuid' }) datasheetId: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Int, { nullable: true }) @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'product_name' }) productName: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'product_family' }) productFamily: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'certificate_reference' }) certificateReference: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column() scheme: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'production_unit' }) productionUnit: string;
  @Readable(published()) @NotPersonalData('name of the certificate holder (a company), published with its datasheets')
  @Field(() => String, { nullable: true }) @Column({ name: 'holder_name' }) holderName: string;
  @Readable(published()) @NotPersonalData('technical characteristics of a product')
  @Field(() => String, { nullable: true, description: 'The technical characteristics, a JSON object.' }) @Column('jsonb') characteristics: string;
  @Readable(published()) @NotPersonalData('product description')
  @Field(() => [DatasheetText], { nullable: true }) @Column('jsonb') texts: DatasheetText[];
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true, description: 'When the next version replaced it (null for the version in force when the datasheet was withdrawn).' })
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt: Date | null;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true, description: 'When the datasheet was withdrawn while this version was in force (null for a superseded version).' })
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => DatasheetWithdrawalReason, { nullable: true, description: "Why it was withdrawn; while the datasheet stays withdrawn, what became of the product's certificate since (as its notice says)." })
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: DatasheetWithdrawalReason | null;
}
