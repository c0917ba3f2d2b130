import { expect, type Page } from '@playwright/test';
import { Client } from 'pg';
import { linkFromMail, newBelgianVatNumber, totpCode, uniqueSuffix } from './fixtures';
import type { WebTestState } from './server';

/** GraphQL over the page's own HTTP client, as a company's program would call the API; any error fails the test. */
export function graphqlCaller(page: Page) {
  return async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
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
export async function createApplicationThroughApi(
  page: Page,
  credentials: CompanyLogin,
  input: Record<string, unknown>,
): Promise<{ applicationId: string; accessToken: string }> {
  const call = graphqlCaller(page);
  const { login } = await call<{ login: { accessToken: string } }>(
    'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: credentials },
  );
  const { createCertificateApplication } = await call<{ createCertificateApplication: { id: string } }>(
    'mutation C($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id } }',
    { input },
    login.accessToken,
  );
  return { applicationId: createCertificateApplication.id, accessToken: login.accessToken };
}

const LOGIN = 'mutation L($input: LoginInput!) { login(input: $input) { accessToken } }';

/**
 * The platform operator's API session, kept for the tests of one worker as an operator's script keeps
 * its session: a login per opened tenant spent a second-factor code each, and a fourth code of the
 * operator within half a minute (the journeys log the operator in too) waits for the clock.
 * Renewed well before the access token's 10 minutes run out.
 */
let operatorSession: { token: string; until: number } | null = null;

async function operatorToken(call: GraphqlCall, state: WebTestState): Promise<string> {
  if (operatorSession && Date.now() < operatorSession.until) return operatorSession.token;
  const { login } = await call<{ login: { accessToken: string } }>(LOGIN, {
    input: {
      email: 'operator@chancery.test',
      password: state.demoPassword,
      totpCode: await totpCode(state.totpSecrets['operator@chancery.test']!),
    },
  });
  operatorSession = { token: login.accessToken, until: Date.now() + 8 * 60_000 };
  return login.accessToken;
}

/**
 * A tenant of the test's own, opened by the platform operator through the API, for screens whose acts
 * reach every user of a tenant or change how it works (a privacy-policy notice on every screen, its
 * settings): on a demo tenant they would change what the tests that follow see. The operator only
 * invites its administrator (Dutch), who accepts from the e-mail's link with a password of their own,
 * has enrolled a second factor and also holds the privacy officer's role (and `extraRoles`).
 */
export async function tenantOfOwn(page: Page, state: WebTestState, kinds: string[] = ['CHAMBER_OF_COMMERCE'], extraRoles: string[] = []) {
  const call = graphqlCaller(page);
  const suffix = uniqueSuffix();
  const tenant = { slug: `eigen-${suffix}`, name: `Kamer van Koophandel Eigen ${suffix}` };
  const admin = { email: `beheer-${suffix}@eigen.test`, password: 'granite-river-window-88' };
  const { createTenant } = await call<{ createTenant: { invitationSentTo: string } }>(
    'mutation T($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } invitationSentTo } }',
    {
      input: {
        slug: tenant.slug,
        name: tenant.name,
        kinds,
        legalEntityNumber: '0407.066.939',
        street: 'Kunstlaan 18',
        postalCode: '3500',
        city: 'Hasselt',
        country: 'BE',
        languages: ['nl', 'fr', 'en'],
        privacyContactEmail: `dpo-${suffix}@eigen.test`,
        servedPostalCodes: [],
        administrator: { firstName: 'Pieter', lastName: 'Privacy', email: admin.email, preferredLanguage: 'nl' },
      },
    },
    await operatorToken(call, state),
  );
  expect(createTenant.invitationSentTo).toBe(admin.email);
  // The administrator chooses their own password from the invitation's link, as a person does.
  const link = await linkFromMail(state, admin.email, 'identity.invitation');
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  await call('mutation A($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }', {
    input: { token, firstName: 'Pieter', lastName: 'Privacy', password: admin.password, preferredLanguage: 'nl' },
  });
  const { login } = await call<{ login: { accessToken: string } }>(LOGIN, {
    input: { tenant: tenant.slug, email: admin.email, password: admin.password },
  });
  const { beginTotpEnrolment } = await call<{ beginTotpEnrolment: string }>(
    'mutation { beginTotpEnrolment }',
    {},
    login.accessToken,
  );
  const totpSecret = new URL(beginTotpEnrolment).searchParams.get('secret')!;
  await call(
    'mutation C($code: String!) { confirmTotpEnrolment(code: $code) }',
    { code: await totpCode(totpSecret) },
    login.accessToken,
  );
  const { me } = await call<{ me: { id: string } }>('query { me { id } }', {}, login.accessToken);
  await call(
    'mutation R($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id } }',
    { input: { userId: me.id, grant: ['PRIVACY_OFFICER', ...extraRoles] } },
    login.accessToken,
  );
  return { tenant, admin: { ...admin, id: me.id, totpSecret } };
}

/**
 * The login counts as a step-up for five minutes: moved back here, as the database owner, so the next
 * high-value act asks for it again as it would once those minutes have passed.
 */
export async function ageStepUp(state: WebTestState, email: string, tenantSlug: string): Promise<void> {
  const owner = new Client({ connectionString: state.ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `UPDATE auth_session s SET stepped_up_at = now() - interval '10 minutes'
         FROM user_account u JOIN tenant t ON t.id = u.tenant_id
        WHERE s.user_id = u.id AND u.email = $1 AND t.slug = $2 AND s.stepped_up_at IS NOT NULL`,
      [email, tenantSlug],
    );
  } finally {
    await owner.end();
  }
}

export type GraphqlCall = ReturnType<typeof graphqlCaller>;
export const VOKA = 'voka-antwerpen-waasland';
/** The first demo company of Voka logs in with a password only: its administrator needs no second factor. */
export const VOKA_COMPANY_ADMIN = 'admin@company1.voka.test';

/** An access token of a tenant's user, as a program logs in (with a code of their authenticator when they have one). */
export async function tenantLogin(call: GraphqlCall, tenant: string, email: string, password: string, totpSecret?: string): Promise<string> {
  const { login } = await call<{ login: { accessToken: string } }>(LOGIN, {
    input: { tenant, email, password, ...(totpSecret ? { totpCode: await totpCode(totpSecret) } : {}) },
  });
  return login.accessToken;
}

/**
 * A company registered with the chamber and confirmed from its e-mail, as its administrator would: the
 * administrator's login and an access token of theirs (with PASSWORD_AND_TOTP, one that may only set up
 * the second factor).
 */
export async function registeredCompany(
  call: GraphqlCall,
  state: WebTestState,
  tenant: string,
  name: string,
  options: { loginMethod?: 'PASSWORD' | 'PASSWORD_AND_TOTP'; phone?: string } = {},
): Promise<{ token: string; email: string; password: string }> {
  const suffix = uniqueSuffix();
  const email = `admin-${suffix}@company.test`;
  const password = 'amber-harbour-lantern-42';
  await call('mutation R($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { company { name } } }', {
    input: {
      tenantSlug: tenant, name, legalForm: 'BV', vatNumber: newBelgianVatNumber(), street: 'Kaai 7', postalCode: '3500', city: 'Hasselt', country: 'BE',
      phone: options.phone ?? '+3211000000', email: `info-${suffix}@company.test`, iban: 'BE71096123456769', loginMethod: options.loginMethod ?? 'PASSWORD',
      administrator: { firstName: 'Ine', lastName: 'Invoice', email, password, preferredLanguage: 'nl' },
    },
  });
  const link = await linkFromMail(state, email, 'identity.confirm-email');
  await call('mutation C($token: String!) { confirmEmail(token: $token) }', { token: new URLSearchParams(new URL(link).hash.slice(1)).get('token') });
  return { token: await tenantLogin(call, tenant, email, password), email, password };
}

/**
 * A new member of a tenant's staff with `roles`, made as people make one: the administrator (`adminToken`)
 * invites them, and they accept from the e-mail's link, choosing their password.
 */
export async function invitedStaff(
  page: Page,
  state: WebTestState,
  adminToken: string,
  person: { prefix: string; firstName: string; lastName: string; roles: string[] },
): Promise<{ email: string; password: string }> {
  const call = graphqlCaller(page);
  const staff = { email: `${person.prefix}-${uniqueSuffix()}@eigen.test`, password: `${person.prefix}-harbour-lantern-42` };
  await call('mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }', { input: { email: staff.email, roles: person.roles } }, adminToken);
  const token = new URLSearchParams(new URL(await linkFromMail(state, staff.email, 'identity.invitation')).hash.slice(1)).get('token');
  await call('mutation A($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }', {
    input: { token, firstName: person.firstName, lastName: person.lastName, password: staff.password, preferredLanguage: 'nl' },
  });
  return staff;
}

/** A Voka user's access token, as a program logs in. */
export async function apiLogin(call: GraphqlCall, email: string, password: string): Promise<string> {
  const { login } = await call<{ login: { accessToken: string } }>(LOGIN, {
    input: { tenant: VOKA, email, password },
  });
  return login.accessToken;
}

/**
 * A fresh member of Voka's first demo company, made as people make one (an invitation, accepted from the
 * e-mail's link), so a test changes nobody the other test files rely on.
 */
export async function freshColleague(
  page: Page,
  state: WebTestState,
  firstName: string,
  password: string,
): Promise<{ email: string; name: string }> {
  const call = graphqlCaller(page);
  const email = `${firstName.toLowerCase()}-${uniqueSuffix()}@company1.voka.test`;
  const admin = await apiLogin(call, VOKA_COMPANY_ADMIN, state.demoPassword);
  await call(
    'mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }',
    { input: { email, roles: ['ORG_MEMBER'] } },
    admin,
  );
  const link = await linkFromMail(state, email, 'identity.invitation');
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
  await call('mutation A($input: AcceptInvitationInput!) { acceptInvitation(input: $input) }', {
    input: { token, firstName, lastName: 'Tester', password, preferredLanguage: 'en' },
  });
  return { email, name: `${firstName} Tester` };
}
