import { Role } from '@chancery/access';
import { expectData, linkTokenOf, queuedEmails, rowsContaining, useTestApp } from '@chancery/testing';

/** #14 defect 14: live reset, invitation and confirmation tokens never sit in the database in clear. */
describe('defect 14: e-mails with live link tokens are sealed at rest', () => {
  const started = useTestApp();

  it('queues the reset, invitation and confirmation e-mails sealed; their live tokens are in no row of the database', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(admin);

    expectData(await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: admin.email, t: tenant.slug }));
    const invitee = `invitee-${Date.now()}@example.test`;
    expectData(await app.graphql('mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }', { i: { email: invitee, roles: ['ORG_MEMBER'] } }, { token: session.accessToken }));
    const registrant = `registrant-${Date.now()}@example.test`;
    expectData(
      await app.graphql('mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }', {
        i: {
          tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: 'Exporter NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
          country: 'BE', phone: '+3232322219', email: 'info@exporter.example.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Rita', lastName: 'Registrant', email: registrant, phone: '+32470112233', password: 'a long enough password 14' },
        },
      }),
    );

    const raw = await app.asOwner(async (db) => (await db.query<{ template: string; body: string }>(`SELECT template, body FROM outbox_message ORDER BY created_at`)).rows);
    expect(raw.map((row) => row.template).sort()).toEqual(['auth.password-reset', 'identity.confirm-email', 'identity.invitation']);
    // What the worker will send carries the links; what the table holds is sealed (AES-256-GCM).
    const messages = await queuedEmails(app);
    const tokens = messages.map((message) => linkTokenOf(message.body));
    expect(tokens.every((token) => typeof token === 'string' && token.length > 40)).toBe(true);
    for (const row of raw) expect(row.body).toMatch(/^v1\./);
    expect(await rowsContaining(app, tokens as string[])).toEqual([]);

    // The tokens read back are the live ones: the confirmation works.
    const confirmation = messages.find((message) => message.template === 'identity.confirm-email')!;
    expectData(await app.graphql('mutation($t: String!) { confirmEmail(token: $t) }', { t: linkTokenOf(confirmation.body) }));
  });
});
