import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiKeyScope, Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, ownOrganisation, ownTenant } from '@chancery/policy';
import { USER_ACCOUNT_ID } from './personal-data.declarations';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A key for an integration: shown once, stored hashed, scoped, revocable. */
@ObjectType()
@PolicyEntity<ApiKey>({ name: 'ApiKey', visibleTo: [ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)], relations: { tenantId: (k) => k.tenantId, organisationId: (k) => k.organisationId } })
@Entity({ name: 'api_key' })
export class ApiKey {
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => [String], { nullable: true }) @Column('text', { array: true }) scopes: ApiKeyScope[];
  @Internal() @NotPersonalData()
  @Column('bytea', { name: 'key_hash' }) keyHash: Buffer;
  @Internal() @PersonalData(USER_ACCOUNT_ID)
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('integration settings')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
