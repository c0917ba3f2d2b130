import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { CertifiedProduct, CertifiedProductStatus } from '../entities/certified-product.entity';
import { likePattern } from './like-pattern';

const PRODUCT = selectColumns(CertifiedProduct, 'p');

export type NewCertifiedProduct = Pick<CertifiedProduct, 'tenantId' | 'organisationId' | 'name' | 'productFamily' | 'certificateReference' | 'scheme' | 'productionUnit'>;

/** Whose records a list covers: a company's (organisation users) or the whole tenant's (staff). */
export interface DatasheetScope {
  tenantId: string;
  organisationId: string | null;
}

/** Which page of a list of products. */
export interface ProductPage {
  limit: number;
  search?: string;
  ids?: readonly string[];
  after?: string;
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

  /**
   * A page of the products in scope, by name in its natural order (`name_order`: case, accents and
   * numbers as a reader expects), then id: `search` matches part of the name in any case and with or
   * without accents, or part of the certificate reference by its letters and digits (the folded
   * columns of CertifiedProductSearchFolded1767650000200; what is typed is folded once, in a
   * sub-select, by the same SQL functions); `ids` keeps those products only; `after` continues after
   * that product, which must be in scope (else the page is empty). The order's indexes
   * (`certified_product_register`, `…_organisation`) carry the searched columns: `LIKE` seeks no
   * index under row-level security, so a search walks the index in order and stops at the page's end.
   */
  @GenerateSql(
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId }, { limit: 50 }] },
    { params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: null }, { limit: 50, search: 'kerb', ids: [SQL_EXAMPLE.id], after: SQL_EXAMPLE.id }] },
  )
  async listInScope(scope: DatasheetScope, page: ProductPage): Promise<CertifiedProduct[]> {
    const inScope = (alias: string) => `${alias}.tenant_id = $1 AND ($2::uuid IS NULL OR ${alias}.organisation_id = $2)`;
    const conditions = (alias: string) => `${inScope(alias)}
        AND ($3::text IS NULL OR ${alias}.name_folded LIKE (SELECT search_folded($3)) OR ${alias}.certificate_reference_key LIKE (SELECT '%' || NULLIF(reference_key($3), '') || '%'))
        AND ($4::uuid[] IS NULL OR ${alias}.id = ANY($4::uuid[]))
        AND ($5::uuid IS NULL OR (${alias}.name_order, ${alias}.id) > ((SELECT x.name_order FROM certified_product x WHERE x.id = $5 AND ${inScope('x')}),
                                                         (SELECT x.id FROM certified_product x WHERE x.id = $5 AND ${inScope('x')})))`;
    // A search finds the page's keys in the index first (the rows of the tenant it passes over are never
    // read); a plain page reads its rows straight from the walk, which is cheaper when every row counts.
    const rows = await this.sql.query(
      page.search
        ? `SELECT ${PRODUCT} FROM (SELECT s.id FROM certified_product s WHERE ${conditions('s')} ORDER BY s.name_order, s.id LIMIT $6) page
             JOIN certified_product p ON p.id = page.id ORDER BY p.name_order, p.id`
        : `SELECT ${PRODUCT} FROM certified_product p WHERE ${conditions('p')} ORDER BY p.name_order, p.id LIMIT $6`,
      [scope.tenantId, scope.organisationId, page.search ? likePattern(page.search) : null, page.ids ?? null, page.after ?? null, page.limit],
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
