import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { PostalCodeRange, Tenant } from '../entities/tenant.entity';

const TENANT = selectColumns(Tenant, 't');

export type NewTenant = Pick<
  Tenant,
  'slug' | 'name' | 'kinds' | 'legalEntityNumber' | 'street' | 'postalCode' | 'city' | 'country' | 'phone' | 'email' | 'languages' | 'privacyContactEmail'
> & { servedPostalCodes: Array<{ from: string; to: string }> };

/** The `tenant` table: the public directory of chambers and certification bodies. */
@Injectable()
export class TenantRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [] })
  async list(): Promise<Tenant[]> {
    return (await this.sql.query(`SELECT ${TENANT} FROM tenant t ORDER BY t.name COLLATE natural_order, t.id`)).map(toTenant);
  }

  @GenerateSql({ params: ['voka-antwerpen-waasland'] })
  async findBySlug(slug: string): Promise<Tenant | null> {
    const [row] = await this.sql.query(`SELECT ${TENANT} FROM tenant t WHERE t.slug = $1`, [slug]);
    return row ? toTenant(row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id] })
  async findById(id: string): Promise<Tenant | null> {
    const [row] = await this.sql.query(`SELECT ${TENANT} FROM tenant t WHERE t.id = $1`, [id]);
    return row ? toTenant(row) : null;
  }

  /** Whether the tenant requires a second factor of all its staff. */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async staffSecondFactorRequired(tenantId: string): Promise<boolean> {
    const [row] = await this.sql.query<{ required: boolean }>(`SELECT t.staff_second_factor_required AS required FROM tenant t WHERE t.id = $1`, [tenantId]);
    return row?.required ?? false;
  }

  /**
   * Sets the requirement and answers what it was before (null: no such tenant, or not its own to
   * change). The tenant's row stays locked until the unit commits, so two administrators' changes
   * queue and each sees the other's.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, true] })
  async setStaffSecondFactorRequired(tenantId: string, required: boolean): Promise<{ before: boolean } | null> {
    const [row] = await this.sql.query<{ before: boolean }>(
      `UPDATE tenant t SET staff_second_factor_required = $2 FROM (SELECT p.id, p.staff_second_factor_required FROM tenant p WHERE p.id = $1 FOR UPDATE) previous
        WHERE t.id = previous.id RETURNING previous.staff_second_factor_required AS before`,
      [tenantId, required],
    );
    return row ?? null;
  }

  /** Platform scope only (row-level security: tenants are created by the operator). */
  @GenerateSql({ params: [{ slug: 'example', name: 'Example', kinds: ['CHAMBER_OF_COMMERCE'], legalEntityNumber: '0404.419.278', street: 'Street 1', postalCode: '2000', city: 'Antwerpen', country: 'BE', phone: null, email: null, languages: ['nl'], privacyContactEmail: 'privacy@example.test', servedPostalCodes: [] }], tenantId: null })
  async insert(tenant: NewTenant): Promise<Tenant> {
    const [row] = await this.sql.query(
      `INSERT INTO tenant AS t (slug, name, kinds, legal_entity_number, street, postal_code, city, country, phone, email, languages,
                               privacy_contact_email, served_postal_codes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${TENANT}`,
      [
        tenant.slug, tenant.name, tenant.kinds, tenant.legalEntityNumber, tenant.street, tenant.postalCode, tenant.city,
        tenant.country, tenant.phone, tenant.email, tenant.languages, tenant.privacyContactEmail, JSON.stringify(tenant.servedPostalCodes),
      ],
    );
    return toTenant(row!);
  }
}

function toTenant(row: object): Tenant {
  const tenant = toEntity(Tenant, row);
  tenant.servedPostalCodes = (tenant.servedPostalCodes ?? []).map((range) => Object.assign(new PostalCodeRange(), range));
  return tenant;
}
