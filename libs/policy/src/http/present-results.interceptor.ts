import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { RequestContext } from '@chancery/core';
import { registerOutputChannel } from '../gate/output-channels';
import { present } from '../gate/output-gate';

registerOutputChannel({
  name: 'http',
  purpose: 'http',
  where: 'libs/policy/src/http/present-results.interceptor.ts (every HTTP route’s result; every controller declares it, a test checks)',
});

const WITHOUT_RECORDS = 'chancery:output-without-records';

/**
 * Marks an HTTP route whose answer holds no records (health checks): its result is sent as it is.
 * The one way around the gate for a route; say why, so a reader of `grep OutputWithoutRecords` knows.
 */
export const OutputWithoutRecords = (why: string) => SetMetadata(WITHOUT_RECORDS, why);

/**
 * The HTTP channel: every route's result passes the output gate before it is sent. Every controller
 * declares it first among its interceptors (`@UseInterceptors(PresentResultsInterceptor, …)`, so it
 * presents what the others made), and the architecture test fails for a controller that does not.
 * GraphQL's resolvers are gated at the schema instead (gateResolvers): a global interceptor would
 * cost every resolver call an Observable chain.
 */
@Injectable()
export class PresentResultsInterceptor implements NestInterceptor {
  constructor(
    private readonly context: RequestContext,
    private readonly reflector: Reflector,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<string>() !== 'http') throw new Error(`PresentResultsInterceptor is the HTTP channel; ${execution.getType()} outputs are gated elsewhere`);
    if (this.reflector.get<string | undefined>(WITHOUT_RECORDS, execution.getHandler())) return next.handle();
    return next.handle().pipe(map((result: unknown) => present(this.context.actor, result, 'http')));
  }
}
