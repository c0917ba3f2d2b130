import { Args, ArgsType, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { Allow, Permission } from '@chancery/access';
import { Envelope } from '@chancery/policy';
import { StaffSecondFactorService } from '../services/staff-second-factor.service';

@Envelope('StaffSecondFactorRequirement')
@ObjectType({ description: 'Whether the tenant requires a second factor of all its staff (signers and administrators need one always).' })
export class StaffSecondFactorRequirement {
  @Field({ description: 'Every staff member must have a second factor; one without it may only set one up, from their next request on.' }) required: boolean;
  @Field(() => Int, { description: 'Active staff members who have no second factor yet.' }) staffWithoutSecondFactor: number;
}

@ArgsType()
class StaffSecondFactorRequirementArgs {
  @Field({ description: 'true: require a second factor of every staff member; false: only of signers and administrators (the default).' })
  @IsBoolean()
  required: boolean;
}

/** The tenant administrator's setting: a second factor for every staff member (review F13). */
@Resolver()
export class StaffSecondFactorResolver {
  constructor(private readonly staffSecondFactor: StaffSecondFactorService) {}

  @Allow(Permission.ReadStaffSecondFactorRequirement)
  @Query(() => StaffSecondFactorRequirement, { description: 'Whether the tenant requires a second factor of all its staff, and how many have none yet.' })
  async staffSecondFactorRequirement(): Promise<StaffSecondFactorRequirement> {
    return Object.assign(new StaffSecondFactorRequirement(), await this.staffSecondFactor.current());
  }

  @Allow(Permission.RequireStaffSecondFactor)
  @Mutation(() => StaffSecondFactorRequirement, {
    description: 'Requires (or no longer requires) a second factor of every staff member. Turned on, those without one are e-mailed and may only set one up, from their next request on.',
  })
  async setStaffSecondFactorRequirement(@Args() { required }: StaffSecondFactorRequirementArgs): Promise<StaffSecondFactorRequirement> {
    return Object.assign(new StaffSecondFactorRequirement(), await this.staffSecondFactor.setRequirement(required));
  }
}
