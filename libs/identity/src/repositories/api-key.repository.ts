import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ApiKey } from '../entities/api-key.entity';

const API_KEY = selectColumns(ApiKey, 'k', { except: ['keyHash'] });

/** Whose keys: a company's (organisationId) or the tenant's own (organisationId null). */
export interface ApiKeyOwner {
  tenantId: string;
  organisationId: string | null;
}

export type NewApiKey = Pick<ApiKey, 'tenantId' | 'organisationId' | 'name' | 'scopes' | 'keyHash' | 'createdBy'>;

/** What an API key authenticates as. */
export interface AuthenticatedApiKey {
  id: string;
  tenantId: string;
  organisationId: string | null;
  scopes: string[];
}

/** The `api_key` table: integration keys, stored as hashes. */
@Injectable()
export class ApiKeyRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, name: 'ERP', scopes: ['ORGANISATION_ERP'], keyHash: SQL_EXAMPLE.hash, createdBy: SQL_EXAMPLE.userId }] })
  async insert(key: NewApiKey): Promise<ApiKey> {
    const [row] = await this.sql.query(
      `INSERT INTO api_key AS k (tenant_id, organisation_id, name, scopes, key_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${API_KEY}`,
      [key.tenantId, key.organisationId, key.name, key.scopes, key.keyHash, key.createdBy],
    );
    return toEntity(ApiKey, row!);
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async listOwnedBy(owner: ApiKeyOwner): Promise<ApiKey[]> {
    const rows = await this.sql.query(
      `SELECT ${API_KEY} FROM api_key k WHERE k.tenant_id = $1 AND k.organisation_id IS NOT DISTINCT FROM $2::uuid
        ORDER BY k.created_at DESC, k.id`,
      [owner.tenantId, owner.organisationId],
    );
    return rows.map((row) => toEntity(ApiKey, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async findOwned(id: string, owner: ApiKeyOwner): Promise<ApiKey | null> {
    const [row] = await this.sql.query(
      `SELECT ${API_KEY} FROM api_key k WHERE k.id = $3 AND k.tenant_id = $1 AND k.organisation_id IS NOT DISTINCT FROM $2::uuid`,
      [owner.tenantId, owner.organisationId, id],
    );
    return row ? toEntity(ApiKey, row) : null;
  }

  /** Revokes the key if it is not already; returns it as it is afterwards. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async revoke(id: string, at: Date): Promise<ApiKey | null> {
    const [row] = await this.sql.query(
      `UPDATE api_key k SET revoked_at = coalesce(k.revoked_at, $2) WHERE k.id = $1 RETURNING ${API_KEY}`,
      [id, at],
    );
    return row ? toEntity(ApiKey, row) : null;
  }

  /**
   * The live key with this hash. Its last use is recorded at most once a minute: a write on every
   * request would make a busy integration's concurrent requests queue on the key's row.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async authenticate(keyHash: Buffer, now: Date): Promise<AuthenticatedApiKey | null> {
    const [row] = await this.sql.query<AuthenticatedApiKey>(
      `WITH key AS (SELECT k.id, k.tenant_id, k.organisation_id, k.scopes, k.last_used_at FROM api_key k
                     WHERE k.key_hash = $1 AND k.revoked_at IS NULL),
            touched AS (UPDATE api_key SET last_used_at = $2 FROM key
                         WHERE api_key.id = key.id AND (key.last_used_at IS NULL OR key.last_used_at < $2::timestamptz - interval '1 minute'))
       SELECT key.id, key.tenant_id AS "tenantId", key.organisation_id AS "organisationId", key.scopes FROM key`,
      [keyHash, now],
    );
    return row ?? null;
  }

  /** Revokes every live key the person created (they were disabled); returns their ids. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async revokeCreatedBy(userId: string, at: Date): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(`UPDATE api_key k SET revoked_at = $2 WHERE k.created_by = $1 AND k.revoked_at IS NULL RETURNING k.id`, [userId, at]);
    return rows.map((row) => row.id);
  }
}
