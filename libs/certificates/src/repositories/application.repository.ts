import { Injectable } from '@nestjs/common';
import { columnOf, GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ApplicationState, CertificateApplication, GoodsLine, SavedConsignee } from '../entities/certificate-application.entity';
import { FINAL_APPLICATION_STATES } from '../application-workflow';

const APPLICATION = selectColumns(CertificateApplication, 'a');
const CONSIGNEE = selectColumns(SavedConsignee, 'c');

export type ApplicationContent = Pick<
  CertificateApplication,
  'language' | 'consigneeName' | 'consigneeAddress' | 'consigneeCountry' | 'countryOfOrigin' | 'transportDetails' | 'goods' | 'invoiceReferences' | 'remarks' | 'declarationAccepted' | 'supportingDocumentIds'
>;
export type NewApplication = ApplicationContent & Pick<CertificateApplication, 'tenantId' | 'organisationId' | 'createdBy' | 'replacesCertificateId' | 'startedFromApplicationId'>;
export type ApplicationWorkflowChanges = Partial<Pick<CertificateApplication, 'state' | 'claimedBy' | 'reviewedBy' | 'reviewComment' | 'companyReply' | 'companyRepliedAt' | 'rejectionReason' | 'certificateId' | 'submittedAt' | 'exporterName' | 'exporterAddress' | 'exporterCountry'>>;

const EXAMPLE_CONTENT: ApplicationContent = {
  language: 'EN' as never, consigneeName: 'Importer Ltd', consigneeAddress: '1 Dock Road, Leeds', consigneeCountry: 'GB', countryOfOrigin: 'BE',
  transportDetails: 'By sea, Antwerp to Felixstowe', goods: [], invoiceReferences: ['INV-1'], remarks: '', declarationAccepted: true, supportingDocumentIds: [],
};

/** The chamber's work on an application: the first part of its queue (ApplicationRepository.listOfTenantQueue). */
const CHAMBER_WORK_STATES = [ApplicationState.SUBMITTED, ApplicationState.IN_REVIEW, ApplicationState.APPROVED];
/** Handled, or back with the company: the queue's second part. Drafts are the company's alone. */
const HANDLED_STATES = Object.values(ApplicationState).filter((state) => state !== ApplicationState.DRAFT && !CHAMBER_WORK_STATES.includes(state));
const inStates = (alias: string, states: readonly ApplicationState[]) => `${alias}.state IN (${states.map((state) => `'${state}'`).join(', ')})`;
/** The greatest uuid: the start of a keyset over (time, id) read backwards. */
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** The `certificate_application` and `saved_consignee` tables. Row-level security keeps tenants apart; these statements add the company or workflow filter. */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ ...EXAMPLE_CONTENT, tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, createdBy: SQL_EXAMPLE.userId, replacesCertificateId: null, startedFromApplicationId: null }, SQL_EXAMPLE.at] })
  async insert(application: NewApplication, at: Date): Promise<CertificateApplication> {
    const [row] = await this.sql.query(
      `INSERT INTO certificate_application AS a (tenant_id, organisation_id, state, language, consignee_name, consignee_address, consignee_country,
              country_of_origin, transport_details, goods, invoice_references, remarks, declaration_accepted, supporting_document_ids, created_by,
              replaces_certificate_id, started_from_application_id, created_at, updated_at)
       VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING ${APPLICATION}`,
      [application.tenantId, application.organisationId, application.language, application.consigneeName, application.consigneeAddress, application.consigneeCountry,
        application.countryOfOrigin, application.transportDetails, JSON.stringify(application.goods), application.invoiceReferences, application.remarks,
        application.declarationAccepted, application.supportingDocumentIds, application.createdBy, application.replacesCertificateId, application.startedFromApplicationId, at],
    );
    return hydrate(row!);
  }

  /** The application, locked for the rest of the transaction when `forUpdate` (every workflow step locks it first). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, false] }, { params: [SQL_EXAMPLE.id, true] })
  async findById(id: string, forUpdate = false): Promise<CertificateApplication | null> {
    const [row] = await this.sql.query(`SELECT ${APPLICATION} FROM certificate_application a WHERE a.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row ? hydrate(row) : null;
  }

  /**
   * A company's applications, newest first; `after`: the page continues after that application, which
   * must be in the list (else the page is empty: another's says nothing of where it stands).
   * `submittedOnly`: as the chamber's staff see the company's, without its drafts (a draft is the
   * company's alone, and so is a draft replacement closed unsubmitted).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.organisationId, null, 50, null, false] }, { params: [SQL_EXAMPLE.organisationId, 'SUBMITTED', 50, SQL_EXAMPLE.id, true] })
  async listOfOrganisation(organisationId: string, state: ApplicationState | null, limit: number, after: string | null, submittedOnly: boolean): Promise<CertificateApplication[]> {
    const rows = await this.sql.query(
      `SELECT ${APPLICATION} FROM certificate_application a WHERE a.organisation_id = $1 AND ($2::text IS NULL OR a.state = $2)
        AND (NOT $5::boolean OR (a.submitted_at IS NOT NULL AND a.state <> 'DRAFT'))
        AND ($4::uuid IS NULL OR (a.created_at, a.id) < (SELECT x.created_at, x.id FROM certificate_application x WHERE x.id = $4 AND x.organisation_id = $1
                                                          AND (NOT $5::boolean OR (x.submitted_at IS NOT NULL AND x.state <> 'DRAFT'))))
        ORDER BY a.created_at DESC, a.id DESC LIMIT $3`,
      [organisationId, state, limit, after, submittedOnly],
    );
    return rows.map(hydrate);
  }

  /**
   * The applications submitted to the chamber (a draft is the company's alone, and so is a draft
   * replacement closed unsubmitted when the certificate it replaced was revoked), as the chamber works them:
   * its work (submitted, in review, approved) first, oldest submission first, then the rest (back with
   * the company, rejected, issued), newest submission first; the id within one instant. `after` as in
   * listOfOrganisation. Each part is a keyset read of its own partial index
   * (`certificate_application_chamber_work`, `…_chamber_handled`), so a page costs the same at a million
   * applications as at ten; one ORDER BY over both would sort the chamber's whole register for every page.
   * Only plain columns in the keyset: under row-level security PostgreSQL seeks an index only with
   * conditions it knows leak nothing, and an expression such as coalesce() is not one of them. The first
   * page is a statement of its own: the position's look-up, even unexecuted, is estimated as a scan of
   * the register, and that estimate alone crossed PostgreSQL's threshold for compiling the query (JIT,
   * tens of milliseconds for a read of one).
   */
  @GenerateSql({ params: [null, 50, null] }, { params: ['APPROVED', 50, SQL_EXAMPLE.id] })
  async listOfTenantQueue(state: ApplicationState | null, limit: number, after: string | null): Promise<CertificateApplication[]> {
    const parts = (workSeek: string, handledSeek: string) => `SELECT q.* FROM (
         (SELECT 0 AS part, ${APPLICATION} FROM certificate_application a WHERE ${inStates('a', CHAMBER_WORK_STATES)} AND a.submitted_at IS NOT NULL AND ($1::text IS NULL OR a.state = $1)${workSeek}
          ORDER BY a.submitted_at, a.id LIMIT $2)
         UNION ALL
         (SELECT 1 AS part, ${APPLICATION} FROM certificate_application a WHERE ${inStates('a', HANDLED_STATES)} AND a.submitted_at IS NOT NULL AND ($1::text IS NULL OR a.state = $1)${handledSeek}
          ORDER BY a.submitted_at DESC, a.id DESC LIMIT $2)
       ) q
       ORDER BY q.part, CASE WHEN q.part = 0 THEN q."submittedAt" END, CASE WHEN q.part = 0 THEN q.id END,
                CASE WHEN q.part = 1 THEN q."submittedAt" END DESC, q.id DESC
       LIMIT $2`;
    if (after === null) return (await this.sql.query(parts('', ''), [state, limit])).map(asApplication);
    // `bounds`: where each part's page starts, as a value its index can seek to; null when the part has
    // nothing after the position, or the position is not in the list (then the page is empty).
    const rows = await this.sql.query(
      `WITH position AS (
         SELECT ${inStates('x', CHAMBER_WORK_STATES)} AS "inWork", x.submitted_at AS at, x.id FROM certificate_application x WHERE x.id = $3 AND x.submitted_at IS NOT NULL AND x.state <> 'DRAFT'),
       bounds AS (
         SELECT CASE WHEN p."inWork" THEN p.at END AS work_at, CASE WHEN p."inWork" THEN p.id END AS work_id,
                CASE WHEN p."inWork" THEN 'infinity'::timestamptz ELSE p.at END AS handled_at,
                CASE WHEN p."inWork" THEN '${MAX_UUID}'::uuid ELSE p.id END AS handled_id
           FROM (SELECT) AS one LEFT JOIN position p ON true)
       ${parts(
         '\n            AND (a.submitted_at, a.id) > ((SELECT b.work_at FROM bounds b), (SELECT b.work_id FROM bounds b))',
         '\n            AND (a.submitted_at, a.id) < ((SELECT b.handled_at FROM bounds b), (SELECT b.handled_id FROM bounds b))',
       )}`,
      [state, limit, after],
    );
    return rows.map(asApplication);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { remarks: 'Urgent', goods: [] }, SQL_EXAMPLE.at] })
  async updateContent(id: string, changes: Partial<ApplicationContent>, at: Date): Promise<CertificateApplication> {
    return updateApplication(this.sql, id, changes, at);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { state: 'IN_REVIEW', claimedBy: SQL_EXAMPLE.userId }, SQL_EXAMPLE.at] })
  async updateWorkflow(id: string, changes: ApplicationWorkflowChanges, at: Date): Promise<CertificateApplication> {
    return updateApplication(this.sql, id, changes, at);
  }

  /** Whether an application replacing the certificate is open (not in a final state: rejected, issued, withdrawn; nor abandoned and destroyed). */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async openReplacementOf(certificateId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM certificate_application a WHERE a.replaces_certificate_id = $1 AND NOT ${inStates('a', FINAL_APPLICATION_STATES)} AND a.destroyed_at IS NULL`, [certificateId]);
    return rows.length > 0;
  }

  /** The open applications replacing the certificate (at most one: REPLACEMENT_PENDING), locked for a change of state. */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async openReplacementsOf(certificateId: string): Promise<CertificateApplication[]> {
    const rows = await this.sql.query(
      `SELECT ${APPLICATION} FROM certificate_application a
        WHERE a.replaces_certificate_id = $1 AND NOT ${inStates('a', FINAL_APPLICATION_STATES)} AND a.destroyed_at IS NULL FOR UPDATE`,
      [certificateId],
    );
    return rows.map((row) => toEntity(CertificateApplication, row));
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, name: 'Importer Ltd', address: '1 Dock Road', country: 'GB' }] })
  async saveConsignee(consignee: Pick<SavedConsignee, 'tenantId' | 'organisationId' | 'name' | 'address' | 'country'>): Promise<SavedConsignee> {
    const [row] = await this.sql.query(
      `INSERT INTO saved_consignee AS c (tenant_id, organisation_id, name, address, country) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, organisation_id, name, address, country) DO UPDATE SET name = excluded.name RETURNING ${CONSIGNEE}`,
      [consignee.tenantId, consignee.organisationId, consignee.name, consignee.address, consignee.country],
    );
    return toEntity(SavedConsignee, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.organisationId] })
  async consigneesOf(organisationId: string): Promise<SavedConsignee[]> {
    const rows = await this.sql.query(`SELECT ${CONSIGNEE} FROM saved_consignee c WHERE c.organisation_id = $1 ORDER BY c.name COLLATE natural_order, c.id LIMIT 500`, [organisationId]);
    return rows.map((row) => toEntity(SavedConsignee, row));
  }

  /** The applications a person applied for, holds or decided as a clerk (their data-subject export), oldest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async ofPerson(userId: string): Promise<CertificateApplication[]> {
    const rows = await this.sql.query(
      `SELECT ${APPLICATION} FROM certificate_application a WHERE a.created_by = $1 OR a.claimed_by = $1 OR a.reviewed_by = $1 ORDER BY a.created_at, a.id`,
      [userId],
    );
    return rows.map(hydrate);
  }

  /** Erasure: the drafts a person started and never submitted are nobody's evidence; they go. Returns their supporting documents' ids. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async deleteUnsubmittedDraftsOf(userId: string): Promise<Array<{ id: string; supportingDocumentIds: string[] }>> {
    return this.sql.query(
      `DELETE FROM certificate_application a WHERE a.created_by = $1 AND a.state = 'DRAFT' AND a.submitted_at IS NULL
       RETURNING a.id, a.supporting_document_ids AS "supportingDocumentIds"`,
      [userId],
    );
  }

  /** Deletes the company's draft if it was never submitted; false when it is not (any more) such a draft. */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async deleteUnsubmittedDraft(id: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM certificate_application a WHERE a.tenant_id = app_current_tenant() AND a.id = $1 AND a.state = 'DRAFT' AND a.submitted_at IS NULL RETURNING a.id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Takes a consignee out of the company's address book; false when the company has no such consignee. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.organisationId] })
  async deleteConsignee(id: string, organisationId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `DELETE FROM saved_consignee c WHERE c.tenant_id = app_current_tenant() AND c.id = $1 AND c.organisation_id = $2 RETURNING c.id`,
      [id, organisationId],
    );
    return rows.length > 0;
  }

  /** Which of these documents an application of the tenant still names as a supporting document. */
  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async documentsNamedByAnyApplication(documentIds: readonly string[]): Promise<string[]> {
    if (documentIds.length === 0) return [];
    const rows = await this.sql.query<{ id: string }>(
      `SELECT DISTINCT d.id::text AS id FROM certificate_application a CROSS JOIN LATERAL unnest(a.supporting_document_ids) AS d(id) WHERE d.id = ANY($1::uuid[])`,
      [documentIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Erasure: the notes (review comment, rejection reason, the company's reply) of the applications a
   * person applied for or decided keep their words, with what names or reaches the person (`pattern`, a
   * case-insensitive regular expression of their name, address, telephone) replaced. Only rows that
   * still mention them change, so a second run changes nothing.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'Jan|Peeters'] })
  async deidentifyNotesAbout(userId: string, pattern: string): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE certificate_application a
          SET review_comment = regexp_replace(a.review_comment, $2, '[erased]', 'gi'),
              company_reply = regexp_replace(a.company_reply, $2, '[erased]', 'gi'),
              rejection_reason = regexp_replace(a.rejection_reason, $2, '[erased]', 'gi')
        WHERE (a.created_by = $1 OR a.claimed_by = $1 OR a.reviewed_by = $1) AND (a.review_comment ~* $2 OR a.company_reply ~* $2 OR a.rejection_reason ~* $2)
        RETURNING a.id`,
      [userId, pattern],
    );
    return rows.length;
  }

  /** Decisions per clerk and month (UTC): the reviewer's part of the processing statistics. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async reviewsPerMonth(userId: string | null): Promise<Array<{ userId: string; month: string; count: number }>> {
    return this.sql.query(
      `SELECT a.reviewed_by AS "userId", to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
         FROM certificate_application a
        WHERE a.reviewed_by IS NOT NULL AND ($1::uuid IS NULL OR a.reviewed_by = $1)
        GROUP BY 1, 2 ORDER BY 2 DESC, 1 LIMIT 1000`,
      [userId],
    );
  }
}

/** Sets the given columns and `updated_at`; the service decided which may change. */
async function updateApplication(sql: Sql, id: string, changes: object, at: Date): Promise<CertificateApplication> {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as Array<[keyof CertificateApplication & string, unknown]>;
  const assignments = entries.map(([property], i) => `${columnOf(CertificateApplication, property)} = $${i + 3}`);
  const [row] = await sql.query(
    `UPDATE certificate_application a SET ${[...assignments, 'updated_at = $2'].join(', ')} WHERE a.id = $1 RETURNING ${APPLICATION}`,
    [id, at, ...entries.map(([property, value]) => (property === 'goods' ? JSON.stringify(value) : value))],
  );
  return hydrate(row!);
}

/** A row of the chamber's queue as an application (the part it came from is the statement's own). */
function asApplication({ part: _part, ...row }: Record<string, unknown>): CertificateApplication {
  return hydrate(row);
}

/** Goods lines come back from jsonb as plain objects: made GoodsLine records again, so the output gate knows them. */
function hydrate(row: object): CertificateApplication {
  const application = toEntity(CertificateApplication, row);
  application.goods = (application.goods ?? []).map((line) => Object.assign(new GoodsLine(), line));
  return application;
}
