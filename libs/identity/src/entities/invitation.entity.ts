import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, ownTenant } from '@chancery/policy';
import { INVITEE_CONTACT } from './personal-data.declarations';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A single-use, expiring invitation to join a company (or a tenant's staff) with given roles. */
@ObjectType()
@PolicyEntity<Invitation>({ name: 'Invitation', subject: 'invitee', visibleTo: [ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)], relations: { tenantId: (i) => i.tenantId, organisationId: (i) => i.organisationId } })
@Entity({ name: 'invitation' })
export class Invitation {
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @PersonalData(INVITEE_CONTACT)
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => [Role], { nullable: true }) @Column('text', { array: true }) roles: Role[];
  @Internal() @NotPersonalData()
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'invited_by' }) invitedBy: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData()
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Internal() @NotPersonalData()
  @Column('text', { name: 'revoked_reason', nullable: true }) revokedReason: string | null;
  @Internal() @NotPersonalData()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
