import { Client } from 'pg';
import { loadAppConfig } from '@chancery/core';
import type { AuditChainVerification } from '../audit-chain';
import type { Sql } from '@chancery/core';
import { AuditEntryRepository } from '../audit-entry.repository';

/*
 * Verifies every audit chain in the database and exits 1 when any is broken:
 *   DATABASE_URL=postgres://owner@host/db \
 *     npx ts-node -r tsconfig-paths/register --transpile-only libs/audit/src/cli/verify-audit-chain.ts
 * (built: node dist/libs/audit/src/cli/verify-audit-chain.js). Connects as the owner, which reads every
 * tenant's chain (superuser, BYPASSRLS, or the migration's audit_entry_owner_verification policy);
 * the application role would only see the tenant of its transaction.
 */

export interface AuditChainReport extends AuditChainVerification {
  /** null: the platform's own chain. */
  tenantId: string | null;
}

/** Verifies each chain the connection can read, in one snapshot so concurrent appends do not interleave. */
export async function verifyAllAuditChains(client: Client): Promise<AuditChainReport[]> {
  // The owner's client in place of a unit of work: the same statements, over every chain.
  const owner = { query: async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows } as unknown as Sql;
  const store = new AuditEntryRepository(owner);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const reports: AuditChainReport[] = [];
    for (const tenantId of await store.chains())
      reports.push({ tenantId, ...(await store.verify(tenantId)) });
    return reports;
  } finally {
    await client.query('ROLLBACK');
  }
}

export function describeAuditChain(report: AuditChainReport): string {
  const chain = report.tenantId === null ? 'platform' : `tenant ${report.tenantId}`;
  const verdict = report.valid ? 'valid' : `BROKEN at sequence ${report.firstBrokenSequence}`;
  return `${chain}: ${report.entries} entries, ${verdict}`;
}

async function main(): Promise<number> {
  const ownerUrl = loadAppConfig(process.env).DATABASE_URL;
  if (!ownerUrl) {
    console.error('DATABASE_URL (the owner connection) is required');
    return 2;
  }
  const client = new Client({ connectionString: ownerUrl, application_name: 'chancery-verify-audit-chain' });
  await client.connect();
  try {
    const reports = await verifyAllAuditChains(client);
    if (reports.length === 0) console.log('no audit entries');
    for (const report of reports) console.log(describeAuditChain(report));
    return reports.every((report) => report.valid) ? 0 : 1;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
