import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { DataSubjectAnswerKind, DataSubjectRequest, DataSubjectRequestStatus, DataSubjectRequestType } from './entities/data-subject-request.entity';
import { LegalHold } from './entities/legal-hold.entity';

// Dates as text (YYYY-MM-DD): the legal clock counts days, not instants.
const LEGAL_HOLD = selectColumns(LegalHold, 'h');
const REQUEST = selectColumns(DataSubjectRequest, 'r', { except: ['firstDueOn', 'dueOn', 'verificationTokenHash', 'exportTokenHash'] }) +
  `, r.first_due_on::text AS "firstDueOn", r.due_on::text AS "dueOn"`;

export interface NewDataSubjectRequest {
  tenantId: string;
  type: DataSubjectRequestType;
  status: DataSubjectRequestStatus;
  subjectUserId: string | null;
  requesterEmail: string;
  language: string;
  details: string | null;
  receivedAt: Date;
  firstDueOn: string;
  identityVerifiedBy: string | null;
  verificationTokenHash: Buffer | null;
}

/** The `data_subject_request`, `processing_restriction` and `legal_hold` tables of the tenant in the open unit. */
/** An answered request past its retention (`$1` now, `$2` the period) that still names or quotes someone. */
const ANSWERED_PAST_RETENTION = `r.completed_at IS NOT NULL AND r.completed_at <= $1::timestamptz - $2::interval
  AND (r.subject_user_id IS NOT NULL OR r.requester_email IS NOT NULL OR r.details IS NOT NULL OR r.outcome IS NOT NULL OR r.identity_checked_by IS NOT NULL)`;

/** The records a legal hold can name here, by kind (`Kind:id`): their tables. */
export const HOLDABLE_PRIVACY_RECORDS = { DataSubjectRequest: 'data_subject_request', SubProcessorObjection: 'sub_processor_objection' };

@Injectable()
export class DataSubjectRequestRepository {
  constructor(private readonly sql: Sql) {}

  /** Whether the tenant has the record a legal hold names. */
  @GenerateSql({ params: ['DataSubjectRequest', SQL_EXAMPLE.id] }, { params: ['SubProcessorObjection', SQL_EXAMPLE.id] })
  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sql.tenantHasRecord(HOLDABLE_PRIVACY_RECORDS, kind, id);
  }

  /**
   * How many requests of the public form still await the confirmation of this address since `since`,
   * after queuing other intakes for the same address until the transaction ends (so concurrent forms
   * count each other).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'person@example.test', SQL_EXAMPLE.at] })
  async unconfirmedPublicRequests(tenantId: string, email: string, since: Date): Promise<number> {
    await this.sql.query(`SELECT pg_advisory_xact_lock(hashtextextended('data_subject_request_intake:' || $1 || ':' || $2, 0))`, [tenantId, email]);
    const [row] = await this.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM data_subject_request r WHERE r.requester_email = $1 AND r.status = 'AWAITING_EMAIL_VERIFICATION' AND r.received_at > $2`,
      [email, since],
    );
    return row?.n ?? 0;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, type: 'ACCESS', status: 'IN_PROGRESS', subjectUserId: SQL_EXAMPLE.userId, requesterEmail: 'a@example.test', language: 'en', details: null, receivedAt: SQL_EXAMPLE.at, firstDueOn: '2026-02-01', identityVerifiedBy: 'LOGIN', verificationTokenHash: null }] })
  async insert(request: NewDataSubjectRequest): Promise<DataSubjectRequest> {
    const rows = await this.sql.query(
      `INSERT INTO data_subject_request AS r (tenant_id, type, status, subject_user_id, requester_email, language, details,
         received_at, first_due_on, due_on, identity_verified_by, verification_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11)
       RETURNING ${REQUEST}`,
      [request.tenantId, request.type, request.status, request.subjectUserId, request.requesterEmail, request.language, request.details,
        request.receivedAt, request.firstDueOn, request.identityVerifiedBy, request.verificationTokenHash],
    );
    return toEntity(DataSubjectRequest, rows[0]!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async markAcknowledged(id: string, at: Date): Promise<void> {
    await this.sql.query(`UPDATE data_subject_request SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL`, [id, at]);
  }

  /**
   * A request of the unit's tenant; `forUpdate`: locked until the unit ends, so answers sent at the
   * same moment take their turn and each sees what the one before did (an answer happens once).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id] }, { params: [SQL_EXAMPLE.id, true] })
  async findById(id: string, forUpdate = false): Promise<DataSubjectRequest | null> {
    const rows = await this.sql.query(`SELECT ${REQUEST} FROM data_subject_request r WHERE r.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? toEntity(DataSubjectRequest, rows[0]) : null;
  }

  /**
   * Takes the request a confirmation link names, once, while the link is valid (the request received
   * after `receivedAfter`): the hash is cleared as the address is confirmed.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.hash, SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async confirmEmail(tokenHash: Buffer, at: Date, receivedAfter: Date): Promise<DataSubjectRequest | null> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request AS r SET email_verified_at = $2, verification_token_hash = NULL, status = 'AWAITING_IDENTITY_CHECK'
       WHERE r.verification_token_hash = $1 AND r.status = 'AWAITING_EMAIL_VERIFICATION' AND r.received_at > $3
       RETURNING ${REQUEST}`,
      [tokenHash, at, receivedAfter],
    );
    return rows[0] ? toEntity(DataSubjectRequest, rows[0]) : null;
  }

  /** The privacy officers' queue: open requests by due date, or every request when `open` is false. */
  @GenerateSql({ params: [true, 50] })
  async queue(open: boolean, first: number): Promise<DataSubjectRequest[]> {
    const rows = await this.sql.query(
      `SELECT ${REQUEST} FROM data_subject_request r
       WHERE ($1::boolean = false OR r.status NOT IN ('COMPLETED', 'REFUSED'))
       ORDER BY r.due_on, r.received_at LIMIT ${Math.trunc(first)}`,
      [open],
    );
    return rows.map((row) => toEntity(DataSubjectRequest, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async ofSubject(userId: string): Promise<DataSubjectRequest[]> {
    const rows = await this.sql.query(`SELECT ${REQUEST} FROM data_subject_request r WHERE r.subject_user_id = $1 ORDER BY r.received_at DESC`, [userId]);
    return rows.map((row) => toEntity(DataSubjectRequest, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.userId] })
  async recordIdentityCheck(id: string, checkedBy: string, subjectUserId: string | null): Promise<void> {
    await this.sql.query(
      `UPDATE data_subject_request SET identity_verified_by = 'EMAIL_AND_MANUAL_CHECK', identity_checked_by = $2,
         subject_user_id = COALESCE(subject_user_id, $3), status = 'IN_PROGRESS'
       WHERE id = $1 AND status = 'AWAITING_IDENTITY_CHECK'`,
      [id, checkedBy, subjectUserId],
    );
  }

  /** The one extension of an open request; false when it was extended (or answered) already and nothing changed. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, 2, 'complex request', '2026-04-01', SQL_EXAMPLE.at] })
  async extend(id: string, months: number, reason: string, dueOn: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request SET extension_months = $2, extension_reason = $3, due_on = $4, extended_at = $5
       WHERE id = $1 AND extension_months IS NULL AND status NOT IN ('COMPLETED', 'REFUSED')
       RETURNING id`,
      [id, months, reason, dueOn, at],
    );
    return rows.length === 1;
  }

  /** Closes an open request with its answer; false when it was answered already and nothing changed. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, 'COMPLETED', '{}', 'STATEMENT', SQL_EXAMPLE.at] })
  async complete(id: string, status: DataSubjectRequestStatus, outcome: string, answerKind: DataSubjectAnswerKind, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request SET status = $2, outcome = $3, answer_kind = $4, completed_at = $5
       WHERE id = $1 AND status NOT IN ('COMPLETED', 'REFUSED')
       RETURNING id`,
      [id, status, outcome, answerKind, at],
    );
    return rows.length === 1;
  }

  /** The export's download link of an answered request: only the hash of its secret; a new link replaces an earlier one. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.hash, SQL_EXAMPLE.at, 3] })
  async setExportLink(id: string, tokenHash: Buffer, expiresAt: Date, downloads: number): Promise<void> {
    await this.sql.query(
      `UPDATE data_subject_request SET export_token_hash = $2, export_expires_at = $3, export_downloads_left = $4 WHERE id = $1`,
      [id, tokenHash, expiresAt, downloads],
    );
  }

  /**
   * Takes one download of the link the hash names, while it is unexpired and has downloads left (one
   * statement: two downloads at once cannot both take the last one); its request's id, or null.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.hash, SQL_EXAMPLE.at] })
  async takeExportDownload(tokenHash: Buffer, at: Date): Promise<{ requestId: string; downloadsLeft: number } | null> {
    const rows = await this.sql.query<{ id: string; export_downloads_left: number }>(
      `UPDATE data_subject_request SET export_downloads_left = export_downloads_left - 1
       WHERE export_token_hash = $1 AND export_expires_at > $2 AND export_downloads_left > 0 AND status = 'COMPLETED'
       RETURNING id, export_downloads_left`,
      [tokenHash, at],
    );
    return rows[0] ? { requestId: rows[0].id, downloadsLeft: rows[0].export_downloads_left } : null;
  }

  /** Erasure: the requests stay (evidence the person was answered in time), without the person's address or words; an export link ends. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'a@example.test'] })
  async deidentifySubject(userId: string | null, email: string): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request SET requester_email = NULL, details = NULL,
         export_token_hash = NULL, export_expires_at = NULL, export_downloads_left = NULL
       WHERE (subject_user_id = $1 OR lower(requester_email) = lower($2))
         AND (requester_email IS NOT NULL OR details IS NOT NULL OR export_token_hash IS NOT NULL)
       RETURNING id`,
      [userId, email],
    );
    return rows.length;
  }

  /**
   * Retention (DATA_SUBJECT_REQUEST: the period after the answer): answered requests past `retention`
   * that still name someone; `held`: those under a legal hold (`DataSubjectRequest:<id>`) or about a
   * restricted person, which the sweep leaves alone.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '3 years', ['DataSubjectRequest:x'], [SQL_EXAMPLE.userId]] })
  async countAnsweredPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired,
              count(*) FILTER (WHERE ('DataSubjectRequest:' || r.id::text) = ANY($3::text[]) OR r.subject_user_id = ANY($4::uuid[])) AS held
         FROM data_subject_request r WHERE ${ANSWERED_PAST_RETENTION}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Retention: up to `limit` answered requests past it keep their type, dates and status, and no longer name anyone (nor quote anyone). */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '3 years', ['DataSubjectRequest:x'], [SQL_EXAMPLE.userId], 100] })
  async deidentifyAnsweredPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request d SET subject_user_id = NULL, requester_email = NULL, details = NULL, outcome = NULL, identity_checked_by = NULL
        WHERE d.id IN (
          SELECT r.id FROM data_subject_request r
           WHERE ${ANSWERED_PAST_RETENTION}
             AND NOT (('DataSubjectRequest:' || r.id::text) = ANY($3::text[]))
             AND (r.subject_user_id IS NULL OR NOT (r.subject_user_id = ANY($4::uuid[])))
           ORDER BY r.completed_at, r.id LIMIT $5)
        RETURNING d.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }

  /**
   * Public requests whose address was not confirmed before the link expired (received at or before
   * `receivedBy`); `held`: those under a legal hold (`DataSubjectRequest:<id>`) or about a restricted person.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, ['DataSubjectRequest:x'], [SQL_EXAMPLE.userId]] })
  async countUnconfirmed(receivedBy: Date, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired,
              count(*) FILTER (WHERE ('DataSubjectRequest:' || r.id::text) = ANY($2::text[]) OR r.subject_user_id = ANY($3::uuid[])) AS held
         FROM data_subject_request r WHERE r.status = 'AWAITING_EMAIL_VERIFICATION' AND r.received_at <= $1`,
      [receivedBy, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /**
   * Up to `limit` of those closed as refused (nobody could be identified): they keep their type and
   * dates, and no longer name anyone nor quote anyone, the link no longer works.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.at, SQL_EXAMPLE.at, 'never confirmed', ['DataSubjectRequest:x'], [SQL_EXAMPLE.userId], 100] })
  async closeUnconfirmed(receivedBy: Date, at: Date, outcome: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE data_subject_request d SET status = 'REFUSED', completed_at = $2, outcome = $3,
              subject_user_id = NULL, requester_email = NULL, details = NULL, verification_token_hash = NULL
        WHERE d.id IN (
          SELECT r.id FROM data_subject_request r
           WHERE r.status = 'AWAITING_EMAIL_VERIFICATION' AND r.received_at <= $1
             AND NOT (('DataSubjectRequest:' || r.id::text) = ANY($4::text[]))
             AND (r.subject_user_id IS NULL OR NOT (r.subject_user_id = ANY($5::uuid[])))
           ORDER BY r.received_at, r.id LIMIT $6)
        RETURNING d.id`,
      [receivedBy, at, outcome, held, restricted, limit],
    );
    return rows.length;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.userId, 'a@example.test'] })
  async countOfSubject(userId: string | null, email: string): Promise<number> {
    const [row] = await this.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM data_subject_request WHERE subject_user_id = $1 OR lower(requester_email) = lower($2)`,
      [userId, email],
    );
    return Number(row!.n);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async restrict(tenantId: string, userId: string, requestId: string | null, at: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO processing_restriction (tenant_id, user_id, request_id, restricted_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET request_id = EXCLUDED.request_id, restricted_at = EXCLUDED.restricted_at, lifted_at = NULL`,
      [tenantId, userId, requestId, at],
    );
  }

  /** Lifts the person's restriction in force; false when none is. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async liftRestriction(tenantId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE processing_restriction SET lifted_at = $3 WHERE tenant_id = $1 AND user_id = $2 AND lifted_at IS NULL RETURNING user_id`,
      [tenantId, userId, at],
    );
    return rows.length > 0;
  }

  /** A restriction request's answer (JSON, written by `restrict`) once the restriction is lifted: no longer restricted, and since when. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async recordRestrictionLifted(requestId: string, at: Date): Promise<void> {
    await this.sql.query(
      `UPDATE data_subject_request SET outcome = (coalesce(outcome, '{}')::jsonb || jsonb_build_object('restricted', false, 'liftedAt', $2::timestamptz))::text
        WHERE id = $1 AND answer_kind = 'RESTRICTION'`,
      [requestId, at],
    );
  }

  @GenerateSql({ params: [] })
  async restrictedUserIds(): Promise<string[]> {
    const rows = await this.sql.query<{ user_id: string }>(`SELECT user_id FROM processing_restriction WHERE lifted_at IS NULL`);
    return rows.map((row) => row.user_id);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, `UserAccount:${SQL_EXAMPLE.userId}`, 'litigation', SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async placeHold(tenantId: string, record: string, reason: string, placedBy: string | null, at: Date): Promise<string> {
    const [row] = await this.sql.query<{ id: string }>(
      `INSERT INTO legal_hold (tenant_id, record, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tenantId, record, reason, placedBy, at],
    );
    return row!.id;
  }

  /** Whether a hold is in force on the record (Kind:id) in the unit's tenant. */
  @GenerateSql({ params: [`User:${SQL_EXAMPLE.userId}`] })
  async isHeld(record: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM legal_hold h WHERE h.record = $1 AND h.released_at IS NULL LIMIT 1`, [record]);
    return rows.length > 0;
  }

  /** Ends a hold in force of the unit's tenant; the record it names is swept and erasable again. Its id, or null when no such hold is in force. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async releaseHold(id: string, at: Date): Promise<{ record: string } | null> {
    const [row] = await this.sql.query<{ record: string }>(`UPDATE legal_hold h SET released_at = $2 WHERE h.id = $1 AND h.released_at IS NULL RETURNING h.record`, [id, at]);
    return row ?? null;
  }

  /** A tenant's holds, newest first: those in force, or all (released ones too). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, true, 50] })
  async holds(tenantId: string, inForceOnly: boolean, limit: number): Promise<LegalHold[]> {
    const rows = await this.sql.query(
      `SELECT ${LEGAL_HOLD} FROM legal_hold h WHERE h.tenant_id = $1 AND (NOT $2 OR h.released_at IS NULL) ORDER BY h.placed_at DESC, h.id LIMIT $3`,
      [tenantId, inForceOnly, limit],
    );
    return rows.map((row) => toEntity(LegalHold, row));
  }

  @GenerateSql({ params: [] })
  async heldRecords(): Promise<string[]> {
    const rows = await this.sql.query<{ record: string }>(`SELECT record FROM legal_hold WHERE released_at IS NULL`);
    return rows.map((row) => row.record);
  }
}
