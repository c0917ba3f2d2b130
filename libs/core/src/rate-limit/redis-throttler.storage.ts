import { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';

/**
 * Counts hits in Redis so every API replica shares one limit per client. One round trip: the Lua
 * script increments, sets the window on the first hit, and blocks once the limit is passed.
 * (The maintained @nest-lab/throttler-storage-redis declares NestJS ≤ 11 only.)
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockTtl = tonumber(ARGV[3])
end
return { hits, ttl, blockTtl }`;

export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;

  /** `namespace` separates deployments sharing one Redis; replicas of one deployment share it. */
  constructor(url: string, namespace: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, keyPrefix: `chancery:${namespace}:throttle:` });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${throttlerName}:${key}`;
    const [hits, timeToExpire, timeToBlockExpire] = (await this.redis.eval(INCREMENT, 2, base, `${base}:blocked`, ttl, limit, blockDuration)) as [number, number, number];
    const isBlocked = timeToBlockExpire > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(Math.ceil(timeToExpire / 1000), 0),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(timeToBlockExpire / 1000) : 0,
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
