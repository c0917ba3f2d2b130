import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PersonalDataDeclaration, PolicyEntity, Readable, self, RetentionRuleKey } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const SESSION_DEVICE: PersonalDataDeclaration = {
  category: 'electronicIdentification',
  subject: 'user',
  purpose: 'Show the user where their account is logged in, and investigate misuse',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.LOGIN_SESSION,
};
const SESSION_USAGE: PersonalDataDeclaration = { ...SESSION_DEVICE, category: 'usageStatistics' };

/** Who sees a session: the person, and the tenant's privacy officer (IP address and browser, 004 §2). */
const SESSION_READERS = [self(), ownTenant(Role.PRIVACY_OFFICER)];

/** A login session: one refresh-token family, from login to logout or expiry. */
@ObjectType('Session')
@PolicyEntity<AuthSession>({
  name: 'Session',
  subject: 'user',
  visibleTo: SESSION_READERS,
  relations: { tenantId: (s) => s.tenantId, selfUserId: (s) => s.userId },
})
@Entity({ name: 'auth_session' })
export class AuthSession {
  @Readable(...SESSION_READERS) @NotPersonalData('identifier of a session')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId: string | null;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_DEVICE)
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'user_id' }) userId: string;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_USAGE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_USAGE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'last_refreshed_at' }) lastRefreshedAt: Date;
  @Readable(...SESSION_READERS) @NotPersonalData('a fixed lifetime after login')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'absolute_expires_at' }) absoluteExpiresAt: Date;
  @Internal() @PersonalData(SESSION_USAGE)
  @Column('timestamptz', { name: 'stepped_up_at', nullable: true }) steppedUpAt: Date | null;
  @Internal() @NotPersonalData('how a session last re-authenticated: password or second factor')
  @Column('text', { name: 'stepped_up_with', nullable: true }) steppedUpWith: 'password' | 'secondFactor' | null;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_USAGE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Readable(...SESSION_READERS) @NotPersonalData('why a session ended: logout, expiry, reuse')
  @Field(() => String, { nullable: true }) @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason: string | null;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_DEVICE)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'ip_address', nullable: true }) ipAddress: string | null;
  @Readable(...SESSION_READERS) @PersonalData(SESSION_DEVICE)
  @Field(() => String, { nullable: true, description: 'Browser and operating system, as the browser named them.' })
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  /** Not stored: `SessionsResolver.current` answers it from the request's own session. */
  @Readable(...SESSION_READERS) @NotPersonalData('whether this is the session making the request')
  current?: boolean;
}
