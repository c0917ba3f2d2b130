import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { STAFF_ACTING } from '../shared/privacy-office.declarations';

export enum RequestDeadlineRule {
  /** One calendar month after receipt (31 January → the last day of February): the default. */
  ONE_MONTH = 'ONE_MONTH',
  THIRTY_DAYS = 'THIRTY_DAYS',
}
registerEnumType(RequestDeadlineRule, { name: 'RequestDeadlineRule', description: 'How the first deadline of a data-subject request is counted.' });

const SETTINGS_READERS = [ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN)];

/** A tenant's privacy settings; a tenant without a row has the defaults. */
@ObjectType({ description: "The tenant's privacy settings." })
@PolicyEntity<PrivacySettings>({ name: 'PrivacySettings', visibleTo: SETTINGS_READERS, relations: { tenantId: (s) => s.tenantId } })
@Entity({ name: 'privacy_settings' })
export class PrivacySettings {
  @Readable(...SETTINGS_READERS) @NotPersonalData()
  @Field(() => ID, { nullable: true }) @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...SETTINGS_READERS) @NotPersonalData('a setting')
  @Field(() => RequestDeadlineRule, { nullable: true, description: 'One calendar month (default) or 30 days after receipt.' })
  @Column('text', { name: 'request_deadline_rule' }) requestDeadlineRule: RequestDeadlineRule;
  @Readable(...SETTINGS_READERS) @NotPersonalData('a setting')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'updated_at', nullable: true }) updatedAt: Date | null;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}
