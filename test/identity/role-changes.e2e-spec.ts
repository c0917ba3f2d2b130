import { Role } from '@chancery/access';
import { expectData, useTestApp } from '@chancery/testing';

/**
 * Probe A, F9: a role named both to grant and to withdraw was silently granted (a member became
 * ORG_ADMIN). The two lists contradict each other, so the request is refused and changes nothing.
 */
const CHANGE = 'mutation($i: ChangeUserRolesInput!) { changeUserRoles(input: $i) { id roles } }';
type Err = { errors?: Array<{ extensions?: Record<string, unknown> }> };
const ext = (r: Err) => r.errors?.[0]?.extensions;

describe('changeUserRoles: a role in both grant and withdraw', () => {
  const started = useTestApp();

  it('is refused with BAD_USER_INPUT naming input.withdraw, and the roles stay as they were', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN, Role.ORG_MEMBER] });
    const member = await factory.user({ tenant, organisation, roles: [Role.ORG_MEMBER] });
    const { accessToken: token } = await factory.login(admin);

    for (const [grant, withdraw] of [[['ORG_ADMIN'], ['ORG_ADMIN']], [['ORG_ADMIN'], ['ORG_MEMBER', 'ORG_ADMIN']], [['ORG_MEMBER'], ['ORG_MEMBER']]]) {
      const refused = await app.graphql(CHANGE, { i: { userId: member.id, grant, withdraw } }, { token });
      expect(ext(refused)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.withdraw' })] });
    }
    const { rows } = await app.asOwner((db) => db.query('SELECT role FROM user_role WHERE user_id = $1 ORDER BY role', [member.id]));
    expect(rows.map((r: { role: string }) => r.role)).toEqual(['ORG_MEMBER']);

    // Disjoint lists still work: the member is promoted and keeps no member role.
    const changed = expectData(await app.graphql<{ changeUserRoles: { roles: string[] } }>(CHANGE, { i: { userId: member.id, grant: ['ORG_ADMIN'], withdraw: ['ORG_MEMBER'] } }, { token })).changeUserRoles;
    expect(changed.roles).toEqual(['ORG_ADMIN']);
  });
});
