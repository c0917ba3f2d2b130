import { Injectable } from '@nestjs/common';
import { columnOf, GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { Organisation } from '../entities/organisation.entity';

const ORGANISATION = selectColumns(Organisation, 'o');

export type NewOrganisation = Omit<Organisation, 'id' | 'createdAt'>;
export type OrganisationChanges = Partial<Pick<Organisation, 'name' | 'legalForm' | 'street' | 'postalCode' | 'city' | 'phone' | 'email' | 'iban'>>;

/** The `organisation` table: the companies that are customers of a tenant. */
@Injectable()
export class OrganisationRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * A confirmed company by id, as anyone acting in the tenant may find it: staff, other companies, the
   * documents that name it. A registration not confirmed yet is found by no id, exactly as one that
   * does not exist (the tenant's audit log names its id; anyone can make one, with any name and address):
   * only its registrant's confirmation (confirmRegistrationOf), its lapse and the privacy office's
   * duties reach it, through statements of their own.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findById(id: string): Promise<Organisation | null> {
    const [row] = await this.sql.query(`SELECT ${ORGANISATION} FROM organisation o WHERE o.id = $1 AND o.confirmed_at IS NOT NULL`, [id]);
    return row ? toEntity(Organisation, row) : null;
  }

  /**
   * The transaction's tenant's confirmed companies (row-level security), by name then id: those whose
   * name contains `nameContains` (as typed: % and _ match themselves) and, when given, whose id is in
   * `ids`. A registration not confirmed yet is left out: anyone can make one, and its name is not a customer's.
   */
  @GenerateSql({ params: ['beton', [SQL_EXAMPLE.id], 50] })
  async list(nameContains: string | null, ids: readonly string[] | null, limit: number): Promise<Organisation[]> {
    const rows = await this.sql.query(
      `SELECT ${ORGANISATION} FROM organisation o
        WHERE o.confirmed_at IS NOT NULL
          AND ($1::text IS NULL OR o.name ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
          AND ($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))
        ORDER BY o.name COLLATE natural_order, o.id LIMIT $3`,
      [nameContains, ids, limit],
    );
    return rows.map((row) => toEntity(Organisation, row));
  }

  /** The tenant's confirmed company registered under this number (the compact VAT number), or null. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'BE0123456749'] })
  async findByCompanyNumber(tenantId: string, companyNumber: string): Promise<Organisation | null> {
    const [row] = await this.sql.query(
      `SELECT ${ORGANISATION} FROM organisation o WHERE o.tenant_id = $1 AND o.company_number = $2 AND o.confirmed_at IS NOT NULL`, [tenantId, companyNumber]);
    return row ? toEntity(Organisation, row) : null;
  }

  /** Whether a confirmed company of the tenant holds this number: unconfirmed registrations of it do not. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'BE0123456749'] })
  async confirmedWithCompanyNumber(tenantId: string, companyNumber: string): Promise<boolean> {
    const rows = await this.sql.query(`SELECT 1 FROM organisation o WHERE o.tenant_id = $1 AND o.company_number = $2 AND o.confirmed_at IS NOT NULL`, [tenantId, companyNumber]);
    return rows.length > 0;
  }

  /** Whether another company of the account's company's number is confirmed in its tenant (a rival registration confirmed first). */
  @GenerateSql({ params: [SQL_EXAMPLE.userId] })
  async confirmedRivalOf(userId: string): Promise<boolean> {
    const rows = await this.sql.query(
      `SELECT 1 FROM user_account u JOIN organisation mine ON mine.tenant_id = u.tenant_id AND mine.id = u.organisation_id
         JOIN organisation o ON o.tenant_id = mine.tenant_id AND o.company_number = mine.company_number AND o.id <> mine.id AND o.confirmed_at IS NOT NULL
        WHERE u.id = $1`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Confirms the registration of the account's company, if it awaits that; false when there is none
   * to confirm. Another confirmed company of the same number makes it fail (the unique index
   * organisation_confirmed_company_number): the caller checks first and answers the race the same way.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.userId, SQL_EXAMPLE.at] })
  async confirmRegistrationOf(userId: string, at: Date): Promise<boolean> {
    const rows = await this.sql.query(
      `UPDATE organisation o SET confirmed_at = $2
        WHERE o.confirmed_at IS NULL AND o.id = (SELECT u.organisation_id FROM user_account u WHERE u.id = $1 AND u.tenant_id = o.tenant_id)
       RETURNING o.id`,
      [userId, at],
    );
    return rows.length > 0;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, companyNumber: 'BE0123456749', vatNumber: 'BE0123456749', name: 'Example NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen', country: 'BE', phone: '+3232000000', email: 'info@example.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD', isMember: false, confirmedAt: null }] })
  async insert(organisation: NewOrganisation): Promise<Organisation> {
    const [row] = await this.sql.query(
      `INSERT INTO organisation AS o (tenant_id, company_number, vat_number, name, legal_form, street, postal_code, city, country, phone, email,
                                      iban, login_method, is_member, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${ORGANISATION}`,
      [
        organisation.tenantId, organisation.companyNumber, organisation.vatNumber, organisation.name, organisation.legalForm,
        organisation.street, organisation.postalCode, organisation.city, organisation.country, organisation.phone,
        organisation.email, organisation.iban, organisation.loginMethod, organisation.isMember, organisation.confirmedAt,
      ],
    );
    return toEntity(Organisation, row!);
  }

  /** Sets the given fields; the service decided who may change which. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { name: 'Example NV', iban: 'BE71096123456769' }] })
  async update(id: string, changes: OrganisationChanges): Promise<Organisation> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as Array<[keyof OrganisationChanges, unknown]>;
    const assignments = entries.map(([property], i) => `${columnOf(Organisation, property)} = $${i + 2}`);
    const [row] = await this.sql.query(
      `UPDATE organisation o SET ${assignments.join(', ')} WHERE o.id = $1 RETURNING ${ORGANISATION}`,
      [id, ...entries.map(([, value]) => value)],
    );
    return toEntity(Organisation, row!);
  }
}
