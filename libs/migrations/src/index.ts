import type { MigrationClass } from '@chancery/core/database/migrator';
import { PLATFORM_MIGRATIONS } from '@chancery/core/database/migrations';
import { AUDIT_MIGRATIONS } from '@chancery/audit/migrations';
import { AUTH_MIGRATIONS } from '@chancery/auth/migrations';
import { DATASHEETS_MIGRATIONS } from '@chancery/datasheets/migrations';
import { IDENTITY_MIGRATIONS } from '@chancery/identity/migrations';
import { NOTIFICATIONS_MIGRATIONS } from '@chancery/notifications/migrations';
import { PRIVACY_MIGRATIONS } from '@chancery/privacy/migrations';
import { DOCUMENTS_MIGRATIONS } from '@chancery/documents/migrations';
import { CERTIFICATES_MIGRATIONS } from '@chancery/certificates/migrations';
import { WEBHOOKS_MIGRATIONS } from '@chancery/webhooks/migrations';

/** Each context's migrations, by the context that owns the tables (docs/architecture.md is generated from this). */
export const MIGRATIONS_BY_CONTEXT: Readonly<Record<string, readonly MigrationClass[]>> = {
  core: PLATFORM_MIGRATIONS,
  identity: IDENTITY_MIGRATIONS,
  auth: AUTH_MIGRATIONS,
  notifications: NOTIFICATIONS_MIGRATIONS,
  audit: AUDIT_MIGRATIONS,
  privacy: PRIVACY_MIGRATIONS,
  documents: DOCUMENTS_MIGRATIONS,
  certificates: CERTIFICATES_MIGRATIONS,
  datasheets: DATASHEETS_MIGRATIONS,
  webhooks: WEBHOOKS_MIGRATIONS,
};

/** The timestamp in a migration's name orders it: contexts' migrations interleave in time. */
function timestampOf(migration: MigrationClass): number {
  const match = /(\d{13})$/.exec(migration.name);
  if (!match) throw new Error(`migration ${migration.name} does not end with its 13-digit timestamp`);
  return Number(match[1]);
}

/**
 * Every migration of every context, in time order: one list, read by the API, the worker, the
 * migration command and the tests, so they all apply the same schema.
 */
export const ALL_MIGRATIONS: readonly MigrationClass[] = Object.values(MIGRATIONS_BY_CONTEXT)
  .flat()
  .sort((a, b) => timestampOf(a) - timestampOf(b));

/**
 * Views a context publishes for another to read in SQL (a context's tables are its own; a published
 * view is an interface, like an exported service). The architecture test refuses any other read of
 * another context's table or view.
 */
export const PUBLISHED_VIEWS: ReadonlyArray<{ view: string; owner: string; readers: readonly string[]; why: string }> = [
  {
    view: 'account_access',
    owner: 'identity',
    readers: ['auth'],
    why: "the per-request session check reads the session and its account's state in one statement",
  },
  {
    view: 'organisation_invoicing',
    owner: 'identity',
    readers: ['certificates'],
    why: "the invoicing export names each line's company (name, VAT number) in the same statement as the lines",
  },
];
