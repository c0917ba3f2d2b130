import type { ApolloServerPlugin } from '@apollo/server';
import { ClsServiceManager } from 'nestjs-cls';
import type { RequestTally } from '@chancery/core';

export const STATEMENT_COUNT_HEADER = 'x-sql-statements';

/**
 * With EXPOSE_STATEMENT_COUNT, every GraphQL response says how many SQL statements it cost, the
 * COMMIT of a query's held unit (sent after the response) included. For tests and the benchmarks.
 */
export const statementCountPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const cls = ClsServiceManager.getClsService();
        const tally = cls.isActive() ? (cls.get('tally') as RequestTally | undefined) : undefined;
        if (!tally) return;
        const held = tally.heldUnit;
        const pendingCommit = held && held.started && !held.ended ? 1 : 0;
        response.http.headers.set(STATEMENT_COUNT_HEADER, String(tally.statements + pendingCommit));
      },
    };
  },
};
