import { OptionalArgument } from '@chancery/core';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

export const MAX_PERSONAL_DATA_ACCESSES_PAGE = 200;

@ArgsType()
export class PersonalDataAccessPageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Entries to return, 1 to ${MAX_PERSONAL_DATA_ACCESSES_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PERSONAL_DATA_ACCESSES_PAGE)
  first = 50;

  @Field(() => ID, { nullable: true, description: 'Continue the newest-first listing after this entry.' })
  @OptionalArgument()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'is not an entry id' })
  before?: string;
}

@ArgsType()
export class PersonalDataAccessesArgs extends PersonalDataAccessPageArgs {
  @Field(() => ID, { nullable: true, description: 'Only accesses to this user or company.' })
  @OptionalArgument()
  @IsUUID()
  subjectId?: string;
}
