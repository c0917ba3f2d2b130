import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Grant, Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { STAFF_ACTING } from '../shared/privacy-office.declarations';

export enum SupportGrantStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  /** Ended early by the tenant's administrator. */
  ENDED = 'ENDED',
  /** Approved and past its end time: not a stored status, the clock's reading of an approved grant. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(SupportGrantStatus, { name: 'SupportGrantStatus', description: 'EXPIRED: approved and past its end time (the grant ended itself).' });

/** The tenant's administrators decide; its privacy officer oversees; the operator sees its own requests (the requester is `self`). */
export const SUPPORT_GRANT_READERS: readonly Grant[] = [ownTenant(Role.TENANT_ADMIN, Role.PRIVACY_OFFICER), { relation: 'self', roles: [Role.PLATFORM_ADMIN] }];
const WHY = 'the terms of a support grant: tenant, purpose, times and decision';

/**
 * A support grant (SPEC §5, 002 §4): the platform operator asks a tenant for access to its data, for a
 * purpose and a time; the tenant's administrator approves or refuses; an approved grant runs from its
 * approval for the duration asked and ends itself, or earlier when the administrator ends it.
 */
@ObjectType({ description: "A time-boxed grant of the platform operator's access to a tenant's data, approved by the tenant." })
@PolicyEntity<SupportGrant>({
  name: 'SupportGrant',
  visibleTo: SUPPORT_GRANT_READERS,
  relations: { tenantId: (g) => g.tenantId, selfUserId: (g) => g.requestedBy },
})
@Entity({ name: 'support_grant' })
export class SupportGrant {
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'Why the operator needs access.' }) @Column() purpose: string;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Int, { nullable: true, description: 'How long the access runs once approved.' }) @Column('integer', { name: 'duration_minutes' }) durationMinutes: number;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => SupportGrantStatus, { nullable: true }) @Column('text') status: SupportGrantStatus;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column('text', { name: 'refusal_reason', nullable: true }) refusalReason: string | null;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'starts_at', nullable: true }) startsAt: Date | null;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true, description: 'When the access ends by itself.' }) @Column('timestamptz', { name: 'ends_at', nullable: true }) endsAt: Date | null;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'ended_by', nullable: true }) endedBy: string | null;
  @Readable(...SUPPORT_GRANT_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true, description: 'When the administrator ended it early.' }) @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
}
