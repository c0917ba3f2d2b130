import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ClsServiceManager } from 'nestjs-cls';
import type { RequestContextStore } from '@chancery/core';

export const STATEMENT_COUNT_HEADER = 'x-sql-statements';

/**
 * With EXPOSE_STATEMENT_COUNT, every GraphQL response says how many SQL statements it cost, the
 * COMMIT of a query's held unit (sent after the response) included. For tests and the benchmarks.
 */
export const statementCountPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const count = statementsOfRequest();
        if (count !== null) response.http.headers.set(STATEMENT_COUNT_HEADER, String(count));
      },
    };
  },
};

function statementsOfRequest(): number | null {
  const tally = (ClsServiceManager.getClsService().get() as RequestContextStore | undefined)?.tally;
  if (!tally) return null;
  const held = tally.heldUnit;
  const pendingCommit = held && held.started && !held.ended ? 1 : 0;
  return tally.statements + pendingCommit;
}

/**
 * The same header on the plain HTTP routes (the public GET forms), set as the head is written:
 * the handler's statements are done by then. An `onRequest` hook, only with EXPOSE_STATEMENT_COUNT.
 */
export function exposeStatementCount(response: ServerResponse, next: () => void): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!this.headersSent && !this.hasHeader(STATEMENT_COUNT_HEADER)) {
      const count = statementsOfRequest();
      if (count !== null) this.setHeader(STATEMENT_COUNT_HEADER, String(count));
    }
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
  next();
}
