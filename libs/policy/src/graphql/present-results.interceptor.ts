import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
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

/**
 * The GraphQL channel: every resolver's result passes through the output gate before graphql-js
 * sees it, with the fields the query selected. graphql-js then only reads properties of presented
 * copies: a field the viewer may not read is absent and resolves to null, at every depth.
 */
@Injectable()
export class PresentResultsInterceptor implements NestInterceptor {
  constructor(private readonly context: RequestContext) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    // HTTP routes are their own channel (they present what they send themselves).
    if (execution.getType<string>() !== 'graphql') return next.handle();
    const info = GqlExecutionContext.create(execution).getInfo();
    const selection = selectionOf(info);
    return next.handle().pipe(map((result: unknown) => present(this.context.actor, result, 'graphql', selection)));
  }
}
