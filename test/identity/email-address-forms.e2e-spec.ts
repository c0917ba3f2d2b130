import { Role } from '@chancery/access';
import type { QueryRunner } from 'typeorm';
import { EmailAddressesComposed1767630000000 } from '@chancery/identity/migrations/1767630000000-email-addresses-composed';
import { expectData, useTestApp } from '@chancery/testing';

/**
 * An e-mail address is one address however its letters were encoded. "josé" can be typed as é (one
 * code point, NFC) or as e followed by a combining accent (NFD): both look the same on every screen
 * and reach the same mailbox. Lower-casing alone kept them apart, so the second form logged nobody in
 * and could be given a second account or invitation beside the first.
 */
describe('e-mail addresses in their two Unicode forms', () => {
  const started = useTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });
  const composed = (local: string) => `${local}.jos\u00e9@example.test`;
  const decomposed = (local: string) => `${local}.jose\u0301@example.test`;
  const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }';
  const INVITE = 'mutation($e: String!, $r: [Role!]!) { inviteUser(input: { email: $e, roles: $r }) { id } }';

  it('an account registered in one form logs in with the other (and in capitals)', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const user = await factory.user({ tenant, roles: [Role.CLERK], email: composed('login') });
    const login = await app.graphql(LOGIN, { i: { email: decomposed('LOGIN').toUpperCase(), password: user.password, tenant: tenant.slug } });
    expectData(login);
  });

  it('the other form of a colleague’s address is that colleague: no invitation beside their account', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER], email: composed('colleague') });
    const session = await factory.login(admin);
    const invited = await app.graphql(INVITE, { e: decomposed('colleague'), r: ['ORG_MEMBER'] }, { token: session.accessToken });
    expect(invited.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(invited.errors?.[0]?.extensions?.reason).toBe('ADDRESS_ALREADY_IN_COMPANY');
  });

  it('an address is stored in its composed form, whichever form was typed', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(admin);
    expectData(await app.graphql(INVITE, { e: decomposed('newcomer'), r: ['ORG_MEMBER'] }, { token: session.accessToken }));
    const listed = expectData(await app.graphql<{ invitations: { email: string }[] }>('{ invitations { email } }', {}, { token: session.accessToken }));
    expect(listed.invitations.map((invitation) => invitation.email)).toEqual([composed('newcomer')]);
  });

  it('an address stored decomposed before this change is rewritten composed (its owner logs in), unless the tenant has the composed one already', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const moved = await factory.user({ tenant, roles: [Role.CLERK] });
    const twinComposed = await factory.user({ tenant, roles: [Role.CLERK], email: composed('twin') });
    const twinDecomposed = await factory.user({ tenant, roles: [Role.CLERK] });
    const emailOf = async (id: string) => app.asOwner(async (db) => (await db.query<{ email: string }>('SELECT email FROM user_account WHERE id = $1', [id])).rows[0]!.email);
    await app.asOwner(async (db) => {
      // As the old code stored them: lower case, decomposed.
      await db.query('UPDATE user_account SET email = $2 WHERE id = $1', [moved.id, decomposed('moved')]);
      await db.query('UPDATE user_account SET email = $2 WHERE id = $1', [twinDecomposed.id, decomposed('twin')]);
      await new EmailAddressesComposed1767630000000().up({ query: (text: string) => db.query(text) } as unknown as QueryRunner);
    });
    expect(await emailOf(moved.id)).toBe(composed('moved'));
    expect(await emailOf(twinComposed.id)).toBe(composed('twin'));
    expect(await emailOf(twinDecomposed.id)).toBe(decomposed('twin'));
    expectData(await app.graphql(LOGIN, { i: { email: decomposed('moved'), password: moved.password, tenant: tenant.slug } }));
  });
});
