import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { AuditModule } from '@chancery/audit';
import { AuthModule } from '@chancery/auth';
import { AppConfig, CoreModule, databaseNameOf, DatabaseSettings, InputValidationPipe, RateLimitModule } from '@chancery/core';
import { IdentityModule } from '@chancery/identity';
import { personalDataLogRedactions } from '@chancery/policy';
import { PrivacyModule } from '@chancery/privacy';
import type { DestinationStream } from 'pino';
import { POLICY_ENTITIES } from './policy/policy-entities';
import { graphqlOptions } from './graphql/graphql-options';
import { GraphQLTokenLimitMiddleware } from './graphql/token-limit.middleware';
import { HealthModule } from './health/health.module';
import { ApiInfoResolver } from './platform/api-info.resolver';

export interface ApiModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Tests read the log lines back from here. */
  logDestination?: DestinationStream;
}

/** The API process: composition of the bounded contexts and nothing else. */
@Module({})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphQLTokenLimitMiddleware).forRoutes('graphql');
  }

  static register(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot({
          ...options,
          applicationName: 'chancery-api',
          redactPaths: personalDataLogRedactions(POLICY_ENTITIES),
        }),
        // Before the access guard: a flood is refused before any token or password is checked.
        RateLimitModule.forRoot(options.config, databaseNameOf(options.database.appUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(options.config) }),
        HealthModule,
        AuditModule,
        AuthModule,
        IdentityModule,
        PrivacyModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }, ApiInfoResolver],
    };
  }
}
