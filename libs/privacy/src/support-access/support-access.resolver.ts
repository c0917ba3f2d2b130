import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@chancery/access';
import { SupportAccount } from './support-account.entity';
import { RefuseSupportAccessArgs, RequestSupportAccessInput, SupportApplicationArgs, SupportApplicationsArgs, SupportGrantIdArgs } from './support-access.inputs';
import { SupportAccessService } from './support-access.service';
import { SupportGrant } from './support-grant.entity';
import { SupportCertificateApplication, SupportDatasheet, SupportOrganisation } from './support-views.entity';

@Resolver(() => SupportGrant)
export class SupportAccessResolver {
  constructor(private readonly support: SupportAccessService) {}

  @Allow(Permission.RequestSupportAccess)
  @Mutation(() => SupportGrant, { description: "The operator asks a tenant for a time-boxed support grant, with a purpose; the tenant's administrator decides." })
  requestSupportAccess(@Args('input') input: RequestSupportAccessInput): Promise<SupportGrant> {
    return this.support.request(input.tenantId, input.purpose, input.durationMinutes);
  }

  @Allow(Permission.ReadSupportGrants)
  @Query(() => [SupportGrant], { description: "The support grants asked of the tenant (the operator: its own requests), newest first." })
  supportGrants(): Promise<SupportGrant[]> {
    return this.support.list();
  }

  @Allow(Permission.DecideSupportAccess)
  @Mutation(() => SupportGrant, { description: 'Lets the operator in from now for the duration it asked; the grant ends itself then.' })
  approveSupportAccess(@Args() args: SupportGrantIdArgs): Promise<SupportGrant> {
    return this.support.approve(args.grantId);
  }

  @Allow(Permission.DecideSupportAccess)
  @Mutation(() => SupportGrant, { description: "Refuses the operator's request." })
  refuseSupportAccess(@Args() args: RefuseSupportAccessArgs): Promise<SupportGrant> {
    return this.support.refuse(args.grantId, args.reason);
  }

  @Allow(Permission.DecideSupportAccess)
  @Mutation(() => SupportGrant, { description: 'Ends a running support grant now, before its end time.' })
  endSupportAccess(@Args() args: SupportGrantIdArgs): Promise<SupportGrant> {
    return this.support.end(args.grantId);
  }

  @Allow(Permission.ReadUnderSupportGrant)
  @Query(() => [SupportAccount], { description: "The tenant's active accounts, for the operator during a running support grant; each read is in the tenant's access log." })
  supportAccounts(@Args() args: SupportGrantIdArgs): Promise<SupportAccount[]> {
    return this.support.accountsUnderGrant(args.grantId);
  }

  @Allow(Permission.ReadUnderSupportGrant)
  @Query(() => [SupportOrganisation], { description: "The tenant's customer companies, for the operator during a running support grant; each read is in the tenant's access log." })
  supportOrganisations(@Args() args: SupportGrantIdArgs): Promise<SupportOrganisation[]> {
    return this.support.organisationsUnderGrant(args.grantId);
  }

  @Allow(Permission.ReadUnderSupportGrant)
  @Query(() => [SupportCertificateApplication], { description: "The tenant's certificate applications (never a draft), for the operator during a running support grant; each read is in the tenant's access log." })
  supportCertificateApplications(@Args() args: SupportApplicationsArgs): Promise<SupportCertificateApplication[]> {
    return this.support.applicationsUnderGrant(args.grantId, args.first);
  }

  @Allow(Permission.ReadUnderSupportGrant)
  @Query(() => SupportCertificateApplication, { description: "One certificate application of the tenant (never a draft), for the operator during a running support grant; the read is in the tenant's access log." })
  supportCertificateApplication(@Args() args: SupportApplicationArgs): Promise<SupportCertificateApplication> {
    return this.support.applicationUnderGrant(args.grantId, args.applicationId);
  }

  @Allow(Permission.ReadUnderSupportGrant)
  @Query(() => [SupportDatasheet], { description: "The tenant's datasheets with their latest version, for the operator during a running support grant (read only); each read is in the tenant's access log." })
  supportDatasheets(@Args() args: SupportGrantIdArgs): Promise<SupportDatasheet[]> {
    return this.support.datasheetsUnderGrant(args.grantId);
  }
}
