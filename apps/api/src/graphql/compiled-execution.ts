import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, isObjectType, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { withoutStackTrace } from '@chancery/core';

/**
 * How many operations stay compiled, least recently used evicted first. The portal and the external
 * systems send a few dozen distinct documents; a compiled one holds generated code (about 100 kB), so
 * the bound keeps a stream of distinct documents from growing the process.
 */
const MAX_COMPILED_OPERATIONS = 200;
/** How many documents seen once are remembered (a key each), so a second sighting is recognised. */
const MAX_SEEN_ONCE = 2000;

/**
 * Executes operations with graphql-jit: each document is compiled once into a function that
 * resolves and serialises exactly the fields it selects, instead of graphql-js walking the
 * document for every field of every record (an arguments object, an info object and a path per
 * field: most of what a list query allocates). Parsing, validation (depth, cost, aliases, our
 * once-per-request rule), the resolvers, guards, interceptors and the output gate are the same;
 * only the walk changes.
 *
 * A document is compiled the second time it comes (graphql-js runs it the first time): compiling
 * costs more than one execution, and a one-off document (or a stream of them, each different) should
 * cost neither the compilation nor the memory.
 *
 * Apollo Server 5 takes a custom executor only through its gateway interface, so this is a
 * "gateway" over the local schema: Nest builds the schema, `capture` (its transformSchema hook)
 * hands it over before Apollo starts, and `load` gives Apollo the schema and the executor.
 */
export class CompiledExecution implements GatewayInterface {
  private schema: GraphQLSchema | undefined;
  /** Compiled operations by query hash and operation name, in order of last use. */
  private readonly compiled = new Map<string, CompiledQuery | ExecutionResult>();
  /** Operations run once, not compiled yet, oldest first. */
  private readonly seenOnce = new Set<string>();

  /** Nest's `transformSchema`: the schema Apollo will serve. */
  readonly capture = (schema: GraphQLSchema): GraphQLSchema => {
    withoutPropertyReaders(schema);
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    callback({ apiSchema: this.loadedSchema(), coreSupergraphSdl: printSchema(this.loadedSchema()) });
    return () => undefined;
  }

  load(): Promise<{ executor: GatewayExecutor }> {
    this.loadedSchema();
    return Promise.resolve({
      // The operation the client asked for (request.operationName), not the one Apollo resolved
      // (operationName, null when none matched): with the resolved one, a document's only operation
      // ran under any name asked for, and Apollo, finding no operation and no error, answered 500.
      executor: (requestContext) => {
        const operationName = requestContext.request.operationName ?? null;
        return this.execute(`${requestContext.queryHash}:${operationName ?? ''}`, requestContext.document, operationName, requestContext.context, requestContext.request.variables);
      },
    });
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async execute(key: string, document: DocumentNode, operationName: string | null, contextValue: unknown, variableValues: Record<string, unknown> | undefined): Promise<ExecutionResult> {
    const compiled = this.compiledFor(key, document, operationName ?? undefined);
    if (!compiled) return execute({ schema: this.loadedSchema(), document, operationName, contextValue, variableValues });
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

  /** The compiled operation, compiling it on its second sighting; undefined the first time. */
  private compiledFor(key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult | undefined {
    let compiled = this.compiled.get(key);
    if (compiled) {
      // Most recently used last: the first key is the one to evict.
      this.compiled.delete(key);
      this.compiled.set(key, compiled);
      return compiled;
    }
    if (!this.seenOnce.delete(key)) {
      this.seenOnce.add(key);
      if (this.seenOnce.size > MAX_SEEN_ONCE) this.seenOnce.delete(this.seenOnce.values().next().value!);
      return undefined;
    }
    compiled = compileQuery(this.loadedSchema(), document, operationName);
    this.compiled.set(key, compiled);
    if (this.compiled.size > MAX_COMPILED_OPERATIONS) this.compiled.delete(this.compiled.keys().next().value!);
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
  // The stack that matters is the original error's (GraphQLError takes it over): none of its own.
  const rebuilt = withoutStackTrace(
    () => new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined }),
  );
  if (error.locations) (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

/**
 * Takes off the resolvers that only read the parent's property of the field's own name, which Nest
 * gives every field it builds (its `rootFieldResolver`, for fields without middleware). A field
 * without a resolver is the same read to graphql-js (its default resolver) and, to graphql-jit, a
 * property access in the compiled code; a field with one costs graphql-jit, for every field of every
 * record, an info object, a path, an arguments object and three closures: for a list of 20 records of
 * 16 fields, a quarter of what the request allocated. Each resolver is tried once on a stand-in
 * parent: it stays unless it read exactly that one property and gave what it found, or nothing when
 * there was nothing (a default value, a differently named property or middleware keep their resolver).
 */
export function withoutPropertyReaders(schema: GraphQLSchema): number {
  let removed = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && readsOnlyItsProperty(field.resolve, field.name)) {
        field.resolve = undefined;
        removed += 1;
      }
    }
  }
  return removed;
}

const FOUND = Symbol('the value the stand-in parent holds');

function readsOnlyItsProperty(resolve: (...args: never[]) => unknown, fieldName: string): boolean {
  if (resolve.name !== 'rootFieldResolver') return false;
  // Once with the property holding a value (given back as it is), once without it (nothing in its place).
  const probe = (value: unknown) => {
    const read: PropertyKey[] = [];
    const parent = new Proxy({}, { get: (_target, key) => (read.push(key), value) });
    const result = (resolve as (parent: unknown) => unknown)(parent);
    return result === value && read.length === 1 && read[0] === fieldName;
  };
  try {
    return probe(FOUND) && probe(undefined);
  } catch {
    return false;
  }
}
