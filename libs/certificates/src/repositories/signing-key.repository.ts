import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { SigningKey } from '../entities/public-verification.types';

const KEY = selectColumns(SigningKey, 'k');
const PUBLIC_KEY = selectColumns(SigningKey, 'k', { except: ['sealedPrivateKey'] });

/** The `certificate_signing_key` table: one active key per tenant, retired keys kept to verify what they signed. */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly sql: Sql) {}

  /** The tenant's active key, locked (signing and rotation take it in the same order). */
  @GenerateSql({ params: [] })
  async activeKey(): Promise<SigningKey | null> {
    const [row] = await this.sql.query(`SELECT ${KEY} FROM certificate_signing_key k WHERE k.retired_at IS NULL FOR SHARE`);
    return row ? toEntity(SigningKey, row) : null;
  }

  /**
   * Queues the tenant's rotations one behind the other until the transaction ends: each then reads the
   * key the one before it made. (Two rotations holding the active key FOR SHARE deadlocked, or the
   * second's new key met the first's in the one-active-key index.)
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async lockRotation(tenantId: string): Promise<void> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended('certificate_signing_key_rotation:' || $1, 0))`, [tenantId]);
  }

  @GenerateSql({ params: [{ id: 'kid', tenantId: SQL_EXAMPLE.tenantId, publicKey: 'x', sealedPrivateKey: 'v1.x' }, SQL_EXAMPLE.at] })
  async insert(key: Pick<SigningKey, 'id' | 'tenantId' | 'publicKey' | 'sealedPrivateKey'>, at: Date): Promise<SigningKey> {
    const [row] = await this.sql.query(
      `INSERT INTO certificate_signing_key AS k (id, tenant_id, public_key, sealed_private_key, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${KEY}`,
      [key.id, key.tenantId, key.publicKey, key.sealedPrivateKey, at],
    );
    return toEntity(SigningKey, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at] })
  async retireActive(at: Date): Promise<void> {
    await this.sql.query(`UPDATE certificate_signing_key k SET retired_at = $1 WHERE k.retired_at IS NULL`, [at]);
  }

  /** Public halves of a tenant's keys (the public scope reads every tenant's: filtered by tenant here). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async publicKeysOf(tenantId: string): Promise<SigningKey[]> {
    const rows = await this.sql.query(`SELECT ${PUBLIC_KEY} FROM certificate_signing_key k WHERE k.tenant_id = $1 ORDER BY k.retired_at IS NULL, k.created_at, k.id`, [tenantId]);
    return rows.map((row) => toEntity(SigningKey, row));
  }

  @GenerateSql({ params: ['kid'] })
  async publicKey(id: string): Promise<SigningKey | null> {
    const [row] = await this.sql.query(`SELECT ${PUBLIC_KEY} FROM certificate_signing_key k WHERE k.id = $1`, [id]);
    return row ? toEntity(SigningKey, row) : null;
  }
}
