import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** How many distinct operations stay compiled (ours are a few hundred; anything beyond is evicted oldest first). */
const MAX_COMPILED_OPERATIONS = 1000;

/**
 * Executes operations with graphql-jit: each document is compiled once into a function that
 * resolves and serialises exactly the fields it selects, instead of graphql-js walking the
 * document for every field of every record (an arguments object, an info object and a path per
 * field: most of what a list query allocates). Parsing, validation (depth, cost, aliases, our
 * once-per-request rule), the resolvers, guards, interceptors and the output gate are the same;
 * only the walk changes.
 *
 * Apollo Server 5 takes a custom executor only through its gateway interface, so this is a
 * "gateway" over the local schema: Nest builds the schema, `capture` (its transformSchema hook)
 * hands it over before Apollo starts, and `load` gives Apollo the schema and the executor.
 */
export class CompiledExecution implements GatewayInterface {
  private schema: GraphQLSchema | undefined;
  /** Compiled operations per parsed document (Apollo's document store hands back the same object for the same text). */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  /** Insertion order of the documents above, to bound how many are kept. */
  private readonly order: DocumentNode[] = [];

  /** Nest's `transformSchema`: the schema Apollo will serve. */
  readonly capture = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    callback({ apiSchema: this.loadedSchema(), coreSupergraphSdl: printSchema(this.loadedSchema()) });
    return () => undefined;
  }

  load(): Promise<{ executor: GatewayExecutor }> {
    this.loadedSchema();
    return Promise.resolve({ executor: (requestContext) => this.execute(requestContext.document, requestContext.operationName, requestContext.context, requestContext.request.variables) });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(document: DocumentNode, operationName: string | null, contextValue: unknown, variableValues: Record<string, unknown> | undefined): Promise<ExecutionResult> {
    const compiled = this.compiledFor(document, operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return compiled;
    // (graphql-jit names the compiled operation `query`; it sends no SQL: the resolvers' repositories do.)
    const { query: run } = compiled;
    const result = (await run(undefined, contextValue, variableValues ?? {})) as ExecutionResult;
    if ('data' in result) return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
    // No `data`: graphql-jit refused the variables before running anything. It also refuses an omitted
    // non-null input field that has a default, which GraphQL allows, and its refusals are not worded
    // as Apollo recognises them (BAD_USER_INPUT). graphql-js coerces them as the specification says
    // and words any refusal the standard way.
    return execute({ schema: this.loadedSchema(), document, operationName, contextValue, variableValues });
  }

  private compiledFor(document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult {
    let byName = this.compiled.get(document);
    if (!byName) {
      byName = new Map();
      this.compiled.set(document, byName);
      this.order.push(document);
      if (this.order.length > MAX_COMPILED_OPERATIONS) this.compiled.delete(this.order.shift()!);
    }
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) {
      compiled = compileQuery(this.loadedSchema(), document, operationName);
      byName.set(key, compiled);
    }
    return compiled;
  }

  private loadedSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('CompiledExecution: the schema was not captured (transformSchema) before Apollo started');
    return this.schema;
  }
}

/**
 * graphql-jit's errors imitate graphql-js's without `extensions` (Apollo reads `extensions.code` of
 * every error): the same error as graphql-js makes it, keeping what the resolver threw (our
 * formatter answers a domain error with its code), the path and the locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
