import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';
import { CertificateStatus, RevocationReason } from '../entities/certificate.entity';

/** What the public verification reads of a certificate: no company, no person, no sealed code. */
export interface PublicCertificateRow {
  tenantId: string;
  number: string;
  status: CertificateStatus;
  revocationReason: RevocationReason | null;
  supersededByNumber: string | null;
  issuingChamber: string;
  issuedAt: Date;
  countryOfOrigin: string;
  goodsHash: string;
  signedPayload: string;
  signature: string;
  keyId: string;
  verificationCodeHash: string;
  publicKey: string;
  /** Set once the record was destroyed after its retention period: the signed content and signature are empty then. */
  destroyedAt: Date | null;
}

/**
 * Reads of the public verification (the `publicReading` scope: every tenant's issued certificates and
 * public keys, read only), and the throttle of failed attempts (`certificate_verification_throttle`,
 * platform rows written as the system).
 */
@Injectable()
export class VerificationRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: ['BE-ANT-2026-000001'] })
  async findByNumber(number: string): Promise<PublicCertificateRow | null> {
    const [row] = await this.sql.query<PublicCertificateRow>(
      `SELECT c.tenant_id AS "tenantId", c.number, c.status, c.revocation_reason AS "revocationReason", c.superseded_by_number AS "supersededByNumber",
              c.issuing_chamber AS "issuingChamber", c.issued_at AS "issuedAt", c.country_of_origin AS "countryOfOrigin", c.goods_hash AS "goodsHash",
              c.signed_payload AS "signedPayload", c.signature, c.key_id AS "keyId", c.verification_code_hash AS "verificationCodeHash", k.public_key AS "publicKey",
              c.destroyed_at AS "destroyedAt"
         FROM certificate c JOIN certificate_signing_key k ON k.id = c.key_id AND k.tenant_id = c.tenant_id
        WHERE c.number = $1`,
      [number],
    );
    return row ?? null;
  }

  /**
   * Counts an attempt under each key before it is judged (a new window if the last one ended) and
   * returns the counts, in the keys' order. One statement per key's row lock: attempts sent at the same
   * moment are counted one after another, so none is judged on the count from before the others.
   */
  @GenerateSql({ params: [[SQL_EXAMPLE.hash], SQL_EXAMPLE.at, SQL_EXAMPLE.at], tenantId: null })
  async countAttempt(keys: readonly Buffer[], at: Date, windowStartAfter: Date): Promise<number[]> {
    const rows = await this.sql.query<{ key: Buffer; failures: number }>(
      `INSERT INTO certificate_verification_throttle AS t (tenant_id, throttle_key, failures, window_start)
       SELECT NULL, key, 1, $2 FROM unnest($1::bytea[]) AS key
       ON CONFLICT (throttle_key) DO UPDATE
         SET failures = CASE WHEN t.window_start <= $3 THEN 1 ELSE t.failures + 1 END,
             window_start = CASE WHEN t.window_start <= $3 THEN $2 ELSE t.window_start END
       RETURNING t.throttle_key AS key, t.failures`,
      [keys, at, windowStartAfter],
    );
    return keys.map((key) => rows.find((r) => r.key.equals(key))?.failures ?? 0);
  }

  /** Takes back an attempt counted before it was judged (it was authentic): one less in the current window. */
  @GenerateSql({ params: [[SQL_EXAMPLE.hash], SQL_EXAMPLE.at], tenantId: null })
  async giveBack(keys: readonly Buffer[], windowStartAfter: Date): Promise<void> {
    await this.sql.query(
      `UPDATE certificate_verification_throttle t SET failures = t.failures - 1 WHERE t.throttle_key = ANY($1::bytea[]) AND t.window_start > $2 AND t.failures > 0`,
      [keys, windowStartAfter],
    );
  }

  /** Counters whose window started before `before` (they count nothing any more): one batch. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, 500], tenantId: null })
  async deleteWindowsStartedBefore(before: Date, batchSize: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM certificate_verification_throttle WHERE throttle_key IN (
         SELECT t.throttle_key FROM certificate_verification_throttle t WHERE t.window_start < $1 LIMIT ${Math.trunc(batchSize)})
       RETURNING throttle_key`,
      [before],
    );
    return rows.length;
  }

}
