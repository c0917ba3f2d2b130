import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Allow, AuthenticatedPerson, Permission } from '@chancery/access';
import { AuthSession } from './entities/auth-session.entity';
import { SessionsService } from './sessions.service';

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID) @IsUUID() sessionId: string;
}

@ArgsType()
export class SessionsOfUserArgs {
  @Field(() => ID) @IsUUID() userId: string;
}

@Resolver(() => AuthSession)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @AuthenticatedPerson()
  @Query(() => [AuthSession], { description: 'Your login sessions, newest first: where and since when.' })
  mySessions(): Promise<AuthSession[]> {
    return this.sessions.mine();
  }

  @Allow(Permission.ReadUserSessions)
  @Query(() => [AuthSession], { description: "A user's login sessions (privacy officer; the read is in the access log)." })
  sessionsOfUser(@Args() { userId }: SessionsOfUserArgs): Promise<AuthSession[]> {
    return this.sessions.ofUser(userId);
  }

  @AuthenticatedPerson()
  @Mutation(() => AuthSession, { description: 'Ends one of your sessions (a lost laptop): its tokens stop at once.' })
  endMySession(@Args() { sessionId }: SessionIdArgs): Promise<AuthSession> {
    return this.sessions.endMine(sessionId);
  }
}
