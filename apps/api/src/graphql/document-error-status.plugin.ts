import type { ApolloServerPlugin } from '@apollo/server';
import { DOCUMENT_ERROR_CODES } from '@chancery/core';

/**
 * graphql-armor's token limit parses the document itself, and Apollo answers a parse error thrown
 * there with HTTP 500. A refused document is the client's fault: answer 400, as Apollo does for its
 * own parse and validation errors.
 */
export const documentErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data !== undefined || !errors?.length) return;
        const allDocumentErrors = errors.every((error) => DOCUMENT_ERROR_CODES.has(String(error.extensions?.code)));
        if (allDocumentErrors && (response.http.status ?? 200) >= 500) response.http.status = 400;
      },
    };
  },
};
