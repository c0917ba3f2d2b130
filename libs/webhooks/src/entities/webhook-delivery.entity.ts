import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PolicyEntity, Readable, ownOrganisation, ownTenant } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const OWNERS = [ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN)];

/**
 * One event for one target: pending, delivered, or dead-lettered after the last attempt (the owner sees
 * the dead letters and can send them again). Its id is the `webhook-id` the receiver deduplicates on.
 */
@ObjectType()
@PolicyEntity<WebhookDelivery>({ name: 'WebhookDelivery', visibleTo: OWNERS, relations: { tenantId: (d) => d.tenantId, organisationId: (d) => d.organisationId ?? undefined } })
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId: string;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => ID, { nullable: true }) @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => String, { nullable: true }) @Column({ name: 'event_type' }) eventType: string;
  /** The subscription's company (ERP) or null; a relation for the gate. */
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  /** Ids, states and numbers only (`WebhookSubject`). */
  @Internal() @NotPersonalData('ids, states and numbers of the record the event is about')
  @Column('jsonb') subject: Record<string, string | number | boolean | null>;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Int, { nullable: true }) @Column('integer') attempts: number;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'claimed_until', nullable: true }) claimedUntil: Date | null;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt, if the target answered.' }) @Column('integer', { name: 'last_status', nullable: true }) lastStatus: number | null;
  @Readable(...OWNERS) @NotPersonalData('a code (HTTP_500, TIMEOUT, ECONNREFUSED), never the target’s text')
  @Field(() => String, { nullable: true }) @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Readable(...OWNERS) @NotPersonalData('delivery record')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'dead_lettered_at', nullable: true }) deadLetteredAt: Date | null;
}
