import { Args, ArgsType, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Allow, AuthenticatedPerson, Permission } from '@chancery/access';
import { RequestContext } from '@chancery/core';
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
  constructor(
    private readonly sessions: SessionsService,
    private readonly context: RequestContext,
  ) {}

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

  /** Which of the listed sessions is the one asking (to mark "this device", and not end it by mistake). */
  @ResolveField(() => Boolean, { nullable: true, description: 'Whether this is the session making the request.' })
  current(@Parent() session: AuthSession): boolean {
    return session.id !== undefined && session.id === this.context.actor.sessionId;
  }
}
