import type { QueryRunner } from 'typeorm';

/**
 * For migrations: enables and forces row-level security on a tenant-owned table, keyed by the
 * transaction's tenant (`app_current_tenant()`), and grants the application role what it may do.
 * `platformRows`: the table also holds the platform operator's own rows (tenant_id IS NULL), reachable
 * in platform scope only.
 */
export async function isolateTenantTable(
  db: QueryRunner,
  table: string,
  options: { platformRows?: boolean; privileges?: string } = {},
): Promise<void> {
  const platformRows = options.platformRows ? ' OR (tenant_id IS NULL AND app_in_platform_scope())' : '';
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`
    CREATE POLICY ${table}_tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant()${platformRows})
      WITH CHECK (tenant_id = app_current_tenant()${platformRows})`);
  await db.query(`GRANT ${options.privileges ?? 'SELECT, INSERT, UPDATE, DELETE'} ON ${table} TO chancery_app`);
}
