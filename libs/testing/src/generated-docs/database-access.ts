import type { Client } from 'pg';
import { SCOPE_BYPASSES } from '@chancery/core';

export const DATABASE_ACCESS_FILE = 'docs/database-access.md';

/**
 * The SQL that enforces tenancy, as the database holds it: row-level security per table, every
 * policy's expressions, and the application role's privileges. Committed and compared in CI, so a
 * migration that weakens a policy or widens a grant shows in review (the habit of Immich's
 * access-query snapshots).
 */
export async function renderDatabaseAccess(owner: Client): Promise<string> {
  const tables = (await owner.query(
    `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
            EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.relname AND k.column_name = 'tenant_id') AS tenant_owned
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
  )).rows as Array<{ table: string; enabled: boolean; forced: boolean; tenant_owned: boolean }>;
  const policies = (await owner.query(
    `SELECT tablename AS table, policyname AS name, cmd, permissive, array_to_string(roles, ',') AS roles,
            coalesce(qual, '') AS using, coalesce(with_check, '') AS check
       FROM pg_policies WHERE schemaname = 'public' ORDER BY tablename, policyname`,
  )).rows as Array<{ table: string; name: string; cmd: string; permissive: string; roles: string; using: string; check: string }>;
  const grants = (await owner.query(
    `SELECT table_name AS table, string_agg(privilege_type, ', ' ORDER BY privilege_type) AS privileges
       FROM information_schema.role_table_grants
      WHERE grantee = 'chancery_app' AND table_schema = 'public'
      GROUP BY table_name ORDER BY table_name`,
  )).rows as Array<{ table: string; privileges: string }>;
  const privilegesOf = new Map(grants.map((g) => [g.table, g.privileges]));
  const cell = (text: string) => (text ? `\`${text.replace(/\s+/g, ' ').replace(/\|/g, '\\|')}\`` : '—');
  return [
    '<!-- Generated from a migrated database by `npm run schema:generate`; a test fails when it drifts. -->',
    '',
    '# Database access: row-level security and the application role',
    '',
    'The application connects as `chancery_app` (owns nothing, NOBYPASSRLS). Every table with a `tenant_id` has',
    'row-level security enabled and forced; `app_current_tenant()` is the tenant set per transaction with',
    '`set_config(\'app.tenant_id\', …, true)`; `app_in_platform_scope()` holds in the platform operator\'s own scope',
    '(rows without a tenant), `app_in_public_scope()` in the read-only scope of public reads.',
    '',
    '## How a transaction gets its scope',
    '',
    'Ordinarily from the request\'s actor (`TransactionRunner.run`): its tenant; the platform operator\'s own rows for the',
    'operator; no tenant for an anonymous caller. Every other scope is one of these named entry points, each with its',
    'own test (`test/platform/scope-bypasses.e2e-spec.ts`):',
    '',
    '| entry point | why it exists |',
    '| --- | --- |',
    ...Object.entries(SCOPE_BYPASSES).map(([name, why]) => `| \`${name}\` | ${why} |`),
    '',
    '## Tables',
    '',
    '| table | tenant-owned | RLS enabled | RLS forced | privileges of chancery_app |',
    '| --- | --- | --- | --- | --- |',
    ...tables.map((t) => `| ${t.table} | ${t.tenant_owned ? 'yes' : 'no'} | ${t.enabled ? 'yes' : 'no'} | ${t.forced ? 'yes' : 'no'} | ${privilegesOf.get(t.table) ?? 'none'} |`),
    '',
    '## Policies',
    '',
    '| table | policy | command | roles | using | with check |',
    '| --- | --- | --- | --- | --- | --- |',
    ...policies.map((p) => `| ${p.table} | ${p.name} | ${p.cmd}${p.permissive === 'PERMISSIVE' ? '' : ' (restrictive)'} | ${p.roles} | ${cell(p.using)} | ${cell(p.check)} |`),
    '',
  ].join('\n');
}
