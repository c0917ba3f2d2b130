import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DatasheetAttachment } from './datasheet-attachment.entity';
import { DatasheetText } from './datasheet-text.entity';
import { COMPLETED_BY } from './personal-data.declarations';

export enum DatasheetState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  UNPUBLISHED = 'UNPUBLISHED',
}
registerEnumType(DatasheetState, { name: 'DatasheetState' });

/** The states in which the organisation still works on a version (at most one per datasheet). */
export const OPEN_STATES: readonly DatasheetState[] = [DatasheetState.DRAFT, DatasheetState.SUBMITTED, DatasheetState.CHANGES_REQUESTED, DatasheetState.APPROVED];

const READERS = [ownOrganisation(Role.ORG_ADMIN, Role.ORG_MEMBER), staffOfOwnTenant()];

/** One version of a datasheet. Once published it is never edited; every version stays readable with its dates. */
@ObjectType()
@PolicyEntity<DatasheetVersion>({ name: 'DatasheetVersion', visibleTo: READERS, relations: { tenantId: (v) => v.tenantId, organisationId: (v) => v.organisationId } })
@Entity({ name: 'datasheet_version' })
export class DatasheetVersion {
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'datasheet_id', type: 'uuid' }) datasheetId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Int, { nullable: true }) @Column('integer') number: number;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => DatasheetState, { nullable: true }) @Column('text') state: DatasheetState;
  @Readable(...READERS) @NotPersonalData('technical characteristics of a product')
  @Field(() => String, { nullable: true, description: "The technical characteristics: a JSON object valid against the product family's schema." })
  @Column('jsonb') characteristics: string;
  @Readable(...READERS) @NotPersonalData('product description')
  @Field(() => [DatasheetText], { nullable: true }) @Column('jsonb') texts: DatasheetText[];
  @Readable(...READERS) @NotPersonalData('documents of the product (their records are policed themselves)')
  @Field(() => [DatasheetAttachment], { nullable: true, description: 'Documents attached to this version (frozen with it once published).' })
  attachments?: DatasheetAttachment[];
  @Readable(...READERS) @PersonalData(COMPLETED_BY)
  @Field(() => ID, { nullable: true, description: 'The organisation user who completed this version.' })
  @Column('uuid', { name: 'completed_by', nullable: true }) completedBy: string | null;
  @Readable(...READERS) @NotPersonalData('review of a datasheet')
  @Field(() => String, { nullable: true }) @Column('text', { name: 'review_comment', nullable: true }) reviewComment: string | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt: Date | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'unpublished_at', nullable: true }) unpublishedAt: Date | null;
}
