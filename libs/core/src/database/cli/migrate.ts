import 'reflect-metadata';
import { loadAppConfig } from '../../config/app-config';
import { ensureApplicationRole, resolveDatabaseSettings } from '../database-settings';
import { revertLastMigration, runMigrations } from '../migrator';

/**
 * `npm run migration:run` / `migration:revert`, and the migration step of a deployment
 * (`node dist/libs/core/src/database/cli/migrate.js run`): as the owner of DATABASE_URL, creates the
 * application role when missing, then applies or reverts migrations. Without DATABASE_URL it works on
 * the embedded database of DATA_DIR.
 */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate run|revert');
  // Only the database settings matter here; the signing key is the API's business.
  const config = loadAppConfig({
    ...process.env,
    JWT_PRIVATE_KEY: process.env.JWT_PRIVATE_KEY ?? 'not-needed-for-migrations',
    SECRETS_KEY: process.env.SECRETS_KEY ?? 'not-needed-for-migrations',
  });
  const database = await resolveDatabaseSettings(config);
  try {
    await ensureApplicationRole(database.ownerUrl, database.appPassword);
    if (command === 'run') {
      const applied = await runMigrations(database.ownerUrl);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } else {
      await revertLastMigration(database.ownerUrl);
      process.stdout.write('reverted the last migration\n');
    }
  } finally {
    await database.embedded?.stop();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
