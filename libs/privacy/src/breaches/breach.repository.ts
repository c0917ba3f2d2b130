import { Injectable } from '@nestjs/common';
import { GenerateSql, isUniqueViolation, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Breach } from './breach.entity';

const BREACH = selectColumns(Breach, 'b');

export type NewBreach = Omit<Breach, 'id' | 'authorityNotifiedAt' | 'delayReason' | 'subjectsNotifiedAt' | 'subjectsNotified' | 'authorityDeadline' | 'notificationDraft'>;

const EXAMPLE: NewBreach = {
  tenantId: SQL_EXAMPLE.tenantId, reference: 'BR-2026-001', nature: 'Laptop stolen', becameAwareAt: SQL_EXAMPLE.at, occurredAt: null, dataCategories: ['contact'],
  involvedOrganisationIds: [SQL_EXAMPLE.organisationId], involvesAllOrganisations: false, involvesStaff: false, affectedPeople: 3, affectedRecords: null,
  likelyConsequences: 'phishing', measures: 'passwords reset', notifiable: true, notNotifiableReason: null, highRisk: false, registeredBy: SQL_EXAMPLE.userId, registeredAt: SQL_EXAMPLE.at,
};

/** The `breach` table: the tenant's breach register. */
@Injectable()
export class BreachRepository {
  constructor(private readonly sql: Sql) {}

  /** Newest awareness first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async listOfTenant(tenantId: string): Promise<Breach[]> {
    const rows = await this.sql.query(`SELECT ${BREACH} FROM breach b WHERE b.tenant_id = $1 ORDER BY b.became_aware_at DESC, b.id`, [tenantId]);
    return rows.map((row) => toEntity(Breach, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id] })
  async findById(tenantId: string, id: string): Promise<Breach | null> {
    const [row] = await this.sql.query(`SELECT ${BREACH} FROM breach b WHERE b.tenant_id = $1 AND b.id = $2`, [tenantId, id]);
    return row ? toEntity(Breach, row) : null;
  }

  /** Null when the tenant already has a breach with this reference. */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(breach: NewBreach): Promise<Breach | null> {
    const b = breach;
    try {
      const [row] = await this.sql.query(
        `INSERT INTO breach AS b (tenant_id, reference, nature, became_aware_at, occurred_at, data_categories, involved_organisation_ids, involves_all_organisations,
           involves_staff, affected_people, affected_records, likely_consequences, measures, notifiable, not_notifiable_reason, high_risk, registered_by, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING ${BREACH}`,
        [b.tenantId, b.reference, b.nature, b.becameAwareAt, b.occurredAt, b.dataCategories, b.involvedOrganisationIds, b.involvesAllOrganisations, b.involvesStaff,
          b.affectedPeople, b.affectedRecords, b.likelyConsequences, b.measures, b.notifiable, b.notNotifiableReason, b.highRisk, b.registeredBy, b.registeredAt],
      );
      return toEntity(Breach, row!);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Records the authority's notification once; null when already recorded. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.at, null] })
  async recordAuthorityNotified(tenantId: string, id: string, at: Date, delayReason: string | null): Promise<Breach | null> {
    const [row] = await this.sql.query(
      `UPDATE breach b SET authority_notified_at = $3, delay_reason = $4
        WHERE b.tenant_id = $1 AND b.id = $2 AND b.authority_notified_at IS NULL RETURNING ${BREACH}`,
      [tenantId, id, at, delayReason],
    );
    return row ? toEntity(Breach, row) : null;
  }

  /** Records that the people were notified, once; null when already recorded. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, SQL_EXAMPLE.at, 3] })
  async recordSubjectsNotified(tenantId: string, id: string, at: Date, count: number): Promise<Breach | null> {
    const [row] = await this.sql.query(
      `UPDATE breach b SET subjects_notified_at = $3, subjects_notified = $4
        WHERE b.tenant_id = $1 AND b.id = $2 AND b.subjects_notified_at IS NULL RETURNING ${BREACH}`,
      [tenantId, id, at, count],
    );
    return row ? toEntity(Breach, row) : null;
  }
}
