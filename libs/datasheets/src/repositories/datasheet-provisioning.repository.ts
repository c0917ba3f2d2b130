import { Injectable } from '@nestjs/common';
import { GenerateSql, Sql, SQL_EXAMPLE } from '@chancery/core';
import { PUBLIC_CODE_ALPHABET } from '../public-code';

export interface BulkPublished {
  tenantId: string;
  organisationId: string;
  holderName: string;
  contact: { userId: string; name: string; email: string; phone: string | null; position: string | null };
  /** How many datasheets; the n-th product is named `${namePrefix} ${n}`. */
  count: number;
  namePrefix: string;
  /** Distinct per call, so public codes and certificate references never collide. */
  batch: number;
  /** Published versions per datasheet (the older ones superseded). */
  versions: number;
  publishedAt: Date;
}

/** The public code of the n-th datasheet of a batch: 8 symbols of the alphabet, base 32. */
const CODE = Array.from({ length: 8 }, (_, k) => `substr('${PUBLIC_CODE_ALPHABET}', ((($BASE + g.n) >> ${5 * k}) & 31)::int + 1, 1)`).join(' || ');

/**
 * Many published datasheets in a few set-based statements, for test fixtures and the benchmark data
 * set (the same tables and constraints as the application's own flows, in the system's scope).
 */
@Injectable()
export class DatasheetProvisioningRepository {
  constructor(private readonly sql: Sql) {}

  @GenerateSql({
    params: [{ tenantId: SQL_EXAMPLE.tenantId, organisationId: SQL_EXAMPLE.organisationId, holderName: 'Example NV', contact: { userId: SQL_EXAMPLE.userId, name: 'Ann Example', email: 'ann@example.test', phone: null, position: null }, count: 10, namePrefix: 'Kerbstone', batch: 1, versions: 2, publishedAt: SQL_EXAMPLE.at }],
    tenantId: SQL_EXAMPLE.tenantId,
  })
  async insertPublished(bulk: BulkPublished): Promise<number> {
    const base = bulk.batch * 1_000_000;
    const codeSql = CODE.replaceAll('$BASE', String(base));
    const [row] = await this.sql.query<{ n: number }>(
      `WITH g AS (SELECT n, gen_random_uuid() AS product_id, gen_random_uuid() AS datasheet_id FROM generate_series(1, $3::int) AS n),
       p AS (INSERT INTO certified_product (id, tenant_id, organisation_id, name, product_family, certificate_reference, scheme, status, production_unit)
             SELECT g.product_id, $1, $2, $4 || ' ' || g.n, 'kerbstones', 'BENOR-' || $5::text || '-' || g.n, 'BENOR', 'ACTIVE', 'Plant ' || (g.n % 7) FROM g RETURNING id),
       d AS (INSERT INTO datasheet (id, tenant_id, organisation_id, certified_product_id, public_code, contact_user_id)
             SELECT g.datasheet_id, $1, $2, g.product_id, ${codeSql}, $6 FROM g WHERE EXISTS (SELECT 1 FROM p) RETURNING id),
       v AS (INSERT INTO datasheet_version (tenant_id, organisation_id, datasheet_id, number, state, characteristics, texts, completed_by, created_at, updated_at, submitted_at, approved_at, published_at, superseded_at)
             SELECT $1, $2, g.datasheet_id, k, CASE WHEN k = $7::int THEN 'PUBLISHED' ELSE 'SUPERSEDED' END,
                    jsonb_build_object('compressiveStrength', 'C30/37', 'dimensions', jsonb_build_object('lengthMm', 500 + g.n % 500)),
                    '[{"language":"en","title":"Kerbstone","description":"Concrete kerbstone"}]'::jsonb, $6, $12::timestamptz, $12::timestamptz, $12::timestamptz, $12::timestamptz, $12::timestamptz,
                    CASE WHEN k = $7::int THEN NULL ELSE $12::timestamptz END
               FROM g CROSS JOIN generate_series(1, $7::int) AS k WHERE EXISTS (SELECT 1 FROM d) RETURNING datasheet_id, id, number, state),
       pub AS (INSERT INTO published_datasheet (datasheet_id, tenant_id, organisation_id, version_id, version_number, public_code, product_name, product_family,
                     certificate_reference, scheme, production_unit, holder_name, characteristics, texts, contact_kind, contact_user_id, contact_name, contact_email,
                     contact_phone, contact_position, published_at)
             SELECT g.datasheet_id, $1, $2, v.id, v.number, ${codeSql}, $4 || ' ' || g.n, 'kerbstones', 'BENOR-' || $5::text || '-' || g.n, 'BENOR', 'Plant ' || (g.n % 7), $8,
                    jsonb_build_object('compressiveStrength', 'C30/37', 'dimensions', jsonb_build_object('lengthMm', 500 + g.n % 500)),
                    '[{"language":"en","title":"Kerbstone","description":"Concrete kerbstone"}]'::jsonb, 'PERSON', $6, $9, $10, $11, $13,
                    $12::timestamptz - make_interval(secs => g.n)
               FROM g JOIN v ON v.datasheet_id = g.datasheet_id AND v.state = 'PUBLISHED' RETURNING 1)
       SELECT count(*)::int AS n FROM pub`,
      [
        bulk.tenantId, bulk.organisationId, bulk.count, bulk.namePrefix, bulk.batch, bulk.contact.userId, bulk.versions, bulk.holderName, bulk.contact.name,
        bulk.contact.email, bulk.contact.phone, bulk.publishedAt, bulk.contact.position,
      ],
    );
    return row?.n ?? 0;
  }
}
