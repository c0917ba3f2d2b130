import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { CoreErrors } from '../errors/domain-error';

/**
 * The throttler guard, able to find the HTTP request behind a GraphQL operation, answering a refusal
 * as our RATE_LIMITED error with the standard `Retry-After` header (not one per throttler name).
 */
@Injectable()
export class GraphQLThrottlerGuard extends ThrottlerGuard {
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
