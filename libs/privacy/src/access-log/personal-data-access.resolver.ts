import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, AuthenticatedPerson, Permission } from '@chancery/access';
import { OncePerRequest } from '@chancery/core';
import { PersonalDataAccess, PersonalDataAccessChainStatus, toPersonalDataAccessType } from './entities/personal-data-access.type';
import { PersonalDataAccessesArgs, PersonalDataAccessPageArgs } from './inputs/personal-data-accesses.args';
import { PersonalDataAccessLog } from './personal-data-access-log.service';

@Resolver(() => PersonalDataAccess)
export class PersonalDataAccessResolver {
  constructor(private readonly accessLog: PersonalDataAccessLog) {}

  @Allow(Permission.ReadPersonalDataAccessLog)
  @Query(() => [PersonalDataAccess], {
    description: "Who of the staff or the operator read whose personal data in this tenant, newest first. Privacy officers.",
  })
  async personalDataAccesses(@Args() args: PersonalDataAccessesArgs): Promise<PersonalDataAccess[]> {
    return (await this.accessLog.listForTenant(args)).map(toPersonalDataAccessType);
  }

  @AuthenticatedPerson()
  @Query(() => [PersonalDataAccess], {
    description: 'Who of the staff or the operator read your personal data, newest first.',
  })
  async myPersonalDataAccesses(@Args() page: PersonalDataAccessPageArgs): Promise<PersonalDataAccess[]> {
    return (await this.accessLog.listForCurrentUser(page)).map(toPersonalDataAccessType);
  }

  @Allow(Permission.ReadPersonalDataAccessLog)
  @OncePerRequest()
  @Query(() => PersonalDataAccessChainStatus, {
    description: "Recomputes the tenant's personal-data access log chain. Privacy officers.",
  })
  async verifyPersonalDataAccessChain(): Promise<PersonalDataAccessChainStatus> {
    return Object.assign(new PersonalDataAccessChainStatus(), await this.accessLog.verifyCurrentTenantChain());
  }
}
