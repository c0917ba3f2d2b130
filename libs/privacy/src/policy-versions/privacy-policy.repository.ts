import { Injectable } from '@nestjs/common';
import { GenerateSql, isUniqueViolation, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PrivacyPolicyResponse, PrivacyPolicyVersion } from './privacy-policy-version.entity';

const VERSION = selectColumns(PrivacyPolicyVersion, 'v');
const RESPONSE = selectColumns(PrivacyPolicyResponse, 'r');

/** The `privacy_policy_version` and `privacy_policy_response` tables. */
@Injectable()
export class PrivacyPolicyRepository {
  constructor(private readonly sql: Sql) {}

  /** Newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async versionsOfTenant(tenantId: string): Promise<PrivacyPolicyVersion[]> {
    const rows = await this.sql.query(`SELECT ${VERSION} FROM privacy_policy_version v WHERE v.tenant_id = $1 ORDER BY v.version DESC`, [tenantId]);
    return rows.map((row) => toEntity(PrivacyPolicyVersion, row));
  }

  /** The tenant's newest version, or null before its first (one row, however many versions). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async latestVersion(tenantId: string): Promise<PrivacyPolicyVersion | null> {
    const [row] = await this.sql.query(`SELECT ${VERSION} FROM privacy_policy_version v WHERE v.tenant_id = $1 ORDER BY v.version DESC LIMIT 1`, [tenantId]);
    return row ? toEntity(PrivacyPolicyVersion, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async findVersion(tenantId: string, id: string): Promise<PrivacyPolicyVersion | null> {
    const [row] = await this.sql.query(`SELECT ${VERSION} FROM privacy_policy_version v WHERE v.tenant_id = $1 AND v.id = $2`, [tenantId, id]);
    return row ? toEntity(PrivacyPolicyVersion, row) : null;
  }

  /** Publishes the next version number; null when another publication took it at the same moment. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, title: 'Privacy policy', summary: 'Retention', body: '…', publishedAt: SQL_EXAMPLE.at, publishedBy: SQL_EXAMPLE.userId, objectionDeadline: SQL_EXAMPLE.at }] })
  async insertNextVersion(version: Omit<PrivacyPolicyVersion, 'id' | 'version'>): Promise<PrivacyPolicyVersion | null> {
    const v = version;
    try {
      const [row] = await this.sql.query(
        `INSERT INTO privacy_policy_version AS v (tenant_id, version, title, summary, body, published_at, published_by, objection_deadline)
         VALUES ($1, (SELECT COALESCE(max(p.version), 0) + 1 FROM privacy_policy_version p WHERE p.tenant_id = $1), $2, $3, $4, $5, $6, $7)
         RETURNING ${VERSION}`,
        [v.tenantId, v.title, v.summary, v.body, v.publishedAt, v.publishedBy, v.objectionDeadline],
      );
      return toEntity(PrivacyPolicyVersion, row!);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Explicit answers to one version. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async responsesTo(tenantId: string, versionId: string): Promise<PrivacyPolicyResponse[]> {
    const rows = await this.sql.query(`SELECT ${RESPONSE} FROM privacy_policy_response r WHERE r.tenant_id = $1 AND r.version_id = $2 ORDER BY r.responded_at, r.user_id`, [tenantId, versionId]);
    return rows.map((row) => toEntity(PrivacyPolicyResponse, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId] })
  async responseOf(tenantId: string, versionId: string, userId: string): Promise<PrivacyPolicyResponse | null> {
    const [row] = await this.sql.query(`SELECT ${RESPONSE} FROM privacy_policy_response r WHERE r.tenant_id = $1 AND r.version_id = $2 AND r.user_id = $3`, [tenantId, versionId, userId]);
    return row ? toEntity(PrivacyPolicyResponse, row) : null;
  }

  /** Records an answer once; null when the user already answered this version. */
  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, versionId: SQL_EXAMPLE.id, userId: SQL_EXAMPLE.userId, response: 'OBJECTED', reason: null, respondedAt: SQL_EXAMPLE.at }] })
  async insertResponse(response: Pick<PrivacyPolicyResponse, 'tenantId' | 'versionId' | 'userId' | 'response' | 'reason' | 'respondedAt'>): Promise<PrivacyPolicyResponse | null> {
    const r = response;
    const [row] = await this.sql.query(
      `INSERT INTO privacy_policy_response AS r (tenant_id, version_id, user_id, response, reason, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ${RESPONSE}`,
      [r.tenantId, r.versionId, r.userId, r.response, r.reason, r.respondedAt],
    );
    return row ? toEntity(PrivacyPolicyResponse, row) : null;
  }

  /** Answers of the given (closed) accounts: how many, and how many of them a hold (`User:<id>`) or a restriction keeps. */
  @GenerateSql({ params: [[SQL_EXAMPLE.userId], [], []] })
  async countResponsesOf(userIds: readonly string[], held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ('User:' || r.user_id::text) = ANY($2::text[]) OR r.user_id = ANY($3::uuid[])) AS held
         FROM privacy_policy_response r WHERE r.user_id = ANY($1::uuid[])`,
      [userIds, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Deletes up to `limit` answers of the given (closed) accounts, none held or restricted; returns how many. */
  @GenerateSql({ params: [[SQL_EXAMPLE.userId], [], [], 100] })
  async deleteResponsesOf(userIds: readonly string[], held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM privacy_policy_response r
        USING (SELECT d.tenant_id, d.version_id, d.user_id FROM privacy_policy_response d
                WHERE d.user_id = ANY($1::uuid[]) AND NOT (('User:' || d.user_id::text) = ANY($2::text[])) AND NOT (d.user_id = ANY($3::uuid[]))
                ORDER BY d.user_id, d.version_id LIMIT $4) due
        WHERE r.tenant_id = due.tenant_id AND r.version_id = due.version_id AND r.user_id = due.user_id
       RETURNING r.user_id`,
      [userIds, held, restricted, limit],
    );
    return rows.length;
  }
}
