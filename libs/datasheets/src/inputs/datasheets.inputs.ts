import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MultiLine, Optional, OptionalArgument, OptionalNullable } from '@chancery/core';
import { CertifiedProductStatus } from '../entities/certified-product.entity';
import { DatasheetState, OPEN_STATES } from '../entities/datasheet-version.entity';

/** The states a datasheet has at most one version in, by which its list can be filtered. */
const LISTED_STATES = [...OPEN_STATES, DatasheetState.PUBLISHED];
/** The largest page of a staff or company list (products, datasheets). */
export const MAX_LIST_PAGE = 200;

export const DATASHEET_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
/** Largest JSON accepted for characteristics or a schema. */
const MAX_JSON = 64_000;
const FAMILY = /^[a-z0-9][a-z0-9-]{0,62}$/;

@InputType()
export class CreateCertifiedProductInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ description: 'The product family, e.g. kerbstones (lower case, digits, dashes).' }) @Matches(FAMILY) productFamily: string;
  @Field() @IsString() @Length(1, 100) certificateReference: string;
  @Field({ description: 'e.g. BENOR, CE' }) @IsString() @Length(1, 50) scheme: string;
  @Field() @IsString() @Length(1, 200) productionUnit: string;
}

@ArgsType()
export class ChangeCertifiedProductStatusArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => CertifiedProductStatus) @IsEnum(CertifiedProductStatus) status: CertifiedProductStatus;
}

@InputType()
export class SetProductFamilySchemaInput {
  @Field() @Matches(FAMILY) family: string;
  @MultiLine() @Field({ description: 'A JSON Schema, as JSON text.' }) @IsString() @MaxLength(MAX_JSON) jsonSchema: string;
}

@InputType()
export class DatasheetTextInput {
  @Field() @IsIn(DATASHEET_LANGUAGES) language: string;
  @Field() @IsString() @Length(1, 300) title: string;
  @MultiLine() @Field() @IsString() @MaxLength(10_000) description: string;
}

@InputType()
export class CreateDatasheetInput {
  @Field(() => ID) @IsUUID() certifiedProductId: string;
  @MultiLine() @Field({ description: 'The technical characteristics, a JSON object (as JSON text).' }) @IsString() @MaxLength(MAX_JSON) characteristics: string;
  @Field(() => [DatasheetTextInput], { description: 'One text per language (NL, FR, DE, EN).' })
  @ArrayMaxSize(4) @ArrayUnique((t: DatasheetTextInput) => t.language) @ValidateNested({ each: true }) @Type(() => DatasheetTextInput) texts: DatasheetTextInput[];
}

@InputType()
export class UpdateDatasheetDraftInput {
  @Field(() => ID) @IsUUID() versionId: string;
  @MultiLine() @Field({ nullable: true }) @Optional() @IsString() @MaxLength(MAX_JSON) characteristics?: string;
  @Field(() => [DatasheetTextInput], { nullable: true })
  @Optional() @ArrayMaxSize(4) @ArrayUnique((t: DatasheetTextInput) => t.language) @ValidateNested({ each: true }) @Type(() => DatasheetTextInput) texts?: DatasheetTextInput[];
}

@ArgsType()
export class AttachmentIdArgs {
  @Field(() => ID) @IsUUID() attachmentId: string;
}

@ArgsType()
export class VersionIdArgs {
  @Field(() => ID) @IsUUID() versionId: string;
}

@ArgsType()
export class DatasheetIdArgs {
  @Field(() => ID) @IsUUID() datasheetId: string;
}

@ArgsType()
export class RequestDatasheetChangesArgs {
  @Field(() => ID) @IsUUID() versionId: string;
  @MultiLine() @Field() @IsString() @Length(1, 2000) comment: string;
}

@ArgsType()
export class NameDatasheetContactArgs {
  @Field(() => ID) @IsUUID() datasheetId: string;
  @Field(() => ID) @IsUUID() userId: string;
}

@ArgsType()
export class AcknowledgeNoticeArgs {
  @Field({ description: 'The version of the notice read (contactDisclosureNotice.version).' }) @IsString() @Length(1, 40) version: string;
}

@ArgsType()
export class DatasheetSettingsArgs {
  @Field(() => Int, { description: 'Days a company has to name a new contact after an objection before its datasheets are unpublished.' })
  @IsInt() @Min(1) @Max(365) contactReplacementDays: number;
}

@ArgsType()
export class PublishedDatasheetArgs {
  @Field(() => ID, { nullable: true, description: 'The public id.' }) @OptionalArgument() @IsUUID() id?: string;
  @Field({ nullable: true, description: 'The short public code (8 characters).' }) @OptionalArgument() @IsString() @Length(8, 20) code?: string;
}

@ArgsType()
export class PublishedDatasheetHistoryArgs extends PublishedDatasheetArgs {}

@ArgsType()
export class WithdrawnDatasheetArgs extends PublishedDatasheetArgs {}

const TENANT_SLUG_OR_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const TENANT_SLUG_OR_ID_MESSAGE = { message: 'must be a tenant slug or id (lower case)' };

@ArgsType()
export class PublishedProductFamilySchemasArgs {
  @Field({ nullable: true, description: "The certification body: its slug (the tenant directory) or its id (a published datasheet's tenantId); every body's when absent." })
  @OptionalArgument() @Matches(TENANT_SLUG_OR_ID, TENANT_SLUG_OR_ID_MESSAGE) tenant?: string;
}

@ArgsType()
export class PublishedProductFamilySchemaArgs {
  @Field({ description: "The certification body: its slug (the tenant directory) or its id (a published datasheet's tenantId)." })
  @Matches(TENANT_SLUG_OR_ID, TENANT_SLUG_OR_ID_MESSAGE) tenant: string;
  @Field({ description: 'The product family, e.g. kerbstones.' }) @Matches(FAMILY) family: string;
}

@ArgsType()
export class SearchPublishedDatasheetsArgs {
  @Field({ nullable: true, description: 'The certification body, by its slug (the tenant directory).' }) @OptionalArgument() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenant?: string;
  @Field({ nullable: true }) @OptionalArgument() @Matches(FAMILY) productFamily?: string;
  @Field({ nullable: true, description: 'Part of the product name, in any case, with or without accents.' }) @OptionalArgument() @IsString() @Length(2, 100) productName?: string;
  @Field({ nullable: true, description: 'Part of the certificate holder’s name, in any case, with or without accents.' }) @OptionalArgument() @IsString() @Length(2, 100) holderName?: string;
  @Field({ nullable: true, description: 'The certificate reference, in any case, with or without its spaces, dashes, dots or slashes ("benor 7 12" is BENOR-7/12).' })
  @OptionalArgument() @IsString() @Length(1, 100) @Matches(/[\p{L}\p{N}]/u, { message: 'must hold a letter or a digit' }) certificateReference?: string;
  @Field(() => Int, { nullable: true, description: 'Page size: 50 when absent, at most 100.' }) @OptionalArgument() @Type(() => Number) @IsInt() @Min(1) first?: number;
  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page.' }) @OptionalNullable() @IsString() @MaxLength(200) after?: string | null;
}

@ArgsType()
export class WithdrawnDatasheetListArgs {
  @Field({ nullable: true, description: "The certification body, by its slug (the tenant directory); every body's when absent." }) @OptionalArgument() @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/) tenant?: string;
  @Field(() => Int, { nullable: true, description: 'Page size: 50 when absent, at most 100.' }) @OptionalArgument() @Type(() => Number) @IsInt() @Min(1) first?: number;
  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page.' }) @OptionalNullable() @IsString() @MaxLength(200) after?: string | null;
}

@ArgsType()
export class CertifiedProductListArgs {
  @Field(() => Int, { defaultValue: 50, description: `Products to return, 1 to ${MAX_LIST_PAGE}.` }) @IsInt() @Min(1) @Max(MAX_LIST_PAGE) first: number = 50;
  @Field(() => ID, { nullable: true, description: 'The last product of the previous page: the list continues after it. One the list does not hold gives an empty page.' })
  @OptionalArgument() @IsUUID() after?: string;
  @Field({ nullable: true, description: 'Part of the product name (in any case, with or without accents) or of the certificate reference (whatever its case, spaces, dashes, dots or slashes).' }) @OptionalArgument() @IsString() @Length(2, 100) search?: string;
  @Field(() => [ID], { nullable: true, description: `Only these products (at most ${MAX_LIST_PAGE}), e.g. those a page of datasheets names.` })
  @OptionalArgument() @ArrayMaxSize(MAX_LIST_PAGE) @IsUUID(undefined, { each: true }) ids?: string[];
}

@ArgsType()
export class DatasheetListArgs {
  @Field(() => Int, { defaultValue: 50, description: `Datasheets to return, 1 to ${MAX_LIST_PAGE}.` }) @IsInt() @Min(1) @Max(MAX_LIST_PAGE) first: number = 50;
  @Field(() => ID, { nullable: true, description: 'The last datasheet of the previous page: the list continues after it. One the list does not hold gives an empty page.' })
  @OptionalArgument() @IsUUID() after?: string;
  @Field(() => DatasheetState, {
    nullable: true,
    description: `Only datasheets with a version in this state (one of ${LISTED_STATES.join(', ')}: the one open for work, e.g. SUBMITTED to review and APPROVED to publish, or the published one), in the order they reached it, oldest first.`,
  })
  @OptionalArgument() @IsIn(LISTED_STATES) state?: DatasheetState;
  @Field(() => [ID], { nullable: true, description: `Only the datasheets of these certified products (at most ${MAX_LIST_PAGE}), e.g. a page of products.` })
  @OptionalArgument() @ArrayMaxSize(MAX_LIST_PAGE) @IsUUID(undefined, { each: true }) certifiedProductIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Only the datasheets whose contact objected and must be replaced before the deadline (true), or the others (false).' })
  @OptionalArgument() @IsBoolean() contactReplacementRequired?: boolean;
}

@ArgsType()
export class DatasheetIdsArgs {
  @Field(() => [ID], { description: `The datasheets (at most ${MAX_LIST_PAGE}).` }) @ArrayMaxSize(MAX_LIST_PAGE) @IsUUID(undefined, { each: true }) datasheetIds: string[];
}
