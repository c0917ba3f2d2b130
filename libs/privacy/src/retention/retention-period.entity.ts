import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable, RetentionBasis, RetentionRuleKey, RetentionUnit, Writable } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { STAFF_ACTING } from '../shared/privacy-office.declarations';

registerEnumType(RetentionRuleKey, { name: 'RetentionRuleKey', description: 'A retention rule of the catalogue; every personal-data declaration names one.' });
registerEnumType(RetentionBasis, { name: 'RetentionBasis', description: "What a retention rule's period counts from." });
registerEnumType(RetentionUnit, { name: 'RetentionUnit', description: "The unit of a retention rule's periods." });

const SCHEDULE_READERS = [ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN)];

/**
 * One rule of a tenant's retention schedule: the catalogue's rule (basis, default, legal bounds) with
 * the tenant's effective period. A row exists only where the tenant shortened the default; the
 * catalogue's fields are filled in by the service, not stored.
 */
@ObjectType({ description: "A retention rule as it applies in the tenant: the platform's default and legal bounds, and the tenant's effective period." })
@PolicyEntity<RetentionPeriod>({ name: 'RetentionPeriod', visibleTo: SCHEDULE_READERS, relations: { tenantId: (p) => p.tenantId } })
@Entity({ name: 'retention_period' })
export class RetentionPeriod {
  @Readable(...SCHEDULE_READERS) @NotPersonalData()
  @Field(() => ID, { nullable: true }) @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...SCHEDULE_READERS) @Writable(...SCHEDULE_READERS) @NotPersonalData('a rule of the catalogue')
  @Field(() => RetentionRuleKey, { nullable: true }) @PrimaryColumn('text') rule: RetentionRuleKey;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => RetentionBasis, { nullable: true }) basis: RetentionBasis;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => String, { nullable: true, description: 'What the period counts from (or, without a period, what ends the retention).' }) countsFrom: string;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => RetentionUnit, { nullable: true }) unit: RetentionUnit;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => Int, { nullable: true, description: "The platform's period, in `unit`; null when the rule has none (until withdrawn)." }) defaultPeriod: number | null;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => Int, { nullable: true, description: 'A legal duty to keep at least this long, in `unit`: no tenant goes below it.' }) legalMinimum: number | null;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => Int, { nullable: true, description: "A law's upper bound, in `unit`." }) legalMaximum: number | null;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('the catalogue')
  @Field(() => String, { nullable: true, description: 'Where the period and its bounds come from.' }) source: string;
  @Readable(...SCHEDULE_READERS) @Writable(...SCHEDULE_READERS) @NotPersonalData('a setting')
  @Field(() => Int, { nullable: true, description: "The period in force for the tenant, in `unit`: its own shorter one, else the platform's default." })
  @Column('integer', { name: 'period' }) period: number | null;
  @Readable(...SCHEDULE_READERS) @NotPersonalData('a setting')
  @Field(() => Date, { nullable: true, description: 'When the tenant last set its own period; null while the default applies.' })
  @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt: Date | null;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}
