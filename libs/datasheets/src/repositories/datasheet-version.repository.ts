import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { DatasheetText } from '../entities/datasheet-text.entity';
import { DatasheetState, DatasheetVersion } from '../entities/datasheet-version.entity';
import type { DatasheetScope } from './certified-product.repository';

// JSON columns come back as text: the characteristics are output as a JSON string, the texts as records.
const VERSION = selectColumns(DatasheetVersion, 'v', { except: ['characteristics'] }) + ', v.characteristics::text AS characteristics';

export interface VersionContent {
  characteristics: string;
  texts: Array<Pick<DatasheetText, 'language' | 'title' | 'description'>>;
}

/** Dates of a state change: the column named after the state is set with the time. */
const STATE_DATE: Partial<Record<DatasheetState, string>> = {
  [DatasheetState.SUBMITTED]: 'submitted_at',
  [DatasheetState.APPROVED]: 'approved_at',
  [DatasheetState.PUBLISHED]: 'published_at',
  [DatasheetState.SUPERSEDED]: 'superseded_at',
  [DatasheetState.UNPUBLISHED]: 'unpublished_at',
};

function toVersion(row: Record<string, unknown>): DatasheetVersion {
  const version = toEntity(DatasheetVersion, row);
  version.texts = ((row.texts as VersionContent['texts'] | null) ?? []).map((t) => toEntity(DatasheetText, t));
  return version;
}

/** The `datasheet_version` table. A published version's content is never changed (a trigger refuses it). */
@Injectable()
export class DatasheetVersionRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, datasheetId: SQL_EXAMPLE.id, completedBy: SQL_EXAMPLE.userId, at: SQL_EXAMPLE.at }, { characteristics: '{"strength":"C30/37"}', texts: [] }] })
  async insertNext(
    version: { tenantId: string; organisationId: string; datasheetId: string; completedBy: string; at: Date },
    content: VersionContent,
  ): Promise<DatasheetVersion> {
    const [row] = await this.sql.query(
      `INSERT INTO datasheet_version AS v (tenant_id, organisation_id, datasheet_id, number, state, characteristics, texts, completed_by, created_at, updated_at)
       VALUES ($1, $2, $3, (SELECT coalesce(max(x.number), 0) + 1 FROM datasheet_version x WHERE x.datasheet_id = $3), 'DRAFT', $4::jsonb, $5::jsonb, $6, $7, $7)
       RETURNING ${VERSION}`,
      [version.tenantId, version.organisationId, version.datasheetId, content.characteristics, JSON.stringify(content.texts), version.completedBy, version.at],
    );
    return toVersion(row!);
  }

  /** A version within the scope, locked for a change. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async lockInScope(id: string, scope: DatasheetScope): Promise<DatasheetVersion | null> {
    const [row] = await this.sql.query(
      `SELECT ${VERSION} FROM datasheet_version v WHERE v.id = $1 AND v.tenant_id = $2 AND ($3::uuid IS NULL OR v.organisation_id = $3) FOR UPDATE`,
      [id, scope.tenantId, scope.organisationId],
    );
    return row ? toVersion(row) : null;
  }

  /** Every version of a datasheet within the scope, oldest first (none when it is not the caller's). */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async listOfDatasheet(datasheetId: string, scope: DatasheetScope): Promise<DatasheetVersion[]> {
    const rows = await this.sql.query(
      `SELECT ${VERSION} FROM datasheet_version v WHERE v.datasheet_id = $1 AND v.tenant_id = $2 AND ($3::uuid IS NULL OR v.organisation_id = $3) ORDER BY v.number`,
      [datasheetId, scope.tenantId, scope.organisationId],
    );
    return rows.map(toVersion);
  }

  /** Every version of each datasheet given that is in scope, by datasheet, oldest first (one statement for a page of datasheets). */
  @GenerateSql({ params: [[SQL_EXAMPLE.id], { tenantId: SQL_EXAMPLE.tenantId, organisationId: null }] })
  async listOfDatasheets(datasheetIds: readonly string[], scope: DatasheetScope): Promise<DatasheetVersion[]> {
    const rows = await this.sql.query(
      `SELECT ${VERSION} FROM datasheet_version v WHERE v.datasheet_id = ANY($1::uuid[]) AND v.tenant_id = $2 AND ($3::uuid IS NULL OR v.organisation_id = $3) ORDER BY v.datasheet_id, v.number`,
      [datasheetIds, scope.tenantId, scope.organisationId],
    );
    return rows.map(toVersion);
  }

  /** The latest version of each datasheet given (its current state). */
  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async latestOf(datasheetIds: readonly string[]): Promise<DatasheetVersion[]> {
    const rows = await this.sql.query(
      `SELECT DISTINCT ON (v.datasheet_id) ${VERSION} FROM datasheet_version v WHERE v.datasheet_id = ANY($1::uuid[]) ORDER BY v.datasheet_id, v.number DESC`,
      [datasheetIds],
    );
    return rows.map(toVersion);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, ['PUBLISHED']] })
  async findOfDatasheetIn(datasheetId: string, states: readonly DatasheetState[]): Promise<DatasheetVersion | null> {
    const [row] = await this.sql.query(
      `SELECT ${VERSION} FROM datasheet_version v WHERE v.datasheet_id = $1 AND v.state = ANY($2) ORDER BY v.number DESC LIMIT 1 FOR UPDATE`,
      [datasheetId, states],
    );
    return row ? toVersion(row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, { characteristics: '{"strength":"C30/37"}', texts: [] }, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async updateContent(id: string, content: VersionContent, completedBy: string, at: Date): Promise<DatasheetVersion> {
    const [row] = await this.sql.query(
      `UPDATE datasheet_version v SET characteristics = $2::jsonb, texts = $3::jsonb, completed_by = $4, updated_at = $5, state = 'DRAFT'
        WHERE v.id = $1 RETURNING ${VERSION}`,
      [id, content.characteristics, JSON.stringify(content.texts), completedBy, at],
    );
    return toVersion(row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 'SUBMITTED', SQL_EXAMPLE.at, null] })
  async setState(id: string, state: DatasheetState, at: Date, reviewComment: string | null): Promise<DatasheetVersion> {
    const dated = STATE_DATE[state];
    const [row] = await this.sql.query(
      `UPDATE datasheet_version v SET state = $2, updated_at = $3, review_comment = coalesce($4, v.review_comment)${dated ? `, ${dated} = $3` : ''}
        WHERE v.id = $1 RETURNING ${VERSION}`,
      [id, state, at, reviewComment],
    );
    return toVersion(row!);
  }

  /** The versions the person completed (a data-subject export; kept as a reference on erasure). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async completedBy(userId: string): Promise<DatasheetVersion[]> {
    const rows = await this.sql.query(`SELECT ${VERSION} FROM datasheet_version v WHERE v.completed_by = $1 ORDER BY v.created_at, v.id`, [userId]);
    return rows.map((row) => toEntity(DatasheetVersion, row));
  }
}
