import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { AppConfig } from './config/app-config';
import { Clock, SystemClock } from './clock/clock';
import { RequestContext } from './context/request-context';
import { PasswordHasher } from './crypto/password-hashing';
import { SecretBox } from './crypto/secret-box';
import { DATABASE_SETTINGS } from './database/database.constants';
import { DatabaseSettings } from './database/database-settings';
import { Sql, TransactionRunner } from './database/transaction-runner';
import { EntityTables } from './database/entity-tables';
import { WorkerHeartbeatRepository } from './jobs/worker-heartbeat.repository';
import { AppLogger } from './logging/app-logger';
import { createRootLogger, LogOutputOptions } from './logging/logger-options';

export interface CoreModuleOptions {
  config: AppConfig;
  database: DatabaseSettings;
  /** Name shown in pg_stat_activity. */
  applicationName: string;
  /** Redactions, the log gate and the destination of log lines. */
  logs?: LogOutputOptions;
}

/**
 * What every process needs: validated config, the clock, the request context, logging, and the
 * database connection as the application role. Knows no domain.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config, database } = options;
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: database.appUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          applicationName: options.applicationName,
          // Statements go through units of work (pg directly); TypeORM logs nothing, never a parameter.
          logging: false,
          // pipeline: a query is written at once rather than after the previous answer (see UnitOfWork.open).
          extra: { max: config.DATABASE_POOL_SIZE, pipeline: true },
        }),
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: DATABASE_SETTINGS, useValue: database },
        { provide: Clock, useClass: SystemClock },
        // nestjs-cls's one AsyncLocalStorage, without its ClsModule: that module registers a global guard
        // and a global interceptor whether or not they are mounted (no-ops when not), and a global
        // interceptor, even a no-op, puts every resolver and route handler through Nest's rxjs
        // interceptor chain. The HTTP application enters a request's context itself
        // (RequestContext.serveRequest, from a Fastify hook); jobs and scripts enter theirs with runAs.
        { provide: ClsService, useValue: ClsServiceManager.getClsService() },
        RequestContext,
        {
          provide: AppLogger,
          useFactory: (context: RequestContext) => new AppLogger(createRootLogger(config, options.logs, () => context.requestId)),
          inject: [RequestContext],
        },
        TransactionRunner,
        Sql,
        EntityTables,
        SecretBox,
        PasswordHasher,
        WorkerHeartbeatRepository,
      ],
      exports: [AppConfig, DATABASE_SETTINGS, Clock, RequestContext, AppLogger, TransactionRunner, Sql, EntityTables, SecretBox, PasswordHasher, WorkerHeartbeatRepository],
    };
  }
}
