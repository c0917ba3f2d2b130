import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownTenant, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant's privacy officer, admin and auditor read the register; the privacy officer keeps it. */
export const REGISTER_READERS = [ownTenant(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN, Role.AUDITOR)];
const WHY = 'describes a processing activity, not a person';

/**
 * An entry of the register of processing activities the tenant adds itself (Art. 30(1)), for
 * processing the code does not declare (a newsletter, events, the reception's visitor list).
 */
@ObjectType({ description: "An entry the tenant added to its register of processing activities (Art. 30(1))." })
@PolicyEntity<ProcessingActivity>({ name: 'ProcessingActivity', visibleTo: REGISTER_READERS, relations: { tenantId: (a) => a.tenantId } })
@Entity({ name: 'processing_activity' })
export class ProcessingActivity {
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData()
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column() purpose: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column({ name: 'legal_basis' }) legalBasis: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => [String], { nullable: true }) @Column('text', { name: 'data_subjects', array: true }) dataSubjects: string[];
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => [String], { nullable: true }) @Column('text', { name: 'data_categories', array: true }) dataCategories: string[];
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => [String], { nullable: true }) @Column('text', { array: true }) recipients: string[];
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column() transfers: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column() retention: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true }) @Column({ name: 'security_measures' }) securityMeasures: string;
  @Readable(...REGISTER_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
