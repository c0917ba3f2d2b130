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
  const withinLimit = new WithinTokenLimit(GRAPHQL_LIMITS.maxTokens);
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.routeOptions.url !== path) return done();
    const query = (request.body as { query?: unknown } | undefined)?.query ?? (request.query as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && !withinLimit.test(query)) {
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

/** Characters of documents remembered as within the limit, all together (oldest forgotten first). */
const REMEMBERED_CHARACTERS = 1024 * 1024;

/**
 * The token limit's verdict, remembered for the documents found within it. Clients send the same few
 * documents again and again, and counting lexes the whole text each time (a tenth of what Apollo
 * itself spends on a request); a verdict depends on the text alone, so a remembered one is exact.
 * Only documents within the limit are remembered (one over it is refused before it costs more), and at
 * most REMEMBERED_CHARACTERS of them, so a stream of distinct documents cannot grow the process.
 */
export class WithinTokenLimit {
  /** Documents within the limit, oldest first (a Set keeps insertion order). */
  private readonly remembered = new Set<string>();
  private rememberedCharacters = 0;

  constructor(
    private readonly limit: number,
    private readonly capacity = REMEMBERED_CHARACTERS,
  ) {}

  test(query: string): boolean {
    if (this.remembered.has(query)) return true;
    if (exceedsTokenLimit(query, this.limit)) return false;
    this.remember(query);
    return true;
  }

  /** How many characters the remembered documents hold (for the spec). */
  get size(): number {
    return this.rememberedCharacters;
  }

  private remember(query: string): void {
    if (query.length > this.capacity) return;
    this.remembered.add(query);
    this.rememberedCharacters += query.length;
    for (const oldest of this.remembered) {
      if (this.rememberedCharacters <= this.capacity) break;
      this.remembered.delete(oldest);
      this.rememberedCharacters -= oldest.length;
    }
  }
}
