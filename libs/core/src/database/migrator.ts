import { DataSource, MigrationInterface } from 'typeorm';

/** A migration class, as each context exports them (see libs/migrations for the full list). */
export type MigrationClass = new () => MigrationInterface;

/** Any constant: it only has to be the same in every process that migrates this database. */
const MIGRATION_LOCK_KEY = 7_341_922_001;
const MIGRATIONS_TABLE = 'schema_migrations';

function ownerDataSource(ownerUrl: string, migrations: readonly MigrationClass[]): DataSource {
  return new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: [...migrations],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: 'chancery-migrations',
  });
}

export class UnknownMigrationsError extends Error {}

/**
 * Runs pending migrations as the owner. An advisory lock makes replicas that start together take
 * turns instead of racing on the same migration. A database holding migrations this code does not
 * know (a newer release, or a pre-release schema that was rebuilt) is refused rather than patched.
 */
export async function runMigrations(ownerUrl: string, migrations: readonly MigrationClass[]): Promise<string[]> {
  const dataSource = await ownerDataSource(ownerUrl, migrations).initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await refuseUnknownMigrations(dataSource, migrations);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(ownerUrl: string, migrations: readonly MigrationClass[]): Promise<void> {
  const dataSource = await ownerDataSource(ownerUrl, migrations).initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function refuseUnknownMigrations(dataSource: DataSource, migrations: readonly MigrationClass[]): Promise<void> {
  const [{ exists }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [MIGRATIONS_TABLE])) as Array<{ exists: boolean }>;
  if (!exists) return;
  const known = new Set(migrations.map((m) => new m().name ?? m.name));
  const applied = (await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)) as Array<{ name: string }>;
  const unknown = applied.map((row) => row.name).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new UnknownMigrationsError(
      `the database holds migrations this version does not know (${unknown.join(', ')}): it was made by another ` +
        'version of Chancery. With the embedded development database, delete DATA_DIR (./.data) to start afresh.',
    );
  }
}
