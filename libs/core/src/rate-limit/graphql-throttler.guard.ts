import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import type { ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler/dist/throttler.guard.interface';
import { CoreErrors } from '../errors/domain-error';

/** What one throttler counts for one operation (the throttlers it opts out of with `@SkipThrottle` have none). */
type Step = Omit<ThrottlerRequest, 'context'>;

/**
 * The throttler guard, able to find the HTTP request behind a GraphQL operation, answering a refusal
 * as our RATE_LIMITED error with the standard `Retry-After` header (not one per throttler name).
 */
@Injectable()
export class GraphQLThrottlerGuard extends ThrottlerGuard {
  /**
   * Each operation's limits, read from its decorators once. The library reads six decorator values per
   * throttler on every request and awaits each number; an operation's decorators cannot change, so the
   * numbers are the same every time. An operation whose limit or window is a function of the request
   * (none of ours) is left to the library's own path (`null`).
   */
  private readonly stepsByHandler = new WeakMap<object, { classRef: object; steps: Step[] | null }>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const steps = this.stepsOf(context);
    if (!steps) return super.canActivate(context);
    for (const step of steps) {
      // A throttler's skipIf is a function of the request: asked every time, as the library asks it.
      if ((step.throttler.skipIf ?? this.commonOptions.skipIf)?.(context)) continue;
      // The library's own counting, headers and refusal.
      await this.handleRequest({ context, ...step });
    }
    return true;
  }

  private stepsOf(context: ExecutionContext): Step[] | null {
    const handler = context.getHandler();
    const classRef = context.getClass();
    const known = this.stepsByHandler.get(handler);
    if (known?.classRef === classRef) return known.steps;
    const steps = this.readSteps(handler, classRef);
    this.stepsByHandler.set(handler, { classRef, steps });
    return steps;
  }

  private readSteps(handler: object, classRef: object): Step[] | null {
    const steps: Step[] = [];
    for (const throttler of this.throttlers) {
      const read = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key + throttler.name, [handler as never, classRef as never]);
      if (read<boolean>(THROTTLER_SKIP)) continue;
      const limit = read<unknown>(THROTTLER_LIMIT) ?? throttler.limit;
      const ttl = read<unknown>(THROTTLER_TTL) ?? throttler.ttl;
      const blockDuration = read<unknown>(THROTTLER_BLOCK_DURATION) ?? throttler.blockDuration ?? ttl;
      if (typeof limit !== 'number' || typeof ttl !== 'number' || typeof blockDuration !== 'number') return null;
      steps.push({
        throttler,
        limit,
        ttl,
        blockDuration,
        getTracker: read<ThrottlerRequest['getTracker']>(THROTTLER_TRACKER) ?? throttler.getTracker ?? this.commonOptions.getTracker!,
        generateKey: read<ThrottlerRequest['generateKey']>(THROTTLER_KEY_GENERATOR) ?? throttler.generateKey ?? this.commonOptions.generateKey!,
      });
    }
    return steps;
  }

  protected override getRequestResponse(context: ExecutionContext) {
    if (context.getType<string>() === 'graphql') {
      const { req, res } = GqlExecutionContext.create(context).getContext<{ req: Record<string, unknown>; res: Record<string, unknown> }>();
      return { req, res };
    }
    return super.getRequestResponse(context);
  }

  protected override setResponseHeader(res: { header?: (name: string, value: unknown) => void; setHeader?: (name: string, value: unknown) => void }, name: string, value: unknown): void {
    super.setResponseHeader(res as never, name.startsWith('Retry-After') ? 'Retry-After' : name, value as never);
  }

  // The key needs to be unique, not secret: a plain string instead of a SHA-256 per request.
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return `${context.getClass().name}.${context.getHandler().name}.${name}.${suffix}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw CoreErrors.RATE_LIMITED('Too many requests; try again later', { details: { retryAfterSeconds: Math.max(1, Math.ceil(detail.timeToBlockExpire)) } });
  }
}
