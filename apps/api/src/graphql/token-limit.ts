import type { FastifyInstance } from 'fastify';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits';

/**
 * The token limit, checked before Apollo parses the document (a hook between body parsing and the
 * handler of the GraphQL route). graphql-armor's Apollo plugin for it throws from `parsingDidStart`,
 * which Apollo answers with HTTP 500; counting with graphql's own lexer here answers 400 and keeps a
 * huge document from reaching the parser at all.
 */
export function installGraphQLTokenLimit(fastify: FastifyInstance, path: string): void {
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== path) return done();
    const query = (request.body as { query?: unknown } | undefined)?.query ?? (request.query as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && exceedsTokenLimit(query, GRAPHQL_LIMITS.maxTokens)) {
      void reply.code(400).send({
        errors: [
          {
            message: `Token limit of ${GRAPHQL_LIMITS.maxTokens} exceeded.`,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
      return;
    }
    done();
  });
}

export function exceedsTokenLimit(query: string, limit: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; count <= limit; count += 1) {
      if (lexer.advance().kind === TokenKind.EOF) return false;
    }
    return true;
  } catch (error) {
    // A lexical error is the parser's to report, with its usual message and code.
    if (error instanceof GraphQLError) return false;
    throw error;
  }
}
