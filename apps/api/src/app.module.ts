import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { join } from 'node:path';
import { AuditModule } from '@chancery/audit';
import { AuthModule } from '@chancery/auth';
import { CertificatesModule } from '@chancery/certificates';
import { AppConfig, CoreModule, databaseNameOf, DatabaseSettings, ErrorResponseFilter, InputValidationPipe, RateLimitModule } from '@chancery/core';
import { DatasheetsModule } from '@chancery/datasheets';
import { IdentityModule } from '@chancery/identity';
import { NotificationsModule } from '@chancery/notifications';
import { logOutputThroughGate, PresentResultsInterceptor } from '@chancery/policy';
import { PrivacyModule } from '@chancery/privacy';
import { WebhooksModule } from '@chancery/webhooks';
import type { DestinationStream } from 'pino';
import { graphqlOptions } from './graphql/graphql-options';
import { GraphQLTokenLimitMiddleware } from './graphql/token-limit.middleware';
import { HealthModule } from './health/health.module';
import { ApiInfoResolver } from './platform/api-info.resolver';

/**
 * The web portal (`npm run build:web` → dist/web), served from the API's own port: files as they
 * are, index.html for every other path (the portal's routes), never under the API's own prefixes. Its
 * Content-Security-Policy (the same list as apps/web/vite.config.mts, plus frame-ancestors) allows
 * scripts, styles and requests from this origin only. nosniff, as on every answer: api-application.ts.
 */
const PORTAL_ROOT = join(__dirname, '..', '..', '..', 'web');
/**
 * The first path segments of the API's routes (the controllers, GraphQL, health): an unknown path under
 * them answers the JSON 404, not the portal's page with 200. None is a portal route (apps/web App.tsx:
 * the portal has /verification, /datasheets, /privacy, /app/…; the QR code's /verify is the API's).
 */
export const API_PREFIXES = ['graphql', 'health', 'auth', 'public', 'verify', 'certificates', 'certificate-applications', 'datasheet-versions', 'tenant-offboardings', 'platform', 'data-subject-export'];
const PORTAL_PATHS = new RegExp(`^/(?!(?:${API_PREFIXES.join('|')})(?:/|$))`);
const PORTAL_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

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
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphQLTokenLimitMiddleware).forRoutes('graphql');
  }

  static register(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot({ ...options, applicationName: 'chancery-api', logs: logOutputThroughGate(options.logDestination) }),
        EventEmitterModule.forRoot(),
        // Before the access guard: a flood is refused before any token or password is checked.
        RateLimitModule.forRoot(options.config, databaseNameOf(options.database.appUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({ driver: ApolloDriver, ...graphqlOptions(options.config) }),
        ServeStaticModule.forRoot({
          rootPath: options.portalRoot ?? PORTAL_ROOT,
          renderPath: PORTAL_PATHS,
          serveStaticOptions: {
            index: false,
            setHeaders: (res) => {
              for (const [name, value] of Object.entries(PORTAL_HEADERS)) res.setHeader(name, value);
            },
          },
        }),
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
        // The output gate on every resolver's result (see libs/policy).
        { provide: APP_INTERCEPTOR, useClass: PresentResultsInterceptor },
        ApiInfoResolver,
      ],
    };
  }
}
