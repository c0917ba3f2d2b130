import { Args, ArgsType, Field, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { Allow, Permission } from '@chancery/access';
import { PrivacySettings, RequestDeadlineRule } from './privacy-settings.entity';
import { PrivacySettingsService } from './privacy-settings.service';

@ArgsType()
class RequestDeadlineRuleArgs {
  @Field(() => RequestDeadlineRule) @IsEnum(RequestDeadlineRule) rule: RequestDeadlineRule;
}

@Resolver(() => PrivacySettings)
export class PrivacySettingsResolver {
  constructor(private readonly settings: PrivacySettingsService) {}

  @Allow(Permission.ManagePrivacySettings)
  @Query(() => PrivacySettings, { description: "The tenant's privacy settings (defaults where unchanged)." })
  privacySettings(): Promise<PrivacySettings> {
    return this.settings.current();
  }

  @Allow(Permission.ManagePrivacySettings)
  @Mutation(() => PrivacySettings, { description: 'How the first deadline of new data-subject requests is counted: one calendar month (default) or 30 days.' })
  setRequestDeadlineRule(@Args() args: RequestDeadlineRuleArgs): Promise<PrivacySettings> {
    return this.settings.setRequestDeadlineRule(args.rule);
  }
}

