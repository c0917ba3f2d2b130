import type { LoggerService } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';

/**
 * @nestjs/typeorm counts data source names in one process-wide set and warns at the second "default"
 * that the two "will override each other". Not so here: `npm start` runs the API and the worker as two
 * Nest applications in one process, each with its own container and TypeORM DataSource (TypeORM keeps
 * no registry of its own), and CoreModule's is the only registration of each. A newcomer's first log
 * should not say something is misconfigured when nothing is; any other warning of the library passes.
 */
function isSecondApplicationsDataSource(message: unknown, rest: unknown[]): boolean {
  return rest[rest.length - 1] === 'DataSourceNameRegistry' && typeof message === 'string' && message.startsWith('A data source with the default name is already registered.');
}

/**
 * Nest's logger interface over the process's pino logger (`app.useLogger`): what Nest itself and
 * every `new Logger(context)` of ours write. The last extra argument is the context, as Nest passes
 * it; an object or an error is logged as fields, a message as the line's `msg`.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    if (isSecondApplicationsDataSource(message, rest)) return;
    this.write('warn', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = rest.length > 0 ? rest.slice(0, -1) : [];
    if (rest.length > 0) fields.context = rest[rest.length - 1];
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, ...(params as []));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), ...(params as []));
    } else if (level === 'error' && typeof message === 'string' && params.length === 1 && typeof params[0] === 'string' && /\n\s*at /.test(params[0])) {
      // Nest's own exception handlers call error(message, stack, context): the stack becomes an error.
      const err = new Error(message);
      err.stack = params[0];
      fields.err = err;
      this.pino[level](fields);
    } else {
      this.pino[level](fields, String(message), ...(params as []));
    }
  }
}
