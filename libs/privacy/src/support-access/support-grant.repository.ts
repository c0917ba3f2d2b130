import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { SupportGrant } from './support-grant.entity';

const GRANT = selectColumns(SupportGrant, 'g');

export interface NewSupportGrantRequest {
  tenantId: string;
  requestedBy: string;
  purpose: string;
  durationMinutes: number;
  requestedAt: Date;
}

const EXAMPLE: NewSupportGrantRequest = {
  tenantId: SQL_EXAMPLE.tenantId, requestedBy: SQL_EXAMPLE.userId, purpose: 'Login fails for a clerk', durationMinutes: 60, requestedAt: SQL_EXAMPLE.at,
};

/** The `support_grant` table: the operator's requests for support access and the tenant's decisions. */
@Injectable()
export class SupportGrantRepository {
  constructor(private readonly sql: Sql) {}

  /** The operator's request, filed in its own scope (row-level security allows only a REQUESTED row of its own). */
  @GenerateSql({ params: [EXAMPLE] })
  async insertRequest(request: NewSupportGrantRequest): Promise<SupportGrant> {
    const [row] = await this.sql.query(
      `INSERT INTO support_grant AS g (tenant_id, requested_by, purpose, duration_minutes, requested_at, status)
       VALUES ($1, $2, $3, $4, $5, 'REQUESTED') RETURNING ${GRANT}`,
      [request.tenantId, request.requestedBy, request.purpose, request.durationMinutes, request.requestedAt],
    );
    return toEntity(SupportGrant, row!);
  }

  /** Newest request first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async listOfTenant(tenantId: string): Promise<SupportGrant[]> {
    const rows = await this.sql.query(`SELECT ${GRANT} FROM support_grant g WHERE g.tenant_id = $1 ORDER BY g.requested_at DESC, g.id`, [tenantId]);
    return rows.map((row) => toEntity(SupportGrant, row));
  }

  /** The operator's own requests, newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async listOfOperator(operatorId: string): Promise<SupportGrant[]> {
    const rows = await this.sql.query(`SELECT ${GRANT} FROM support_grant g WHERE g.requested_by = $1 ORDER BY g.requested_at DESC, g.id`, [operatorId]);
    return rows.map((row) => toEntity(SupportGrant, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async findById(tenantId: string, id: string): Promise<SupportGrant | null> {
    const [row] = await this.sql.query(`SELECT ${GRANT} FROM support_grant g WHERE g.tenant_id = $1 AND g.id = $2`, [tenantId, id]);
    return row ? toEntity(SupportGrant, row) : null;
  }

  /** Approves a pending request: it runs from `at` to `endsAt`. Null when it is no longer pending. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.at, SQL_EXAMPLE.at] })
  async approve(tenantId: string, id: string, decidedBy: string, at: Date, endsAt: Date): Promise<SupportGrant | null> {
    const [row] = await this.sql.query(
      `UPDATE support_grant g SET status = 'APPROVED', decided_by = $3, decided_at = $4, starts_at = $4, ends_at = $5
        WHERE g.tenant_id = $1 AND g.id = $2 AND g.status = 'REQUESTED' RETURNING ${GRANT}`,
      [tenantId, id, decidedBy, at, endsAt],
    );
    return row ? toEntity(SupportGrant, row) : null;
  }

  /** Refuses a pending request. Null when it is no longer pending. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.at, 'Not now'] })
  async refuse(tenantId: string, id: string, decidedBy: string, at: Date, reason: string | null): Promise<SupportGrant | null> {
    const [row] = await this.sql.query(
      `UPDATE support_grant g SET status = 'REFUSED', decided_by = $3, decided_at = $4, refusal_reason = $5
        WHERE g.tenant_id = $1 AND g.id = $2 AND g.status = 'REQUESTED' RETURNING ${GRANT}`,
      [tenantId, id, decidedBy, at, reason],
    );
    return row ? toEntity(SupportGrant, row) : null;
  }

  /** Ends a running grant early. Null when it is not running at `at`. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async end(tenantId: string, id: string, endedBy: string, at: Date): Promise<SupportGrant | null> {
    const [row] = await this.sql.query(
      `UPDATE support_grant g SET status = 'ENDED', ended_by = $3, ended_at = $4
        WHERE g.tenant_id = $1 AND g.id = $2 AND g.status = 'APPROVED' AND g.ends_at > $4 RETURNING ${GRANT}`,
      [tenantId, id, endedBy, at],
    );
    return row ? toEntity(SupportGrant, row) : null;
  }
}
