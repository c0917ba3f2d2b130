import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { anyone, Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable, self } from '@chancery/policy';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { POLICY_ANSWER, POLICY_ANSWER_REASON, STAFF_ACTING } from '../shared/privacy-office.declarations';

const PUBLISHED = 'a published privacy-policy text';

/** A published version of a tenant's privacy policy. Public, like the policy itself. */
@ObjectType({ description: "A published version of a tenant's privacy policy." })
@PolicyEntity<PrivacyPolicyVersion>({ name: 'PrivacyPolicyVersion', visibleTo: [anyone()], relations: { tenantId: (v) => v.tenantId } })
@Entity({ name: 'privacy_policy_version' })
export class PrivacyPolicyVersion {
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => Int, { nullable: true }) @Column('integer') version: number;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => String, { nullable: true }) @Column() title: string;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => String, { nullable: true, description: 'What changed, shown in the application’s notice.' }) @Column() summary: string;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => String, { nullable: true }) @Column() body: string;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy: string | null;
  @Readable(anyone()) @NotPersonalData(PUBLISHED)
  @Field(() => Date, { nullable: true, description: 'Three working days after publication: who has not objected by then is deemed to accept.' })
  @Column('timestamptz', { name: 'objection_deadline' }) objectionDeadline: Date;
}

export enum PrivacyPolicyAnswer {
  /** No answer yet, and the objection window is still open. */
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  OBJECTED = 'OBJECTED',
  /** No objection within three working days (DigiChambers §1.2). */
  DEEMED_ACCEPTED = 'DEEMED_ACCEPTED',
}
registerEnumType(PrivacyPolicyAnswer, { name: 'PrivacyPolicyAnswer' });

const ANSWER_READERS = [self(), ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN)];

/**
 * A user's answer to a policy version: the row holds an explicit acceptance or objection; without a
 * row the answer is PENDING until the deadline, DEEMED_ACCEPTED after it (computed, never guessed).
 */
@ObjectType({ description: "A user's answer to a privacy-policy version (explicit, pending, or deemed)." })
@PolicyEntity<PrivacyPolicyResponse>({
  name: 'PrivacyPolicyResponse',
  subject: 'user',
  visibleTo: ANSWER_READERS,
  relations: { tenantId: (r) => r.tenantId, selfUserId: (r) => r.userId },
})
@Entity({ name: 'privacy_policy_response' })
export class PrivacyPolicyResponse {
  @Internal() @NotPersonalData()
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...ANSWER_READERS) @NotPersonalData('the version answered')
  @Field(() => ID, { nullable: true }) @PrimaryColumn('uuid', { name: 'version_id' }) versionId: string;
  @Readable(...ANSWER_READERS) @PersonalData(POLICY_ANSWER)
  @Field(() => ID, { nullable: true }) @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Internal() @PersonalData(POLICY_ANSWER)
  @Column('text') response: 'ACCEPTED' | 'OBJECTED';
  @Readable(...ANSWER_READERS) @PersonalData(POLICY_ANSWER_REASON)
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) reason: string | null;
  @Readable(...ANSWER_READERS) @PersonalData(POLICY_ANSWER)
  @Field(() => Date, { nullable: true, description: 'When the user answered; null when pending or deemed.' })
  @Column('timestamptz', { name: 'responded_at', nullable: true }) respondedAt: Date | null;

  /** The answer as it stands at the time of asking; not a column. */
  @Readable(...ANSWER_READERS) @PersonalData(POLICY_ANSWER)
  @Field(() => PrivacyPolicyAnswer, { nullable: true }) answer?: PrivacyPolicyAnswer;
  @Readable(...ANSWER_READERS) @NotPersonalData('the version’s deadline')
  @Field(() => Date, { nullable: true }) objectionDeadline?: Date;
}
