import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PersonalDataDeclaration, PolicyEntity, Readable, self, RetentionRuleKey } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum DataSubjectRequestType {
  ACCESS = 'ACCESS',
  RECTIFICATION = 'RECTIFICATION',
  ERASURE = 'ERASURE',
  RESTRICTION = 'RESTRICTION',
  OBJECTION = 'OBJECTION',
  PORTABILITY = 'PORTABILITY',
  CONSENT_WITHDRAWAL = 'CONSENT_WITHDRAWAL',
}
registerEnumType(DataSubjectRequestType, { name: 'DataSubjectRequestType' });

export enum DataSubjectRequestStatus {
  /** Sent through the public form: the address must be confirmed first. */
  AWAITING_EMAIL_VERIFICATION = 'AWAITING_EMAIL_VERIFICATION',
  /** Address confirmed: a privacy officer checks the person's identity before anything is released. */
  AWAITING_IDENTITY_CHECK = 'AWAITING_IDENTITY_CHECK',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  REFUSED = 'REFUSED',
}
registerEnumType(DataSubjectRequestStatus, { name: 'DataSubjectRequestStatus' });

/** What kind of answer closed a request: the person is told it as a sentence (e-mail, portal), never as data. */
export enum DataSubjectAnswerKind {
  /** Access or portability: the export, downloaded by the person through a link (or the portal). */
  EXPORT = 'EXPORT',
  ERASURE = 'ERASURE',
  RESTRICTION = 'RESTRICTION',
  /** Answered or refused by hand: `outcome` holds the officer's words to the person. */
  STATEMENT = 'STATEMENT',
}
registerEnumType(DataSubjectAnswerKind, { name: 'DataSubjectAnswerKind' });

const REQUEST_HANDLING = {
  subject: 'user',
  purpose: 'Handle the requests of data subjects and prove they were answered in time (GDPR Art. 12)',
  legalBasis: 'legalObligation',
  retention: RetentionRuleKey.DATA_SUBJECT_REQUEST,
} as const;
const REQUESTER_CONTACT: PersonalDataDeclaration = { category: 'contact', ...REQUEST_HANDLING };
const REQUESTER_ID: PersonalDataDeclaration = { category: 'electronicIdentification', ...REQUEST_HANDLING };
const REQUEST_CONTENT: PersonalDataDeclaration = { category: 'correspondence', ...REQUEST_HANDLING };

/** The tenant's privacy officers, and the person who asked. */
const READERS = [ownTenant(Role.PRIVACY_OFFICER), self()];

/** A request of a person exercising a right over their data, with its legal clock (SPEC §5). */
@ObjectType()
@PolicyEntity<DataSubjectRequest>({
  name: 'DataSubjectRequest',
  subject: 'user',
  visibleTo: READERS,
  relations: { tenantId: (r) => r.tenantId, selfUserId: (r) => r.subjectUserId },
})
@Entity({ name: 'data_subject_request' })
export class DataSubjectRequest {
  @Readable(...READERS) @NotPersonalData('identifier of a request')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Readable(...READERS) @NotPersonalData('kind of request')
  @Field(() => DataSubjectRequestType, { nullable: true }) @Column('text') type: DataSubjectRequestType;
  @Readable(...READERS) @NotPersonalData('state of the request')
  @Field(() => DataSubjectRequestStatus, { nullable: true }) @Column('text') status: DataSubjectRequestStatus;
  @Readable(...READERS) @PersonalData(REQUESTER_ID)
  @Field(() => ID, { nullable: true, description: 'The account of the person, when known.' })
  @Column('uuid', { name: 'subject_user_id', nullable: true }) subjectUserId: string | null;
  @Readable(...READERS) @PersonalData(REQUESTER_CONTACT)
  @Field(() => String, { nullable: true, description: 'Where the answer goes; removed once an erasure is done.' })
  @Column('text', { name: 'requester_email', nullable: true }) requesterEmail: string | null;
  @Readable(...READERS) @PersonalData(REQUESTER_CONTACT)
  @Field(() => String, { nullable: true, description: 'The language the person is answered in.' })
  @Column('text') language: string;
  @Readable(...READERS) @PersonalData(REQUEST_CONTENT)
  @Field(() => String, { nullable: true, description: "The person's own words (what to rectify, what they object to)." })
  @Column('text', { nullable: true }) details: string | null;
  @Readable(...READERS) @NotPersonalData('time of the request, for its legal clock')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'received_at' }) receivedAt: Date;
  @Readable(...READERS) @NotPersonalData('time of the acknowledgement')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('the legal clock')
  @Field(() => String, { nullable: true, description: 'The first deadline (YYYY-MM-DD, UTC).' })
  @Column('date', { name: 'first_due_on' }) firstDueOn: string;
  @Readable(...READERS) @NotPersonalData('the legal clock')
  @Field(() => String, { nullable: true, description: 'The deadline now in force (YYYY-MM-DD, UTC).' })
  @Column('date', { name: 'due_on' }) dueOn: string;
  @Readable(...READERS) @NotPersonalData('the legal clock')
  @Field(() => Number, { nullable: true }) @Column('integer', { name: 'extension_months', nullable: true }) extensionMonths: number | null;
  @Readable(...READERS) @NotPersonalData("the controller's reason for more time")
  @Field(() => String, { nullable: true }) @Column('text', { name: 'extension_reason', nullable: true }) extensionReason: string | null;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'extended_at', nullable: true }) extendedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('how the identity was checked')
  @Field(() => String, { nullable: true, description: 'LOGIN or EMAIL_AND_MANUAL_CHECK; null until checked.' })
  @Column('text', { name: 'identity_verified_by', nullable: true }) identityVerifiedBy: string | null;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt: Date | null;
  @Internal() @PersonalData({ ...REQUESTER_ID, subject: 'user', purpose: 'Evidence of who checked the identity' })
  @Column('uuid', { name: 'identity_checked_by', nullable: true }) identityCheckedBy: string | null;
  @Internal() @NotPersonalData()
  @Column('bytea', { name: 'verification_token_hash', nullable: true }) verificationTokenHash: Buffer | null;
  @Readable(...READERS) @NotPersonalData('time of the answer')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Readable(...READERS) @NotPersonalData('what was done, by holder, and why anything was kept (no values)')
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) outcome: string | null;
  @Readable(...READERS) @NotPersonalData('kind of answer')
  @Field(() => DataSubjectAnswerKind, { nullable: true, description: 'What kind of answer closed the request; STATEMENT: `outcome` is what the person is told.' })
  @Column('text', { name: 'answer_kind', nullable: true }) answerKind: DataSubjectAnswerKind | null;
  @Internal() @NotPersonalData()
  @Column('bytea', { name: 'export_token_hash', nullable: true }) exportTokenHash: Buffer | null;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'export_expires_at', nullable: true }) exportExpiresAt: Date | null;
  @Internal() @NotPersonalData()
  @Column('integer', { name: 'export_downloads_left', nullable: true }) exportDownloadsLeft: number | null;
  /** Computed against the clock when read. */
  @Readable(...READERS) @NotPersonalData('the legal clock')
  @Field(() => Boolean, { nullable: true, description: 'Past its deadline and not answered.' }) overdue?: boolean;
}
