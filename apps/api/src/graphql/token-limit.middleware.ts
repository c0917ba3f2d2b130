import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits';

/**
 * The token limit, checked before Apollo parses the document. graphql-armor's Apollo plugin for it
 * throws from `parsingDidStart`, which Apollo answers with HTTP 500; counting with graphql's own lexer
 * here answers 400 and keeps a huge document from reaching the parser at all.
 */
@Injectable()
export class GraphQLTokenLimitMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const query = (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string' && exceedsTokenLimit(query, GRAPHQL_LIMITS.maxTokens)) {
      res.status(400).json({
        errors: [
          {
            message: `Token limit of ${GRAPHQL_LIMITS.maxTokens} exceeded.`,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
      return;
    }
    next();
  }
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
