import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Datasheet } from '../entities/datasheet.entity';
import type { DatasheetState } from '../entities/datasheet-version.entity';
import type { DatasheetScope } from './certified-product.repository';

/** Which page of a list of datasheets. */
export interface DatasheetPage {
  limit: number;
  /** One of LISTED_STATES: a datasheet has at most one version in each. */
  state?: DatasheetState;
  /** Only the datasheets of these certified products. */
  productIds?: readonly string[];
  /** Only those whose contact objected and must be replaced (true), or the others (false). */
  contactReplacementRequired?: boolean;
  after?: string;
}

const DATASHEET = selectColumns(Datasheet, 'd');

/** The `datasheet` table: one per certified product, with its public code and its published contact. */
@Injectable()
export class DatasheetRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, certifiedProductId: SQL_EXAMPLE.id, publicCode: 'K7QX3M9P' }] })
  async insert(datasheet: Pick<Datasheet, 'tenantId' | 'organisationId' | 'certifiedProductId' | 'publicCode'>): Promise<Datasheet> {
    const [row] = await this.sql.query(
      `INSERT INTO datasheet AS d (tenant_id, organisation_id, certified_product_id, public_code) VALUES ($1, $2, $3, $4) RETURNING ${DATASHEET}`,
      [datasheet.tenantId, datasheet.organisationId, datasheet.certifiedProductId, datasheet.publicCode],
    );
    return toEntity(Datasheet, row!);
  }

  /** A datasheet within the scope, locked for the change about to be made to it (or its versions). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async lockInScope(id: string, scope: DatasheetScope): Promise<Datasheet | null> {
    const [row] = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d WHERE d.id = $1 AND d.tenant_id = $2 AND ($3::uuid IS NULL OR d.organisation_id = $3) FOR UPDATE`,
      [id, scope.tenantId, scope.organisationId],
    );
    return row ? toEntity(Datasheet, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.tenantId] })
  async lockOfProduct(certifiedProductId: string, tenantId: string): Promise<Datasheet | null> {
    const [row] = await this.sql.query(`SELECT ${DATASHEET} FROM datasheet d WHERE d.certified_product_id = $1 AND d.tenant_id = $2 FOR UPDATE`, [certifiedProductId, tenantId]);
    return row ? toEntity(Datasheet, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.tenantId] })
  async existsForProduct(certifiedProductId: string, tenantId: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM datasheet d WHERE d.certified_product_id = $1 AND d.tenant_id = $2`, [certifiedProductId, tenantId]);
    return rows.length > 0;
  }

  /**
   * A page of the datasheets in scope (of the certified products given, when `productIds`; flagged or
   * not, when `contactReplacementRequired`). Without `state`: newest first. With `state`: those with a
   * version in that state (the one open for work, or the published one), in the order they reached it,
   * oldest first (a reviewer's queue). `after` continues after that datasheet, which must be in the list
   * (else the page is empty). Either is read in an index in its order (`datasheet_register`,
   * `…_organisation`, `datasheet_version_state`), whatever the tenant's volume.
   */
  @GenerateSql(
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, { limit: 50 }] },
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: null }, { limit: 50, state: 'SUBMITTED', after: SQL_EXAMPLE.id }] },
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, { limit: 50, productIds: [SQL_EXAMPLE.id], contactReplacementRequired: true }] },
  )
  async listInScope(scope: DatasheetScope, page: DatasheetPage): Promise<Datasheet[]> {
    const inScope = (alias: string) => `${alias}.tenant_id = $1 AND ($2::uuid IS NULL OR ${alias}.organisation_id = $2)`;
    if (!page.state) {
      const rows = await this.sql.query(
        `SELECT ${DATASHEET} FROM datasheet d WHERE ${inScope('d')} AND ($5::uuid[] IS NULL OR d.certified_product_id = ANY($5::uuid[]))
          AND ($6::boolean IS NULL OR d.contact_replacement_required = $6)
          AND ($3::uuid IS NULL OR (d.created_at, d.id) < ((SELECT x.created_at FROM datasheet x WHERE x.id = $3 AND ${inScope('x')}),
                                                           (SELECT x.id FROM datasheet x WHERE x.id = $3 AND ${inScope('x')})))
          ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
        [scope.tenantId, scope.organisationId, page.after ?? null, page.limit, page.productIds ?? null, page.contactReplacementRequired ?? null],
      );
      return rows.map((row) => toEntity(Datasheet, row));
    }
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet_version v JOIN datasheet d ON d.id = v.datasheet_id AND d.tenant_id = v.tenant_id
        WHERE ${inScope('v')} AND v.state = $3 AND ($6::uuid[] IS NULL OR d.certified_product_id = ANY($6::uuid[]))
          AND ($7::boolean IS NULL OR d.contact_replacement_required = $7)
          AND ($4::uuid IS NULL OR (v.updated_at, v.datasheet_id) > ((SELECT y.updated_at FROM datasheet_version y WHERE y.datasheet_id = $4 AND y.state = $3 AND ${inScope('y')}),
                                                                     (SELECT y.datasheet_id FROM datasheet_version y WHERE y.datasheet_id = $4 AND y.state = $3 AND ${inScope('y')})))
        ORDER BY v.updated_at, v.datasheet_id LIMIT $5`,
      [scope.tenantId, scope.organisationId, page.state, page.after ?? null, page.limit, page.productIds ?? null, page.contactReplacementRequired ?? null],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /** The datasheets a person is the published contact of, locked: an objection changes them all. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async lockWithContact(tenantId: string, userId: string): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d WHERE d.tenant_id = $1 AND d.contact_user_id = $2 ORDER BY d.id FOR UPDATE`,
      [tenantId, userId],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.userId, false, null] })
  async setContact(id: string, contactUserId: string | null, replacementRequired: boolean, deadline: Date | null): Promise<Datasheet> {
    const [row] = await this.sql.query(
      `UPDATE datasheet d SET contact_user_id = $2, contact_replacement_required = $3, contact_replacement_deadline = $4, contact_suspended_user_id = NULL WHERE d.id = $1 RETURNING ${DATASHEET}`,
      [id, contactUserId, replacementRequired, deadline],
    );
    return toEntity(Datasheet, row!);
  }

  /**
   * The person is no longer the contact of any datasheet (objection, account disabled, role lost,
   * erasure): every datasheet naming them, or waiting for them to be shown again, is flagged for a new
   * contact, one statement for all. A deadline already running is kept (the company does not get a new
   * one by a second event).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async releaseContact(tenantId: string, userId: string, deadline: Date): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `UPDATE datasheet d SET contact_user_id = NULL, contact_suspended_user_id = NULL, contact_replacement_required = true,
              contact_replacement_deadline = COALESCE(d.contact_replacement_deadline, $3)
        WHERE d.tenant_id = $1 AND (d.contact_user_id = $2 OR d.contact_suspended_user_id = $2) RETURNING ${DATASHEET}`,
      [tenantId, userId, deadline],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /**
   * The person's processing is restricted (Art. 18): every datasheet naming them shows no one for the
   * time being and remembers them, without a replacement deadline (the restriction is temporary).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async suspendContact(tenantId: string, userId: string): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `UPDATE datasheet d SET contact_user_id = NULL, contact_suspended_user_id = $2 WHERE d.tenant_id = $1 AND d.contact_user_id = $2 RETURNING ${DATASHEET}`,
      [tenantId, userId],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /** The datasheets waiting to show the person again (their restriction is being lifted), locked. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async lockSuspendedFor(tenantId: string, userId: string): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d WHERE d.tenant_id = $1 AND d.contact_suspended_user_id = $2 ORDER BY d.id FOR UPDATE`,
      [tenantId, userId],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /** The datasheets naming the person as their contact, or waiting to show them again (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async withContact(userId: string): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d WHERE d.contact_user_id = $1 OR d.contact_suspended_user_id = $1 ORDER BY d.created_at, d.id`,
      [userId],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /** Datasheets whose company named no new contact before the deadline. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.at] })
  async lockOverdue(tenantId: string, now: Date): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d
        WHERE d.tenant_id = $1 AND d.contact_replacement_required AND d.contact_replacement_deadline <= $2
        ORDER BY d.id FOR UPDATE`,
      [tenantId, now],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }
}
