import { Role } from '@chancery/access';
import { TenantKind } from '@chancery/identity';
import { CertificateFactory, refusalOf, TestTenant, useTestApp } from '@chancery/testing';

/**
 * Probe D, finding 1: certificate numbers are unique across chambers (public verification finds a
 * certificate by its number alone), but a chamber could take another's number prefix: its numbers then
 * collided with the other chamber's, whose every signature after that answered INTERNAL_SERVER_ERROR
 * (its counter rolled back each time, so it stayed blocked until its own admin changed the prefix).
 * A prefix is now one chamber's: another chamber's current prefix, or the default one its slug gives,
 * is refused; and a number that another chamber issued earlier answers a CONFLICT, never a 500.
 */
type Err = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const ext = (r: Err) => r.errors?.[0]?.extensions;
const SETTINGS = 'mutation($i: CertificateSettingsInput!) { setCertificateSettings(input: $i) { numberPrefix } }';
const FEES = { memberFeeCents: 2500, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 800, currency: 'EUR' };
const defaultPrefixOf = (tenant: TestTenant) => `BE-${tenant.slug.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`;

describe('certificate number prefixes belong to one chamber', () => {
  const started = useTestApp();

  const chamber = async (tenant: TestTenant) => {
    const { factory } = started;
    const company = await factory.organisation(tenant);
    return {
      tenant,
      admin: (await factory.login(await factory.user({ tenant, roles: [Role.TENANT_ADMIN] }))).accessToken,
      exporter: (await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken,
      clerk: (await factory.login(await factory.user({ tenant, roles: [Role.CLERK] }))).accessToken,
      signer: (await factory.login(await factory.user({ tenant, roles: [Role.SIGNER] }))).accessToken,
    };
  };
  const setPrefix = (token: string, numberPrefix: string) => started.app.graphql(SETTINGS, { i: { numberPrefix, ...FEES } }, { token });

  it('refuses another chamber’s prefix, current or default, naming the field; the victim keeps signing', async () => {
    const certificates = new CertificateFactory(started.app);
    const victim = await chamber(await started.factory.tenant({ slug: `victim-${Date.now().toString(36)}` }));
    const taker = await chamber(await started.factory.tenant());
    // The victim has issued under its default prefix (no settings saved).
    const first = await certificates.sign((await certificates.approved(victim.exporter, victim.clerk)).id, victim.signer);
    expect(first.number.startsWith(`${defaultPrefixOf(victim.tenant)}-`)).toBe(true);

    expect(ext(await setPrefix(taker.admin, defaultPrefixOf(victim.tenant)))).toMatchObject({ code: 'CONFLICT', reason: 'NUMBER_PREFIX_TAKEN', fields: [expect.objectContaining({ field: 'input.numberPrefix' })] });
    expect((await setPrefix(victim.admin, 'VX-OWN')).errors).toBeUndefined();
    expect(ext(await setPrefix(taker.admin, 'VX-OWN'))).toMatchObject({ code: 'CONFLICT', reason: 'NUMBER_PREFIX_TAKEN' });
    // Its own default, and the prefix it already has, stay its own.
    expect((await setPrefix(taker.admin, defaultPrefixOf(taker.tenant))).errors).toBeUndefined();
    expect((await setPrefix(victim.admin, 'VX-OWN')).errors).toBeUndefined();

    const next = await certificates.sign((await certificates.approved(victim.exporter, victim.clerk)).id, victim.signer);
    expect(next.number).toMatch(/^VX-OWN-\d{4}-000002$/);
  });

  it('the longest prefix a chamber may save, and the longest default one, give numbers that verify (a 63-character number was refused as no certificate number)', async () => {
    const certificates = new CertificateFactory(started.app);
    const verifies = async (number: string, code: string) => {
      const get = await started.app.http().get(`/verify/${number}?code=${code}`).set('accept', 'application/json');
      const graphql = await started.app.graphql<{ verifyCertificate: { authentic: boolean } }>('query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { authentic } }', { n: number, c: code });
      return { number, get: get.body.authentic, graphql: graphql.data?.verifyCertificate.authentic };
    };
    const saved = await chamber(await started.factory.tenant());
    const longest = 'ABCDEFGHIJKL-ABCDEFGHIJKL-ABCDEFGHIJKL-ABCDEFGHIJKL';
    expect((await setPrefix(saved.admin, longest)).errors).toBeUndefined();
    const numbered = await certificates.sign((await certificates.approved(saved.exporter, saved.clerk)).id, saved.signer);
    expect(numbered.number).toHaveLength(longest.length + 12);
    expect(await verifies(numbered.number, numbered.verificationCode)).toEqual({ number: numbered.number, get: true, graphql: true });
    // A chamber that saved no prefix numbers with its country and slug, cut at 60 characters.
    const longSlug = await chamber(await started.factory.tenant({ slug: `chamber-of-commerce-and-industry-${Date.now().toString(36)}-${'x'.repeat(40)}`.slice(0, 63) }));
    const byDefault = await certificates.sign((await certificates.approved(longSlug.exporter, longSlug.clerk)).id, longSlug.signer);
    expect(byDefault.number.length).toBeGreaterThan(64);
    expect(await verifies(byDefault.number, byDefault.verificationCode)).toEqual({ number: byDefault.number, get: true, graphql: true });
  });

  it('a number another chamber issued under a prefix it has since left answers a CONFLICT, and takes no number', async () => {
    const certificates = new CertificateFactory(started.app);
    const earlier = await chamber(await started.factory.tenant());
    const later = await chamber(await started.factory.tenant());
    expect((await setPrefix(earlier.admin, 'OLD-PFX')).errors).toBeUndefined();
    await certificates.sign((await certificates.approved(earlier.exporter, earlier.clerk)).id, earlier.signer);
    expect((await setPrefix(earlier.admin, 'NEW-PFX')).errors).toBeUndefined();

    // Nobody's prefix now: the later chamber may take it, but its first number was issued already.
    expect((await setPrefix(later.admin, 'OLD-PFX')).errors).toBeUndefined();
    const application = await certificates.approved(later.exporter, later.clerk);
    const refused = await certificates.signResponse(application.id, later.signer);
    expect(ext(refused)).toMatchObject({ code: 'CONFLICT', reason: 'NUMBER_PREFIX_TAKEN' });
    const counter = await started.app.asOwner(async (db) => (await db.query(`SELECT last_value FROM certificate_number_counter WHERE tenant_id = $1`, [later.tenant.id])).rows[0]?.last_value ?? 0);
    expect(counter).toBe(0);

    // With a prefix of its own, the same application is signed as number 1.
    expect((await setPrefix(later.admin, 'LATER')).errors).toBeUndefined();
    expect((await certificates.sign(application.id, later.signer)).number).toMatch(/^LATER-\d{4}-000001$/);
  });

  it('a certification body has no certificate settings or signing key to keep, so it reserves no prefix (review of 6 December, F15)', async () => {
    const body = await started.factory.tenant({ kinds: [TenantKind.CERTIFICATION_BODY] });
    const admin = (await started.factory.login(await started.factory.user({ tenant: body, roles: [Role.TENANT_ADMIN] }))).accessToken;
    const prefix = `CB-${Date.now().toString(36).toUpperCase()}`;
    const notAChamber = { code: 'FORBIDDEN', reason: 'NOT_A_CHAMBER_OF_COMMERCE' };
    expect(refusalOf(await setPrefix(admin, prefix))).toEqual(notAChamber);
    expect(refusalOf(await started.app.graphql('mutation { rotateCertificateSigningKey { kid } }', {}, { token: admin }))).toEqual(notAChamber);
    expect(refusalOf(await started.app.graphql('{ certificateSettings { numberPrefix } }', {}, { token: admin }))).toEqual(notAChamber);
    // Nothing was stored: a chamber takes the prefix.
    const real = await chamber(await started.factory.tenant());
    expect((await setPrefix(real.admin, prefix)).errors).toBeUndefined();
  });
});

describe('a chamber’s certificate settings as its administrator reads them', () => {
  const started = useTestApp();
  const READ = '{ certificateSettings { numberPrefix memberFeeCents nonMemberFeeCents copyMemberFeeCents copyNonMemberFeeCents currency } }';

  it('are the ones certificates are issued with: the defaults until saved (not null), then the saved ones', async () => {
    const tenant = await started.factory.tenant();
    const admin = (await started.factory.login(await started.factory.user({ tenant, roles: [Role.TENANT_ADMIN] }))).accessToken;
    const read = async () => (await started.app.graphql<{ certificateSettings: unknown }>(READ, {}, { token: admin })).data?.certificateSettings;
    expect(await read()).toEqual({ numberPrefix: defaultPrefixOf(tenant), memberFeeCents: 0, nonMemberFeeCents: 0, copyMemberFeeCents: 0, copyNonMemberFeeCents: 0, currency: 'EUR' });
    expect((await started.app.graphql(SETTINGS, { i: { numberPrefix: 'BE-OWN', ...FEES } }, { token: admin })).errors).toBeUndefined();
    expect(await read()).toEqual({ numberPrefix: 'BE-OWN', ...FEES });
  });

  it('a currency is an ISO 4217 code: three capital letters that name none are refused at the field (review of 6 December, M12)', async () => {
    const admin = (await started.factory.login(await started.factory.user({ tenant: await started.factory.tenant(), roles: [Role.TENANT_ADMIN] }))).accessToken;
    for (const currency of ['ABC', 'QQQ', 'eur']) {
      const refused = await started.app.graphql(SETTINGS, { i: { numberPrefix: `CUR-${Date.now().toString(36).toUpperCase()}`, ...FEES, currency } }, { token: admin });
      expect({ code: ext(refused)?.code, fields: (ext(refused)?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field) }).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.currency'] });
    }
    expect((await started.app.graphql(SETTINGS, { i: { numberPrefix: `CUR-${Date.now().toString(36).toUpperCase()}`, ...FEES, currency: 'USD' } }, { token: admin })).errors).toBeUndefined();
  });

  it('are read without a fresh login, which only changing them asks for; and only by the administrator', async () => {
    const tenant = await started.factory.tenant();
    const admin = (await started.factory.login(await started.factory.user({ tenant, roles: [Role.TENANT_ADMIN] }))).accessToken;
    const clerk = (await started.factory.login(await started.factory.user({ tenant, roles: [Role.CLERK] }))).accessToken;
    // Past the five minutes a login counts as recent: opening the settings page must not ask for the password again.
    started.app.clock.advance(5 * 60_000 + 1_000);
    const read = await started.app.graphql<{ certificateSettings: { numberPrefix: string } }>(READ, {}, { token: admin });
    expect(read.errors).toBeUndefined();
    expect(read.data?.certificateSettings.numberPrefix).toBe(defaultPrefixOf(tenant));
    expect(refusalOf(await started.app.graphql(SETTINGS, { i: { numberPrefix: 'BE-LATE', ...FEES } }, { token: admin }))).toEqual({ code: 'FORBIDDEN', reason: 'STEP_UP_REQUIRED' });
    expect(refusalOf(await started.app.graphql(READ, {}, { token: clerk }))).toEqual({ code: 'FORBIDDEN', reason: 'PERMISSION_REQUIRED' });
  });
});
