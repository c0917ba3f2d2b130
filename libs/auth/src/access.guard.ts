import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import passport from 'passport';
import {
  ACCESS_RULE,
  AccessRule,
  Actor,
  Clock,
  ForbiddenError,
  hasRole,
  RequestContext,
  UnauthenticatedError,
} from '@chancery/core';
import { STEP_UP_WINDOW_MS } from './auth.service';
import { ApiKeyAuthenticator } from './api-key.authenticator';

export const API_KEY_HEADER = 'x-api-key';

/**
 * The one guard: establishes who is calling (bearer token or API key) and enforces the operation's
 * access rule. An operation without a rule is refused, whoever calls it (deny by default).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly clock: Clock,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [execution.getHandler(), execution.getClass()]);
    const request = requestOf(execution);
    if (execution.getType<string>() === 'graphql') {
      this.context.setOperation(GqlExecutionContext.create(execution).getInfo().fieldName);
    }
    if (!rule) {
      this.logger.error(`operation ${execution.getClass().name}.${execution.getHandler().name} declares no access rule`);
      throw new ForbiddenError();
    }
    const actor = await this.authenticate(request);
    this.context.setActor(actor);
    return this.permits(rule, actor);
  }

  /** Once per HTTP request, however many root fields the GraphQL document has. */
  private authenticate(request: Request): Promise<Actor> {
    let actor = this.authenticated.get(request);
    if (!actor) {
      actor = this.authenticateOnce(request);
      this.authenticated.set(request, actor);
    }
    return actor;
  }

  private readonly authenticated = new WeakMap<Request, Promise<Actor>>();

  private async authenticateOnce(request: Request): Promise<Actor> {
    // A presented credential is checked even on public operations: a bad token is an error, never
    // a silent downgrade to anonymous.
    if (request.headers.authorization !== undefined) return authenticateWithPassport(request);
    const apiKey = request.headers[API_KEY_HEADER];
    if (apiKey !== undefined) {
      const actor = typeof apiKey === 'string' ? await this.apiKeys.authenticate(apiKey) : null;
      if (!actor) throw new UnauthenticatedError();
      return actor;
    }
    return this.context.actor;
  }

  private permits(rule: AccessRule, actor: Actor): boolean {
    if (rule.kind === 'public') return true;
    if (actor.kind === 'anonymous') throw new UnauthenticatedError();
    if (rule.kind === 'authenticated') return true;
    if (rule.kind === 'person') {
      if (actor.kind !== 'user') throw new ForbiddenError('Only a logged-in person may do this, not an API key');
      return true;
    }
    if (!hasRole(actor, ...rule.roles)) throw new ForbiddenError();
    if (actor.secondFactorMissing) throw new ForbiddenError('Enrol a second factor first (beginTotpEnrolment)');
    if (rule.stepUp) {
      const fresh = actor.steppedUpAt && this.clock.now().getTime() - actor.steppedUpAt.getTime() <= STEP_UP_WINDOW_MS;
      if (!fresh) throw new ForbiddenError('A recent second-factor check (stepUp) is required');
    }
    return true;
  }
}

function requestOf(execution: ExecutionContext): Request {
  if (execution.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(execution).getContext<{ req: Request }>().req;
  }
  return execution.switchToHttp().getRequest<Request>();
}

const authenticationLogger = new Logger('Authentication');

/**
 * Every refused token gets the same answer as no token at all, so the answer does not tell a forger
 * whether the signature was good; the reason goes to the server's log only.
 */
function authenticateWithPassport(request: Request): Promise<Actor> {
  return new Promise((resolve, reject) => {
    passport.authenticate('jwt', { session: false }, (error: unknown, actor: Actor | false, info: unknown) => {
      if (error || !actor) {
        const reason = error instanceof Error ? error.message : info instanceof Error ? info.message : 'no token';
        authenticationLogger.debug(`access token refused: ${reason}`);
        return reject(new UnauthenticatedError());
      }
      resolve(actor);
    })(request, undefined, () => undefined);
  });
}
