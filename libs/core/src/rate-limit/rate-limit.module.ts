import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { GraphQLThrottlerGuard } from './graphql-throttler.guard';
import { AUTHENTICATION_OPERATION } from './rate-limits';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/**
 * Limits per client address: a general one on every operation, a strict one on operations marked
 * `@ThrottleAuthentication()`. Counted in Redis when REDIS_URL is set (shared by all replicas),
 * in memory otherwise (the embedded default, one process), with the same fixed windows.
 */
const reflector = new Reflector();

@Module({})
export class RateLimitModule {
  /** `namespace`: the database name, shared by the replicas of one deployment. */
  static forRoot(config: AppConfig, namespace: string): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
            {
              name: 'authentication',
              ttl: 60_000,
              limit: config.AUTH_RATE_LIMIT_PER_MINUTE,
              skipIf: (context) => !reflector.get<boolean | undefined>(AUTHENTICATION_OPERATION, context.getHandler()),
            },
          ],
          storage: config.REDIS_URL ? new RedisThrottlerStorage(config.REDIS_URL, namespace) : new MemoryThrottlerStorage(),
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: GraphQLThrottlerGuard }],
    };
  }
}
