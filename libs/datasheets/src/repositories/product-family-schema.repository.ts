import { Injectable } from '@nestjs/common';
import { GenerateSql, selectColumns, Sql, SQL_EXAMPLE, toEntity } from '@chancery/core';
import { ProductFamilySchema } from '../entities/product-family-schema.entity';
import { PublishedProductFamilySchema } from '../entities/published-product-family-schema.entity';

const FAMILY_SCHEMA = selectColumns(ProductFamilySchema, 's', { except: ['jsonSchema'] }) + ', s.json_schema::text AS "jsonSchema"';
/** A schema as the public reads it, marked with whether a datasheet of its family is published (the gate's `published`). */
const PUBLISHED_SCHEMA = `s.tenant_id AS "tenantId", s.family, s.version, s.json_schema::text AS "jsonSchema", s.updated_at AS "updatedAt",
  EXISTS (SELECT 1 FROM published_datasheet p WHERE p.tenant_id = s.tenant_id AND p.product_family = s.family) AS "hasPublishedDatasheet"`;

/** `product_family_schema`: the tenant's JSON Schema per product family. */
@Injectable()
export class ProductFamilySchemaRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'kerbstones', '{"type":"object"}', SQL_EXAMPLE.at] })
  async upsert(tenantId: string, family: string, jsonSchema: string, at: Date): Promise<ProductFamilySchema> {
    const [row] = await this.sql.query(
      `INSERT INTO product_family_schema AS s (tenant_id, family, json_schema, updated_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (tenant_id, family) DO UPDATE SET json_schema = EXCLUDED.json_schema, updated_at = EXCLUDED.updated_at, version = s.version + 1
       RETURNING ${FAMILY_SCHEMA}`,
      [tenantId, family, jsonSchema, at],
    );
    return toEntity(ProductFamilySchema, row!);
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'kerbstones'] })
  async find(tenantId: string, family: string): Promise<ProductFamilySchema | null> {
    const [row] = await this.sql.query(`SELECT ${FAMILY_SCHEMA} FROM product_family_schema s WHERE s.tenant_id = $1 AND s.family = $2`, [tenantId, family]);
    return row ? toEntity(ProductFamilySchema, row) : null;
  }

  @GenerateSql({ params: [SQL_EXAMPLE.tenantId] })
  async list(tenantId: string): Promise<ProductFamilySchema[]> {
    const rows = await this.sql.query(`SELECT ${FAMILY_SCHEMA} FROM product_family_schema s WHERE s.tenant_id = $1 ORDER BY s.family`, [tenantId]);
    return rows.map((row) => toEntity(ProductFamilySchema, row));
  }

  /**
   * The tenants' schemas the public reads (in the public scope: of the families with a published
   * datasheet), by tenant and family. Joined to the tenants given, so each tenant's schemas and their
   * publication are index seeks (read over every tenant, the row-level policy's test hashes the whole
   * published table).
   */
  @GenerateSql({ params: [[SQL_EXAMPLE.tenantId]] })
  async listPublished(tenantIds: readonly string[]): Promise<PublishedProductFamilySchema[]> {
    const rows = await this.sql.query(
      `SELECT ${PUBLISHED_SCHEMA} FROM unnest($1::uuid[]) AS listed(tenant_id) JOIN product_family_schema s ON s.tenant_id = listed.tenant_id ORDER BY s.tenant_id, s.family`,
      [tenantIds],
    );
    return rows.map((row) => Object.assign(new PublishedProductFamilySchema(), row));
  }

  /**
   * The schema as the public reads it (in the public scope, where row-level security shows only the
   * schemas of families with a published datasheet), marked with whether one is published.
   */
  @GenerateSql({ params: [SQL_EXAMPLE.tenantId, 'kerbstones'] })
  async findPublished(tenantId: string, family: string): Promise<PublishedProductFamilySchema | null> {
    const [row] = await this.sql.query(`SELECT ${PUBLISHED_SCHEMA} FROM product_family_schema s WHERE s.tenant_id = $1 AND s.family = $2`, [tenantId, family]);
    return row ? Object.assign(new PublishedProductFamilySchema(), row) : null;
  }
}
