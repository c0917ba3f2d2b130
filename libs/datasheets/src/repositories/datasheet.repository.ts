import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Datasheet } from '../entities/datasheet.entity';
import type { DatasheetScope } from './certified-product.repository';

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

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async listInScope(scope: DatasheetScope): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `SELECT ${DATASHEET} FROM datasheet d WHERE d.tenant_id = $1 AND ($2::uuid IS NULL OR d.organisation_id = $2) ORDER BY d.created_at, d.id LIMIT 1000`,
      [scope.tenantId, scope.organisationId],
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
      `UPDATE datasheet d SET contact_user_id = $2, contact_replacement_required = $3, contact_replacement_deadline = $4 WHERE d.id = $1 RETURNING ${DATASHEET}`,
      [id, contactUserId, replacementRequired, deadline],
    );
    return toEntity(Datasheet, row!);
  }

  /**
   * The person is no longer the contact of any datasheet (objection, account disabled, role lost,
   * erasure): every datasheet naming them is flagged for a new contact, one statement for all.
   * A deadline already running is kept (the company does not get a new one by a second event).
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async releaseContact(tenantId: string, userId: string, deadline: Date): Promise<Datasheet[]> {
    const rows = await this.sql.query(
      `UPDATE datasheet d SET contact_user_id = NULL, contact_replacement_required = true,
              contact_replacement_deadline = COALESCE(d.contact_replacement_deadline, $3)
        WHERE d.tenant_id = $1 AND d.contact_user_id = $2 RETURNING ${DATASHEET}`,
      [tenantId, userId, deadline],
    );
    return rows.map((row) => toEntity(Datasheet, row));
  }

  /** The datasheets naming the person as their contact (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async withContact(userId: string): Promise<Datasheet[]> {
    const rows = await this.sql.query(`SELECT ${DATASHEET} FROM datasheet d WHERE d.contact_user_id = $1 ORDER BY d.created_at, d.id`, [userId]);
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
