import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { MultiLine, OptionalNullable } from '@chancery/core';

/** The longest support grant a tenant can be asked for: a working day. */
export const SUPPORT_GRANT_MAX_MINUTES = 480;

@InputType()
export class RequestSupportAccessInput {
  @Field(() => ID, { description: 'The tenant whose data the operator needs to see.' }) @IsUUID() tenantId: string;
  @Field({ description: 'Why: what the operator will look at and for which problem. Shown to the tenant’s administrators.' })
  @MultiLine() @IsString() @Length(10, 1000) purpose: string;
  @Field(() => Int, { description: `How long the access runs once approved, in minutes (at most ${SUPPORT_GRANT_MAX_MINUTES}).` })
  @IsInt() @Min(1) @Max(SUPPORT_GRANT_MAX_MINUTES) durationMinutes: number;
}

@ArgsType()
export class SupportGrantIdArgs {
  @Field(() => ID) @IsUUID() grantId: string;
}

@ArgsType()
export class RefuseSupportAccessArgs {
  @Field(() => ID) @IsUUID() grantId: string;
  @MultiLine() @Field(() => String, { nullable: true }) @OptionalNullable() @IsString() @Length(1, 1000) reason?: string | null;
}

@ArgsType()
export class SupportApplicationsArgs {
  @Field(() => ID) @IsUUID() grantId: string;
  @Field(() => Int, { defaultValue: 50 }) @IsInt() @Min(1) @Max(200) first: number = 50;
}

@ArgsType()
export class SupportApplicationArgs {
  @Field(() => ID) @IsUUID() grantId: string;
  @Field(() => ID) @IsUUID() applicationId: string;
}
