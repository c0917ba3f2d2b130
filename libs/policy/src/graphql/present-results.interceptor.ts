import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { map, Observable } from 'rxjs';
import { RequestContext } from '@chancery/core';
import { registerOutputChannel } from '../gate/output-channels';
import { present } from '../gate/output-gate';
import { selectionOf } from './graphql-selection';

registerOutputChannel({
  name: 'graphql',
  purpose: 'graphql',
  where: 'libs/policy/src/graphql/present-results.interceptor.ts (every resolver, root and field)',
});
registerOutputChannel({
  name: 'http',
  purpose: 'http',
  where: 'libs/policy/src/graphql/present-results.interceptor.ts (every HTTP route’s result)',
});

const WITHOUT_RECORDS = 'chancery:output-without-records';

/**
 * Marks an HTTP route whose answer holds no records (health checks): its result is sent as it is.
 * The one way around the gate for a route; say why, so a reader of `grep OutputWithoutRecords` knows.
 */
export const OutputWithoutRecords = (why: string) => SetMetadata(WITHOUT_RECORDS, why);

/**
 * The GraphQL and HTTP channels: every resolver's and route's result passes the output gate before it
 * is sent (GraphQL: with the fields the query selected). graphql-js then only reads properties of
 * presented copies: a field the viewer may not read is absent and resolves to null, at every depth.
 */
@Injectable()
export class PresentResultsInterceptor implements NestInterceptor {
  constructor(
    private readonly context: RequestContext,
    private readonly reflector: Reflector,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType<string>() === 'graphql') {
      const selection = selectionOf(GqlExecutionContext.create(execution).getInfo());
      return next.handle().pipe(map((result: unknown) => present(this.context.actor, result, 'graphql', selection)));
    }
    if (this.reflector.get<string | undefined>(WITHOUT_RECORDS, execution.getHandler())) return next.handle();
    return next.handle().pipe(map((result: unknown) => present(this.context.actor, result, 'http')));
  }
}
