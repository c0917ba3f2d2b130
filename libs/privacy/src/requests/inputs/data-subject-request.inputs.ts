import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsEnum, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { MultiLine, Optional, OptionalNullable } from '@chancery/core';
import { DataSubjectRequestType } from '../entities/data-subject-request.entity';
import { MAX_EXTENSION_MONTHS } from '../legal-clock';
import { LEGAL_HOLD_KINDS, LEGAL_HOLD_RECORD } from '../legal-hold-kinds';

const LANGUAGES = ['nl', 'fr', 'de', 'en'];

@InputType({ description: "A logged-in person's request about their own data." })
export class MyDataSubjectRequestInput {
  @Field(() => DataSubjectRequestType) @IsEnum(DataSubjectRequestType) type: DataSubjectRequestType;
  @Field(() => String, { nullable: true, description: 'What to rectify, what you object to, anything that helps.' })
  @MultiLine() @OptionalNullable() @IsString() @Length(1, 4000) details?: string | null;
}

@InputType({ description: 'The public privacy form: anyone, with an e-mail address that is then confirmed.' })
export class PublicDataSubjectRequestInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field(() => DataSubjectRequestType) @IsEnum(DataSubjectRequestType) type: DataSubjectRequestType;
  @Field({ defaultValue: 'en' }) @IsIn(LANGUAGES) language: string = 'en';
  @MultiLine() @Field(() => String, { nullable: true }) @OptionalNullable() @IsString() @Length(1, 4000) details?: string | null;
  @Field(() => String, { nullable: true, description: "The tenant's slug; leave out to reach every tenant where your address is known." })
  @OptionalNullable() @IsString() @Matches(/^[a-z0-9-]{2,63}$/, { message: 'is not a tenant slug' }) tenant?: string | null;
}

@InputType()
export class ExtendDataSubjectRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => Int, { description: `Further months, 1 to ${MAX_EXTENSION_MONTHS}.` }) @IsInt() @Min(1) @Max(MAX_EXTENSION_MONTHS) months: number;
  @MultiLine() @Field({ description: 'Why more time is needed; the person is told.' }) @IsString() @Length(10, 1000) reason: string;
}

@InputType()
export class CloseDataSubjectRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @MultiLine() @Field({ description: 'What was done (or why the request is refused), as the person is told.' }) @IsString() @Length(1, 4000) outcome: string;
  @Field({ defaultValue: false }) @IsBoolean() refused: boolean = false;
}

@InputType({ description: 'An objection upheld: what the person publishes of them stops, as on their own objection.' })
export class UpholdDataSubjectObjectionInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @MultiLine() @Field({ description: 'What the person is told, in their language.' }) @IsString() @Length(1, 4000) statement: string;
}

@InputType({ description: 'A legal hold: the retention sweep leaves the record alone until released.' })
export class PlaceLegalHoldInput {
  @Field({ description: 'Entity:id, e.g. Session:2f0c…' }) @Matches(LEGAL_HOLD_RECORD, { message: `must be Kind:uuid, Kind one of ${LEGAL_HOLD_KINDS.join(', ')}` }) record: string;
  @MultiLine() @Field() @IsString() @Length(3, 1000) reason: string;
}

@ArgsType()
export class LegalHoldListArgs {
  @Field({ defaultValue: true, description: 'Only holds in force (not released).' }) @IsBoolean() inForce: boolean = true;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) first: number = 50;
}

@ArgsType()
export class DataSubjectRequestQueueArgs {
  @Field({ defaultValue: true, description: 'Only requests not yet answered.' }) @IsBoolean() open: boolean = true;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) first: number = 50;
}

@ArgsType()
export class RequestIdArgs {
  @Field(() => ID) @IsUUID() requestId: string;
}

@ArgsType()
export class LegalHoldIdArgs {
  @Field(() => ID, { description: 'The id placeLegalHold answered.' }) @IsUUID() holdId: string;
}

@ArgsType()
export class MyExportArgs {
  @Field({ defaultValue: false, description: 'Only the data you provided, for moving it elsewhere (Art. 20).' })
  @Optional() @IsBoolean() portability: boolean = false;
}

@ArgsType()
export class RetentionSweepArgs {
  @Field(() => Int, { defaultValue: 500, description: 'Records per statement, 1 to 5000.' }) @IsInt() @Min(1) @Max(5000) batchSize: number = 500;
}
