import { Injectable } from '@nestjs/common';
import { GenerateSql, HashChainVerification, Sql, SQL_EXAMPLE } from '@chancery/core';
import { ChainedPersonalDataAccess, PersonalDataAccessChainVerifier, PersonalDataAccessRecord } from './personal-data-access-chain';

export type { PersonalDataAccessRecord };

export interface StoredPersonalDataAccess extends PersonalDataAccessRecord {
  id: string;
}

export interface PersonalDataAccessQuery {
  tenantId: string;
  subjectType?: string;
  subjectId?: string;
  first: number;
  /** Continue a newest-first listing after this row. */
  before?: string;
}

interface PersonalDataAccessRow {
  id: string;
  tenant_id: string;
  occurred_at: Date;
  accessor_kind: string;
  accessor_id: string | null;
  accessor_roles: string[];
  subject_type: string;
  subject_id: string;
  categories: string[];
  fields: string[];
  operation: string;
  request_id: string | null;
  sequence?: string | null;
  previous_hash?: Buffer | null;
  hash?: Buffer | null;
}

const COLUMNS = `id, tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles, subject_type, subject_id,
  categories, fields, operation, request_id`;
const COLUMNS_PER_ROW = 14;
const VERIFY_PAGE_SIZE = 1000;

/** The `personal_data_access` table (append-only); every read names the tenant it reads. */
@Injectable()
export class PersonalDataAccessRepository {
  constructor(private readonly sql: Sql) {}

  /** Serialises appends to one tenant's chain until the transaction ends. */
  @GenerateSql({ params: ['42'] })
  async lockChain(lockKey: string): Promise<void> {
    await this.sql.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
  }

  /** The end of a tenant's chain: its last chained row. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async lastOfChain(tenantId: string): Promise<{ sequence: number; hash: Buffer } | undefined> {
    const rows = (await this.sql.query(
      `SELECT sequence, hash FROM personal_data_access WHERE tenant_id = $1 AND sequence IS NOT NULL
       ORDER BY sequence DESC LIMIT 1`,
      [tenantId],
    )) as Array<{ sequence: string; hash: Buffer }>;
    return rows[0] && { sequence: Number(rows[0].sequence), hash: rows[0].hash };
  }

  /** Appends chained rows, all of the transaction's tenant, in one statement. */
  @GenerateSql({ params: [[{ tenantId: SQL_EXAMPLE.tenantId, occurredAt: SQL_EXAMPLE.at, accessorKind: 'user', accessorId: SQL_EXAMPLE.userId, accessorRoles: ['CLERK'], subjectType: 'user', subjectId: SQL_EXAMPLE.userId, categories: ['contact'], fields: ['User.email'], operation: 'user', requestId: null, sequence: 1, previousHash: null, hash: SQL_EXAMPLE.hash }]] })
  async append(records: readonly ChainedPersonalDataAccess[]): Promise<void> {
    if (records.length === 0) return;
    const parameters: unknown[] = [];
    const values = records.map((r, i) => {
      parameters.push(
        r.tenantId, r.occurredAt, r.accessorKind, r.accessorId, r.accessorRoles, r.subjectType, r.subjectId,
        r.categories, r.fields, r.operation, r.requestId, r.sequence, r.previousHash, r.hash,
      );
      const at = i * COLUMNS_PER_ROW;
      return `(${Array.from({ length: COLUMNS_PER_ROW }, (_, j) => `$${at + j + 1}`).join(', ')})`;
    });
    await this.sql.query(
      `INSERT INTO personal_data_access (tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles,
         subject_type, subject_id, categories, fields, operation, request_id, sequence, previous_hash, hash)
       VALUES ${values.join(', ')}`,
      parameters,
    );
  }

  /** Recomputes a tenant's chain from its first row, a page at a time so its length does not matter. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async verify(tenantId: string, pageSize = VERIFY_PAGE_SIZE): Promise<HashChainVerification> {
    const verifier = new PersonalDataAccessChainVerifier();
    let after = 0;
    for (;;) {
      const rows = (await this.sql.query(
        `SELECT ${COLUMNS}, sequence, previous_hash, hash FROM personal_data_access
         WHERE tenant_id = $1 AND sequence > $2 ORDER BY sequence LIMIT ${Math.trunc(pageSize)}`,
        [tenantId, after],
      )) as PersonalDataAccessRow[];
      for (const row of rows) {
        verifier.accept({ ...toStored(row), sequence: Number(row.sequence), previousHash: row.previous_hash ?? null, hash: row.hash! });
      }
      if (rows.length < pageSize) return verifier.status;
      after = Number(rows[rows.length - 1]!.sequence);
    }
  }

  /** One page, newest first; ties in time broken by id so the cursor never skips or repeats a row. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, first: 50 }] }, { params: [{ tenantId: SQL_EXAMPLE.tenantId, subjectType: 'user', subjectId: SQL_EXAMPLE.userId, first: 50, before: '10' }] })
  async newestFirst(query: PersonalDataAccessQuery): Promise<StoredPersonalDataAccess[]> {
    const parameters: unknown[] = [query.tenantId];
    const conditions = ['tenant_id = $1'];
    if (query.subjectType !== undefined) {
      parameters.push(query.subjectType);
      conditions.push(`subject_type = $${parameters.length}`);
    }
    if (query.subjectId !== undefined) {
      parameters.push(query.subjectId);
      conditions.push(`subject_id = $${parameters.length}::uuid`);
    }
    if (query.before !== undefined) {
      // The cursor row must pass the same filters as the page (tenant, subject): a cursor from
      // elsewhere finds no row, the page is empty, and nothing is learnt about another person's entries.
      const cursorConditions = [...conditions];
      parameters.push(query.before);
      conditions.push(
        `(occurred_at, id) < (SELECT occurred_at, id FROM personal_data_access
                               WHERE ${cursorConditions.join(' AND ')} AND id = $${parameters.length}::bigint)`,
      );
    }
    const rows = (await this.sql.query(
      `SELECT ${COLUMNS} FROM personal_data_access WHERE ${conditions.join(' AND ')}
       ORDER BY occurred_at DESC, id DESC LIMIT ${Math.trunc(query.first)}`,
      parameters,
    )) as PersonalDataAccessRow[];
    return rows.map(toStored);
  }
}

function toStored(row: PersonalDataAccessRow): StoredPersonalDataAccess {
  return {
    id: String(row.id),
    tenantId: row.tenant_id,
    occurredAt: row.occurred_at,
    accessorKind: row.accessor_kind,
    accessorId: row.accessor_id,
    accessorRoles: row.accessor_roles,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    categories: row.categories,
    fields: row.fields,
    operation: row.operation,
    requestId: row.request_id,
  };
}
