import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { anyone, Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ATTACHMENT_UPLOADER } from './personal-data.declarations';

const READERS = [ownOrganisation(Role.ORG_ADMIN, Role.ORG_MEMBER), staffOfOwnTenant()];

/**
 * A document attached to a datasheet version (a declaration of performance, a drawing): a company
 * document, not personal data of anyone. The bytes are downloaded over HTTP
 * (`GET /datasheet-versions/{versionId}/attachments/{id}`); once the version is published, by anyone
 * (`GET /public/datasheets/{code}/attachments/{id}`).
 */
@ObjectType()
@PolicyEntity<DatasheetAttachment>({ name: 'DatasheetAttachment', visibleTo: READERS, relations: { tenantId: (a) => a.tenantId, organisationId: (a) => a.organisationId } })
@Entity({ name: 'datasheet_attachment' })
export class DatasheetAttachment {
  @Readable(...READERS) @NotPersonalData('datasheet attachment')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'datasheet_id', type: 'uuid' }) datasheetId: string;
  @Readable(...READERS) @NotPersonalData('datasheet attachment')
  @Field(() => ID, { nullable: true }) @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Internal() @NotPersonalData('reference to the stored document')
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Readable(...READERS) @NotPersonalData('title of a product document')
  @Field(() => String, { nullable: true }) @Column('text') title: string;
  @Readable(...READERS) @NotPersonalData('language of a product document')
  @Field(() => String, { nullable: true, description: 'nl, fr, de or en; null when the document is in no one language (a drawing).' })
  @Column('text', { nullable: true }) language: string | null;
  @Readable(...READERS) @NotPersonalData('name of a product document as uploaded')
  @Field(() => String, { nullable: true }) @Column({ name: 'file_name' }) fileName: string;
  @Readable(...READERS) @NotPersonalData('media type found in the bytes')
  @Field(() => String, { nullable: true }) @Column({ name: 'media_type' }) mediaType: string;
  @Readable(...READERS) @NotPersonalData('size of the file')
  @Field(() => Int, { nullable: true }) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Readable(...READERS) @NotPersonalData('checksum of the bytes')
  @Field(() => String, { nullable: true, description: 'SHA-256 of the bytes, hex.' }) @Column() sha256: string;
  @Readable(...READERS) @PersonalData(ATTACHMENT_UPLOADER)
  @Field(() => ID, { nullable: true, description: 'The organisation user who added it (null once erased).' })
  @Column('uuid', { name: 'uploaded_by', nullable: true }) uploadedBy: string | null;
  @Readable(...READERS) @NotPersonalData('datasheet attachment')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * An attachment of a published datasheet as anyone reads it, nested in the public read model's row
 * (so a public page stays one statement): the published version's attachments only.
 */
@ObjectType()
@PolicyEntity<PublishedDatasheetAttachment>({ name: 'PublishedDatasheetAttachment', visibleTo: [anyone()], relations: {} })
export class PublishedDatasheetAttachment {
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => ID, { nullable: true, description: 'GET /public/datasheets/{code}/attachments/{id} downloads it.' }) id: string;
  @Internal() @NotPersonalData('reference to the stored document') documentId: string;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => String, { nullable: true }) title: string;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => String, { nullable: true }) language: string | null;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => String, { nullable: true }) fileName: string;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => String, { nullable: true }) mediaType: string;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => Int, { nullable: true }) sizeBytes: number;
  @Readable(anyone()) @NotPersonalData('public datasheet') @Field(() => String, { nullable: true, description: 'SHA-256 of the bytes, hex (also the download’s ETag).' }) sha256: string;
}
