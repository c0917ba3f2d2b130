import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { BillableLine, Certificate, CertificateCopy, CertificateStatus } from '../entities/certificate.entity';
import { CertificateSettings } from '../entities/public-verification.types';

const CERTIFICATE = selectColumns(Certificate, 'c');
const COPY = selectColumns(CertificateCopy, 'k');
const LINE = selectColumns(BillableLine, 'l');
const SETTINGS = selectColumns(CertificateSettings, 's');

export type NewCertificate = Omit<Certificate, 'id' | 'status' | 'revokedAt' | 'revocationReason' | 'supersededAt' | 'supersededByCertificateId' | 'supersededByNumber' | 'pdfDocumentId' | 'verificationCode' | 'pdfReady' | 'copies' | 'destroyedAt'>;
export type CertificateStatusChange = Partial<Pick<Certificate, 'status' | 'revokedAt' | 'revocationReason' | 'supersededAt' | 'supersededByCertificateId' | 'supersededByNumber'>>;

const EXAMPLE_CERTIFICATE: NewCertificate = {
  tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, applicationId: SQL_EXAMPLE.id, number: 'BE-ANT-2026-000001', year: 2026, sequence: 1,
  language: 'EN' as never, countryOfOrigin: 'BE', goodsHash: 'ab'.repeat(32), issuingChamber: 'Chamber', signedPayload: '{}', signature: 'sig', keyId: 'kid',
  verificationCodeHash: 'ab'.repeat(32), sealedVerificationCode: 'v1.x', idempotencyKey: 'key', signedBy: SQL_EXAMPLE.userId, issuedAt: SQL_EXAMPLE.at,
};

/**
 * The `certificate`, `certificate_copy`, `certificate_number_counter`, `certificate_billable_line`
 * and `certificate_settings` tables. Row-level security keeps tenants apart; an issued certificate's
 * content columns cannot be updated by the application role at all.
 */
@Injectable()
export class CertificateRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * The next number of the tenant's year, in the caller's transaction: the counter row stays locked
   * until it ends, so concurrent signers queue, and a rollback gives the number back (no gaps).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 2026] })
  async nextSequence(tenantId: string, year: number): Promise<number> {
    const [row] = await this.sql.query<{ value: number }>(
      `INSERT INTO certificate_number_counter AS n (tenant_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = n.last_value + 1 RETURNING n.last_value AS value`,
      [tenantId, year],
    );
    return row!.value;
  }

  @GenerateSql({ params: [EXAMPLE_CERTIFICATE] })
  async insert(c: NewCertificate): Promise<Certificate> {
    const [row] = await this.sql.query(
      `INSERT INTO certificate AS c (tenant_id, organisation_id, application_id, number, year, sequence, status, language, country_of_origin, goods_hash,
              issuing_chamber, signed_payload, signature, key_id, verification_code_hash, sealed_verification_code, idempotency_key, signed_by, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'ISSUED', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${CERTIFICATE}`,
      [c.tenantId, c.organisationId, c.applicationId, c.number, c.year, c.sequence, c.language, c.countryOfOrigin, c.goodsHash, c.issuingChamber, c.signedPayload,
        c.signature, c.keyId, c.verificationCodeHash, c.sealedVerificationCode, c.idempotencyKey, c.signedBy, c.issuedAt],
    );
    return toEntity(Certificate, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, false] }, { params: [SQL_EXAMPLE.id, true] })
  async findById(id: string, forUpdate = false): Promise<Certificate | null> {
    const [row] = await this.sql.query(`SELECT ${CERTIFICATE} FROM certificate c WHERE c.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toEntity(Certificate, row) : null;
  }

  @GenerateSql({ params: ['signing-request-1'] })
  async findByIdempotencyKey(key: string): Promise<Certificate | null> {
    const [row] = await this.sql.query(`SELECT ${CERTIFICATE} FROM certificate c WHERE c.tenant_id = app_current_tenant() AND c.idempotency_key = $1`, [key]);
    return row ? toEntity(Certificate, row) : null;
  }

  /**
   * A company's certificates (`organisationId`), or the tenant's (null), newest first; `after`: the
   * page continues after that certificate, which must be in the same list (else the page is empty);
   * `number`: only the certificate with that number (row-level security keeps it to the tenant).
   *
   * The tenant is named although row-level security keeps the rows to it: the table's policies are
   * alternatives (the tenant's rows, or any row for the public verification, or the PDF queue's), and
   * PostgreSQL cannot seek an index with an OR of them, so without it every page read the whole
   * register of every chamber (0.4–0.8 s at a million certificates). The position is compared as two
   * values, which an index can seek to (a compared sub-select of two columns is checked row by row);
   * without a position the condition folds away, sub-selects included (a common table expression would
   * stay in the plan, and its estimated cost alone crossed PostgreSQL's threshold for compiling the
   * query: 20–30 ms of JIT compilation for a 1 ms read).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.organisationId, 50, null, null] }, { params: [null, 50, SQL_EXAMPLE.id, 'BE-ANT-2026-000001'] })
  async list(organisationId: string | null, limit: number, after: string | null, number: string | null): Promise<Certificate[]> {
    const rows = await this.sql.query(
      `SELECT ${CERTIFICATE} FROM certificate c WHERE c.tenant_id = app_current_tenant() AND ($1::uuid IS NULL OR c.organisation_id = $1) AND ($4::text IS NULL OR c.number = $4)
        AND ($3::uuid IS NULL OR (c.issued_at, c.id) < ((SELECT x.issued_at FROM certificate x WHERE x.id = $3 AND ($1::uuid IS NULL OR x.organisation_id = $1)),
                                                         (SELECT x.id FROM certificate x WHERE x.id = $3 AND ($1::uuid IS NULL OR x.organisation_id = $1))))
        ORDER BY c.issued_at DESC, c.id DESC LIMIT $2`,
      [organisationId, limit, after, number],
    );
    return rows.map((row) => toEntity(Certificate, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { status: 'REVOKED', revokedAt: SQL_EXAMPLE.at, revocationReason: 'ISSUED_IN_ERROR' }] })
  async changeStatus(id: string, change: CertificateStatusChange): Promise<Certificate> {
    const [row] = await this.sql.query(
      `UPDATE certificate c SET status = $2, revoked_at = coalesce($3, c.revoked_at), revocation_reason = coalesce($4, c.revocation_reason),
              superseded_at = coalesce($5, c.superseded_at), superseded_by_certificate_id = coalesce($6, c.superseded_by_certificate_id),
              superseded_by_number = coalesce($7, c.superseded_by_number)
        WHERE c.id = $1 RETURNING ${CERTIFICATE}`,
      [id, change.status, change.revokedAt ?? null, change.revocationReason ?? null, change.supersededAt ?? null, change.supersededByCertificateId ?? null, change.supersededByNumber ?? null],
    );
    return toEntity(Certificate, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.id] })
  async setCertificatePdf(id: string, documentId: string): Promise<void> {
    await this.sql.query(`UPDATE certificate c SET pdf_document_id = $2 WHERE c.id = $1 AND c.pdf_document_id IS NULL`, [id, documentId]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.id] })
  async setCopyPdf(id: string, documentId: string): Promise<void> {
    await this.sql.query(`UPDATE certificate_copy k SET pdf_document_id = $2 WHERE k.id = $1 AND k.pdf_document_id IS NULL`, [id, documentId]);
  }

  /**
   * Takes the certificate (copyId null) or copy whose PDF is still to render for this transaction, so
   * two workers never render the same one; false when it has its PDF or another worker holds it.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id, null] })
  async claimAwaitingPdf(certificateId: string, copyId: string | null): Promise<boolean> {
    const rows: unknown[] = copyId
      ? await this.sql.query(`SELECT k.id FROM certificate_copy k WHERE k.id = $1 AND k.pdf_document_id IS NULL FOR UPDATE SKIP LOCKED`, [copyId])
      : await this.sql.query(`SELECT c.id FROM certificate c WHERE c.id = $1 AND c.pdf_document_id IS NULL FOR UPDATE SKIP LOCKED`, [certificateId]);
    return rows.length === 1;
  }

  /**
   * Certificates and copies whose PDF is still to render and due (never tried, or their back-off run
   * out; not given up), with their tenant and failed attempts: of every tenant in the
   * `findingAwaitingPdfs` scope (the worker's round), of the transaction's tenant otherwise. Fewest
   * attempts first, then oldest: a new certificate comes before any that has failed, so failing ones
   * cannot fill the round.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, 20] })
  async awaitingPdf(now: Date, limit: number): Promise<Array<{ tenantId: string; certificateId: string; copyId: string | null; attempts: number }>> {
    return this.sql.query(
      `(SELECT c.tenant_id AS "tenantId", c.id AS "certificateId", NULL::uuid AS "copyId", c.pdf_attempts AS attempts, c.issued_at AS at FROM certificate c
         WHERE c.pdf_document_id IS NULL AND c.pdf_given_up_at IS NULL AND c.destroyed_at IS NULL AND (c.pdf_next_attempt_at IS NULL OR c.pdf_next_attempt_at <= $1))
       UNION ALL
       (SELECT k.tenant_id, k.certificate_id, k.id, k.pdf_attempts, k.created_at FROM certificate_copy k
         WHERE k.pdf_document_id IS NULL AND k.pdf_given_up_at IS NULL AND (k.pdf_next_attempt_at IS NULL OR k.pdf_next_attempt_at <= $1))
       ORDER BY attempts, at LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * Records a failed rendering: its number (`attempts`, counting this one) and the next try, or that it
   * was given up. Only over the count the round read, so a failure is counted once however many
   * workers saw it; false when it has its PDF meanwhile or another worker counted it.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id, null, 1, SQL_EXAMPLE.at, null] })
  async markPdfFailed(certificateId: string, copyId: string | null, attempts: number, nextAttemptAt: Date | null, givenUpAt: Date | null): Promise<boolean> {
    const rows: unknown[] = copyId
      ? await this.sql.query(
          `UPDATE certificate_copy k SET pdf_attempts = $2, pdf_next_attempt_at = $3, pdf_given_up_at = $4
            WHERE k.id = $1 AND k.pdf_document_id IS NULL AND k.pdf_attempts = $2 - 1 RETURNING k.id`,
          [copyId, attempts, nextAttemptAt, givenUpAt],
        )
      : await this.sql.query(
          `UPDATE certificate c SET pdf_attempts = $2, pdf_next_attempt_at = $3, pdf_given_up_at = $4
            WHERE c.id = $1 AND c.pdf_document_id IS NULL AND c.pdf_attempts = $2 - 1 RETURNING c.id`,
          [certificateId, attempts, nextAttemptAt, givenUpAt],
        );
    return rows.length === 1;
  }

  /** Copies are numbered per certificate; the certificate row is locked by the caller. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async insertCopy(tenantId: string, certificateId: string, requestedBy: string, at: Date): Promise<CertificateCopy> {
    const [row] = await this.sql.query(
      `INSERT INTO certificate_copy AS k (tenant_id, certificate_id, copy_number, requested_by, created_at)
       SELECT $1, $2, coalesce(max(x.copy_number), 0) + 1, $3, $4 FROM certificate_copy x WHERE x.certificate_id = $2
       RETURNING ${COPY}`,
      [tenantId, certificateId, requestedBy, at],
    );
    return toEntity(CertificateCopy, row!);
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async copiesOf(certificateIds: readonly string[]): Promise<CertificateCopy[]> {
    const rows = await this.sql.query(`SELECT ${COPY} FROM certificate_copy k WHERE k.certificate_id = ANY($1::uuid[]) ORDER BY k.certificate_id, k.copy_number`, [certificateIds]);
    return rows.map((row) => toEntity(CertificateCopy, row));
  }

  /** The certificates a person signed (their data-subject export), oldest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async signedBy(userId: string): Promise<Certificate[]> {
    const rows = await this.sql.query(`SELECT ${CERTIFICATE} FROM certificate c WHERE c.tenant_id = app_current_tenant() AND c.signed_by = $1 ORDER BY c.issued_at, c.id`, [userId]);
    return rows.map((row) => toEntity(Certificate, row));
  }

  /** The copies a person requested (their data-subject export), with their certificate's company. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async copiesRequestedBy(userId: string): Promise<CertificateCopy[]> {
    const rows = await this.sql.query(
      `SELECT ${COPY}, c.organisation_id AS "organisationId" FROM certificate_copy k JOIN certificate c ON c.id = k.certificate_id
        WHERE k.tenant_id = app_current_tenant() AND c.tenant_id = app_current_tenant() AND k.requested_by = $1 ORDER BY k.created_at, k.id`,
      [userId],
    );
    return rows.map((row) => toEntity(CertificateCopy, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findCopy(id: string): Promise<CertificateCopy | null> {
    const [row] = await this.sql.query(`SELECT ${COPY} FROM certificate_copy k WHERE k.id = $1`, [id]);
    return row ? toEntity(CertificateCopy, row) : null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, certificateId: SQL_EXAMPLE.id, kind: 'ISSUE', copyNumber: null, member: true, amountCents: 2500, currency: 'EUR', occurredAt: SQL_EXAMPLE.at }] })
  async insertBillableLine(line: Omit<BillableLine, 'id'>): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificate_billable_line (tenant_id, organisation_id, certificate_id, kind, copy_number, member, amount_cents, currency, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [line.tenantId, line.organisationId, line.certificateId, line.kind, line.copyNumber, line.member, line.amountCents, line.currency, line.occurredAt],
    );
  }

  /**
   * The billable lines of a month (UTC), per company, for the invoicing export, each with what the
   * invoice names: the certificate's number and the company's name and VAT number (identity's
   * published view), in this one statement. The tenant named, so the month index is sought.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, SQL_EXAMPLE.at, null] })
  async billableLines(from: Date, until: Date, organisationId: string | null): Promise<BillableLine[]> {
    const rows = await this.sql.query(
      `SELECT ${LINE}, c.number AS "certificateNumber", o.name AS "organisationName", o.vat_number AS "organisationVatNumber"
         FROM certificate_billable_line l
         JOIN certificate c ON c.id = l.certificate_id AND c.tenant_id = l.tenant_id
         LEFT JOIN organisation_invoicing o ON o.id = l.organisation_id AND o.tenant_id = l.tenant_id
        WHERE l.tenant_id = app_current_tenant() AND l.occurred_at >= $1 AND l.occurred_at < $2 AND ($3::uuid IS NULL OR l.organisation_id = $3)
        ORDER BY o.name COLLATE natural_order, l.organisation_id, l.occurred_at, l.id LIMIT 100000`,
      [from, until, organisationId],
    );
    return rows.map((row) => toEntity(BillableLine, row));
  }

  /**
   * Signatures per signer and month (UTC): the signer's part of the processing statistics. The tenant
   * named, as in `list`: without it every chamber's register was read (0.9 s at a million certificates).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async signaturesPerMonth(userId: string | null): Promise<Array<{ userId: string; month: string; count: number }>> {
    return this.sql.query(
      `SELECT c.signed_by AS "userId", to_char(c.issued_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
         FROM certificate c WHERE c.tenant_id = app_current_tenant() AND ($1::uuid IS NULL OR c.signed_by = $1) GROUP BY 1, 2 ORDER BY 2 DESC, 1 LIMIT 1000`,
      [userId],
    );
  }

  @GenerateSql({ params: [] })
  async settings(): Promise<CertificateSettings | null> {
    const [row] = await this.sql.query(`SELECT ${SETTINGS} FROM certificate_settings s`);
    return row ? toEntity(CertificateSettings, row) : null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, numberPrefix: 'BE-ANT', memberFeeCents: 2500, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 800, currency: 'EUR' }] })
  async saveSettings(s: CertificateSettings): Promise<CertificateSettings> {
    const [row] = await this.sql.query(
      `INSERT INTO certificate_settings AS s (tenant_id, number_prefix, member_fee_cents, non_member_fee_cents, copy_member_fee_cents, copy_non_member_fee_cents, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id) DO UPDATE SET number_prefix = excluded.number_prefix, member_fee_cents = excluded.member_fee_cents,
         non_member_fee_cents = excluded.non_member_fee_cents, copy_member_fee_cents = excluded.copy_member_fee_cents,
         copy_non_member_fee_cents = excluded.copy_non_member_fee_cents, currency = excluded.currency
       RETURNING ${SETTINGS}`,
      [s.tenantId, s.numberPrefix, s.memberFeeCents, s.nonMemberFeeCents, s.copyMemberFeeCents, s.copyNonMemberFeeCents, s.currency],
    );
    return toEntity(CertificateSettings, row!);
  }
}

export { CertificateStatus };
