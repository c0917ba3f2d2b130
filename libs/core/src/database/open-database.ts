import { AppConfig } from '../config/app-config';
import { DatabaseSettings, ensureApplicationRole, resolveDatabaseSettings } from './database-settings';
import { MigrationClass, runMigrations } from './migrator';

/**
 * What every process does first: find the database (DATABASE_URL, or the embedded one), and apply
 * pending migrations where that is the process's job — by default with the embedded database and
 * outside production; in production a separate migration step does it. The migration lock lets the
 * API and the worker start together.
 */
export async function openDatabase(
  config: AppConfig,
  migrations: readonly MigrationClass[],
  say: (line: string) => void,
): Promise<DatabaseSettings> {
  const database = await resolveDatabaseSettings(config);
  say(
    database.embedded
      ? `embedded PostgreSQL started on 127.0.0.1:${database.embedded.port} (data in ${config.DATA_DIR}/postgres)`
      : database.sharedEmbedded
        ? `using the embedded PostgreSQL another process started (data in ${config.DATA_DIR}/postgres)`
        : 'using the PostgreSQL server of DATABASE_URL',
  );
  const migrate = config.MIGRATIONS_RUN ?? (Boolean(database.embedded || database.sharedEmbedded) || !config.isProduction);
  if (migrate) {
    try {
      await ensureApplicationRole(database.ownerUrl, database.appPassword);
      const applied = await runMigrations(database.ownerUrl, migrations);
      say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    } catch (error) {
      // A failed start must not leave the embedded PostgreSQL running behind the exit.
      await database.embedded?.stop();
      throw error;
    }
  }
  return database;
}
