import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { AuditModule } from '@chancery/audit';
import { AuthModule } from '@chancery/auth';
import { CertificatesModule } from '@chancery/certificates';
import { AppConfig, CoreModule, databaseNameOf, DatabaseSettings, ErrorResponseFilter, InputValidationPipe, RateLimitModule, RequestContext } from '@chancery/core';
import { DatasheetsModule } from '@chancery/datasheets';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { logOutputThroughGate } from '@chancery/policy';
import { PersonalDataAccessLogPlugin, PrivacyModule } from '@chancery/privacy';
import { WebhooksModule } from '@chancery/webhooks';
import type { DestinationStream } from 'pino';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { ApiInfoResolver } from './platform/api-info.resolver';
import { PortalModule } from './portal/portal.module';

/** The built portal (`npm run build:web` → dist/web). */
const PORTAL_ROOT = join(__dirname, '..', '..', '..', 'web');
export { API_PREFIXES } from './portal/portal.module';

export interface ApiModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Tests read the log lines back from here. */
  logDestination?: DestinationStream;
  /** The built portal; tests give a folder of their own. */
  portalRoot?: string;
}

/** The API process: composition of the bounded contexts and nothing else. */
@Module({})
export class ApiModule {
  static register(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot({ ...options, applicationName: 'chancery-api', logs: logOutputThroughGate(options.logDestination) }),
        EventEmitterModule.forRoot(),
        // Before the access guard: a flood is refused before any token or password is checked.
        RateLimitModule.forRoot(options.config, databaseNameOf(options.database.appUrl)),
        // Every resolver's result passes the output gate (gateResolvers), every HTTP route's the
        // PresentResultsInterceptor each controller declares.
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [PrivacyModule],
          useFactory: (context: RequestContext, personalDataAccessLog: PersonalDataAccessLogPlugin) => graphqlOptions(options.config, context, personalDataAccessLog),
          inject: [RequestContext, PersonalDataAccessLogPlugin],
        }),
        PortalModule.register(options.portalRoot ?? PORTAL_ROOT),
        HealthModule,
        AuditModule,
        NotificationsModule,
        WebhooksModule,
        IdentityModule,
        AuthModule,
        DatasheetsModule,
        PrivacyModule,
        CertificatesModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        // One shape for every refusal, GraphQL or HTTP, whatever refused it.
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        ApiInfoResolver,
      ],
    };
  }
}
