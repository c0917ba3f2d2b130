import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsISO4217CurrencyCode,
  ValidateBy,
  type ValidationOptions,
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal, MultiLine, Optional, OptionalArgument } from '@chancery/core';
import { ApplicationState, CertificateLanguage } from '../entities/certificate-application.entity';
import { RevocationReason } from '../entities/certificate.entity';
import { describeCharacters, unprintableCharacters } from '../pdf/printable-text';
import { CERTIFICATE_NUMBER } from '../signing/certificate-payload';

/** A box the certificate prints on one line: a line break would print a line of the company's choosing under it. */
const ONE_LINE = /^[^\r\n\u2028\u2029\u0085\v\f]*$/;

/** The Harmonized System's chapters: 01 to 97, 77 reserved for future use (98 and 99 are national, not HS). */
const HS_CHAPTER = /^(0[1-9]|[1-6]\d|7[0-689]|8\d|9[0-7])/;

/** The net weight is the goods without their packaging: never more than the line's gross weight. */
function AtMostTheGrossWeight(): PropertyDecorator {
  return ValidateBy({
    name: 'atMostTheGrossWeight',
    validator: {
      validate: (net: unknown, args) => {
        const gross = (args?.object as { grossWeightKg?: unknown } | undefined)?.grossWeightKg;
        return typeof net !== 'number' || typeof gross !== 'number' || net <= gross;
      },
      defaultMessage: () => 'must not exceed the gross weight',
    },
  });
}

/**
 * Text printed on the certificate: only characters its font can draw (Latin, Greek, Cyrillic and the
 * usual signs), named in the refusal, rather than boxes on a signed document. `each` for lists.
 */
function PrintableOnCertificate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'printableOnCertificate',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unprintableCharacters(value).length === 0,
        defaultMessage: (args) => {
          // With `each`, the value is the whole list.
          const texts: unknown[] = Array.isArray(args?.value) ? args.value : [args?.value];
          const missing = [...new Set(texts.flatMap((text) => (typeof text === 'string' ? unprintableCharacters(text) : [])))];
          return `contains characters the certificate cannot print: ${describeCharacters(missing)}; use Latin, Greek or Cyrillic letters`;
        },
      },
    },
    options,
  );
}

@InputType()
export class GoodsLineInput {
  @MultiLine() @Field() @IsString() @Length(1, 500) @PrintableOnCertificate() description: string;
  @Field({ description: 'Harmonized System code: 6 to 10 digits, starting with its chapter (01 to 97; 77 is reserved).' })
  @Matches(/^\d{6,10}$/, { message: 'must be 6 to 10 digits' })
  @Matches(HS_CHAPTER, { message: 'must start with a chapter of the Harmonized System, 01 to 97 (77 is reserved)' })
  hsCode: string;
  @Field(() => Float) @IsDecimal(3) @Min(0.001) @Max(1e9) quantity: number;
  @Field() @IsString() @Length(1, 20) @Matches(ONE_LINE, { message: 'must be one line' }) @PrintableOnCertificate() unit: string;
  // Goods weigh something: a certificate printing "0 kg" certifies nothing a customs officer can check.
  @Field(() => Float) @IsDecimal(3) @Min(0.001) @Max(1e9) grossWeightKg: number;
  @Field(() => Float) @IsDecimal(3) @Min(0.001) @Max(1e9) @AtMostTheGrossWeight() netWeightKg: number;
  @MultiLine() @Field({ defaultValue: '' }) @IsString() @MaxLength(500) @PrintableOnCertificate() marksAndNumbers: string = '';
  @Field(() => Int) @IsInt() @Min(1) @Max(1_000_000) packages: number;
}

@InputType()
export class ConsigneeInput {
  @Field() @IsString() @Length(1, 200) @Matches(ONE_LINE, { message: 'must be one line' }) @PrintableOnCertificate() name: string;
  @MultiLine() @Field() @IsString() @Length(1, 500) @PrintableOnCertificate() address: string;
  @Field() @IsISO31661Alpha2() country: string;
}

/** The content of an application; on creation, what is not given comes from `fromApplicationId` (saved consignees are read with `savedConsignees` and sent as `consignee`). */
@InputType()
export class CertificateApplicationContentInput {
  // Text checked by the validation pipe (not a GraphQL enum), so a refusal names the field like every other.
  @Field(() => String, { nullable: true, description: 'NL, FR, DE or EN.' }) @Optional() @IsIn(Object.values(CertificateLanguage)) language?: CertificateLanguage;
  @Field(() => ConsigneeInput, { nullable: true }) @Optional() @ValidateNested() @Type(() => ConsigneeInput) consignee?: ConsigneeInput;
  @Field({ nullable: true, description: 'ISO 3166 alpha-2.' }) @Optional() @IsISO31661Alpha2() countryOfOrigin?: string;
  @MultiLine() @Field({ nullable: true }) @Optional() @IsString() @MaxLength(1000) @PrintableOnCertificate() transportDetails?: string;
  @Field(() => [GoodsLineInput], { nullable: true }) @Optional() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => GoodsLineInput) goods?: GoodsLineInput[];
  @Field(() => [String], { nullable: true }) @Optional() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 100, { each: true }) @PrintableOnCertificate({ each: true }) invoiceReferences?: string[];
  @MultiLine() @Field({ nullable: true }) @Optional() @IsString() @MaxLength(2000) @PrintableOnCertificate() remarks?: string;
  @Field({ nullable: true, description: "The exporter's declaration: the goods originate in the country stated." }) @Optional() @IsBoolean() declarationAccepted?: boolean;
}

@InputType()
export class CreateCertificateApplicationInput extends CertificateApplicationContentInput {
  @Field(() => ID, { nullable: true, description: 'Start from a previous application of the company (repeat exports).' }) @Optional() @IsUUID() fromApplicationId?: string;
}

@InputType()
export class UpdateCertificateApplicationInput extends CertificateApplicationContentInput {
  @Field(() => ID) @IsUUID() applicationId: string;
}

@ArgsType()
export class ApplicationIdArgs {
  @Field(() => ID) @IsUUID() applicationId: string;
}

@ArgsType()
export class SupportingDocumentArgs {
  @Field(() => ID) @IsUUID() applicationId: string;
  @Field(() => ID) @IsUUID() documentId: string;
}

@ArgsType()
export class SavedConsigneeIdArgs {
  @Field(() => ID) @IsUUID() consigneeId: string;
}

@ArgsType()
export class CertificateIdArgs {
  @Field(() => ID) @IsUUID() certificateId: string;
}

/** The longest review comment, rejection reason or company reply: the exchange about one application. */
export const MAX_REVIEW_TEXT = 2000;

@ArgsType()
export class SubmitApplicationArgs extends ApplicationIdArgs {
  @MultiLine()
  @Field(() => String, {
    nullable: true,
    description: "The company's answer to the clerk's review comment: required when resubmitting an application sent back for changes, refused on a first submission. Shown to the chamber, never printed on the certificate nor signed (unlike remarks).",
  })
  @OptionalArgument()
  @IsString()
  @Length(1, MAX_REVIEW_TEXT)
  reply?: string;
}

@ArgsType()
export class ReviewCommentArgs extends ApplicationIdArgs {
  @MultiLine() @Field() @IsString() @Length(1, MAX_REVIEW_TEXT) comment: string;
}

@ArgsType()
export class RejectArgs extends ApplicationIdArgs {
  @MultiLine() @Field() @IsString() @Length(1, MAX_REVIEW_TEXT) reason: string;
}

@ArgsType()
export class SignArgs extends ApplicationIdArgs {
  @Field({ description: 'Chosen by the client, the same on every retry: signing twice with it issues one certificate.' })
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'must be 8 to 100 letters, digits, - or _' }) idempotencyKey: string;
}

@ArgsType()
export class RevokeArgs extends CertificateIdArgs {
  @Field(() => String, { description: `One of ${Object.values(RevocationReason).join(', ')}.` }) @IsIn(Object.values(RevocationReason)) reason: RevocationReason;
}

/** A page of a list and where it starts: after the last record of the previous page, in the list's order. */
@ArgsType()
class ListPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Records to return, 1 to 200.' }) @IsInt() @Min(1) @Max(200) first: number = 50;
  @Field(() => ID, { nullable: true, description: "The last record of the previous page: the list continues after it. One the list does not hold gives an empty page." })
  @OptionalArgument()
  @IsUUID()
  after?: string;
}

@ArgsType()
export class ApplicationListArgs extends ListPageArgs {
  @Field(() => String, { nullable: true, description: 'An ApplicationState.' }) @OptionalArgument() @IsIn(Object.values(ApplicationState)) state?: ApplicationState;
  @Field(() => ID, {
    nullable: true,
    description: "Staff: only this company's applications (no drafts), newest first, as the company lists them. A company user: its own company's, or none.",
  })
  @OptionalArgument()
  @IsUUID()
  organisationId?: string;
}

@ArgsType()
export class CertificateListArgs extends ListPageArgs {
  @Field(() => String, { nullable: true, description: 'Only the certificate with this number, as printed (letters in either case).' })
  @OptionalArgument()
  @Matches(/^\s*[A-Za-z0-9]+(-[A-Za-z0-9]+)*\s*$/, { message: 'is not a certificate number' })
  @MaxLength(80)
  number?: string;
}

@ArgsType()
export class VerifyCertificateArgs {
  // As people type it from the paper: any case, spaces around it (the plain GET takes it so too).
  @Field() @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(CERTIFICATE_NUMBER, { message: 'is not a certificate number' }) number: string;
  @Field() @Matches(/^[A-Z0-9-]{4,30}$/i, { message: 'is not a verification code' }) code: string;
}

@ArgsType()
export class VerifySignedCertificateArgs {
  @Field({ description: 'The signed content, as signed (canonical JSON).' }) @IsString() @Length(2, 200_000) payload: string;
  @Field() @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'is not a base64url signature' }) signature: string;
  @Field() @Matches(/^[A-Za-z0-9_-]{10,100}$/, { message: 'is not a key id' }) kid: string;
}

@ArgsType()
export class TenantSlugArgs {
  @Field() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenantSlug: string;
}

@ArgsType()
export class BillingMonthArgs {
  @Field({ description: 'YYYY-MM (UTC).' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be YYYY-MM' }) month: string;
  @Field(() => ID, { nullable: true }) @OptionalArgument() @IsUUID() organisationId?: string;
}

@ArgsType()
export class StatisticsArgs {
  @Field(() => ID, { nullable: true, description: 'One chamber user (the tenant admin may name anyone of the tenant); absent: one’s own, or every staff member’s for the tenant admin.' }) @OptionalArgument() @IsUUID() userId?: string;
}

@InputType()
export class CertificateSettingsInput {
  @Field() @Matches(/^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,3}$/, { message: 'must be upper-case letters and digits in parts joined by -, e.g. BE-ANT' }) numberPrefix: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) memberFeeCents: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) nonMemberFeeCents: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) copyMemberFeeCents: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(1_000_000) copyNonMemberFeeCents: number;
  @Field({ defaultValue: 'EUR', description: 'An ISO 4217 currency code in capitals, e.g. EUR.' }) @Matches(/^[A-Z]{3}$/) @IsISO4217CurrencyCode() currency: string = 'EUR';
}
