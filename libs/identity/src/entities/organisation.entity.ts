import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, PersonalData, PolicyEntity, Readable, Writable, ownOrganisation, ownTenant, staffOfOwnTenant } from '@chancery/policy';
import { COMPANY_BANK_ACCOUNT, COMPANY_DATA } from './personal-data.declarations';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Chosen at registration and never changed afterwards (DigiChambers register page). */
export enum LoginMethod {
  PASSWORD = 'PASSWORD',
  PASSWORD_AND_TOTP = 'PASSWORD_AND_TOTP',
}
registerEnumType(LoginMethod, { name: 'LoginMethod' });

/** A company that is a customer of a tenant: exporter, certificate holder. */
@ObjectType()
@PolicyEntity<Organisation>({
  name: 'Organisation',
  subject: 'organisation',
  visibleTo: [ownOrganisation(), staffOfOwnTenant()],
  relations: { tenantId: (o) => o.tenantId, organisationId: (o) => o.id },
})
@Entity({ name: 'organisation' })
export class Organisation {
  @Readable(ownOrganisation(), staffOfOwnTenant()) @NotPersonalData('identifier of a company record')
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record')
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column({ name: 'company_number' }) companyNumber: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column({ name: 'vat_number' }) vatNumber: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column({ name: 'legal_form' }) legalForm: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() street: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column({ name: 'postal_code' }) postalCode: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() city: string;
  // Not writable: a company moving abroad is a new registration (VAT number, chamber and postal rules change).
  @Readable(ownOrganisation(), staffOfOwnTenant()) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() country: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() phone: string;
  @Readable(ownOrganisation(), staffOfOwnTenant()) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_DATA)
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), ownTenant(Role.TENANT_ADMIN, Role.CLERK, Role.AUDITOR)) @Writable(ownOrganisation(Role.ORG_ADMIN)) @PersonalData(COMPANY_BANK_ACCOUNT)
  @Field(() => String, { nullable: true }) @Column() iban: string;
  @Readable(ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @NotPersonalData('account setting of the company')
  @Field(() => LoginMethod, { nullable: true }) @Column({ name: 'login_method', type: 'text' }) loginMethod: LoginMethod;
  @Readable(ownOrganisation(Role.ORG_ADMIN), staffOfOwnTenant()) @NotPersonalData('account setting of the company')
  @Field(() => Boolean, { nullable: true }) @Column({ name: 'is_member' }) isMember: boolean;
  @Internal() @NotPersonalData('bookkeeping of the record')
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /**
   * When the company's registration was confirmed (its administrator's address); null while it awaits
   * that. Only a confirmed company holds its VAT number in the tenant and is listed for its staff.
   */
  @Internal() @NotPersonalData('state of the registration')
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
}
