import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { Allow, Permission } from '@chancery/access';
import { MultiLine } from '@chancery/core';
import { TenantArchive, TenantDestructionCertificate, TenantOffboarding } from './tenant-offboarding.entity';
import { TenantOffboardingService } from './tenant-offboarding.service';

@ArgsType()
class OffboardingTenantArgs {
  @Field(() => ID) @IsUUID() tenantId: string;
}

@ArgsType()
class OffboardingIdArgs {
  @Field(() => ID) @IsUUID() offboardingId: string;
}

@ArgsType()
class WithdrawOffboardingArgs {
  @Field(() => ID) @IsUUID() offboardingId: string;
  @Field({ description: 'Why: shown to the other party and kept with the withdrawn departure.' })
  @MultiLine() @IsString() @Length(1, 1000) @Matches(/\S/, { message: 'reason must not be blank' }) reason: string;
}

@Resolver(() => TenantOffboarding)
export class TenantOffboardingResolver {
  constructor(private readonly offboarding: TenantOffboardingService) {}

  @Allow(Permission.RequestTenantOffboarding)
  @Mutation(() => TenantOffboarding, { description: "The operator files a tenant's departure; the tenant's administrator confirms it." })
  requestTenantOffboarding(@Args() args: OffboardingTenantArgs): Promise<TenantOffboarding> {
    return this.offboarding.request(args.tenantId);
  }

  @Allow(Permission.ConfirmTenantOffboarding)
  @Mutation(() => TenantOffboarding, { description: 'The tenant’s administrator confirms the departure; the waiting period before destruction starts.' })
  confirmTenantOffboarding(@Args() args: OffboardingIdArgs): Promise<TenantOffboarding> {
    return this.offboarding.confirm(args.offboardingId);
  }

  @Allow(Permission.RequestTenantOffboarding)
  @Mutation(() => TenantOffboarding, { description: 'The operator withdraws a filed or confirmed departure before the destruction; the tenant is told.' })
  withdrawTenantOffboarding(@Args() args: WithdrawOffboardingArgs): Promise<TenantOffboarding> {
    return this.offboarding.withdraw(args.offboardingId, args.reason);
  }

  @Allow(Permission.ConfirmTenantOffboarding)
  @Mutation(() => TenantOffboarding, { description: 'The tenant’s administrator declines a filed departure, or revokes its confirmation during the waiting period; the operator is told.' })
  declineTenantOffboarding(@Args() args: WithdrawOffboardingArgs): Promise<TenantOffboarding> {
    return this.offboarding.decline(args.offboardingId, args.reason);
  }

  @Allow(Permission.ConfirmTenantOffboarding)
  @Mutation(() => TenantArchive, { description: 'The archive of every record of the tenant (confirmed departures); its hash goes into the destruction certificate.' })
  exportTenantArchive(@Args() args: OffboardingIdArgs): Promise<TenantArchive> {
    return this.offboarding.exportArchive(args.offboardingId);
  }

  @Allow(Permission.ReadTenantOffboarding)
  @Query(() => [TenantOffboarding], { description: "The tenant's departure (its administrators), or every tenant's (the operator)." })
  tenantOffboardings(): Promise<TenantOffboarding[]> {
    return this.offboarding.list();
  }

  @Allow(Permission.DestroyTenant)
  @Mutation(() => TenantDestructionCertificate, { description: 'After the waiting period: deletes every row of the tenant and writes the destruction certificate.' })
  destroyTenant(@Args() args: OffboardingIdArgs): Promise<TenantDestructionCertificate> {
    return this.offboarding.destroy(args.offboardingId);
  }

  @Allow(Permission.DestroyTenant)
  @Query(() => [TenantDestructionCertificate], { description: 'The platform’s destruction certificates, each checked against its hash (`intact`).' })
  tenantDestructionCertificates(): Promise<TenantDestructionCertificate[]> {
    return this.offboarding.certificates();
  }
}
