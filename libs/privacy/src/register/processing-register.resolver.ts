import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@chancery/access';
import { AddProcessingActivityInput, ProcessingActivityIdArgs, RegisterExportArgs } from '../shared/privacy-office.inputs';
import { ProcessingActivity } from './processing-activity.entity';
import { ProcessingRegisterService } from './processing-register.service';

@Resolver(() => ProcessingActivity)
export class ProcessingRegisterResolver {
  constructor(private readonly register: ProcessingRegisterService) {}

  @Allow(Permission.ReadProcessingRegister)
  @Query(() => String, { description: "The tenant's register of processing activities as controller (Art. 30(1)), as JSON or a Markdown document." })
  async processingRegister(@Args() args: RegisterExportArgs): Promise<string> {
    return this.register.render(await this.register.currentTenantRegister(), args.format);
  }

  @Allow(Permission.ReadPlatformProcessingRegister)
  @Query(() => String, { description: "The platform's register as processor for every tenant (Art. 30(2)), as JSON or a Markdown document." })
  async platformProcessingRegister(@Args() args: RegisterExportArgs): Promise<string> {
    return this.register.render(await this.register.platformRegister(), args.format);
  }

  @Allow(Permission.ReadProcessingRegister)
  @Query(() => [ProcessingActivity], { description: 'The entries the tenant added to its register itself.' })
  processingActivities(): Promise<ProcessingActivity[]> {
    return this.register.ownEntries();
  }

  @Allow(Permission.ManageProcessingRegister)
  @Mutation(() => ProcessingActivity, { description: 'Adds an entry the declarations do not cover (a newsletter, events, visitors).' })
  addProcessingActivity(@Args('input') input: AddProcessingActivityInput): Promise<ProcessingActivity> {
    return this.register.addEntry(input);
  }

  @Allow(Permission.ManageProcessingRegister)
  @Mutation(() => ProcessingActivity, { description: 'Removes an entry the tenant added; returns it as it was.' })
  removeProcessingActivity(@Args() args: ProcessingActivityIdArgs): Promise<ProcessingActivity> {
    return this.register.removeEntry(args.id);
  }
}
