import { GraphQLFieldResolver, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import type { Actor } from '@chancery/core';
import { registerOutputChannel } from '../gate/output-channels';
import { present } from '../gate/output-gate';
import { selectionOf } from './graphql-selection';

registerOutputChannel({
  name: 'graphql',
  purpose: 'graphql',
  where: 'libs/policy/src/graphql/gated-resolvers.ts (every resolver of the schema, root and field)',
});

const GATED = Symbol('the resolver passes its results through the output gate');

type Resolver = GraphQLFieldResolver<unknown, unknown> & { [GATED]?: true };

/**
 * The GraphQL channel: every resolver of the schema (Nest's root fields and `@ResolveField`s, with
 * their guards, pipes and filters inside) hands its result to the output gate, with the fields the
 * query selected, before graphql-js or graphql-jit reads a property of it. A field the viewer may not
 * read is absent from the presented copy and resolves to null, at every depth.
 *
 * At the schema rather than as a Nest interceptor: an interceptor costs each resolver call an
 * Observable chain (rxjs `defer`, `mergeAll`, `lastValueFrom`, two bound async scopes), about 6 % of
 * a one-field query (docs/performance.md); here it is one `then`. Fields without a resolver read a
 * property of a record their parent's resolver already presented.
 *
 * Call it on the schema Apollo will serve, after anything that takes resolvers away
 * (`withoutPropertyReaders`); `actor` is the caller when the result is ready (after the guards).
 * Returns how many resolvers it gated; a resolver gated already is left as it is.
 */
export function gateResolvers(schema: GraphQLSchema, actor: () => Actor): number {
  let gated = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as Resolver | undefined;
      if (!resolve || resolve[GATED]) continue;
      // Nest's exception filters return a refusal rather than throw it (graphql-js reports a returned
      // Error as the field's error): it is no record, and goes to the error formatter as it is.
      const presented = (value: unknown, info: GraphQLResolveInfo) => (value instanceof Error ? value : present(actor(), value, 'graphql', selectionOf(info)));
      const gatedResolve: Resolver = (source, args, context, info) => {
        const result = resolve(source, args, context, info);
        return isPromiseLike(result) ? result.then((value) => presented(value, info)) : presented(result, info);
      };
      gatedResolve[GATED] = true;
      field.resolve = gatedResolve;
      gated += 1;
    }
  }
  return gated;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
