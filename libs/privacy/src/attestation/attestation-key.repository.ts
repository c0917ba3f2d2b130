import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PlatformAttestationKey } from './attestation-key.entity';

const ATTESTATION_KEY = selectColumns(PlatformAttestationKey, 'k');

/** `platform_attestation_key`, the platform's attestation keys. */
@Injectable()
export class AttestationKeyRepository {
  constructor(private readonly sql: Sql) {}

  /** The platform's attestation key (the first made; platform scope). */
  @GenerateSql({ params: [] })
  async attestationKey(): Promise<PlatformAttestationKey | null> {
    const [row] = await this.sql.query(`SELECT ${ATTESTATION_KEY} FROM platform_attestation_key k ORDER BY k.created_at, k.id LIMIT 1`);
    return row ? toEntity(PlatformAttestationKey, row) : null;
  }

  /** Stores a new key; nothing when another transaction stored one first (the caller reads that one). */
  @GenerateSql({ params: ['kid', 'x', 'v1.sealed', SQL_EXAMPLE.at] })
  async insertAttestationKey(id: string, publicKey: string, sealedPrivateKey: string, at: Date): Promise<void> {
    await this.sql.query(`INSERT INTO platform_attestation_key (id, public_key, sealed_private_key, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [id, publicKey, sealedPrivateKey, at]);
  }

  /** Every attestation key (platform or public scope): the public halves are published. */
  @GenerateSql({ params: [] })
  async attestationKeys(): Promise<PlatformAttestationKey[]> {
    const rows = await this.sql.query(`SELECT ${ATTESTATION_KEY} FROM platform_attestation_key k ORDER BY k.created_at, k.id`);
    return rows.map((row) => toEntity(PlatformAttestationKey, row));
  }
}
