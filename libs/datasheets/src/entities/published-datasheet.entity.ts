import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, published } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PublishedDatasheetAttachment } from './datasheet-attachment.entity';
import { DatasheetText } from './datasheet-text.entity';
import { COMPLETED_BY, PUBLISHED_CONTACT } from './personal-data.declarations';

/** Whose details a published datasheet shows: the person who completed it, or the company's general contact. */
export enum DatasheetContactKind {
  PERSON = 'PERSON',
  COMPANY = 'COMPANY',
}
registerEnumType(DatasheetContactKind, { name: 'DatasheetContactKind' });

/**
 * A published datasheet as anyone may read it (the public API, the plain GET form, the feed): the
 * published version with its product, holder and published contact, in one row of the public read
 * model. Only fields declared `published` leave through the gate.
 */
@ObjectType()
@PolicyEntity<PublishedDatasheet>({
  name: 'PublishedDatasheet',
  visibleTo: [published()],
  relations: { tenantId: (d) => d.tenantId, organisationId: (d) => d.organisationId, isPublished: (d) => Boolean(d.publishedAt) },
})
@Entity({ name: 'published_datasheet' })
export class PublishedDatasheet {
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true, description: 'The public id of the datasheet.' }) @PrimaryColumn({ name: 'datasheet_id', type: 'uuid' }) id: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true, description: 'The certification body.' }) @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => ID, { nullable: true }) @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Int, { nullable: true }) @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => String, { nullable: true }) @Column({ name: 'public_code', type: 'char', length: 8 }) publicCode: string;
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
  @Field(() => [PublishedDatasheetAttachment], { nullable: true, description: "The published version's attachments." })
  @Column('jsonb') attachments: PublishedDatasheetAttachment[];
  @Internal() @PersonalData(COMPLETED_BY)
  @Column('uuid', { name: 'contact_user_id', nullable: true }) contactUserId: string | null;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => DatasheetContactKind, { nullable: true }) @Column('text', { name: 'contact_kind' }) contactKind: DatasheetContactKind;
  @Readable(published()) @PersonalData(PUBLISHED_CONTACT)
  @Field(() => String, { nullable: true }) @Column({ name: 'contact_name' }) contactName: string;
  @Readable(published()) @PersonalData(PUBLISHED_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Readable(published()) @PersonalData(PUBLISHED_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Readable(published()) @PersonalData(PUBLISHED_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'contact_position', nullable: true }) contactPosition: string | null;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Boolean, { nullable: true, description: 'CONTACT_REPLACEMENT_REQUIRED: the company general contact is shown until a new contact is named.' })
  @Column({ name: 'contact_replacement_required' }) contactReplacementRequired: boolean;
  @Readable(published()) @NotPersonalData('public datasheet')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Internal() @NotPersonalData()
  @Column('bigint') revision: string;
}
