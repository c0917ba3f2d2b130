import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsIBAN,
  IsIn,
  IsISO31661Alpha2,
  IsPhoneNumber,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Role } from '@chancery/access';
import { Optional, OptionalNullable } from '@chancery/core';
import { PASSWORD_MAX_LENGTH } from '../password-policy';
import { LoginMethod } from '../entities/organisation.entity';
import { TenantKind } from '../entities/tenant.entity';
import { IsEuVatNumber } from '../validation/company-identifiers';
import { IsWholeSignatureImage } from '../validation/signature-image';

export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;

@InputType()
export class PersonDetailsInput {
  @Field() @IsString() @Length(1, 100) firstName: string;
  @Field() @IsString() @Length(1, 100) lastName: string;
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field({ nullable: true }) @Optional() @IsPhoneNumber(undefined, { message: 'must be a telephone number in international format, e.g. +32 3 232 22 19' }) phone?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 100) jobTitle?: string;
  @Field({ defaultValue: 'en' }) @IsIn(LANGUAGES) preferredLanguage: string = 'en';
  @Field() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) password: string;
}

@InputType()
export class RegisterOrganisationInput {
  @Field({ nullable: true, description: 'The chamber to register with; proposed from the postal code when absent.' })
  @Optional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenantSlug?: string;
  @Field({ description: 'VAT number, e.g. BE0123.456.749; Belgian numbers are checked with their check digits.' })
  @IsEuVatNumber() vatNumber: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field() @IsString() @Length(1, 50) legalForm: string;
  @Field() @IsString() @Length(1, 200) street: string;
  @Field() @IsString() @Length(2, 10) postalCode: string;
  @Field() @IsString() @Length(1, 100) city: string;
  @Field() @IsISO31661Alpha2() country: string;
  @Field() @IsPhoneNumber(undefined, { message: 'must be a telephone number in international format, e.g. +32 3 232 22 19' }) phone: string;
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field() @IsIBAN(undefined, { message: 'must be a valid IBAN' }) iban: string;
  @Field(() => LoginMethod, { description: 'Chosen once; cannot be changed afterwards.' }) @IsEnum(LoginMethod) loginMethod: LoginMethod;
  @Field(() => PersonDetailsInput) @ValidateNested() @Type(() => PersonDetailsInput) administrator: PersonDetailsInput;
  @Field({ nullable: true, description: "In a certification body's space: the version of the contact-disclosure notice (contactDisclosureNotice) the administrator acknowledges." })
  @Optional() @IsString() @Length(1, 40) acknowledgedContactDisclosureNotice?: string;
}

@InputType()
export class PostalCodeRangeInput {
  @Field() @Matches(/^\d{4,5}$/) from: string;
  @Field() @Matches(/^\d{4,5}$/) to: string;
}

/**
 * The first administrator of a tenant the platform operator opens: who they are, never a credential.
 * They receive an invitation and choose their own password (and second factor) from its link; their
 * telephone and position they give themselves when they accept it.
 */
@InputType()
export class TenantAdministratorInput {
  @Field({ description: 'Addresses the invitation e-mail.' }) @IsString() @Length(1, 100) firstName: string;
  @Field({ description: 'Addresses the invitation e-mail.' }) @IsString() @Length(1, 100) lastName: string;
  @Field({ description: 'Where the invitation goes; the account will log in with it.' }) @IsEmail() @MaxLength(254) email: string;
  @Field({ defaultValue: 'en', description: 'The language of the invitation e-mail.' }) @IsIn(LANGUAGES) preferredLanguage: string = 'en';
}

@InputType()
export class CreateTenantInput {
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'must be lower-case letters, digits and dashes' }) slug: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field(() => [TenantKind]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(TenantKind, { each: true }) kinds: TenantKind[];
  @Field() @IsString() @Length(1, 50) legalEntityNumber: string;
  @Field() @IsString() @Length(1, 200) street: string;
  @Field() @IsString() @Length(2, 10) postalCode: string;
  @Field() @IsString() @Length(1, 100) city: string;
  @Field() @IsISO31661Alpha2() country: string;
  @Field({ nullable: true }) @Optional() @IsPhoneNumber() phone?: string;
  @Field({ nullable: true }) @Optional() @IsEmail() email?: string;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayUnique() @IsIn(LANGUAGES, { each: true }) languages: string[];
  @Field() @IsEmail() privacyContactEmail: string;
  @Field(() => [PostalCodeRangeInput], { defaultValue: [] }) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => PostalCodeRangeInput) servedPostalCodes: PostalCodeRangeInput[] = [];
  @Field(() => TenantAdministratorInput, { description: 'Who is invited to be its first administrator: they choose their own password from the e-mailed link.' })
  @ValidateNested() @Type(() => TenantAdministratorInput) administrator: TenantAdministratorInput;
}

@InputType()
export class InviteTenantAdministratorInput {
  @Field(() => ID, { description: 'The tenant, which has no active administrator.' }) @IsUUID() tenantId: string;
  @Field(() => TenantAdministratorInput, { description: 'Who is invited to be its administrator: they choose their own password from the e-mailed link.' })
  @ValidateNested() @Type(() => TenantAdministratorInput) administrator: TenantAdministratorInput;
}

/** A support case's reference, the only words of a second-factor reset kept in the audit log (no free text). */
const SUPPORT_REFERENCE = /^[A-Za-z0-9][\w./-]{2,39}$/;
const SUPPORT_REFERENCE_RULE = 'must be a support reference: 3 to 40 letters, digits, dots, slashes, dashes or underscores';

@InputType()
export class ResetTenantAdministratorSecondFactorInput {
  @Field(() => ID, { description: 'The tenant.' }) @IsUUID() tenantId: string;
  @Field({ description: 'The login address of its only active administrator, who lost phone and recovery codes.' }) @IsEmail() @MaxLength(254) email: string;
  @Field({ description: 'The support case under which the person was checked out of band (e.g. a call-back to the number on record): kept in the tenant’s audit log.' })
  @Matches(SUPPORT_REFERENCE, { message: SUPPORT_REFERENCE_RULE })
  reference: string;
}

@InputType()
export class ResetCompanyAdministratorSecondFactorInput {
  @Field(() => ID, { description: 'The company, of the caller’s tenant.' }) @IsUUID() organisationId: string;
  @Field({ description: 'The login address of its only active administrator, who lost phone and recovery codes.' }) @IsEmail() @MaxLength(254) email: string;
  @Field({ description: 'The support case under which the person was checked out of band (a call-back to the company’s number on record): kept in the tenant’s audit log.' })
  @Matches(SUPPORT_REFERENCE, { message: SUPPORT_REFERENCE_RULE })
  reference: string;
}

@InputType()
export class InviteUserInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => [Role]) @ArrayMinSize(1) @ArrayUnique() @IsEnum(Role, { each: true }) roles: Role[];
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @MaxLength(200) token: string;
  @Field() @IsString() @Length(1, 100) firstName: string;
  @Field() @IsString() @Length(1, 100) lastName: string;
  @Field({ nullable: true }) @Optional() @IsPhoneNumber() phone?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 100) jobTitle?: string;
  @Field({ defaultValue: 'en' }) @IsIn(LANGUAGES) preferredLanguage: string = 'en';
  @Field() @IsString() @MaxLength(PASSWORD_MAX_LENGTH) password: string;
  @Field({ nullable: true, description: "In a certification body's space: the version of the contact-disclosure notice (contactDisclosureNotice) the person acknowledges." })
  @Optional() @IsString() @Length(1, 40) acknowledgedContactDisclosureNotice?: string;
}

@InputType()
export class AppointCompanyAdministratorInput {
  @Field({ description: 'The e-mail address of an active user of the company, as they log in.' }) @IsEmail() @MaxLength(254) email: string;
}

@InputType()
export class ChangeUserRolesInput {
  @Field(() => ID) @IsUUID() userId: string;
  @Field(() => [Role], { defaultValue: [] }) @ArrayUnique() @IsEnum(Role, { each: true }) grant: Role[] = [];
  // A role in both lists has no meaning (it used to be granted, silently): the request is refused.
  @Field(() => [Role], { defaultValue: [] }) @ArrayUnique() @IsEnum(Role, { each: true })
  @ValidateBy({
    name: 'disjointFromGrant',
    validator: {
      validate: (withdraw: unknown, args) => !Array.isArray(withdraw) || !withdraw.some((role) => (args?.object as ChangeUserRolesInput).grant?.includes(role)),
      defaultMessage: () => 'must not name a role that grant names too',
    },
  })
  withdraw: Role[] = [];
}

@InputType()
export class CreateApiKeyInput {
  @Field() @IsString() @Length(1, 100) name: string;
}

/** Only the fields a person may change about themself; who may is decided by the field declarations. */
@InputType()
export class UpdateUserProfileInput {
  @Field(() => ID) @IsUUID() userId: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 100) firstName?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 100) lastName?: string;
  @Field(() => String, { nullable: true, description: 'null clears it.' }) @OptionalNullable() @IsPhoneNumber(undefined, { message: 'must be a telephone number in international format, e.g. +32 3 232 22 19' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'null clears it.' }) @OptionalNullable() @IsString() @Length(1, 100) jobTitle?: string | null;
  @Field({ nullable: true }) @Optional() @IsIn(LANGUAGES) preferredLanguage?: string;
}

/** A signer's handwritten signature, reproduced on the certificates they sign (004 §2.2). */
@ArgsType()
export class SignatureImageArgs {
  @Field({ description: 'A PNG or JPEG as a data URL (data:image/png;base64,…), at most 200 kB.' })
  @Matches(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { message: 'must be a PNG or JPEG data URL' })
  @MaxLength(280_000, { message: 'must be at most 200 kB' })
  @IsWholeSignatureImage()
  image: string;
}

/** The company details its administrator keeps up to date; VAT number and login method are fixed. */
@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 50) legalForm?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 200) street?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(2, 10) postalCode?: string;
  @Field({ nullable: true }) @Optional() @IsString() @Length(1, 100) city?: string;
  @Field({ nullable: true }) @Optional() @IsPhoneNumber(undefined, { message: 'must be a telephone number in international format, e.g. +32 3 232 22 19' }) phone?: string;
  @Field({ nullable: true }) @Optional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true }) @Optional() @IsIBAN(undefined, { message: 'must be a valid IBAN' }) iban?: string;
}
