import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from '@chancery/core/config/app-config';
import { ensureApplicationRole, resolveDatabaseSettings } from '@chancery/core/database/database-settings';
import { revertLastMigration, runMigrations } from '@chancery/core/database/migrator';
import { ALL_MIGRATIONS, MIGRATIONS_BY_CONTEXT } from './index';

/**
 * `npm run migration:run` / `migration:revert`, the migration step of a deployment
 * (`node dist/libs/migrations/src/cli.js run`), and `npm run migration:create -- <context> <name>`.
 * As the owner of DATABASE_URL: creates the application role when missing, then applies or reverts.
 * Without DATABASE_URL it works on the embedded database of DATA_DIR.
 */
async function main([command, ...args]: string[]): Promise<void> {
  if (command === 'create') return create(args[0], args[1]);
  if (command !== 'run' && command !== 'revert') throw new Error('usage: migrate run | revert | create <context> <name>');
  // Only the database settings matter here; the signing keys are the API's business.
  const config = loadAppConfig({
    ...process.env,
    JWT_PRIVATE_KEY: process.env.JWT_PRIVATE_KEY ?? 'not-needed-for-migrations',
    SECRETS_KEY: process.env.SECRETS_KEY ?? 'not-needed-for-migrations',
  });
  const database = await resolveDatabaseSettings(config);
  try {
    await ensureApplicationRole(database.ownerUrl, database.appPassword);
    if (command === 'run') {
      const applied = await runMigrations(database.ownerUrl, ALL_MIGRATIONS);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } else {
      await revertLastMigration(database.ownerUrl, ALL_MIGRATIONS);
      process.stdout.write('reverted the last migration\n');
    }
  } finally {
    await database.embedded?.stop();
  }
}

/** An empty migration in the context's folder, written by hand in SQL; then list it in that folder's index.ts. */
function create(context: string | undefined, name: string | undefined): void {
  if (!context || !name || !/^[a-z][a-z0-9-]*$/.test(name) || !(context in MIGRATIONS_BY_CONTEXT)) {
    throw new Error(`usage: migrate create <context> <kebab-name>; contexts: ${Object.keys(MIGRATIONS_BY_CONTEXT).join(', ')}`);
  }
  const folder = context === 'core' ? 'libs/core/src/database/migrations' : `libs/${context}/src/migrations`;
  const timestamp = Date.now();
  const className = `${name.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase())}${timestamp}`;
  const file = join(folder, `${timestamp}-${name}.ts`);
  if (existsSync(file)) throw new Error(`${file} exists`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(db: QueryRunner): Promise<void> {}\n\n  async down(db: QueryRunner): Promise<void> {}\n}\n`,
  );
  process.stdout.write(`created ${file}; add ${className} to ${folder}/index.ts\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
