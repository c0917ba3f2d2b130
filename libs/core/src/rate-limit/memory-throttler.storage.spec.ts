import { MemoryThrottlerStorage } from './memory-throttler.storage';

describe('MemoryThrottlerStorage (fixed windows, as in Redis)', () => {
  let now = 1_000_000;
  const storage = new MemoryThrottlerStorage(() => now);
  afterAll(() => storage.onApplicationShutdown());

  it('counts hits per client and limit within a window, then blocks past the limit for the block duration', async () => {
    for (let i = 1; i <= 3; i++) {
      const record = await storage.increment('10.0.0.1', 60_000, 3, 30_000, 'default');
      expect(record).toEqual({ totalHits: i, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    }
    // Another client and another limit count on their own.
    expect((await storage.increment('10.0.0.2', 60_000, 3, 30_000, 'default')).totalHits).toBe(1);
    expect((await storage.increment('10.0.0.1', 60_000, 3, 30_000, 'authentication')).totalHits).toBe(1);

    now += 1_000;
    const refused = await storage.increment('10.0.0.1', 60_000, 3, 30_000, 'default');
    expect(refused).toEqual({ totalHits: 4, timeToExpire: 59, isBlocked: true, timeToBlockExpire: 30 });
  });

  it('keeps a block past the end of its window, and counts afresh once both are over', async () => {
    await storage.increment('10.0.0.3', 10_000, 1, 60_000, 'default');
    expect((await storage.increment('10.0.0.3', 10_000, 1, 60_000, 'default')).isBlocked).toBe(true);
    now += 15_000; // the 10 s window ended; the 60 s block has not
    expect(await storage.increment('10.0.0.3', 10_000, 1, 60_000, 'default')).toEqual({ totalHits: 1, timeToExpire: 10, isBlocked: true, timeToBlockExpire: 45 });
    now += 46_000;
    expect(await storage.increment('10.0.0.3', 10_000, 1, 60_000, 'default')).toEqual({ totalHits: 1, timeToExpire: 10, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('forgets clients whose windows and blocks have ended', async () => {
    now += 120_000;
    storage.forgetEnded();
    expect(storage.size).toBe(0);
  });
});
