import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import type { DestinationStream } from 'pino';
import { AppConfig } from './config/app-config';
import { Clock, SystemClock } from './clock/clock';
import { ANONYMOUS_ACTOR } from './context/actor';
import { RequestContext } from './context/request-context';
import { DATABASE_SETTINGS } from './database/database.constants';
import { DatabaseSettings } from './database/database-settings';
import { TransactionRunner } from './database/transaction-runner';
import { loggerOptions, requestIdOf } from './logging/logger-options';
import { Outbox } from './outbox/outbox.service';

export interface CoreModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Name shown in pg_stat_activity. */
  applicationName: string;
  /** Extra log paths to redact (the personal-data fields the policy declarations name). */
  redactPaths?: string[];
  /** Where log lines go instead of stdout (tests read them back). */
  logDestination?: DestinationStream;
}

type RequestWithId = IncomingMessage & { id?: string };

/**
 * What every process needs: validated config, the clock, the request context, logging, and the
 * database connection as the application role.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config, database } = options;
    return {
      module: CoreModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            // The same id pino puts on the request's log lines.
            idGenerator: (req: RequestWithId) => (req.id ??= requestIdOf(req)),
            setup: (cls, req: RequestWithId) => {
              cls.set('requestId', req.id);
              cls.set('actor', ANONYMOUS_ACTOR);
            },
          },
        }),
        LoggerModule.forRoot(loggerOptions(config, options.redactPaths, options.logDestination)),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.appUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          applicationName: options.applicationName,
          logging: ['error'],
          extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: DATABASE_SETTINGS, useValue: database },
        { provide: Clock, useClass: SystemClock },
        RequestContext,
        TransactionRunner,
        Outbox,
      ],
      exports: [AppConfig, DATABASE_SETTINGS, Clock, RequestContext, TransactionRunner, Outbox],
    };
  }
}
