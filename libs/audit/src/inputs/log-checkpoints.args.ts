import { OptionalArgument } from '@chancery/core';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';

export const MAX_LOG_CHECKPOINTS_PAGE = 200;

@ArgsType()
export class LogCheckpointsArgs {
  @Field(() => Int, { defaultValue: 50, description: `Checkpoints to return, 1 to ${MAX_LOG_CHECKPOINTS_PAGE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_LOG_CHECKPOINTS_PAGE)
  first = 50;

  @Field(() => ID, { nullable: true, description: 'Continue the newest-first listing after this checkpoint (its id).' })
  @OptionalArgument()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be a checkpoint id' })
  before?: string;
}
