import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { STAFF_ACTING } from '../shared/privacy-office.declarations';

/** The privacy officer keeps the breach register; the tenant's administrator reads it. */
export const BREACH_READERS = [ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN)];
const WHY = 'describes the incident; names no person (the affected people are counted, not listed)';

/**
 * A personal-data breach in the tenant's register (Art. 33(5): every breach is documented, notifiable
 * or not). The 72-hour clock for the supervisory authority runs from `becameAwareAt`.
 */
@ObjectType({ description: "A personal-data breach in the tenant's register (Art. 33(5))." })
@PolicyEntity<Breach>({ name: 'Breach', visibleTo: BREACH_READERS, relations: { tenantId: (b) => b.tenantId } })
@Entity({ name: 'breach' })
export class Breach {
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column() reference: string;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'What happened (Art. 33(3)(a)).' }) @Column() nature: string;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true, description: 'When the tenant became aware: the 72-hour clock starts here.' })
  @Column('timestamptz', { name: 'became_aware_at' }) becameAwareAt: Date;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'occurred_at', nullable: true }) occurredAt: Date | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => [String], { nullable: true, description: 'Categories of personal data involved (the register’s categories).' })
  @Column('text', { name: 'data_categories', array: true }) dataCategories: string[];
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => [ID], { nullable: true, description: 'The companies whose records are involved (empty with involvesAllOrganisations).' })
  @Column('uuid', { name: 'involved_organisation_ids', array: true }) involvedOrganisationIds: string[];
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Boolean, { nullable: true }) @Column({ name: 'involves_all_organisations' }) involvesAllOrganisations: boolean;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Boolean, { nullable: true, description: "The tenant's own staff's records are involved." }) @Column({ name: 'involves_staff' }) involvesStaff: boolean;
  @Readable(...BREACH_READERS) @NotPersonalData('a count')
  @Field(() => Int, { nullable: true, description: 'People affected, derived from the data categories and records involved.' })
  @Column('integer', { name: 'affected_people' }) affectedPeople: number;
  @Readable(...BREACH_READERS) @NotPersonalData('a count')
  @Field(() => Int, { nullable: true }) @Column('integer', { name: 'affected_records', nullable: true }) affectedRecords: number | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'Art. 33(3)(c).' }) @Column({ name: 'likely_consequences' }) likelyConsequences: string;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'Measures taken or proposed (Art. 33(3)(d)).' }) @Column() measures: string;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Boolean, { nullable: true, description: 'To be notified to the supervisory authority (Art. 33(1)).' }) @Column() notifiable: boolean;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'not_notifiable_reason', nullable: true }) notNotifiableReason: string | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Boolean, { nullable: true, description: 'High risk to the people: they are told too (Art. 34).' }) @Column({ name: 'high_risk' }) highRisk: boolean;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'authority_notified_at', nullable: true }) authorityNotifiedAt: Date | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'Why the authority was notified after 72 hours (Art. 33(1)).' })
  @Column('text', { name: 'delay_reason', nullable: true }) delayReason: string | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'subjects_notified_at', nullable: true }) subjectsNotifiedAt: Date | null;
  @Readable(...BREACH_READERS) @NotPersonalData('a count')
  @Field(() => Int, { nullable: true }) @Column('integer', { name: 'subjects_notified', nullable: true }) subjectsNotified: number | null;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'registered_by', nullable: true }) registeredBy: string | null;
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'registered_at' }) registeredAt: Date;

  /** becameAwareAt + 72 hours; not a column. */
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true, description: 'becameAwareAt + 72 hours: the supervisory authority is notified before then.' })
  authorityDeadline?: Date;
  /** The Art. 33(3) notification draft, Markdown; not a column. */
  @Readable(...BREACH_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'The notification to the supervisory authority, drafted with the Art. 33(3) items (Markdown).' })
  notificationDraft?: string;
}
