import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DOCUMENT_UPLOADER } from './personal-data.declarations';

export type DocumentKind = 'SUPPORTING_DOCUMENT' | 'CERTIFICATE_PDF' | 'DATASHEET_ATTACHMENT';
export type DocumentStorageName = 'postgres' | 's3';

/**
 * A stored document: an upload supporting an application, or a rendered certificate. Visible only to
 * the company it belongs to and the tenant's staff (SPEC §4, 001 §10); the bytes are read through
 * `DocumentsService.read`, never through GraphQL.
 */
@ObjectType('StoredDocument')
@PolicyEntity<StoredDocument>({
  name: 'StoredDocument',
  subject: 'organisation',
  visibleTo: [ownOrganisation(), staffOfOwnTenant()],
  relations: { tenantId: (d) => d.tenantId, organisationId: (d) => d.organisationId },
})
@Entity({ name: 'stored_document' })
export class StoredDocument {
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('identifier of a document')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record')
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData('bookkeeping of the record')
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('kind of document')
  @Field(() => String, { nullable: true }) @Column({ type: 'text' }) kind: DocumentKind;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('name of a trade document as uploaded')
  @Field(() => String, { nullable: true }) @Column({ name: 'file_name' }) fileName: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('media type found in the bytes')
  @Field(() => String, { nullable: true }) @Column({ name: 'media_type' }) mediaType: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('size of the file')
  @Field(() => Int, { nullable: true }) @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes: number;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('checksum of the bytes')
  @Field(() => String, { nullable: true, description: 'SHA-256 of the bytes, hex.' }) @Column({ name: 'sha256' }) sha256: string;
  @Internal() @NotPersonalData('where the bytes are kept')
  @Column({ type: 'text' }) storage: DocumentStorageName;
  @Internal() @NotPersonalData('where the bytes are kept')
  @Column({ name: 'storage_key' }) storageKey: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @PersonalData(DOCUMENT_UPLOADER)
  @Field(() => ID, { nullable: true }) @Column({ name: 'uploaded_by', type: 'uuid', nullable: true }) uploadedBy: string | null;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('time of the upload')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * A document a publisher shows the public now (`datasheet:<id>`: its published version's
 * attachments). Never output: it only opens the document's record and bytes to the public scope.
 */
@PolicyEntity<PublishedDocument>({ name: 'PublishedDocument', visibleTo: [], relations: { tenantId: (d) => d.tenantId } })
@Entity({ name: 'published_document' })
export class PublishedDocument {
  @Internal() @NotPersonalData('bookkeeping of the record')
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData('which published record shows the document')
  @PrimaryColumn({ type: 'text' }) publisher: string;
  @Internal() @NotPersonalData('identifier of a document')
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId: string;
}
