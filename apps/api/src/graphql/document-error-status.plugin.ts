import type { ApolloServerPlugin } from '@apollo/server';
import { DOCUMENT_ERROR_CODES, ErrorCode } from '@chancery/core';

/**
 * HTTP statuses for answers without data: a refused document is the client's fault (400, although
 * graphql-armor's token limit makes Apollo say 500), and a rate-limited request is 429 (with a
 * Retry-After header), so proxies and clients treat them as such.
 */
export const documentErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data !== undefined && data !== null)) return;
        const codes = errors.map((error) => String(error.extensions?.code));
        if (codes.every((code) => code === ErrorCode.TOO_MANY_REQUESTS)) {
          response.http.status = 429;
          // The throttler sets Retry-After itself; our own refusals (a busy server, an account's
          // back-off) say how long in details.retryAfterSeconds, or mean "in a moment".
          if (!response.http.headers.has('retry-after')) {
            const waits = errors.map((error) => Number((error.extensions?.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1));
            response.http.headers.set('retry-after', String(Math.max(1, ...waits)));
          }
        }
        else if (codes.every((code) => DOCUMENT_ERROR_CODES.has(code)) && (response.http.status ?? 200) >= 500) response.http.status = 400;
        // Apollo answers 200 so that its clients fall back to sending the document; ours always send it.
        else if (codes.every((code) => code === 'PERSISTED_QUERY_NOT_SUPPORTED')) response.http.status = 400;
      },
    };
  },
};
