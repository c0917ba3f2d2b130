import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import passport from 'passport';
import { ACCESS_RULE, AccessRule, demandPermission } from '@chancery/access';
import { Actor, Clock, CoreErrors, RequestContext, UnauthenticatedError } from '@chancery/core';
import type { HttpRequest } from '@chancery/core';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { AuthErrors } from './auth.errors';
import { HOLD_FOR_REQUEST } from './jwt.strategy';

export const API_KEY_HEADER = 'x-api-key';

/**
 * The one guard: establishes who is calling (bearer token or API key) and enforces the operation's
 * access rule. An operation without a rule is refused, whoever calls it (deny by default).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly authenticated = new WeakMap<HttpRequest, Promise<Actor>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly clock: Clock,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [execution.getHandler(), execution.getClass()]);
    const { request, readOnly } = requestOf(execution);
    if (!rule) {
      this.logger.error(`operation ${execution.getClass().name}.${execution.getHandler().name} declares no access rule`);
      throw CoreErrors.PERMISSION_REQUIRED('Not allowed');
    }
    const actor = await this.authenticate(request, readOnly);
    this.context.setActor(actor);
    this.permit(rule, actor);
    return true;
  }

  /** Once per HTTP request, however many root fields the GraphQL document has. */
  private authenticate(request: HttpRequest, readOnly: boolean): Promise<Actor> {
    let actor = this.authenticated.get(request);
    if (!actor) {
      // A query's session check opens the request's read-only unit of work, which its reads then join.
      (request as HttpRequest & { [HOLD_FOR_REQUEST]?: boolean })[HOLD_FOR_REQUEST] = readOnly;
      actor = this.authenticateOnce(request);
      this.authenticated.set(request, actor);
    }
    return actor;
  }

  private async authenticateOnce(request: HttpRequest): Promise<Actor> {
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

  private permit(rule: AccessRule, actor: Actor): void {
    if (rule.kind === 'public') return;
    if (actor.kind === 'anonymous') throw new UnauthenticatedError();
    if (rule.kind === 'person' && actor.kind !== 'user') throw CoreErrors.PERSON_REQUIRED('Only a logged-in person may do this, not an API key');
    // Until a required second factor is enrolled, the session may enrol and log out, nothing else.
    if (actor.secondFactorMissing && !(rule.kind === 'person' && rule.beforeSecondFactor)) {
      throw AuthErrors.SECOND_FACTOR_ENROLMENT_REQUIRED('Enrol a second factor first (beginTotpEnrolment)');
    }
    if (rule.kind === 'permission') demandPermission(actor, rule.permission, this.clock.now());
  }
}

function requestOf(execution: ExecutionContext): { request: HttpRequest; readOnly: boolean } {
  if (execution.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(execution);
    return { request: gql.getContext<{ req: HttpRequest }>().req, readOnly: gql.getInfo().operation.operation === 'query' };
  }
  const request = execution.switchToHttp().getRequest<HttpRequest>();
  return { request, readOnly: request.method === 'GET' || request.method === 'HEAD' };
}

const authenticationLogger = new Logger('Authentication');

/**
 * Every refused token gets the same answer as no token at all, so the answer does not tell a forger
 * whether the signature was good; the reason goes to the server's log only.
 */
function authenticateWithPassport(request: HttpRequest): Promise<Actor> {
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
