import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { COMPLETED_BY } from './personal-data.declarations';

const READERS = [ownOrganisation(Role.ORG_ADMIN, Role.ORG_MEMBER), staffOfOwnTenant()];

/** The technical datasheet of a certified product: its versions, its public code, its contact. */
@ObjectType()
@PolicyEntity<Datasheet>({ name: 'Datasheet', visibleTo: READERS, relations: { tenantId: (d) => d.tenantId, organisationId: (d) => d.organisationId } })
@Entity({ name: 'datasheet' })
export class Datasheet {
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'certified_product_id', type: 'uuid' }) certifiedProductId: string;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => String, { nullable: true, description: 'Short public code (8 characters, no 0/O/1/I), printable on delivery notes.' })
  @Column({ name: 'public_code', type: 'char', length: 8 }) publicCode: string;
  @Readable(...READERS) @PersonalData(COMPLETED_BY)
  @Field(() => ID, { nullable: true, description: 'The person published as contact; null while the company must name a new one.' })
  @Column('uuid', { name: 'contact_user_id', nullable: true }) contactUserId: string | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Boolean, { nullable: true, description: 'CONTACT_REPLACEMENT_REQUIRED: the contact objected or left; the company general contact is shown until a new one is named.' })
  @Column({ name: 'contact_replacement_required' }) contactReplacementRequired: boolean;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true, description: 'When the datasheet is unpublished unless a new contact is named.' })
  @Column('timestamptz', { name: 'contact_replacement_deadline', nullable: true }) contactReplacementDeadline: Date | null;
  /** Whom to show again when their restriction of processing is lifted; who it is stays internal (the company reads `contactSuspended`). */
  @Internal() @PersonalData(COMPLETED_BY)
  @Column('uuid', { name: 'contact_suspended_user_id', nullable: true }) contactSuspendedUserId: string | null;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Boolean, {
    nullable: true,
    description: 'The contact person cannot be published for the time being: the company general contact is shown, without a deadline, and the person again once that ends, unless the company names another contact.',
  })
  @Column({ name: 'contact_suspended', insert: false, update: false }) contactSuspended: boolean;
  @Readable(...READERS) @NotPersonalData('datasheet record')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
