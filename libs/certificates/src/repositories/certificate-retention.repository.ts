import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/** An issued certificate past CERTIFICATE_FILE ($1 now, $2 the tenant's period), its record not yet destroyed. */
const CERTIFICATE_DUE = `c.destroyed_at IS NULL AND c.issued_at < $1::timestamptz - $2::interval`;
/** A rejected application past CERTIFICATE_FILE, counted from the decision (its last change), not yet destroyed. */
const REJECTED_DUE = `a.state = 'REJECTED' AND a.destroyed_at IS NULL AND a.updated_at < $1::timestamptz - $2::interval`;
/**
 * An application its company abandoned, past ABANDONED_APPLICATION ($2) counted from its last change:
 * a draft never submitted, one sent back for changes and never resubmitted, or one the company withdrew, not yet destroyed.
 */
const ABANDONED_DUE = `((a.state = 'DRAFT' AND a.submitted_at IS NULL) OR a.state IN ('CHANGES_REQUESTED', 'WITHDRAWN')) AND a.destroyed_at IS NULL AND a.updated_at < $1::timestamptz - $2::interval`;
/** Who is on an application: a restricted person ($4) keeps the whole file as it is (Art. 18: storage only). */
const PEOPLE_OF_APPLICATION = `ARRAY[a.created_by, a.claimed_by, a.reviewed_by]`;
/** Left alone: under a legal hold ($3: `CertificateOfOrigin:id`, `CertificateApplication:id`) or naming a restricted person ($4). */
const CERTIFICATE_KEPT = `(('CertificateOfOrigin:' || c.id::text) = ANY($3::text[]) OR ('CertificateApplication:' || a.id::text) = ANY($3::text[])
    OR (${PEOPLE_OF_APPLICATION} || c.signed_by) && $4::uuid[]
    OR EXISTS (SELECT 1 FROM certificate_copy k WHERE k.tenant_id = c.tenant_id AND k.certificate_id = c.id AND k.requested_by = ANY($4::uuid[])))`;
const APPLICATION_KEPT = `(('CertificateApplication:' || a.id::text) = ANY($3::text[]) OR ${PEOPLE_OF_APPLICATION} && $4::uuid[])`;

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_CERTIFICATE_RECORDS = { CertificateApplication: 'certificate_application', CertificateOfOrigin: 'certificate' };

/**
 * The certificate file past its retention (rule CERTIFICATE_FILE): issued certificates and their
 * applications, and rejected applications. Destroying a record keeps a minimal one without anyone
 * in it (the migration's trigger allows exactly that and nothing else on an issued certificate).
 * And the applications their companies abandoned (rule ABANDONED_APPLICATION).
 */
@Injectable()
export class CertificateRetentionRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['CertificateApplication', SQL_EXAMPLE.id] }, { params: ['CertificateOfOrigin', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_CERTIFICATE_RECORDS, kind, id);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.at, '10 years', [], []] })
  async countPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT (SELECT count(*) FROM certificate c JOIN certificate_application a ON a.tenant_id = c.tenant_id AND a.id = c.application_id WHERE ${CERTIFICATE_DUE})
            + (SELECT count(*) FROM certificate_application a WHERE ${REJECTED_DUE}) AS expired,
              (SELECT count(*) FROM certificate c JOIN certificate_application a ON a.tenant_id = c.tenant_id AND a.id = c.application_id WHERE ${CERTIFICATE_DUE} AND ${CERTIFICATE_KEPT})
            + (SELECT count(*) FROM certificate_application a WHERE ${REJECTED_DUE} AND ${APPLICATION_KEPT}) AS held`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Up to `limit` certificates due, neither held nor naming a restricted person, with their applications. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '10 years', [], [], 500] })
  async certificatesDue(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<Array<{ id: string; applicationId: string }>> {
    return this.sql.query(
      `SELECT c.id, c.application_id AS "applicationId"
         FROM certificate c JOIN certificate_application a ON a.tenant_id = c.tenant_id AND a.id = c.application_id
        WHERE ${CERTIFICATE_DUE} AND NOT ${CERTIFICATE_KEPT}
        ORDER BY c.issued_at, c.id LIMIT $5 FOR UPDATE OF c`,
      [now, retention, held, restricted, limit],
    );
  }

  /** Up to `limit` rejected applications due, neither held nor naming a restricted person. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '10 years', [], [], 500] })
  async rejectedDue(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT a.id FROM certificate_application a WHERE ${REJECTED_DUE} AND NOT ${APPLICATION_KEPT} ORDER BY a.updated_at, a.id LIMIT $5 FOR UPDATE`,
      [now, retention, held, restricted, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Abandoned applications past ABANDONED_APPLICATION, and those of them left alone (held, or naming a restricted person). */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], []] })
  async countAbandonedPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ${APPLICATION_KEPT}) AS held FROM certificate_application a WHERE ${ABANDONED_DUE}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Up to `limit` abandoned applications due, neither held nor naming a restricted person, locked, with their state. */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '12 months', [], [], 500] })
  async abandonedDue(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<Array<{ id: string; state: 'DRAFT' | 'CHANGES_REQUESTED' | 'WITHDRAWN' }>> {
    return this.sql.query(
      `SELECT a.id, a.state FROM certificate_application a WHERE ${ABANDONED_DUE} AND NOT ${APPLICATION_KEPT} ORDER BY a.updated_at, a.id LIMIT $5 FOR UPDATE`,
      [now, retention, held, restricted, limit],
    );
  }

  /** Drafts never submitted, deleted whole (nobody's evidence). Returns the documents they named. */
  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async deleteDrafts(ids: readonly string[]): Promise<{ deleted: number; documentIds: string[] }> {
    if (ids.length === 0) return { deleted: 0, documentIds: [] };
    const rows = await this.sql.query<{ documents: string[] }>(
      `DELETE FROM certificate_application a WHERE a.id = ANY($1::uuid[]) AND a.state = 'DRAFT' AND a.submitted_at IS NULL RETURNING a.supporting_document_ids AS documents`,
      [ids],
    );
    return { deleted: rows.length, documentIds: [...new Set(rows.flatMap((row) => row.documents))] };
  }

  /**
   * The certificates' records destroyed: signed content, signature and signer gone, and the copies'
   * requesters. Returns the PDFs (the certificate's and its copies') to delete with them.
   */
  @GenerateSql({ params: [[SQL_EXAMPLE.id], SQL_EXAMPLE.at] })
  async destroyCertificates(ids: readonly string[], at: Date): Promise<string[]> {
    const certificates = await this.sql.query<{ pdf: string | null }>(
      `UPDATE certificate c SET destroyed_at = $2, signed_payload = '', signature = '', signed_by = NULL WHERE c.id = ANY($1::uuid[]) AND c.destroyed_at IS NULL
       RETURNING c.pdf_document_id AS pdf`,
      [ids, at],
    );
    const copies = await this.sql.query<{ pdf: string | null }>(
      `UPDATE certificate_copy k SET requested_by = NULL WHERE k.certificate_id = ANY($1::uuid[]) RETURNING k.pdf_document_id AS pdf`,
      [ids],
    );
    return [...certificates, ...copies].map((row) => row.pdf).filter((pdf): pdf is string => pdf !== null);
  }

  /**
   * The applications' personal data destroyed (consignee, exporter as submitted, applicant, clerks, their
   * notes, the company's reply to them, the list of supporting documents); the rest of the record stays. Returns the documents they named.
   */
  @GenerateSql({ params: [[SQL_EXAMPLE.id], SQL_EXAMPLE.at] })
  async destroyApplications(ids: readonly string[], at: Date): Promise<{ destroyed: number; documentIds: string[] }> {
    const rows = await this.sql.query<{ documents: string[] }>(
      `UPDATE certificate_application a
          SET consignee_name = '', consignee_address = '', exporter_name = NULL, exporter_address = NULL, created_by = NULL, claimed_by = NULL, reviewed_by = NULL,
              review_comment = NULL, company_reply = NULL, rejection_reason = NULL, supporting_document_ids = '{}', destroyed_at = $2
         FROM certificate_application before
        WHERE before.id = a.id AND a.id = ANY($1::uuid[]) AND a.destroyed_at IS NULL
        RETURNING before.supporting_document_ids AS documents`,
      [ids, at],
    );
    return { destroyed: rows.length, documentIds: [...new Set(rows.flatMap((row) => row.documents))] };
  }
}
