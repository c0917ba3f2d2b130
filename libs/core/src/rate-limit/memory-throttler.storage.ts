import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  hits: number;
  /** When this window's count starts again (ms since the epoch). */
  endsAt: number;
  /** Until when the key is refused (0: not blocked). */
  blockedUntil: number;
}

/** How often windows that have ended (and blocks that have run out) are forgotten. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Counts hits in this process's memory when there is no Redis (the embedded default, one process):
 * a fixed window per client and limit, exactly as RedisThrottlerStorage counts. The throttler's own
 * in-memory storage keeps one timestamp per hit and filters them all on every request (a sliding
 * window): at a few hundred requests a second from one address that is an array of thousands copied
 * per request. Here a request is one map lookup and an addition.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.forgetEnded(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + ttl, blockedUntil: window && window.blockedUntil > now ? window.blockedUntil : 0 };
      this.windows.set(id, window);
    }
    window.hits += 1;
    if (window.blockedUntil <= now && window.hits > limit) window.blockedUntil = now + blockDuration;
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: Math.max(Math.ceil((window.endsAt - now) / 1000), 0),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    };
  }

  /** How many clients are being counted (the sweep keeps this to those seen within a window). */
  get size(): number {
    return this.windows.size;
  }

  forgetEnded(): void {
    const now = this.now();
    for (const [id, window] of this.windows) {
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
