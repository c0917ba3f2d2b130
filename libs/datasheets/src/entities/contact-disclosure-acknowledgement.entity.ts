import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownTenant, self } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DISCLOSURE_ACKNOWLEDGEMENT } from './personal-data.declarations';

const READERS = [self(), ownTenant(Role.TENANT_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)];

/** A person acknowledged the contact-disclosure notice (text and version, with the time), or later objected. */
@ObjectType()
@PolicyEntity<ContactDisclosureAcknowledgement>({
  name: 'ContactDisclosureAcknowledgement',
  subject: 'user',
  visibleTo: READERS,
  relations: { tenantId: (a) => a.tenantId, selfUserId: (a) => a.userId },
})
@Entity({ name: 'contact_disclosure_acknowledgement' })
export class ContactDisclosureAcknowledgement {
  @Readable(...READERS) @NotPersonalData('evidence record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...READERS) @PersonalData(DISCLOSURE_ACKNOWLEDGEMENT)
  @Field(() => ID, { nullable: true }) @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Readable(...READERS) @NotPersonalData('version of a published notice')
  @Field(() => String, { nullable: true }) @Column({ name: 'notice_version' }) noticeVersion: string;
  @Readable(...READERS) @NotPersonalData('text of a published notice')
  @Field(() => String, { nullable: true }) @Column({ name: 'notice_text' }) noticeText: string;
  @Readable(...READERS) @PersonalData(DISCLOSURE_ACKNOWLEDGEMENT)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'acknowledged_at' }) acknowledgedAt: Date;
  @Readable(...READERS) @PersonalData(DISCLOSURE_ACKNOWLEDGEMENT)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'objected_at', nullable: true }) objectedAt: Date | null;
  /** When the person stopped holding an organisation role (objection, withdrawal, account disabled): the retention counts from it. */
  @Internal() @PersonalData(DISCLOSURE_ACKNOWLEDGEMENT)
  @Column('timestamptz', { name: 'role_ended_at', nullable: true }) roleEndedAt: Date | null;
}
