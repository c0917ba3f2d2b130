import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { anyone, Grant, Internal, NotPersonalData, ownOrganisation, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OBJECTION_REASON, OBJECTOR } from '../shared/privacy-office.declarations';

const PUBLIC = 'a company that processes data for the platform or a tenant, public to every customer (001, 002 §5)';

/** A company the platform (tenantId null) or a tenant uses to process personal data. Public. */
@ObjectType({ description: 'A sub-processor of the platform (tenantId null) or of a tenant; public to every customer.' })
@PolicyEntity<SubProcessor>({ name: 'SubProcessor', visibleTo: [anyone()], relations: { tenantId: (s) => s.tenantId } })
@Entity({ name: 'sub_processor' })
export class SubProcessor {
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => String, { nullable: true, description: 'What it does with the data.' }) @Column() service: string;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => String, { nullable: true, description: 'Country (ISO 3166-1 alpha-2) where the data is processed.' }) @Column() location: string;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => String, { nullable: true, description: 'For a country outside the EEA: the safeguard of the transfer (Art. 46).' })
  @Column('text', { name: 'transfer_safeguard', nullable: true }) transferSafeguard: string | null;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => [String], { nullable: true }) @Column('text', { name: 'data_categories', array: true }) dataCategories: string[];
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'effective_from' }) effectiveFrom: Date;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'effective_until', nullable: true }) effectiveUntil: Date | null;
  @Internal() @NotPersonalData()
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

export enum SubProcessorChangeKind {
  ADDITION = 'ADDITION',
  REMOVAL = 'REMOVAL',
}
registerEnumType(SubProcessorChangeKind, { name: 'SubProcessorChangeKind' });

/** A planned change of a sub-processor list, announced with its objection window. Public. */
@ObjectType({ description: 'A planned change of a sub-processor list, with its objection window; public.' })
@PolicyEntity<SubProcessorChange>({ name: 'SubProcessorChange', visibleTo: [anyone()], relations: { tenantId: (c) => c.tenantId } })
@Entity({ name: 'sub_processor_change' })
export class SubProcessorChange {
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => SubProcessorChangeKind, { nullable: true }) @Column('text') kind: SubProcessorChangeKind;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'sub_processor_id' }) subProcessorId: string;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => String, { nullable: true }) @Column() description: string;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'announced_at' }) announcedAt: Date;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => Date, { nullable: true, description: 'Customers may object until then.' }) @Column('timestamptz', { name: 'objection_deadline' }) objectionDeadline: Date;
  @Readable(anyone()) @NotPersonalData(PUBLIC)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'effective_at' }) effectiveAt: Date;
  @Readable(anyone()) @NotPersonalData('a count of organisations')
  @Field(() => Int, { nullable: true, description: 'Customer organisations notified when it was announced.' })
  @Column('integer', { name: 'customers_notified' }) customersNotified: number;
}

/** The announcer (the tenant's staff; the operator for the platform's changes) and the objecting company. */
const OBJECTION_READERS: Grant[] = [
  ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
  ownOrganisation(Role.ORG_ADMIN),
  // The operator, for objections to the platform's own changes (the data layer and row-level security give it no other).
  { relation: 'anyone', roles: [Role.PLATFORM_ADMIN] },
];

/** A customer's objection to a planned change. */
@ObjectType({ description: "A customer's objection to a planned sub-processor change." })
@PolicyEntity<SubProcessorObjection>({
  name: 'SubProcessorObjection',
  subject: 'user',
  visibleTo: OBJECTION_READERS,
  relations: { tenantId: (o) => o.tenantId, organisationId: (o) => o.organisationId, selfUserId: (o) => o.objectorUserId },
})
@Entity({ name: 'sub_processor_objection' })
export class SubProcessorObjection {
  @Readable(...OBJECTION_READERS) @NotPersonalData('position in the list')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...OBJECTION_READERS) @NotPersonalData('the change objected to')
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'change_id' }) changeId: string;
  @Internal() @NotPersonalData()
  @Column('uuid', { name: 'change_tenant_id', nullable: true }) changeTenantId: string | null;
  @Readable(...OBJECTION_READERS) @NotPersonalData('the customer company (or null: a tenant objecting to the platform)')
  @Field(() => ID, { nullable: true }) @Column('uuid', { name: 'organisation_id', nullable: true }) organisationId: string | null;
  @Readable(...OBJECTION_READERS) @PersonalData(OBJECTOR)
  @Field(() => ID, { nullable: true, description: 'Null once the retention after the sub-processor was removed is over: the objection stays, naming no one.' })
  @Column('uuid', { name: 'objector_user_id', nullable: true }) objectorUserId: string | null;
  @Readable(...OBJECTION_READERS) @PersonalData(OBJECTION_REASON)
  @Field(() => String, { nullable: true, description: 'Null once the retention after the sub-processor was removed is over.' })
  @Column('text', { nullable: true }) reason: string | null;
  @Readable(...OBJECTION_READERS) @NotPersonalData('time of the objection')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'objected_at' }) objectedAt: Date;
}
