import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@chancery/access';
import { BreachIdArgs, RecordBreachAuthorityNotificationInput, RegisterBreachInput } from '../shared/privacy-office.inputs';
import { Breach } from './breach.entity';
import { BreachService } from './breach.service';

@Resolver(() => Breach)
export class BreachResolver {
  constructor(private readonly register: BreachService) {}

  @Allow(Permission.ReadBreaches)
  @Query(() => [Breach], { description: "The tenant's breach register, newest awareness first." })
  breaches(): Promise<Breach[]> {
    return this.register.list();
  }

  @Allow(Permission.ReadBreaches)
  @Query(() => Breach, { description: 'One breach with its deadline and its notification draft.' })
  breach(@Args() args: BreachIdArgs): Promise<Breach> {
    return this.register.get(args.breachId);
  }

  @Allow(Permission.ManageBreaches)
  @Mutation(() => Breach, { description: 'Registers a breach (notifiable or not); the people affected are derived from the categories and records involved.' })
  registerBreach(@Args('input') input: RegisterBreachInput): Promise<Breach> {
    return this.register.register(input);
  }

  @Allow(Permission.ManageBreaches)
  @Mutation(() => Breach, { description: 'Records the notification to the supervisory authority (after 72 hours, with the reasons for the delay).' })
  recordBreachAuthorityNotification(@Args('input') input: RecordBreachAuthorityNotificationInput): Promise<Breach> {
    return this.register.recordAuthorityNotification(input.breachId, input.notifiedAt, input.delayReason);
  }

  @Allow(Permission.ManageBreaches)
  @Mutation(() => Breach, { description: 'Tells each person affected by a breach of high risk, by e-mail in their language (Art. 34).' })
  notifyBreachSubjects(@Args() args: BreachIdArgs): Promise<Breach> {
    return this.register.notifySubjects(args.breachId);
  }
}
