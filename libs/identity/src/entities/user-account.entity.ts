import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, PersonalData, PolicyEntity, Readable, Writable, ownOrganisation, ownTenant, self, staffOfOwnTenant } from '@chancery/policy';
import { SIGNER_SIGNATURE, USER_ACCOUNT_ID, USER_ACCOUNT_STATE, USER_CONTACT, USER_CREDENTIALS, USER_EMPLOYMENT, USER_IDENTIFICATION, USER_USAGE } from './personal-data.declarations';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum UserStatus {
  PENDING_CONFIRMATION = 'PENDING_CONFIRMATION',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });
registerEnumType(Role, { name: 'Role' });

/** A person who logs in: organisation user, tenant staff, or the platform operator (no tenant). */
@ObjectType('User')
@PolicyEntity<UserAccount>({
  name: 'User',
  subject: 'user',
  visibleTo: [self(), ownOrganisation(), staffOfOwnTenant()],
  relations: { tenantId: (u) => u.tenantId, organisationId: (u) => u.organisationId, selfUserId: (u) => u.id },
})
@Entity({ name: 'user_account' })
export class UserAccount {
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @PersonalData(USER_ACCOUNT_ID)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @PersonalData(USER_EMPLOYMENT)
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @PersonalData(USER_EMPLOYMENT)
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @PersonalData(USER_CONTACT)
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @Writable(self()) @PersonalData(USER_IDENTIFICATION)
  @Field(() => String, { nullable: true }) @Column({ name: 'first_name' }) firstName: string;
  @Readable(self(), ownOrganisation(), staffOfOwnTenant()) @Writable(self()) @PersonalData(USER_IDENTIFICATION)
  @Field(() => String, { nullable: true }) @Column({ name: 'last_name' }) lastName: string;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @Writable(self()) @PersonalData(USER_CONTACT)
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) phone: string | null;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @Writable(self()) @PersonalData(USER_EMPLOYMENT)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @Writable(self()) @PersonalData(USER_CONTACT)
  @Field(() => String, { nullable: true }) @Column({ name: 'preferred_language' }) preferredLanguage: string;
  @Internal() @PersonalData(USER_CREDENTIALS)
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)) @PersonalData(USER_ACCOUNT_STATE)
  @Field(() => UserStatus, { nullable: true }) @Column('text') status: UserStatus;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column({ name: 'token_version' }) tokenVersion: number;
  /** When the account was closed (disabled): the ACCOUNT retention counts from it. */
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Internal() @PersonalData(USER_CREDENTIALS)
  @Column('text', { name: 'totp_secret', nullable: true }) totpSecret: string | null;
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @PersonalData(USER_ACCOUNT_STATE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'totp_enrolled_at', nullable: true }) totpEnrolledAt: Date | null;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @Writable(self()) @PersonalData(SIGNER_SIGNATURE)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'signature_image', nullable: true }) signatureImage: string | null;
  @Internal() @PersonalData(USER_ACCOUNT_STATE)
  @Column('timestamptz', { name: 'email_confirmed_at', nullable: true }) emailConfirmedAt: Date | null;
  @Readable(self(), ownTenant(Role.PRIVACY_OFFICER)) @PersonalData(USER_USAGE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt: Date | null;
  @Internal() @PersonalData(USER_USAGE)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;

  /** Filled by the service from user_role; not a column. */
  @Readable(self(), ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN, Role.PRIVACY_OFFICER, Role.AUDITOR)) @PersonalData(USER_ACCOUNT_STATE)
  @Field(() => [Role], { nullable: true }) roles?: Role[];
}
