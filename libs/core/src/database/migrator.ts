import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';

/** Any constant: it only has to be the same in every process that migrates this database. */
const MIGRATION_LOCK_KEY = 7_341_922_001;

function ownerDataSource(ownerUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    applicationName: 'chancery-migrations',
  });
}

/**
 * Runs pending migrations as the owner. An advisory lock makes replicas that start together take
 * turns instead of racing on the same migration.
 */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = await ownerDataSource(ownerUrl).initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(ownerUrl: string): Promise<void> {
  const dataSource = await ownerDataSource(ownerUrl).initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
