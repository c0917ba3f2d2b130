import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PublishedContact } from '../repositories/published-datasheet.repository';
import { ProjectCertificate, ProjectCertificateState, ProjectDistribution, ProjectParty, ProjectPartyRole } from './project-certificate.entity';

// numeric comes back from pg as text: the quantity is read as a number.
const PROJECT = selectColumns(ProjectCertificate, 'c', { except: ['quantityTonnes'] }) + ', c.quantity_tonnes::float8 AS "quantityTonnes"';
const PARTY = selectColumns(ProjectParty, 'p');
const DISTRIBUTION = selectColumns(ProjectDistribution, 'd');

export interface NewProject {
  tenantId: string;
  reference: string;
  site: string;
  material: string;
  quantityTonnes: number;
  createdByOrganisationId: string;
}

export interface NewParty {
  role: ProjectPartyRole;
  organisationId: string;
  organisationName: string;
  contact: PublishedContact;
}

/** A distribution older than the tenant's CERTIFICATE_FILE period ($1 now, $2 the period) that still names who sent it. */
const DISTRIBUTION_PAST_RETENTION = `d.distributed_by IS NOT NULL AND d.distributed_at < $1::timestamptz - $2::interval`;
/** Left alone: under a legal hold ($3: `ProjectDistribution:id`) or sent by a restricted person ($4). */
const DISTRIBUTION_KEPT = `(('ProjectDistribution:' || d.id::text) = ANY($3::text[]) OR d.distributed_by = ANY($4::uuid[]))`;

/**
 * `project_certificate`, its parties and its distributions. A project is read with its parties and
 * distributions in one statement each for a whole page (never one per project).
 */
@Injectable()
export class ProjectCertificateRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, reference: 'N49 lot 3', site: 'Zelzate', material: 'tar-containing asphalt', quantityTonnes: 120.5, createdByOrganisationId: SQL_EXAMPLE.organisationId }] })
  async insert(project: NewProject): Promise<ProjectCertificate> {
    const [row] = await this.sql.query(
      `INSERT INTO project_certificate AS c (tenant_id, reference, site, material, quantity_tonnes, state, created_by_organisation_id)
       VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6) RETURNING ${PROJECT}`,
      [project.tenantId, project.reference, project.site, project.material, project.quantityTonnes, project.createdByOrganisationId],
    );
    return toEntity(ProjectCertificate, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.id, [{ role: 'CLIENT', organisationId: SQL_EXAMPLE.organisationId, organisationName: 'Example NV', contact: { kind: 'COMPANY', userId: null, name: 'Example NV', email: 'info@example.test', phone: null, position: null, replacementRequired: true } }]] })
  async insertParties(tenantId: string, projectId: string, parties: readonly NewParty[]): Promise<void> {
    await this.sql.query(
      `INSERT INTO project_party (project_id, tenant_id, role, organisation_id, organisation_name, contact_kind, contact_user_id, contact_name, contact_email, contact_phone, contact_position, contact_replacement_required)
       SELECT $1, $2, x.role, x.organisation_id, x.organisation_name, x.contact_kind, x.contact_user_id, x.contact_name, x.contact_email, x.contact_phone, x.contact_position, x.contact_replacement_required
         FROM jsonb_to_recordset($3::jsonb) AS x(role text, organisation_id uuid, organisation_name text, contact_kind text, contact_user_id uuid, contact_name text,
              contact_email text, contact_phone text, contact_position text, contact_replacement_required boolean)`,
      [projectId, tenantId, JSON.stringify(parties.map((p) => ({
        role: p.role, organisation_id: p.organisationId, organisation_name: p.organisationName, contact_kind: p.contact.kind, contact_user_id: p.contact.userId,
        contact_name: p.contact.name, contact_email: p.contact.email, contact_phone: p.contact.phone, contact_position: p.contact.position, contact_replacement_required: p.contact.replacementRequired,
      })))],
    );
  }

  /** A project of the tenant, locked when it is about to change. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.tenantId, false] })
  async find(id: string, tenantId: string, forUpdate: boolean): Promise<ProjectCertificate | null> {
    const [row] = await this.sql.query(`SELECT ${PROJECT} FROM project_certificate c WHERE c.id = $1 AND c.tenant_id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [id, tenantId]);
    return row ? toEntity(ProjectCertificate, row) : null;
  }

  /** The tenant's projects (organisationId null) or those a company is a party to, newest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.organisationId, 50] })
  async list(tenantId: string, organisationId: string | null, first: number): Promise<ProjectCertificate[]> {
    const rows = await this.sql.query(
      `SELECT ${PROJECT} FROM project_certificate c
        WHERE c.tenant_id = $1 AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM project_party p WHERE p.project_id = c.id AND p.organisation_id = $2))
        ORDER BY c.created_at DESC, c.id DESC LIMIT $3`,
      [tenantId, organisationId, first],
    );
    return rows.map((row) => toEntity(ProjectCertificate, row));
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async partiesOf(projectIds: readonly string[]): Promise<ProjectParty[]> {
    const rows = await this.sql.query(`SELECT ${PARTY} FROM project_party p WHERE p.project_id = ANY($1::uuid[]) ORDER BY p.project_id, p.role`, [projectIds]);
    return rows.map((row) => toEntity(ProjectParty, row));
  }

  @GenerateSql({ params: [[SQL_EXAMPLE.id]] })
  async distributionsOf(projectIds: readonly string[]): Promise<ProjectDistribution[]> {
    const rows = await this.sql.query(`SELECT ${DISTRIBUTION} FROM project_distribution d WHERE d.project_id = ANY($1::uuid[]) ORDER BY d.distributed_at, d.id`, [projectIds]);
    return rows.map((row) => toEntity(ProjectDistribution, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 'ISSUED', SQL_EXAMPLE.at] })
  async setState(id: string, state: ProjectCertificateState, at: Date): Promise<void> {
    await this.sql.query(`UPDATE project_certificate c SET state = $2, issued_at = CASE WHEN $2 = 'ISSUED' THEN $3 ELSE c.issued_at END WHERE c.id = $1`, [id, state, at]);
  }

  /** Staff withdraw an issued certificate: when and why are kept on it. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.at, 'Issued in error: wrong site'] })
  async withdraw(id: string, at: Date, reason: string): Promise<void> {
    await this.sql.query(`UPDATE project_certificate c SET state = 'WITHDRAWN', withdrawn_at = $2, withdrawal_reason = $3 WHERE c.id = $1`, [id, at, reason]);
  }

  /** A draft opened by mistake goes, with its parties (ON DELETE CASCADE). */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async deleteDraft(id: string): Promise<void> {
    await this.sql.query(`DELETE FROM project_certificate c WHERE c.id = $1 AND c.state = 'DRAFT'`, [id]);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, 'CLIENT', { kind: 'PERSON', userId: SQL_EXAMPLE.userId, name: 'Ann Example', email: 'ann@example.test', phone: null, position: null, replacementRequired: false }] })
  async setContact(projectId: string, role: ProjectPartyRole, contact: PublishedContact): Promise<void> {
    await this.sql.query(
      `UPDATE project_party p SET contact_kind = $3, contact_user_id = $4, contact_name = $5, contact_email = $6, contact_phone = $7, contact_position = $8, contact_replacement_required = $9,
              contact_suspended_user_id = NULL
        WHERE p.project_id = $1 AND p.role = $2`,
      [projectId, role, contact.kind, contact.userId, contact.name, contact.email, contact.phone, contact.position, contact.replacementRequired],
    );
  }

  /**
   * The person stops being a project contact everywhere (objection, account disabled, role lost,
   * erasure): each party they stood for, or that waits to show them again, shows its company's general
   * contact, flagged. One statement.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, { kind: 'COMPANY', userId: null, name: 'Example NV', email: 'info@example.test', phone: null, position: null, replacementRequired: true }] })
  async releaseContact(tenantId: string, userId: string, company: Omit<PublishedContact, 'name'>): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE project_party p SET contact_kind = 'COMPANY', contact_user_id = NULL, contact_suspended_user_id = NULL, contact_name = p.organisation_name,
              contact_email = $3, contact_phone = $4, contact_position = NULL, contact_replacement_required = true
        WHERE p.tenant_id = $1 AND (p.contact_user_id = $2 OR p.contact_suspended_user_id = $2) RETURNING p.project_id`,
      [tenantId, userId, company.email, company.phone],
    );
    return rows.length;
  }

  /**
   * The person's processing is restricted (Art. 18): each party they stood for shows its company's
   * general contact, flagged (a project certificate is not issued without a contact person), and
   * remembers them, to show them again when the restriction is lifted.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId, { kind: 'COMPANY', userId: null, name: 'Example NV', email: 'info@example.test', phone: null, position: null, replacementRequired: true }] })
  async suspendContact(tenantId: string, userId: string, company: Omit<PublishedContact, 'name'>): Promise<number> {
    const rows = await this.sql.query(
      `UPDATE project_party p SET contact_kind = 'COMPANY', contact_user_id = NULL, contact_suspended_user_id = $2, contact_name = p.organisation_name,
              contact_email = $3, contact_phone = $4, contact_position = NULL, contact_replacement_required = true
        WHERE p.tenant_id = $1 AND p.contact_user_id = $2 RETURNING p.project_id`,
      [tenantId, userId, company.email, company.phone],
    );
    return rows.length;
  }

  /** The parties waiting to show the person again (their restriction is being lifted), locked. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, SQL_EXAMPLE.userId] })
  async lockPartiesSuspendedFor(tenantId: string, userId: string): Promise<ProjectParty[]> {
    const rows = await this.sql.query(
      `SELECT ${PARTY} FROM project_party p WHERE p.tenant_id = $1 AND p.contact_suspended_user_id = $2 ORDER BY p.project_id, p.role FOR UPDATE`,
      [tenantId, userId],
    );
    return rows.map((row) => toEntity(ProjectParty, row));
  }

  /** The distributions the person sent (a data-subject export; erasure keeps them, see the holder). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async distributionsBy(userId: string): Promise<ProjectDistribution[]> {
    const rows = await this.sql.query(`SELECT ${DISTRIBUTION} FROM project_distribution d WHERE d.distributed_by = $1 ORDER BY d.distributed_at, d.id`, [userId]);
    return rows.map((row) => toEntity(ProjectDistribution, row));
  }

  /** The parties the person is the contact of, or waits to be shown again for (a data-subject export). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async partiesWithContact(userId: string): Promise<ProjectParty[]> {
    const rows = await this.sql.query(
      `SELECT ${PARTY} FROM project_party p WHERE p.contact_user_id = $1 OR p.contact_suspended_user_id = $1 ORDER BY p.project_id, p.role`,
      [userId],
    );
    return rows.map((row) => toEntity(ProjectParty, row));
  }

  /** Distributions past CERTIFICATE_FILE still naming who sent them, and those of them left alone (held, or by a restricted person). */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '10 years', [], []] })
  async countDistributionsPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[]): Promise<{ expired: number; held: number }> {
    const [row] = await this.sql.query<{ expired: string; held: string }>(
      `SELECT count(*) AS expired, count(*) FILTER (WHERE ${DISTRIBUTION_KEPT}) AS held FROM project_distribution d WHERE ${DISTRIBUTION_PAST_RETENTION}`,
      [now, retention, held, restricted],
    );
    return { expired: Number(row!.expired), held: Number(row!.held) };
  }

  /** Up to `limit` distributions past CERTIFICATE_FILE, neither held nor by a restricted person: who sent them forgotten (where and when stay). */
  @GenerateSql({ params: [SQL_EXAMPLE.at, '10 years', [], [], 500] })
  async forgetDistributorsPastRetention(now: Date, retention: string, held: readonly string[], restricted: readonly string[], limit: number): Promise<number> {
    const rows = await this.sql.query(
      `WITH due AS (SELECT d.id FROM project_distribution d WHERE ${DISTRIBUTION_PAST_RETENTION} AND NOT ${DISTRIBUTION_KEPT} ORDER BY d.distributed_at, d.id LIMIT $5 FOR UPDATE)
       UPDATE project_distribution d SET distributed_by = NULL FROM due WHERE d.id = due.id RETURNING d.id`,
      [now, retention, held, restricted, limit],
    );
    return rows.length;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, projectId: SQL_EXAMPLE.id, distributedBy: SQL_EXAMPLE.userId, target: 'central system', distributedAt: SQL_EXAMPLE.at }] })
  async recordDistribution(d: Pick<ProjectDistribution, 'tenantId' | 'projectId' | 'target' | 'distributedAt'> & { distributedBy: string }): Promise<ProjectDistribution> {
    const [row] = await this.sql.query(
      `INSERT INTO project_distribution AS d (tenant_id, project_id, distributed_by, target, distributed_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${DISTRIBUTION}`,
      [d.tenantId, d.projectId, d.distributedBy, d.target, d.distributedAt],
    );
    return toEntity(ProjectDistribution, row!);
  }
}
