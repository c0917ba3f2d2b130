import type { ApolloServerPlugin } from '@apollo/server';
import { DOCUMENT_ERROR_CODES, ErrorCode } from '@chancery/core';

/**
 * HTTP statuses for answers without data: a refused document is the client's fault (400, although
 * graphql-armor's token limit makes Apollo say 500), and a rate-limited request is 429 (with the
 * Retry-After header the throttler set), so proxies and clients treat them as such.
 */
export const documentErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data !== undefined && data !== null)) return;
        const codes = errors.map((error) => String(error.extensions?.code));
        if (codes.every((code) => code === ErrorCode.TOO_MANY_REQUESTS)) response.http.status = 429;
        else if (codes.every((code) => DOCUMENT_ERROR_CODES.has(code)) && (response.http.status ?? 200) >= 500) response.http.status = 400;
      },
    };
  },
};
