import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/core';
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
@Entity({ name: 'user_account' })
export class UserAccount {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'first_name' }) firstName: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'last_name' }) lastName: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'job_title', nullable: true }) jobTitle: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'preferred_language' }) preferredLanguage: string;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Field(() => UserStatus, { nullable: true }) @Column('text') status: UserStatus;
  @Column({ name: 'token_version' }) tokenVersion: number;
  @Column('text', { name: 'totp_secret', nullable: true }) totpSecret: string | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'totp_enrolled_at', nullable: true }) totpEnrolledAt: Date | null;
  @Field(() => String, { nullable: true }) @Column('text', { name: 'signature_image', nullable: true }) signatureImage: string | null;
  @Column('timestamptz', { name: 'email_confirmed_at', nullable: true }) emailConfirmedAt: Date | null;
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;

  /** Filled by the service from user_role; not a column. */
  @Field(() => [Role], { nullable: true }) roles?: Role[];
}
