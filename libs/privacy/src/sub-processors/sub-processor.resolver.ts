import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission, Public } from '@chancery/access';
import { AnnounceSubProcessorChangeInput, ObjectToSubProcessorChangeInput, PublicListArgs } from '../shared/privacy-office.inputs';
import { SubProcessor, SubProcessorChange, SubProcessorObjection } from './sub-processor.entity';
import { SubProcessorService } from './sub-processor.service';

@Resolver(() => SubProcessor)
export class SubProcessorResolver {
  constructor(private readonly lists: SubProcessorService) {}

  @Public()
  @Query(() => [SubProcessor], { description: "The sub-processors in force: the platform's, or a tenant's with its slug. Public." })
  subProcessors(@Args() args: PublicListArgs): Promise<SubProcessor[]> {
    return this.lists.publicList(args.tenantSlug);
  }

  @Public()
  @Query(() => [SubProcessorChange], { description: "Announced changes of the platform's or a tenant's sub-processors, newest first. Public." })
  subProcessorChanges(@Args() args: PublicListArgs): Promise<SubProcessorChange[]> {
    return this.lists.publicChanges(args.tenantSlug);
  }

  @Allow(Permission.AnnounceSubProcessorChange)
  @Mutation(() => SubProcessorChange, { description: "Announces a planned change of the tenant's list (the operator: the platform's) to every customer, with its objection window." })
  announceSubProcessorChange(@Args('input') input: AnnounceSubProcessorChangeInput): Promise<SubProcessorChange> {
    return this.lists.announce(input);
  }

  @Allow(Permission.ObjectToSubProcessorChange)
  @Mutation(() => SubProcessorObjection, { description: "Objects to a planned change within its window: a company to its tenant's, a tenant's administrator to the platform's." })
  objectToSubProcessorChange(@Args('input') input: ObjectToSubProcessorChangeInput): Promise<SubProcessorObjection> {
    return this.lists.object(input.changeId, input.reason);
  }

  @Allow(Permission.ReadSubProcessorObjections)
  @Query(() => [SubProcessorObjection], { description: "Customers' objections to the changes the tenant (the operator: the platform) announced, newest first." })
  subProcessorObjections(): Promise<SubProcessorObjection[]> {
    return this.lists.objections();
  }

  @Allow(Permission.ObjectToSubProcessorChange)
  @Query(() => [SubProcessorObjection], { description: "The objections the caller's company lodged to its tenant's changes (a tenant's administrator: the tenant's to the platform's), newest first." })
  lodgedSubProcessorObjections(): Promise<SubProcessorObjection[]> {
    return this.lists.lodgedObjections();
  }
}
