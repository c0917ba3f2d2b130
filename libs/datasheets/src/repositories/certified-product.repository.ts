import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { CertifiedProduct, CertifiedProductStatus } from '../entities/certified-product.entity';

const PRODUCT = selectColumns(CertifiedProduct, 'p');

export type NewCertifiedProduct = Pick<CertifiedProduct, 'tenantId' | 'organisationId' | 'name' | 'productFamily' | 'certificateReference' | 'scheme' | 'productionUnit'>;

/** Whose records a list covers: a company's (organisation users) or the whole tenant's (staff). */
export interface DatasheetScope {
  tenantId: string;
  organisationId: string | null;
}

/** The `certified_product` table. */
@Injectable()
export class CertifiedProductRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, name: 'Kerbstone K1', productFamily: 'kerbstones', certificateReference: 'BENOR-123', scheme: 'BENOR', productionUnit: 'Plant Gent' }] })
  async insert(product: NewCertifiedProduct): Promise<CertifiedProduct> {
    const [row] = await this.sql.query(
      `INSERT INTO certified_product AS p (tenant_id, organisation_id, name, product_family, certificate_reference, scheme, status, production_unit)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7) RETURNING ${PRODUCT}`,
      [product.tenantId, product.organisationId, product.name, product.productFamily, product.certificateReference, product.scheme, product.productionUnit],
    );
    return toEntity(CertifiedProduct, row!);
  }

  /** A product within the scope (a company's own, or any of the tenant's for staff); null otherwise. */
  @GenerateSql({ params: [SQL_EXAMPLE.id, { tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async findInScope(id: string, scope: DatasheetScope): Promise<CertifiedProduct | null> {
    const [row] = await this.sql.query(
      `SELECT ${PRODUCT} FROM certified_product p WHERE p.id = $1 AND p.tenant_id = $2 AND ($3::uuid IS NULL OR p.organisation_id = $3)`,
      [id, scope.tenantId, scope.organisationId],
    );
    return row ? toEntity(CertifiedProduct, row) : null;
  }

  @GenerateSql({ params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }] })
  async listInScope(scope: DatasheetScope): Promise<CertifiedProduct[]> {
    const rows = await this.sql.query(
      `SELECT ${PRODUCT} FROM certified_product p WHERE p.tenant_id = $1 AND ($2::uuid IS NULL OR p.organisation_id = $2) ORDER BY p.name, p.id LIMIT 1000`,
      [scope.tenantId, scope.organisationId],
    );
    return rows.map((row) => toEntity(CertifiedProduct, row));
  }

  @GenerateSql({ params: [SQL_EXAMPLE.id, SQL_EXAMPLE.tenantId, 'SUSPENDED', SQL_EXAMPLE.at] })
  async setStatus(id: string, tenantId: string, status: CertifiedProductStatus, at: Date): Promise<CertifiedProduct | null> {
    const [row] = await this.sql.query(
      `UPDATE certified_product p SET status = $3, status_changed_at = $4 WHERE p.id = $1 AND p.tenant_id = $2 RETURNING ${PRODUCT}`,
      [id, tenantId, status, at],
    );
    return row ? toEntity(CertifiedProduct, row) : null;
  }
}
