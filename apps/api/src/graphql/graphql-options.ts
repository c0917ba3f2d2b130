import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig, DateTimeScalar, formatGraphQLError, oncePerRequestRule, RequestContext, responseHeadersOf } from '@chancery/core';
import { gateResolvers } from '@chancery/policy';
import type { HttpReply, HttpRequest } from '@chancery/core';
import { documentErrorStatusPlugin } from './document-error-status.plugin';
import { asOneListener } from './one-listener.plugin';
import { statementCountPlugin } from './statement-count.plugin';
import { CompiledExecution } from './compiled-execution';
import { GRAPHQL_COST_WEIGHTS, GRAPHQL_LIMITS } from './graphql-limits';

export { GRAPHQL_LIMITS } from './graphql-limits';

export const GRAPHQL_PATH = '/graphql';

/**
 * Apollo Server's options. `personalDataAccessLog`: the privacy context's plugin (every plugin of the
 * server is listed here, none is discovered).
 */
export function graphqlOptions(config: AppConfig, context: RequestContext, personalDataAccessLog: ApolloServerPlugin): ApolloDriverConfig {
  const armor = new ApolloArmor({
    // Where introspection is on (not in production), the standard introspection query of GraphiQL,
    // Apollo Sandbox, Postman and codegen is deeper and costlier than any operation of ours: let it be.
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: !config.isProduction, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, allowList: [] },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // Counted before parsing by installGraphQLTokenLimit (see there why not here).
    maxTokens: { enabled: false },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...GRAPHQL_COST_WEIGHTS, ignoreIntrospection: !config.isProduction },
    // Suggestions ("did you mean …") reveal the schema; off where introspection is off.
    blockFieldSuggestion: { enabled: config.isProduction },
  });
  const protection = armor.protect();
  const execution = new CompiledExecution();
  return {
    // The schema is built in memory at start; `npm run schema:generate` writes schema.graphql, and a
    // test fails when the committed file drifts from the code.
    autoSchemaFile: true,
    sortSchema: true,
    // Every Date is our strict DateTime (four-digit years PostgreSQL stores), not Nest's `new Date(anything)`.
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    path: GRAPHQL_PATH,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries: the portal sends whole documents; left on, a made-up hash or version
    // reached the error formatter as an unknown error (500-like answer, an ERROR log line per request).
    persistedQueries: false,
    playground: false,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { hideSuggestions: config.isProduction }),
    // Nest would reset every answer with a `data` key to 200, undoing the 429 of a rate-limited
    // operation; our formatter sets no http status on errors, so only documentErrorStatusPlugin sets one.
    preserveHttpStatusForExecutionErrors: false,
    plugins: [
      // Apollo installs its cache-control plugin by default: it wraps the resolution of every field to
      // compute a Cache-Control header from @cacheControl hints, and the schema has none. Its inline
      // trace plugin is for federated subgraphs, which this is not.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      asOneListener([...protection.plugins, documentErrorStatusPlugin, personalDataAccessLog, ...(config.EXPOSE_STATEMENT_COUNT ? [statementCountPlugin] : [])]),
    ],
    validationRules: [...protection.validationRules, oncePerRequestRule],
    // Operations run compiled (graphql-jit): see CompiledExecution. Nest's type leaves out `gateway`
    // (meant for federation); Nest hands every option to Apollo Server as it is.
    ...({ gateway: execution } as Partial<ApolloDriverConfig>),
    // The schema Apollo serves: Nest's property readers taken away (CompiledExecution), then every
    // remaining resolver's result through the output gate, as the caller may see it.
    transformSchema: (schema) => {
      execution.capture(schema);
      gateResolvers(schema, () => context.actor);
      return schema;
    },
    // Apollo's Fastify integration calls it with the request and the reply; resolvers get the reply's
    // headers only (see ResponseHeaders: the reply itself would stall any resolver that takes it).
    context: (req: HttpRequest, reply: HttpReply) => ({ req, res: responseHeadersOf(reply) }),
  };
}
