import { Role } from '@chancery/access';
import { expectData, IdentityFactory, reportFigure, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * SPEC §5 / issue 18 item 1: a tenant may count the first deadline of a data-subject request as 30
 * days instead of one calendar month. Received on 31 January 2028 (leap year): one month → 29 February,
 * 30 days → 1 March. The setting is the tenant's own: another tenant keeps the calendar month. Prints
 *   request deadline setting: <n> tenants, each request's due date by its tenant's rule
 */
describe("The tenant's rule for counting a request's first deadline", () => {
  let app: TestApp;
  let factory: IdentityFactory;
  const tenants: TestTenant[] = [];
  const officers: TestUser[] = [];
  const members: TestUser[] = [];

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
  const ask = async (member: TestUser) =>
    expectData(await gql<{ requestMyDataSubjectRight: { firstDueOn: string; dueOn: string } }>(
      'mutation($input: MyDataSubjectRequestInput!) { requestMyDataSubjectRight(input: $input) { firstDueOn dueOn } }', { input: { type: 'ACCESS' } }, member)).requestMyDataSubjectRight;

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    for (let n = 0; n < 2; n += 1) {
      const tenant = await factory.tenant();
      tenants.push(tenant);
      officers.push(await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }));
      members.push(await factory.user({ tenant, organisation: await factory.organisation(tenant), roles: [Role.ORG_MEMBER] }));
    }
  });

  it('30 days where the tenant chose it, one calendar month elsewhere and by default', async () => {
    const settings = (user: TestUser) => gql<{ privacySettings: { requestDeadlineRule: string } }>('{ privacySettings { requestDeadlineRule } }', {}, user);
    expect(expectData(await settings(officers[0]!)).privacySettings.requestDeadlineRule).toBe('ONE_MONTH');
    const set = expectData(await gql<{ setRequestDeadlineRule: { requestDeadlineRule: string } }>(
      'mutation { setRequestDeadlineRule(rule: THIRTY_DAYS) { requestDeadlineRule } }', {}, officers[0]!)).setRequestDeadlineRule;
    expect(set.requestDeadlineRule).toBe('THIRTY_DAYS');
    expect(expectData(await settings(officers[0]!)).privacySettings.requestDeadlineRule).toBe('THIRTY_DAYS');
    expect(expectData(await settings(officers[1]!)).privacySettings.requestDeadlineRule).toBe('ONE_MONTH');
    // Only the tenant's privacy officer or administrator changes it.
    expect((await gql('mutation { setRequestDeadlineRule(rule: ONE_MONTH) { requestDeadlineRule } }', {}, members[0]!)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    app.clock.set(new Date('2028-01-31T10:00:00Z'));
    expect(await ask(members[0]!)).toEqual({ firstDueOn: '2028-03-01', dueOn: '2028-03-01' });
    expect(await ask(members[1]!)).toEqual({ firstDueOn: '2028-02-29', dueOn: '2028-02-29' });
    reportFigure(`request deadline setting: ${tenants.length} tenants, each request's due date by its tenant's rule (30 days: 2028-03-01, one month: 2028-02-29)`);
  });
});
