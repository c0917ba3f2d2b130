import { Role } from '@chancery/access';
import { useTestApp } from '@chancery/testing';

/**
 * Probe D, finding 7: ten rotations of a chamber's signing key at once answered INTERNAL_SERVER_ERROR
 * to half of them (the one-active-key index, or a deadlock between their shared locks). Rotations of
 * one chamber now run one after the other: each retires the key the one before it made.
 */
describe('signing key rotation under concurrency', () => {
  const started = useTestApp();

  it('ten rotations at once: each answers a new key, one key stays active, every other is retired', async () => {
    const { app, factory } = started;
    const chamber = await factory.tenant();
    const admin = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.TENANT_ADMIN] }))).accessToken;
    const rotate = () => app.graphql<{ rotateCertificateSigningKey: { kid: string } }>('mutation { rotateCertificateSigningKey { kid } }', {}, { token: admin });
    expect((await rotate()).errors).toBeUndefined();

    const answers = await Promise.all(Array.from({ length: 10 }, rotate));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const kids = answers.map((a) => a.data!.rotateCertificateSigningKey.kid);
    expect(new Set(kids).size).toBe(10);
    const keys = await app.asOwner(async (db) => (await db.query(`SELECT id, retired_at FROM certificate_signing_key WHERE tenant_id = $1`, [chamber.id])).rows as Array<{ id: string; retired_at: Date | null }>);
    expect(keys).toHaveLength(11);
    expect(keys.filter((k) => k.retired_at === null)).toHaveLength(1);
    expect(kids).toContain(keys.find((k) => k.retired_at === null)!.id);
  });
});
