import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';

/** What another context needs to reach a person of a tenant: never more than address, language and place. */
export interface ReachablePerson {
  id: string;
  organisationId: string | null;
  email: string;
  preferredLanguage: string;
  roles: string[];
  createdAt: Date;
}

/** A person whose data the tenant still holds, whatever the state of their account (a breach reaches them too). */
export interface HeldPerson extends ReachablePerson {
  /** ACTIVE, DISABLED or PENDING_CONFIRMATION. */
  status: string;
}

/** A customer company and its general address (where it is told when no administrator can be). */
export interface ReachableCompany {
  id: string;
  email: string;
}

/** A customer company's record as the operator sees it under a support grant (no bank account). */
export interface CompanyRecord {
  id: string;
  name: string;
  companyNumber: string;
  vatNumber: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  createdAt: Date;
}

/** The active accounts of one tenant, for messages the privacy office must send to everyone concerned. */
@Injectable()
export class PeopleDirectoryRepository {
  constructor(private readonly sql: Sql) {}

  /** Every active account of the tenant (companies' users and staff) with its roles, oldest first. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async activePeopleOfTenant(tenantId: string): Promise<ReachablePerson[]> {
    return this.sql.query<ReachablePerson>(
      `SELECT u.id, u.organisation_id AS "organisationId", u.email, u.preferred_language AS "preferredLanguage",
              ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles, u.created_at AS "createdAt"
         FROM user_account u
        WHERE u.tenant_id = $1 AND u.status = 'ACTIVE'
        ORDER BY u.created_at, u.id`,
      [tenantId],
    );
  }

  /**
   * Every account of the tenant whose person's data is still held, whatever its status (active,
   * disabled until its ACCOUNT retention, awaiting confirmation), with its roles, oldest first; an
   * account already de-identified (erased, or swept by retention: `erased-<id>@erased.invalid`) holds
   * nobody's data and is left out.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async peopleWithDataOfTenant(tenantId: string): Promise<HeldPerson[]> {
    return this.sql.query<HeldPerson>(
      `SELECT u.id, u.organisation_id AS "organisationId", u.email, u.preferred_language AS "preferredLanguage", u.status,
              ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles, u.created_at AS "createdAt"
         FROM user_account u
        WHERE u.tenant_id = $1 AND u.email <> 'erased-' || u.id::text || '@erased.invalid'
        ORDER BY u.created_at, u.id`,
      [tenantId],
    );
  }

  /** Every company of the tenant with its general e-mail address. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async companiesOfTenant(tenantId: string): Promise<ReachableCompany[]> {
    return this.sql.query<ReachableCompany>(`SELECT o.id, o.email FROM organisation o WHERE o.tenant_id = $1 ORDER BY o.id`, [tenantId]);
  }

  /** Every confirmed company of the tenant, by name: its record but the bank account (a registration not confirmed yet is nobody's customer). */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async companyRecordsOfTenant(tenantId: string): Promise<CompanyRecord[]> {
    return this.sql.query<CompanyRecord>(
      `SELECT o.id, o.name, o.company_number AS "companyNumber", o.vat_number AS "vatNumber", o.street, o.postal_code AS "postalCode", o.city, o.country,
              o.email, o.phone, o.created_at AS "createdAt"
         FROM organisation o WHERE o.tenant_id = $1 AND o.confirmed_at IS NOT NULL ORDER BY o.name COLLATE natural_order, o.id`,
      [tenantId],
    );
  }
}
