import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum TenantKind {
  CHAMBER_OF_COMMERCE = 'CHAMBER_OF_COMMERCE',
  CERTIFICATION_BODY = 'CERTIFICATION_BODY',
}
registerEnumType(TenantKind, { name: 'TenantKind' });

/** A range of postal codes a chamber serves, inclusive (Belgian codes are four digits). */
@ObjectType()
export class PostalCodeRange {
  @Field() from: string;
  @Field() to: string;
}

/**
 * A chamber of commerce or certification body: the controller of the personal data in its space.
 * Its directory entry (name, address, phone, privacy contact) is public, like the list of chambers
 * that closes the DigiChambers policy.
 */
@ObjectType()
@Entity({ name: 'tenant' })
export class Tenant {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column() slug: string;
  @Field() @Column() name: string;
  @Field(() => [TenantKind]) @Column('text', { array: true }) kinds: TenantKind[];
  @Field() @Column({ name: 'legal_entity_number' }) legalEntityNumber: string;
  @Field() @Column() street: string;
  @Field() @Column({ name: 'postal_code' }) postalCode: string;
  @Field() @Column() city: string;
  @Field() @Column() country: string;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) @Column('text', { nullable: true }) website: string | null;
  @Field(() => [String]) @Column('text', { array: true }) languages: string[];
  @Field() @Column({ name: 'privacy_contact_email' }) privacyContactEmail: string;
  @Field(() => [PostalCodeRange]) @Column('jsonb', { name: 'served_postal_codes' }) servedPostalCodes: PostalCodeRange[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
