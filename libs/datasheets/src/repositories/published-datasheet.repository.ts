import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PublishedDatasheetAttachment } from '../entities/datasheet-attachment.entity';
import { DatasheetText } from '../entities/datasheet-text.entity';
import { DatasheetContactKind, PublishedDatasheet } from '../entities/published-datasheet.entity';
import { PublishedDatasheetVersion } from '../entities/published-datasheet-version.entity';
import { DatasheetWithdrawalReason, WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';
import { likePattern } from './like-pattern';

const PUBLISHED = selectColumns(PublishedDatasheet, 'p', { except: ['characteristics'] }) + ', p.characteristics::text AS characteristics';
const HISTORY =
  selectColumns(PublishedDatasheetVersion, 'v', { except: ['characteristics', 'withdrawalReason'] }) +
  ', v.characteristics::text AS characteristics, COALESCE(w.reason, v.withdrawal_reason) AS "withdrawalReason"';
const WITHDRAWN = selectColumns(WithdrawnDatasheet, 'w');

/** The contact a published datasheet shows. */
export interface PublishedContact {
  kind: DatasheetContactKind;
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  position: string | null;
  replacementRequired: boolean;
}

export type NewPublishedDatasheet = Omit<PublishedDatasheet, 'revision' | 'contactKind' | 'contactUserId' | 'contactName' | 'contactEmail' | 'contactPhone' | 'contactPosition' | 'contactReplacementRequired'>;

export interface PublishedSearch {
  tenantId?: string;
  productFamily?: string;
  productName?: string;
  holderName?: string;
  certificateReference?: string;
  /** Continue after this row of the stable order (published_at DESC, datasheet_id DESC). */
  after?: { publishedAt: Date; id: string };
  limit: number;
}

function toPublished(row: Record<string, unknown>): PublishedDatasheet {
  const record = toEntity(PublishedDatasheet, row);
  record.texts = ((row.texts as DatasheetText[] | null) ?? []).map((t) => toEntity(DatasheetText, t));
  record.attachments = ((row.attachments as PublishedDatasheetAttachment[] | null) ?? []).map((a) => toEntity(PublishedDatasheetAttachment, a));
  return record;
}


/**
 * `published_datasheet`: the public read model, one row per published datasheet, written in the
 * transactions that publish, unpublish and change a contact. The public scope can read this table
 * and no other of the context: whatever a public read asks, drafts stay out of reach.
 */
@Injectable()
export class PublishedDatasheetRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({
    params: [
      { id: SQL_EXAMPLE.id, tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, versionId: SQL_EXAMPLE.id, versionNumber: 1, publicCode: 'K7QX3M9P', productName: 'Kerbstone K1', productFamily: 'kerbstones', certificateReference: 'BENOR-1', scheme: 'BENOR', productionUnit: 'Gent', holderName: 'Example NV', characteristics: '{}', texts: [], attachments: [], publishedAt: SQL_EXAMPLE.at },
      { kind: 'PERSON', userId: SQL_EXAMPLE.userId, name: 'Ann Example', email: 'ann@example.test', phone: null, position: null, replacementRequired: false },
    ],
  })
  async upsert(record: NewPublishedDatasheet, contact: PublishedContact): Promise<void> {
    await this.sql.query(
      `INSERT INTO published_datasheet AS p (datasheet_id, tenant_id, organisation_id, version_id, version_number, public_code, product_name, product_family,
              certificate_reference, scheme, production_unit, holder_name, characteristics, texts, contact_kind, contact_user_id, contact_name, contact_email,
              contact_phone, contact_position, contact_replacement_required, published_at, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16, $17, $18, $19, $20, $21, $22, $23::jsonb)
       ON CONFLICT (datasheet_id) DO UPDATE SET version_id = EXCLUDED.version_id, version_number = EXCLUDED.version_number, product_name = EXCLUDED.product_name,
              product_family = EXCLUDED.product_family, certificate_reference = EXCLUDED.certificate_reference, scheme = EXCLUDED.scheme,
              production_unit = EXCLUDED.production_unit, holder_name = EXCLUDED.holder_name, characteristics = EXCLUDED.characteristics, texts = EXCLUDED.texts,
              contact_kind = EXCLUDED.contact_kind, contact_user_id = EXCLUDED.contact_user_id, contact_name = EXCLUDED.contact_name,
              contact_email = EXCLUDED.contact_email, contact_phone = EXCLUDED.contact_phone, contact_position = EXCLUDED.contact_position,
              contact_replacement_required = EXCLUDED.contact_replacement_required, published_at = EXCLUDED.published_at, attachments = EXCLUDED.attachments,
              revision = p.revision + 1`,
      [
        record.id, record.tenantId, record.organisationId, record.versionId, record.versionNumber, record.publicCode, record.productName, record.productFamily,
        record.certificateReference, record.scheme, record.productionUnit, record.holderName, record.characteristics, JSON.stringify(record.texts),
        contact.kind, contact.userId, contact.name, contact.email, contact.phone, contact.position, contact.replacementRequired, record.publishedAt,
        JSON.stringify(record.attachments.map(({ id, documentId, title, language, fileName, mediaType, sizeBytes, sha256 }) => ({ id, documentId, title, language, fileName, mediaType, sizeBytes, sha256 }))),
      ],
    );
  }

  /** Replaces the contact a published datasheet shows (objection, a new contact named); false when it is not published. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { kind: 'COMPANY', userId: null, name: 'Example NV', email: 'info@example.test', phone: '+3232000000', position: null, replacementRequired: true }] })
  async replaceContact(datasheetId: string, contact: PublishedContact): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE published_datasheet p SET contact_kind = $2, contact_user_id = $3, contact_name = $4, contact_email = $5, contact_phone = $6,
              contact_position = $7, contact_replacement_required = $8, revision = p.revision + 1
        WHERE p.datasheet_id = $1 RETURNING p.datasheet_id`,
      [datasheetId, contact.kind, contact.userId, contact.name, contact.email, contact.phone, contact.position, contact.replacementRequired],
    );
    return rows.length > 0;
  }

  /** The same contact on several published datasheets, one statement; returns the published ones it changed (a new revision: a new ETag). */
  @GenerateSql({ params: [[SQL_EXAMPLE.id], { kind: 'COMPANY', userId: null, name: 'Example NV', email: 'info@example.test', phone: '+3232000000', position: null, replacementRequired: true }] })
  async replaceContactOfMany(datasheetIds: readonly string[], contact: PublishedContact): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE published_datasheet p SET contact_kind = $2, contact_user_id = $3, contact_name = $4, contact_email = $5, contact_phone = $6,
              contact_position = $7, contact_replacement_required = $8, revision = p.revision + 1
        WHERE p.datasheet_id = ANY($1::uuid[])
          AND (p.contact_kind, p.contact_user_id, p.contact_name, p.contact_email, p.contact_phone, p.contact_position, p.contact_replacement_required)
              IS DISTINCT FROM ($2, $3::uuid, $4, $5, $6, $7, $8::boolean)
        RETURNING p.datasheet_id AS id`,
      [datasheetIds, contact.kind, contact.userId, contact.name, contact.email, contact.phone, contact.position, contact.replacementRequired],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The company's current name as the holder of its published datasheets (it was renamed); returns the
   * ones it changed (a new revision: a new ETag). Versions already superseded keep the name they were
   * published with (`published_datasheet_version`).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.organisationId, 'Example NV'] })
  async renameHolder(organisationId: string, holderName: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `UPDATE published_datasheet p SET holder_name = $2, revision = p.revision + 1
        WHERE p.tenant_id = app_current_tenant() AND p.organisation_id = $1 AND p.holder_name IS DISTINCT FROM $2
        RETURNING p.datasheet_id AS id`,
      [organisationId, holderName],
    );
    return rows.map((row) => row.id);
  }

  /** The published datasheets of a company that show its general contact. */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async showingCompanyContact(organisationId: string): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(`SELECT p.datasheet_id AS id FROM published_datasheet p WHERE p.tenant_id = app_current_tenant() AND p.organisation_id = $1 AND p.contact_kind = 'COMPANY' ORDER BY p.datasheet_id`, [organisationId]);
    return rows.map((row) => row.id);
  }

  /** The published datasheets showing the person as their contact (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async withContact(userId: string): Promise<PublishedDatasheet[]> {
    const rows = await this.sql.query(`SELECT ${PUBLISHED} FROM published_datasheet p WHERE p.tenant_id = app_current_tenant() AND p.contact_user_id = $1 ORDER BY p.datasheet_id`, [userId]);
    return rows.map((row) => toEntity(PublishedDatasheet, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async remove(datasheetId: string): Promise<boolean> {
    const rows = await this.sql.query(`DELETE FROM published_datasheet p WHERE p.datasheet_id = $1 RETURNING p.datasheet_id`, [datasheetId]);
    return rows.length > 0;
  }

  /**
   * Keeps the published version a new one supersedes, as the read model shows it now (no contact), in
   * the publishing transaction, before the read model's row moves on to the new version.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.id, SQL_EXAMPLE.at] })
  async keepSuperseded(datasheetId: string, versionId: string, supersededAt: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO published_datasheet_version (version_id, tenant_id, datasheet_id, version_number, product_name, product_family, certificate_reference,
              scheme, production_unit, holder_name, characteristics, texts, published_at, superseded_at)
       SELECT p.version_id, p.tenant_id, p.datasheet_id, p.version_number, p.product_name, p.product_family, p.certificate_reference,
              p.scheme, p.production_unit, p.holder_name, p.characteristics, p.texts, p.published_at, $3
         FROM published_datasheet p WHERE p.datasheet_id = $1 AND p.version_id = $2
       ON CONFLICT (version_id) DO NOTHING`,
      [datasheetId, versionId, supersededAt],
    );
  }

  /**
   * Keeps the version in force when the datasheet is withdrawn in its public history (SPEC §3), as the
   * read model shows it now (no contact), with when and why it was withdrawn, in the unpublishing
   * transaction, before the read model's row goes.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at, DatasheetWithdrawalReason.PRODUCT_SUSPENDED] })
  async keepWithdrawnVersion(datasheetId: string, withdrawnAt: Date, reason: DatasheetWithdrawalReason): Promise<void> {
    await this.sql.query(
      `INSERT INTO published_datasheet_version (version_id, tenant_id, datasheet_id, version_number, product_name, product_family, certificate_reference,
              scheme, production_unit, holder_name, characteristics, texts, published_at, withdrawn_at, withdrawal_reason)
       SELECT p.version_id, p.tenant_id, p.datasheet_id, p.version_number, p.product_name, p.product_family, p.certificate_reference,
              p.scheme, p.production_unit, p.holder_name, p.characteristics, p.texts, p.published_at, $2, $3
         FROM published_datasheet p WHERE p.datasheet_id = $1
       ON CONFLICT (version_id) DO NOTHING`,
      [datasheetId, withdrawnAt, reason],
    );
  }

  /**
   * The versions no longer in force of a datasheet published or withdrawn under a public id or a short
   * code, newest first (a withdrawn one's last version first, marked withdrawn), or null when nothing was
   * published under it: one statement, so the answer is one snapshot (a datasheet unpublished meanwhile
   * cannot show a history without being found, or the other way round). The public scope sees the
   * versions only while the datasheet is published or withdrawn. While the datasheet stays withdrawn,
   * the version withdrawn says why as its notice does now (a suspension that became a withdrawal).
   */
  @GenerateSql({ params: [{ id: SQL_EXAMPLE.id }] }, { params: [{ code: 'K7QX3M9P' }] })
  async historyOf(key: { id: string } | { code: string }): Promise<PublishedDatasheetVersion[] | null> {
    const [column, value] = 'id' in key ? ['datasheet_id', key.id] : ['public_code', key.code];
    const rows = await this.sql.query(
      `SELECT v.version_id IS NOT NULL AS "isVersion", ${HISTORY}
         FROM (SELECT p.datasheet_id FROM published_datasheet p WHERE p.${column} = $1
               UNION SELECT w.datasheet_id FROM withdrawn_datasheet w WHERE w.${column} = $1) d
         LEFT JOIN published_datasheet_version v ON v.datasheet_id = d.datasheet_id
         LEFT JOIN withdrawn_datasheet w ON w.datasheet_id = v.datasheet_id AND w.withdrawn_at = v.withdrawn_at
        ORDER BY v.version_number DESC`,
      [value],
    );
    if (rows.length === 0) return null;
    return rows.filter((row) => row.isVersion).map(({ isVersion: _isVersion, ...row }) => {
      const record = toEntity(PublishedDatasheetVersion, row);
      record.texts = ((row.texts as DatasheetText[] | null) ?? []).map((t) => toEntity(DatasheetText, t));
      return record;
    });
  }

  /**
   * Keeps the public notice of the datasheet's withdrawal, from the read model's row as it is now (its
   * product, holder and version; no contact), in the unpublishing transaction, before that row goes.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at, DatasheetWithdrawalReason.PRODUCT_SUSPENDED] })
  async keepWithdrawal(datasheetId: string, withdrawnAt: Date, reason: DatasheetWithdrawalReason): Promise<WithdrawnDatasheet | null> {
    const [row] = await this.sql.query(
      `INSERT INTO withdrawn_datasheet AS w (datasheet_id, tenant_id, public_code, version_number, product_name, product_family, certificate_reference, scheme,
              holder_name, published_at, withdrawn_at, reason)
       SELECT p.datasheet_id, p.tenant_id, p.public_code, p.version_number, p.product_name, p.product_family, p.certificate_reference, p.scheme,
              p.holder_name, p.published_at, $2, $3
         FROM published_datasheet p WHERE p.datasheet_id = $1
       ON CONFLICT (datasheet_id) DO UPDATE SET version_number = EXCLUDED.version_number, product_name = EXCLUDED.product_name,
              product_family = EXCLUDED.product_family, certificate_reference = EXCLUDED.certificate_reference, scheme = EXCLUDED.scheme,
              holder_name = EXCLUDED.holder_name, published_at = EXCLUDED.published_at, withdrawn_at = EXCLUDED.withdrawn_at, reason = EXCLUDED.reason
       RETURNING ${WITHDRAWN}`,
      [datasheetId, withdrawnAt, reason],
    );
    return row ? toEntity(WithdrawnDatasheet, row) : null;
  }

  /** While the datasheet stays withdrawn, its notice says what became of the product's certificate since; false when nothing changed. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, DatasheetWithdrawalReason.PRODUCT_WITHDRAWN] })
  async changeWithdrawalReason(datasheetId: string, reason: DatasheetWithdrawalReason): Promise<boolean> {
    const rows = await this.sql.query(`UPDATE withdrawn_datasheet w SET reason = $2 WHERE w.datasheet_id = $1 AND w.reason <> $2 RETURNING w.datasheet_id`, [datasheetId, reason]);
    return rows.length > 0;
  }

  /** Published again: no longer withdrawn. */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async forgetWithdrawal(datasheetId: string): Promise<void> {
    await this.sql.query(`DELETE FROM withdrawn_datasheet w WHERE w.datasheet_id = $1`, [datasheetId]);
  }

  /** The notices of those of the datasheets that are withdrawn (the feed's and the push's events). */
  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async findWithdrawalsByIds(ids: readonly string[]): Promise<WithdrawnDatasheet[]> {
    const rows = await this.sql.query(`SELECT ${WITHDRAWN} FROM withdrawn_datasheet w WHERE w.datasheet_id = ANY($1::uuid[])`, [ids]);
    return rows.map((row) => toEntity(WithdrawnDatasheet, row));
  }

  /**
   * A page of withdrawn datasheets, newest withdrawal first (withdrawn_at DESC, datasheet_id DESC), of one
   * certification body or of all: one statement, read in the order's index up to the page's end.
   */
  @GenerateSql(
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, limit: 51 }] },
    { params: [{ limit: 51, after: { withdrawnAt: SQL_EXAMPLE.at, id: SQL_EXAMPLE.id } }] },
  )
  async listWithdrawals(page: { tenantId?: string; after?: { withdrawnAt: Date; id: string }; limit: number }): Promise<WithdrawnDatasheet[]> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const conditions: string[] = [];
    if (page.tenantId) conditions.push(`w.tenant_id = ${param(page.tenantId)}`);
    if (page.after) conditions.push(`(w.withdrawn_at, w.datasheet_id) < (${param(page.after.withdrawnAt)}, ${param(page.after.id)})`);
    const rows = await this.sql.query(
      `SELECT ${WITHDRAWN} FROM withdrawn_datasheet w ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY w.withdrawn_at DESC, w.datasheet_id DESC LIMIT ${param(page.limit)}`,
      values,
    );
    return rows.map((row) => toEntity(WithdrawnDatasheet, row));
  }

  /** The notice of a datasheet withdrawn under a public id or a short code, or null. */
  @GenerateSql({ params: [{ id: SQL_EXAMPLE.id }] }, { params: [{ code: 'K7QX3M9P' }] })
  async findWithdrawal(key: { id: string } | { code: string }): Promise<WithdrawnDatasheet | null> {
    const [column, value] = 'id' in key ? ['datasheet_id', key.id] : ['public_code', key.code];
    const [row] = await this.sql.query(`SELECT ${WITHDRAWN} FROM withdrawn_datasheet w WHERE w.${column} = $1`, [value]);
    return row ? toEntity(WithdrawnDatasheet, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findById(id: string): Promise<PublishedDatasheet | null> {
    const [row] = await this.sql.query(`SELECT ${PUBLISHED} FROM published_datasheet p WHERE p.datasheet_id = $1`, [id]);
    return row ? toPublished(row) : null;
  }

  @GenerateSql({ params: ['K7QX3M9P'] })
  async findByCode(code: string): Promise<PublishedDatasheet | null> {
    const [row] = await this.sql.query(`SELECT ${PUBLISHED} FROM published_datasheet p WHERE p.public_code = $1`, [code]);
    return row ? toPublished(row) : null;
  }

  /**
   * One attachment of a published datasheet (by short code or public id), with its tenant: only the
   * published version's attachments are in the read model, so nothing else can be named here.
   */
  @GenerateSql({ params: [{ code: 'K7QX3M9P' }, SQL_EXAMPLE.id] })
  async findAttachment(key: { id?: string; code?: string }, attachmentId: string): Promise<{ tenantId: string; attachment: PublishedDatasheetAttachment } | null> {
    const [row] = await this.sql.query<{ tenantId: string; attachment: PublishedDatasheetAttachment }>(
      `SELECT p.tenant_id AS "tenantId", a.value AS attachment FROM published_datasheet p CROSS JOIN LATERAL jsonb_array_elements(p.attachments) AS a(value)
        WHERE (p.datasheet_id = $1 OR p.public_code = $2) AND a.value->>'id' = $3`,
      [key.id ?? null, key.code ?? null, attachmentId],
    );
    return row ? { tenantId: row.tenantId, attachment: toEntity(PublishedDatasheetAttachment, row.attachment) } : null;
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async findByIds(ids: readonly string[]): Promise<PublishedDatasheet[]> {
    const rows = await this.sql.query(`SELECT ${PUBLISHED} FROM published_datasheet p WHERE p.datasheet_id = ANY($1::uuid[])`, [ids]);
    return rows.map(toPublished);
  }

  /**
   * One page of the search, in one statement: filters, the stable order and the cursor on one table.
   * A search by text finds the page by its keys first: the order's indexes carry every filtered
   * column, so PostgreSQL walks the index in order and stops at the page's end (`LIKE` cannot seek an
   * index under row-level security, and its estimate there is blind: see the migration
   * PublishedSearchCovering), then reads the page's rows by key. Without a text, the walk reads its
   * rows straight away (every row it meets is wanted, and the join back would only add to it).
   */
  @GenerateSql(
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, productFamily: 'kerbstones', productName: 'kerb', holderName: 'example', certificateReference: 'BENOR-1', after: { publishedAt: SQL_EXAMPLE.at, id: SQL_EXAMPLE.id }, limit: 51 }] },
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, limit: 51 }] },
  )
  async search(search: PublishedSearch): Promise<PublishedDatasheet[]> {
    const values: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const byText = Boolean(search.productName || search.holderName);
    const alias = byText ? 's' : 'p';
    if (search.tenantId) where.push(`${alias}.tenant_id = ${param(search.tenantId)}`);
    if (search.productFamily) where.push(`${alias}.product_family = ${param(search.productFamily)}`);
    // Compared folded (any case, with or without accents; a reference's letters and digits only: the
    // migration PublishedSearchFolded1767650000000). What is typed is folded once per statement (a
    // sub-select is computed once, not for every row it is compared with) by the same SQL functions.
    // An empty key (a typed reference whose letters the key drops, e.g. Greek) matches nothing.
    if (search.productName) where.push(`${alias}.product_name_folded LIKE (SELECT search_folded(${param(likePattern(search.productName))}))`);
    if (search.holderName) where.push(`${alias}.holder_name_folded LIKE (SELECT search_folded(${param(likePattern(search.holderName))}))`);
    if (search.certificateReference) where.push(`${alias}.certificate_reference_key = (SELECT NULLIF(reference_key(${param(search.certificateReference)}), ''))`);
    if (search.after) where.push(`(${alias}.published_at, ${alias}.datasheet_id) < (${param(search.after.publishedAt)}, ${param(search.after.id)})`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.sql.query(
      byText
        ? `SELECT ${PUBLISHED} FROM (
             SELECT s.datasheet_id FROM published_datasheet s ${filter} ORDER BY s.published_at DESC, s.datasheet_id DESC LIMIT ${param(search.limit)}
           ) page JOIN published_datasheet p ON p.datasheet_id = page.datasheet_id
            ORDER BY p.published_at DESC, p.datasheet_id DESC`
        : `SELECT ${PUBLISHED} FROM published_datasheet p ${filter} ORDER BY p.published_at DESC, p.datasheet_id DESC LIMIT ${param(search.limit)}`,
      values,
    );
    return rows.map(toPublished);
  }
}
