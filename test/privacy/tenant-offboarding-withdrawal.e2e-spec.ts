import { Role } from '@chancery/access';
import { expectData, IdentityFactory, queuedEmails, TestApp, TestTenant, TestUser, useTestApp } from '@chancery/testing';

/**
 * A departure can be withdrawn before the destruction (SPEC §5 offboarding): the operator withdraws a
 * filed or confirmed one, the tenant's administrator declines a filed one or revokes its confirmation
 * during the wait. Each is kept (status WITHDRAWN, when, which party, why), audited, told to the other
 * side by e-mail; nothing of the archive/destroy path works on it, and the tenant may be filed again.
 * Concurrent destructions (and withdraw against destroy) are serialised on the offboarding row: one
 * certificate, the others a stable refusal, never an internal error.
 */
const DAY = 24 * 60 * 60 * 1000;
const FIELDS = 'id tenantId status confirmedAt withdrawnAt withdrawnByParty withdrawalReason';
interface Offboarding { id: string; tenantId: string; status: string; withdrawnAt: string | null; withdrawnByParty: string | null; withdrawalReason: string | null }
type Extensions = { code?: string; reason?: string };

describe('Offboarding: a departure withdrawn, declined or revoked before the destruction', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let operator: TestUser;
  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
  });

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
  const file = async (tenant: TestTenant) => expectData(await gql<{ requestTenantOffboarding: Offboarding }>(
    `mutation($t: ID!) { requestTenantOffboarding(tenantId: $t) { ${FIELDS} } }`, { t: tenant.id }, operator)).requestTenantOffboarding;
  const confirm = (id: string, admin: TestUser) => gql<{ confirmTenantOffboarding: Offboarding }>(
    `mutation($o: ID!) { confirmTenantOffboarding(offboardingId: $o) { ${FIELDS} } }`, { o: id }, admin);
  const exportArchive = (id: string, admin: TestUser) => gql<{ exportTenantArchive: { sha256: string } }>(
    'mutation($o: ID!) { exportTenantArchive(offboardingId: $o) { sha256 } }', { o: id }, admin);
  const withdraw = (id: string, reason: string, user: TestUser = operator) => gql<{ withdrawTenantOffboarding: Offboarding }>(
    `mutation($o: ID!, $r: String!) { withdrawTenantOffboarding(offboardingId: $o, reason: $r) { ${FIELDS} } }`, { o: id, r: reason }, user);
  const decline = (id: string, reason: string, admin: TestUser) => gql<{ declineTenantOffboarding: Offboarding }>(
    `mutation($o: ID!, $r: String!) { declineTenantOffboarding(offboardingId: $o, reason: $r) { ${FIELDS} } }`, { o: id, r: reason }, admin);
  const destroy = (id: string) => gql<{ destroyTenant: { id: string; departedTenantId: string } }>(
    'mutation($o: ID!) { destroyTenant(offboardingId: $o) { id departedTenantId } }', { o: id }, operator);
  const extensionsOf = (result: { errors?: ReadonlyArray<{ extensions?: unknown }> }) => result.errors?.[0]?.extensions as Extensions | undefined;
  const auditOf = async (tenantId: string | null, action: string) =>
    (await app.asOwner((db) => db.query<{ actor_id: string; subject_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id::text, subject_id, details FROM audit_entry WHERE tenant_id IS NOT DISTINCT FROM $1 AND action = $2 ORDER BY sequence`, [tenantId, action]))).rows;
  /** A tenant with an administrator, ready to leave: filed, confirmed, archive taken, the wait over. */
  const dueForDestruction = async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const filed = await file(tenant);
    expectData(await confirm(filed.id, admin));
    expectData(await exportArchive(filed.id, admin));
    return { tenant, admin, filed };
  };

  it('the operator withdraws a filed departure: kept as WITHDRAWN with its reason, audited, the tenant told; the tenant may be filed again', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const other = await factory.tenant();
    const otherAdmin = await factory.user({ tenant: other, roles: [Role.TENANT_ADMIN] });
    const filed = await file(tenant);
    // Another tenant's administrator cannot touch it; nor can the operator decline in the tenant's name.
    expect(extensionsOf(await decline(filed.id, 'not ours', otherAdmin))).toMatchObject({ code: 'NOT_FOUND' });
    expect(extensionsOf(await withdraw(filed.id, 'not ours', otherAdmin))).toMatchObject({ code: 'FORBIDDEN' });
    expect(extensionsOf(await decline(filed.id, 'not ours', operator))).toMatchObject({ code: 'FORBIDDEN' });
    expect(extensionsOf(await withdraw(filed.id, '   '))).toMatchObject({ code: 'BAD_USER_INPUT' });

    const withdrawn = expectData(await withdraw(filed.id, 'Filed for the wrong tenant')).withdrawTenantOffboarding;
    expect(withdrawn).toMatchObject({ id: filed.id, status: 'WITHDRAWN', withdrawnByParty: 'OPERATOR', withdrawalReason: 'Filed for the wrong tenant' });
    expect(new Date(withdrawn.withdrawnAt!).getTime()).toBe(app.clock.now().getTime());
    const [entry] = await auditOf(null, 'privacy.offboarding.withdrawn');
    expect(entry).toMatchObject({ actor_id: operator.id, subject_id: filed.id, details: { tenantId: tenant.id, previousStatus: 'REQUESTED' } });
    const told = await queuedEmails(app, { template: 'privacy.offboarding-withdrawn' });
    expect(told.map((m) => m.recipient)).toEqual([`privacy@${tenant.slug}.test`]);
    expect(told[0]!.body).toContain('Filed for the wrong tenant');
    // The administrator sees it, withdrawn; twice is refused with a stable reason; so is every later step.
    expect(expectData(await gql<{ tenantOffboardings: Offboarding[] }>(`{ tenantOffboardings { ${FIELDS} } }`, {}, admin)).tenantOffboardings)
      .toEqual([expect.objectContaining({ id: filed.id, status: 'WITHDRAWN', withdrawalReason: 'Filed for the wrong tenant' })]);
    expect(extensionsOf(await withdraw(filed.id, 'again'))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    expect(extensionsOf(await decline(filed.id, 'again', admin))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    expect(extensionsOf(await confirm(filed.id, admin))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    expect(extensionsOf(await exportArchive(filed.id, admin))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    app.clock.advance(31 * DAY);
    expect(extensionsOf(await destroy(filed.id))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    app.clock.advance(-31 * DAY);
    // The database keeps a withdrawn row as it is.
    const changed = await app.asOwner((db) => db.query(`UPDATE tenant_offboarding SET status = 'REQUESTED' WHERE id = $1`, [filed.id]).then(() => 'changed', (e: { code?: string }) => e.code));
    expect(changed).toBe('CTD03');

    // Filed again later: a new departure, the withdrawn one kept beside it.
    const refiled = await file(tenant);
    expect(refiled.id).not.toBe(filed.id);
    expect(refiled.status).toBe('REQUESTED');
    expect((await file(tenant).catch((e: Error) => e)) instanceof Error).toBe(true);
    const listed = expectData(await gql<{ tenantOffboardings: Offboarding[] }>(`{ tenantOffboardings { id status } }`, {}, admin)).tenantOffboardings;
    expect(listed.map((o) => [o.id, o.status]).sort()).toEqual([[filed.id, 'WITHDRAWN'], [refiled.id, 'REQUESTED']].sort());
  });

  it('the operator withdraws a confirmed departure during the wait (contract renewed): the archive and the destruction are refused', async () => {
    const { tenant, admin, filed } = await dueForDestruction();
    const withdrawn = expectData(await withdraw(filed.id, 'Contract renewed')).withdrawTenantOffboarding;
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawnByParty: 'OPERATOR' });
    expect((await auditOf(null, 'privacy.offboarding.withdrawn')).find((e) => e.subject_id === filed.id)?.details).toMatchObject({ previousStatus: 'CONFIRMED' });
    expect(extensionsOf(await exportArchive(filed.id, admin))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    app.clock.advance(31 * DAY);
    expect(extensionsOf(await destroy(filed.id))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
    expect((await app.asOwner((db) => db.query('SELECT 1 FROM tenant WHERE id = $1', [tenant.id]))).rowCount).toBe(1);
  });

  it('the administrator declines a filed departure, or revokes its confirmation during the wait: audited in its tenant, the operator told', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const clerk = await factory.user({ tenant, roles: [Role.CLERK] });
    const filed = await file(tenant);
    expect(extensionsOf(await decline(filed.id, 'We are staying', clerk))).toMatchObject({ code: 'FORBIDDEN' });
    const declined = expectData(await decline(filed.id, 'We are staying', admin)).declineTenantOffboarding;
    expect(declined).toMatchObject({ status: 'WITHDRAWN', withdrawnByParty: 'TENANT', withdrawalReason: 'We are staying' });
    expect(await auditOf(tenant.id, 'privacy.offboarding.declined')).toEqual([expect.objectContaining({ actor_id: admin.id, subject_id: filed.id })]);
    const toOperator = await queuedEmails(app, { template: 'privacy.offboarding-declined' });
    expect(toOperator.map((m) => [m.recipient, m.tenantId])).toEqual([['operator@chancery.localhost', tenant.id]]);
    expect(toOperator[0]!.body).toContain(tenant.slug);

    // Filed again, confirmed, then revoked during the wait.
    const again = await file(tenant);
    expectData(await confirm(again.id, admin));
    const revoked = expectData(await decline(again.id, 'Contract renewed', admin)).declineTenantOffboarding;
    expect(revoked).toMatchObject({ status: 'WITHDRAWN', withdrawnByParty: 'TENANT' });
    expect(await auditOf(tenant.id, 'privacy.offboarding.revoked')).toEqual([expect.objectContaining({ actor_id: admin.id, subject_id: again.id })]);
    expect((await queuedEmails(app, { template: 'privacy.offboarding-declined' })).filter((m) => m.tenantId === tenant.id)).toHaveLength(2);

    // Once the wait is over, the administrator can no longer revoke (the operator still can withdraw).
    const third = await file(tenant);
    expectData(await confirm(third.id, admin));
    app.clock.advance(31 * DAY);
    expect(extensionsOf(await decline(third.id, 'too late', admin))).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WAIT_OVER' }));
    expectData(await withdraw(third.id, 'Asked by the tenant after the wait'));
    app.clock.advance(-31 * DAY);
  });

  it('concurrent destructions: exactly one certificate, the others a stable refusal, no internal error', async () => {
    const { filed } = await dueForDestruction();
    app.clock.advance(31 * DAY);
    // One operator session (stepped up once), the calls sent together.
    const token = (await factory.login(operator)).accessToken;
    const results = await Promise.all(Array.from({ length: 6 }, () =>
      app.graphql<{ destroyTenant: { id: string } }>('mutation($o: ID!) { destroyTenant(offboardingId: $o) { id } }', { o: filed.id }, { token })));
    app.clock.advance(-31 * DAY);
    const certified = results.filter((r) => r.data?.destroyTenant);
    const refused = results.map(extensionsOf).filter((e) => e !== undefined);
    expect(results.map((r) => r.status).filter((status) => status >= 500)).toEqual([]);
    expect(certified).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toEqual(expect.objectContaining({ code: 'NOT_FOUND', reason: 'OFFBOARDING_NOT_FOUND' }));
  });

  it('withdraw against destroy at the same moment: one wins, the other refuses with a stable reason', async () => {
    const { tenant, filed } = await dueForDestruction();
    app.clock.advance(31 * DAY);
    const token = (await factory.login(operator)).accessToken;
    const [destroyed, withdrawn] = await Promise.all([
      app.graphql<{ destroyTenant: { id: string } }>('mutation($o: ID!) { destroyTenant(offboardingId: $o) { id } }', { o: filed.id }, { token }),
      app.graphql<{ withdrawTenantOffboarding: Offboarding }>(
        `mutation($o: ID!, $r: String!) { withdrawTenantOffboarding(offboardingId: $o, reason: $r) { ${FIELDS} } }`, { o: filed.id, r: 'Renewed at the last minute' }, { token }),
    ]);
    app.clock.advance(-31 * DAY);
    const outcomes = [destroyed.data?.destroyTenant ? 'destroyed' : extensionsOf(destroyed), withdrawn.data?.withdrawTenantOffboarding ? 'withdrawn' : extensionsOf(withdrawn)];
    expect([
      ['destroyed', { code: 'NOT_FOUND', reason: 'OFFBOARDING_NOT_FOUND' }],
      [{ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }, 'withdrawn'],
    ]).toContainEqual(outcomes.map((o) => (typeof o === 'string' ? o : { code: o?.code, reason: o?.reason })));
    const tenantLeft = (await app.asOwner((db) => db.query('SELECT 1 FROM tenant WHERE id = $1', [tenant.id]))).rowCount;
    expect(tenantLeft).toBe(outcomes[0] === 'destroyed' ? 0 : 1);
  });

  it('confirm against withdraw at the same moment: both serialised, the row ends WITHDRAWN, no internal error', async () => {
    const tenant = await factory.tenant();
    const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const filed = await file(tenant);
    const [adminToken, operatorToken] = [(await factory.login(admin)).accessToken, (await factory.login(operator)).accessToken];
    const [confirmed, withdrawn] = await Promise.all([
      app.graphql<{ confirmTenantOffboarding: Offboarding }>(`mutation($o: ID!) { confirmTenantOffboarding(offboardingId: $o) { ${FIELDS} } }`, { o: filed.id }, { token: adminToken }),
      app.graphql<{ withdrawTenantOffboarding: Offboarding }>(
        `mutation($o: ID!, $r: String!) { withdrawTenantOffboarding(offboardingId: $o, reason: $r) { ${FIELDS} } }`, { o: filed.id, r: 'Wrong tenant' }, { token: operatorToken }),
    ]);
    expect(withdrawn.data?.withdrawTenantOffboarding?.status).toBe('WITHDRAWN');
    if (!confirmed.data?.confirmTenantOffboarding) expect(extensionsOf(confirmed)).toEqual(expect.objectContaining({ code: 'CONFLICT', reason: 'OFFBOARDING_WITHDRAWN' }));
  });
});
