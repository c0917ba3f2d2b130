import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { STAFF_ACTING } from '../../shared/privacy-office.declarations';

/** Those who place and release holds (Permission.ManageRetention) read them. */
export const LEGAL_HOLD_READERS = [ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN)];

/**
 * A legal hold on one record of the tenant (Art. 17(3)(e): kept for a legal claim): the retention
 * sweep leaves the record alone, and erasure of an account under a hold is refused, until released.
 */
@ObjectType({ description: 'A legal hold on a record: the retention sweep and erasure leave it alone until it is released.' })
@PolicyEntity<LegalHold>({ name: 'LegalHold', visibleTo: LEGAL_HOLD_READERS, relations: { tenantId: (h) => h.tenantId } })
@Entity({ name: 'legal_hold' })
export class LegalHold {
  @Readable(...LEGAL_HOLD_READERS) @NotPersonalData('an id')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...LEGAL_HOLD_READERS) @NotPersonalData('names a record by its kind and id')
  @Field(() => String, { nullable: true, description: 'The record held, Kind:id (e.g. UserAccount:2f0c…).' }) @Column() record: string;
  @Readable(...LEGAL_HOLD_READERS) @NotPersonalData('the legal matter, as the privacy office wrote it')
  @Field(() => String, { nullable: true, description: 'Why it is held (the claim or proceedings).' }) @Column() reason: string;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'placed_by', nullable: true }) placedBy: string | null;
  @Readable(...LEGAL_HOLD_READERS) @NotPersonalData('a date')
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'placed_at' }) placedAt: Date;
  @Readable(...LEGAL_HOLD_READERS) @NotPersonalData('a date')
  @Field(() => Date, { nullable: true, description: 'When it was released; null while it is in force.' }) @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt: Date | null;
}
