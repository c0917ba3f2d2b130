import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PolicyEntity, Readable, ownOrganisation, ownTenant } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const OWNERS = [ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)];

/**
 * A registered webhook target: a tenant's (organisation null: the datasheet feed) or a company's ERP.
 * Its signing secret is shown once and sealed at rest (AES-256-GCM under SECRETS_KEY).
 */
@ObjectType()
@PolicyEntity<WebhookSubscription>({ name: 'WebhookSubscription', visibleTo: OWNERS, relations: { tenantId: (s) => s.tenantId, organisationId: (s) => s.organisationId ?? undefined } })
@Entity({ name: 'webhook_subscription' })
export class WebhookSubscription {
  @Readable(...OWNERS) @NotPersonalData('integration settings')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...OWNERS) @NotPersonalData('integration settings')
  @Field(() => ID, { nullable: true, description: 'The company whose ERP this is; null: a target of the tenant (the datasheet feed).' })
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Readable(...OWNERS) @NotPersonalData('integration settings (an endpoint of a system, not of a person)')
  @Field(() => String, { nullable: true }) @Column() url: string;
  @Readable(...OWNERS) @NotPersonalData('integration settings')
  @Field(() => [String], { nullable: true }) @Column('text', { name: 'event_types', array: true }) eventTypes: string[];
  /** Sealed; opened only by the worker to sign. */
  @Internal() @NotPersonalData()
  @Column() secret: string;
  @Readable(...OWNERS) @NotPersonalData('integration settings')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Readable(...OWNERS) @NotPersonalData('integration settings')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'secret_rotated_at', nullable: true }) secretRotatedAt: Date | null;
}
