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
