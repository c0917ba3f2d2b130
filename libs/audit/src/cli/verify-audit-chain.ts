import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { loadAppConfig, verifyWithKeySet } from '@chancery/core';
import type { AuditChainVerification } from '../audit-chain';
import type { Sql } from '@chancery/core';
import { AuditEntryRepository } from '../audit-entry.repository';
import { KeptLogCheckpoint, LoggedChain, readLogCheckpointDocument } from '../checkpoints/log-checkpoint';
import { LogCheckpointRepository } from '../checkpoints/log-checkpoint.repository';

/*
 * Verifies every audit chain in the database against its checkpoints (the signed heads: a chain that
 * ends before one was truncated) and exits 1 when any is broken:
 *   DATABASE_URL=postgres://owner@host/db \
 *     npx ts-node -r tsconfig-paths/register --transpile-only libs/audit/src/cli/verify-audit-chain.ts \
 *     [--checkpoint kept.json ... --keys attestation-keys.json]
 * (built: node dist/libs/audit/src/cli/verify-audit-chain.js). `--checkpoint`: a checkpoint document a
 * tenant kept (portal download, or the `audit.checkpoint` webhook's data); its signature is checked
 * against the platform's published attestation keys (`--keys`: the set served at GET
 * /platform/attestation-keys, saved as a file) and its chain must reach it, even if the database's own
 * checkpoints were removed too. Connects as the owner, which reads every tenant's chain (superuser,
 * BYPASSRLS, or the migrations' *_owner_verification policies); the application role would only see
 * the tenant of its transaction.
 */

export interface AuditChainReport extends AuditChainVerification {
  /** null: the platform's own chain. */
  tenantId: string | null;
}

/**
 * Verifies each chain the connection can read, in one snapshot so concurrent appends do not
 * interleave, against its checkpoints in the database and the `kept` ones (already checked authentic).
 */
export async function verifyAllAuditChains(client: Client, options: { kept?: readonly KeptLogCheckpoint[] } = {}): Promise<AuditChainReport[]> {
  const owner = asOwner(client);
  const store = new AuditEntryRepository(owner);
  const checkpoints = new LogCheckpointRepository(owner);
  const kept = (options.kept ?? []).filter((k) => k.chain === LoggedChain.AUDIT);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    // A chain whose every entry was removed is still one: its checkpoints (or the tenant's copy) name it.
    const chains = new Set([...(await store.chains()), ...(await checkpoints.chainsWithCheckpoints(LoggedChain.AUDIT)), ...kept.map((k) => k.tenantId)]);
    const reports: AuditChainReport[] = [];
    for (const tenantId of [...chains].sort(platformFirst)) {
      const heads = [...(await checkpoints.heads(LoggedChain.AUDIT, tenantId)), ...kept.filter((k) => k.tenantId === tenantId).map((k) => k.head)];
      reports.push({ tenantId, ...(await store.verify(tenantId, heads)) });
    }
    return reports;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** A kept checkpoint document, read and checked against the attestation keys (id → JWK x); throws saying why it is not authentic. */
export function authenticKeptCheckpoint(json: string, publicKeys: ReadonlyMap<string, string>): KeptLogCheckpoint {
  const kept = readLogCheckpointDocument(json);
  if (!verifyWithKeySet(publicKeys, kept.keyId, kept.payload, kept.signature)) {
    throw new Error(`its signature does not verify with the platform's attestation key ${kept.keyId} (changed, or not signed by the platform)`);
  }
  return kept;
}

/** The keys of a key set as published at GET /platform/attestation-keys (`{ "keys": [JWK …] }`). */
export function publishedAttestationKeys(json: string): Map<string, string> {
  const { keys } = JSON.parse(json) as { keys?: Array<{ kid?: string; kty?: string; crv?: string; x?: string }> };
  return new Map((keys ?? []).filter((k) => k.kty === 'OKP' && k.crv === 'Ed25519' && k.kid && k.x).map((k) => [k.kid!, k.x!]));
}

export function describeAuditChain(report: AuditChainReport): string {
  const chain = report.tenantId === null ? 'platform' : `tenant ${report.tenantId}`;
  const verdict = report.valid ? 'valid' : `BROKEN at sequence ${report.firstBrokenSequence} (${report.reason})`;
  const checkpoint = report.checkpointSequence ? `, checked against its checkpoint at ${report.checkpointSequence}` : '';
  return `${chain}: ${report.entries} entries, ${verdict}${checkpoint}`;
}

// The owner's client in place of a unit of work: the same statements, over every chain.
function asOwner(client: Client): Sql {
  return { query: async (text: string, values: unknown[] = []) => (await client.query(text, values)).rows } as unknown as Sql;
}

function platformFirst(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? -1 : b === null ? 1 : a.localeCompare(b);
}

const USAGE = 'usage: verify-audit-chain [--checkpoint kept.json ... --keys attestation-keys.json]';

function parseArguments(args: readonly string[]): { checkpoints: string[]; keys?: string } {
  const checkpoints: string[] = [];
  let keys: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if ((args[i] !== '--checkpoint' && args[i] !== '--keys') || value === undefined) throw new Error(USAGE);
    if (args[i] === '--checkpoint') checkpoints.push(value);
    else keys = value;
    i += 1;
  }
  // A kept checkpoint is checked against the published keys, not against what the database says they are.
  if (checkpoints.length > 0 && !keys) throw new Error(`--checkpoint needs --keys (GET /platform/attestation-keys, saved): ${USAGE}`);
  return { checkpoints, keys };
}

async function main(args: readonly string[]): Promise<number> {
  const ownerUrl = loadAppConfig(process.env).DATABASE_URL;
  if (!ownerUrl) {
    console.error('DATABASE_URL (the owner connection) is required');
    return 2;
  }
  const options = parseArguments(args);
  const client = new Client({ connectionString: ownerUrl, application_name: 'chancery-verify-audit-chain' });
  await client.connect();
  try {
    const publicKeys = options.keys ? publishedAttestationKeys(readFileSync(options.keys, 'utf8')) : new Map<string, string>();
    const kept: KeptLogCheckpoint[] = [];
    let authentic = true;
    for (const file of options.checkpoints) {
      try {
        const checkpoint = authenticKeptCheckpoint(readFileSync(file, 'utf8'), publicKeys);
        if (checkpoint.chain !== LoggedChain.AUDIT) throw new Error(`it is a checkpoint of the ${checkpoint.chain} log, not of the audit log (GraphQL verifyPersonalDataAccessChain checks that one)`);
        kept.push(checkpoint);
        console.log(`checkpoint ${file}: authentic, ${checkpoint.tenantId === null ? 'platform' : `tenant ${checkpoint.tenantId}`} at sequence ${checkpoint.head.sequence}`);
      } catch (error) {
        authentic = false;
        console.error(`checkpoint ${file}: NOT USED, ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const reports = await verifyAllAuditChains(client, { kept });
    if (reports.length === 0) console.log('no audit entries');
    for (const report of reports) console.log(describeAuditChain(report));
    return authentic && reports.every((report) => report.valid) ? 0 : 1;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
