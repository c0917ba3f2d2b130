import { expect, type Page } from '@playwright/test';

/** GraphQL over the page's own HTTP client, as a company's program would call the API; any error fails the test. */
export function graphqlCaller(page: Page) {
  return async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const response = await page.request.post('/graphql', {
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      data: { query, variables },
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors ?? []).toEqual([]);
    return body.data!;
  };
}
