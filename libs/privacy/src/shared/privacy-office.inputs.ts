import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsDate, IsEnum, IsIn, IsInt, IsISO31661Alpha2, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { DateTimeScalar, MultiLine, Optional, OptionalNullable } from '@chancery/core';
import { LEGAL_BASES, PERSONAL_DATA_CATEGORIES } from '@chancery/policy';
import { SubProcessorChangeKind } from '../sub-processors/sub-processor.entity';

export enum RegisterFormat {
  JSON = 'JSON',
  MARKDOWN = 'MARKDOWN',
}
registerEnumType(RegisterFormat, { name: 'RegisterFormat', description: 'JSON (machine-readable) or MARKDOWN (a readable document).' });

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

@ArgsType()
export class RegisterExportArgs {
  @Field(() => RegisterFormat, { defaultValue: RegisterFormat.JSON }) @IsEnum(RegisterFormat) format: RegisterFormat = RegisterFormat.JSON;
}

@InputType()
export class AddProcessingActivityInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @MultiLine() @Field() @IsString() @Length(1, 1000) purpose: string;
  @Field({ description: `One of ${LEGAL_BASES.join(', ')}.` }) @IsIn(LEGAL_BASES) legalBasis: string;
  @Field(() => [String]) @ArrayMinSize(1) @ArrayMaxSize(20) @ArrayUnique() @IsString({ each: true }) @Length(1, 200, { each: true }) dataSubjects: string[];
  @Field(() => [String], { description: `Of ${PERSONAL_DATA_CATEGORIES.join(', ')}.` })
  @ArrayMinSize(1) @ArrayMaxSize(PERSONAL_DATA_CATEGORIES.length) @ArrayUnique() @IsIn(PERSONAL_DATA_CATEGORIES, { each: true }) dataCategories: string[];
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) recipients: string[] = [];
  @MultiLine() @Field({ description: 'Transfers outside the EEA and their safeguards, or "none".' }) @IsString() @Length(1, 1000) transfers: string;
  @MultiLine() @Field() @IsString() @Length(1, 500) retention: string;
  @MultiLine() @Field() @IsString() @Length(1, 2000) securityMeasures: string;
}

@ArgsType()
export class ProcessingActivityIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class PublicListArgs {
  @Field(() => String, { nullable: true, description: "A tenant's slug; without it, the platform's list." })
  @Optional() @IsString() @Matches(SLUG) tenantSlug?: string;
}

@InputType()
export class NewSubProcessorInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ description: 'What it does with the data.' }) @IsString() @Length(1, 500) service: string;
  @Field({ description: 'Country where the data is processed (ISO 3166-1 alpha-2).' }) @IsISO31661Alpha2() location: string;
  @Field(() => String, { nullable: true, description: 'For a country outside the EEA: the safeguard (Art. 46), e.g. standard contractual clauses.' })
  @OptionalNullable() @IsString() @Length(1, 500) transferSafeguard?: string | null;
  @Field(() => [String], { defaultValue: [] }) @ArrayMaxSize(PERSONAL_DATA_CATEGORIES.length) @ArrayUnique() @IsIn(PERSONAL_DATA_CATEGORIES, { each: true }) dataCategories: string[] = [];
}

@InputType()
export class AnnounceSubProcessorChangeInput {
  @Field(() => SubProcessorChangeKind) @IsEnum(SubProcessorChangeKind) kind: SubProcessorChangeKind;
  @MultiLine() @Field() @IsString() @Length(1, 1000) description: string;
  @Field(() => DateTimeScalar, { description: 'When it takes effect: at least the objection window after now.' }) @Type(() => Date) @IsDate() effectiveAt: Date;
  @Field(() => Int, { nullable: true, description: 'Days customers may object; 30 when absent, never fewer.' })
  @Optional() @IsInt() @Min(1) @Max(365) objectionWindowDays?: number;
  @Field(() => NewSubProcessorInput, { nullable: true, description: 'For an addition.' })
  @Optional() @ValidateNested() @Type(() => NewSubProcessorInput) newSubProcessor?: NewSubProcessorInput;
  @Field(() => ID, { nullable: true, description: 'For a removal: the sub-processor that leaves.' }) @Optional() @IsUUID() subProcessorId?: string;
}

@InputType()
export class ObjectToSubProcessorChangeInput {
  @Field(() => ID) @IsUUID() changeId: string;
  @MultiLine() @Field() @IsString() @Length(1, 2000) reason: string;
}

@InputType()
export class RegisterBreachInput {
  @Field({ description: "The tenant's own reference, e.g. BR-2026-003." }) @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$/) reference: string;
  @MultiLine() @Field({ description: 'What happened (Art. 33(3)(a)).' }) @IsString() @Length(1, 4000) nature: string;
  @Field(() => DateTimeScalar, { description: 'When the tenant became aware: the 72-hour clock starts here.' }) @Type(() => Date) @IsDate() becameAwareAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) @OptionalNullable() @Type(() => Date) @IsDate() occurredAt?: Date | null;
  @Field(() => [String], { description: `Categories of personal data involved, of ${PERSONAL_DATA_CATEGORIES.join(', ')}.` })
  @ArrayMinSize(1) @ArrayMaxSize(PERSONAL_DATA_CATEGORIES.length) @ArrayUnique() @IsIn(PERSONAL_DATA_CATEGORIES, { each: true }) dataCategories: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Companies whose records are involved.' }) @ArrayMaxSize(10000) @IsUUID('all', { each: true }) involvedOrganisationIds: string[] = [];
  @Field({ defaultValue: false }) @IsBoolean() involvesAllOrganisations: boolean = false;
  @Field({ defaultValue: false, description: "The tenant's own staff's records are involved." }) @IsBoolean() involvesStaff: boolean = false;
  @Field(() => Int, { nullable: true }) @OptionalNullable() @IsInt() @Min(0) affectedRecords?: number | null;
  @MultiLine() @Field({ description: 'Art. 33(3)(c).' }) @IsString() @Length(1, 4000) likelyConsequences: string;
  @MultiLine() @Field({ description: 'Measures taken or proposed (Art. 33(3)(d)).' }) @IsString() @Length(1, 4000) measures: string;
  @Field({ description: 'To be notified to the supervisory authority.' }) @IsBoolean() notifiable: boolean;
  @Field(() => String, { nullable: true, description: 'Why not, when not notifiable (documented under Art. 33(5)).' })
  @MultiLine() @OptionalNullable() @IsString() @Length(1, 4000) notNotifiableReason?: string | null;
  @Field({ defaultValue: false, description: 'High risk to the people: they are told too (Art. 34).' }) @IsBoolean() highRisk: boolean = false;
}

@ArgsType()
export class BreachIdArgs {
  @Field(() => ID) @IsUUID() breachId: string;
}

@InputType()
export class RecordBreachAuthorityNotificationInput {
  @Field(() => ID) @IsUUID() breachId: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the authority was notified; now when absent.' }) @Optional() @Type(() => Date) @IsDate() notifiedAt?: Date;
  @MultiLine() @Field({ nullable: true, description: 'Required after 72 hours (Art. 33(1)).' }) @Optional() @IsString() @Length(1, 4000) delayReason?: string;
}

@InputType()
export class PublishPrivacyPolicyInput {
  @Field() @IsString() @Length(1, 200) title: string;
  @MultiLine() @Field({ description: 'What changed, shown in the notice every user sees.' }) @IsString() @Length(1, 2000) summary: string;
  @MultiLine() @Field() @IsString() @Length(1, 200_000) body: string;
}

@ArgsType()
export class PolicyVersionIdArgs {
  @Field(() => ID) @IsUUID() versionId: string;
}

@InputType()
export class ObjectToPrivacyPolicyInput {
  @Field(() => ID) @IsUUID() versionId: string;
  @MultiLine() @Field({ nullable: true }) @Optional() @IsString() @Length(1, 2000) reason?: string;
}

@ArgsType()
export class PrivacyPolicyVersionsArgs {
  @Field() @IsString() @Matches(SLUG) tenantSlug: string;
}
