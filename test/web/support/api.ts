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

/** A company user's credentials, as `login` takes them. */
export interface CompanyLogin {
  tenant: string;
  email: string;
  password: string;
}

/** Logs the company user in and creates an application with `input`, as the company's ERP would: its id and the access token. */
export async function createApplicationThroughApi(page: Page, credentials: CompanyLogin, input: Record<string, unknown>): Promise<{ applicationId: string; accessToken: string }> {
  const call = graphqlCaller(page);
  const { login } = await call<{ login: { accessToken: string } }>('mutation L($input: LoginInput!) { login(input: $input) { accessToken } }', { input: credentials });
  const { createCertificateApplication } = await call<{ createCertificateApplication: { id: string } }>(
    'mutation C($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }',
    { input },
    login.accessToken,
  );
  return { applicationId: createCertificateApplication.id, accessToken: login.accessToken };
}
