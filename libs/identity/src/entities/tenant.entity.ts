import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { anyone, Internal, NotPersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum TenantKind {
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  CERTIFICATION_BODY = 'CERTIFICATION_BODY',
}
registerEnumType(TenantKind, { name: 'TenantKind' });

/** A range of postal codes a chamber serves, inclusive (Belgian codes are four digits). */
@ObjectType()
@PolicyEntity<PostalCodeRange>({ name: 'PostalCodeRange', visibleTo: [anyone()], relations: {} })
export class PostalCodeRange {
  @Readable(anyone()) @NotPersonalData() @Field() from: string;
  @Readable(anyone()) @NotPersonalData() @Field() to: string;
}

/**
 * A chamber of commerce or certification body: the controller of the personal data in its space.
 * Its directory entry (name, address, phone, privacy contact) is public, like the list of chambers
 * that closes the DigiChambers policy.
 */
@ObjectType()
@PolicyEntity<Tenant>({ name: 'Tenant', visibleTo: [anyone()], relations: { tenantId: (t) => t.id } })
@Entity({ name: 'tenant' })
export class Tenant {
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column() slug: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column() name: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => [TenantKind]) @Column('text', { array: true }) kinds: TenantKind[];
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column({ name: 'legal_entity_number' }) legalEntityNumber: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column() street: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column({ name: 'postal_code' }) postalCode: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column() city: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column() country: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) phone: string | null;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) email: string | null;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) website: string | null;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => [String]) @Column('text', { array: true }) languages: string[];
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field() @Column({ name: 'privacy_contact_email' }) privacyContactEmail: string;
  @Readable(anyone()) @NotPersonalData('public directory entry of the tenant (functional addresses)')
  @Field(() => [PostalCodeRange]) @Column('jsonb', { name: 'served_postal_codes' }) servedPostalCodes: PostalCodeRange[];
  /** Every staff member must have a second factor, not only signers and administrators (`secondFactorRequired`); read through `staffSecondFactorRequirement`. */
  @Internal() @NotPersonalData('a security setting of the tenant')
  @Column({ name: 'staff_second_factor_required', default: false }) staffSecondFactorRequired: boolean;
  @Internal() @NotPersonalData()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
