import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Chosen at registration and never changed afterwards (DigiChambers register page). */
export enum LoginMethod {
  PASSWORD = 'PASSWORD',
  PASSWORD_AND_TOTP = 'PASSWORD_AND_TOTP',
}
registerEnumType(LoginMethod, { name: 'LoginMethod' });

/** A company that is a customer of a tenant: exporter, certificate holder. */
@ObjectType()
@Entity({ name: 'organisation' })
export class Organisation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'company_number' }) companyNumber: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'vat_number' }) vatNumber: string;
  @Field(() => String, { nullable: true }) @Column() name: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'legal_form' }) legalForm: string;
  @Field(() => String, { nullable: true }) @Column() street: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'postal_code' }) postalCode: string;
  @Field(() => String, { nullable: true }) @Column() city: string;
  @Field(() => String, { nullable: true }) @Column() country: string;
  @Field(() => String, { nullable: true }) @Column() phone: string;
  @Field(() => String, { nullable: true }) @Column() email: string;
  @Field(() => String, { nullable: true }) @Column() iban: string;
  @Field(() => LoginMethod, { nullable: true }) @Column({ name: 'login_method', type: 'text' }) loginMethod: LoginMethod;
  @Field(() => Boolean, { nullable: true }) @Column({ name: 'is_member' }) isMember: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
