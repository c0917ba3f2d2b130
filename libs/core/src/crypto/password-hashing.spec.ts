import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'node:async_hooks';
import { loadAppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import type { UnitOfWork } from '../database/unit-of-work';
import { PasswordHasher } from './password-hashing';

function hasherWith(settings: Record<string, string>): { hasher: PasswordHasher; cls: ClsService } {
  const cls = new ClsService(new AsyncLocalStorage());
  return { hasher: new PasswordHasher(loadAppConfig(settings), new RequestContext(cls)), cls };
}

describe('PasswordHasher', () => {
  it('runs at most PASSWORD_HASH_CONCURRENCY at once, queues PASSWORD_HASH_QUEUE more, and refuses the rest at once with TOO_MANY_REQUESTS (#14, defect 3)', async () => {
    const { hasher } = hasherWith({ PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '2' });
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => hasher.verify(null, 'a password')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as { code: string; reason: string });
    expect(refused.map((e) => [e.code, e.reason])).toEqual(Array(3).fill(['TOO_MANY_REQUESTS', 'BUSY']));
    // The slots are given back: later work runs.
    await expect(hasher.verify(null, 'a password')).resolves.toBe(false);
  });

  it('refuses to hash inside an open unit of work (its connection would wait with the hash)', async () => {
    const { hasher, cls } = hasherWith({});
    const openUnit = { ended: false } as UnitOfWork;
    await cls.run(async () => {
      cls.set('unitOfWork', openUnit);
      await expect(hasher.hash('a password')).rejects.toThrow(/inside a unit of work/);
    });
  });
});

describe('password hash cost', () => {
  it('is argon2id with 64 MiB, 3 passes and 4 lanes unless configured, and never under 19 MiB in production', async () => {
    const { hasher } = hasherWith({});
    expect(await hasher.hash('a password')).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    const { hasher: light } = hasherWith({ PASSWORD_HASH_MEMORY_KIB: '8192' });
    const hash = await light.hash('a password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=8192,t=3,p=4\$/);
    await expect(light.verify(hash, 'a password')).resolves.toBe(true);
    await expect(light.verify(hash, 'another password')).resolves.toBe(false);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/chancery', JWT_PRIVATE_KEY: 'pem', SECRETS_KEY: Buffer.alloc(32).toString('base64') };
    expect(() => loadAppConfig({ ...production, PASSWORD_HASH_MEMORY_KIB: '8192' })).toThrow(/PASSWORD_HASH_MEMORY_KIB: at least 19456/);
    expect(loadAppConfig({ ...production, PASSWORD_HASH_MEMORY_KIB: '19456' }).PASSWORD_HASH_MEMORY_KIB).toBe(19456);
    expect(loadAppConfig(production).PASSWORD_HASH_MEMORY_KIB).toBe(65536);
  });

  it('checks a hash of the configured cost when there is no account, so the answer takes the same time', async () => {
    const { hasher } = hasherWith({ PASSWORD_HASH_MEMORY_KIB: '8192' });
    await expect(hasher.verify(null, 'a password')).resolves.toBe(false);
  });
});
