import { Args, Field, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Allow, Permission } from '@chancery/access';
import { RetentionRuleKey } from '@chancery/policy';
import { RetentionPeriod } from './retention-period.entity';
import { RetentionScheduleService } from './retention-schedule.service';

@InputType({ description: "A tenant's own period for a retention rule." })
export class SetRetentionPeriodInput {
  @Field(() => RetentionRuleKey) @IsEnum(RetentionRuleKey) rule: RetentionRuleKey;
  @Field(() => Int, { nullable: true, description: "In the rule's unit; at most the platform's default, at least a legal minimum. Null: back to the default." })
  @IsOptional() @IsInt() @Min(0) @Max(1000)
  period?: number | null;
}

@Resolver(() => RetentionPeriod)
export class RetentionScheduleResolver {
  constructor(private readonly schedule: RetentionScheduleService) {}

  @Allow(Permission.ManageRetention)
  @Query(() => [RetentionPeriod], { description: "The tenant's retention schedule: every rule with its default, legal bounds and the period in force." })
  retentionSchedule(): Promise<RetentionPeriod[]> {
    return this.schedule.schedule();
  }

  @Allow(Permission.ManageRetention)
  @Mutation(() => RetentionPeriod, { description: "Shorten a retention rule's period for the tenant (never past the default, never below a legal minimum); null restores the default." })
  setRetentionPeriod(@Args('input') input: SetRetentionPeriodInput): Promise<RetentionPeriod> {
    return this.schedule.setPeriod(input.rule, input.period ?? null);
  }
}
