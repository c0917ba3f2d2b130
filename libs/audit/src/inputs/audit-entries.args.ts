import { OptionalArgument } from '@chancery/core';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_AUDIT_ENTRIES_PAGE = 200;

@ArgsType()
export class AuditEntriesArgs {
  @Field(() => Int, { defaultValue: 50, description: `Entries to return, 1 to ${MAX_AUDIT_ENTRIES_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_ENTRIES_PAGE)
  first = 50;

  @Field(() => Int, {
    nullable: true,
    description: 'Continue the newest-first listing after this entry: only entries with a lower sequence.',
  })
  @OptionalArgument()
  @IsInt()
  @Min(1)
  afterSequence?: number;
}
