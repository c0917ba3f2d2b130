import type { Client } from 'pg';

/** What the product names are made of: the search scenario (Q2) looks for one colour. */
const PRODUCT_KINDS = [
  'Kerbstone',
  'Paving block',
  'Concrete tile',
  'Drainage pipe',
  'Precast slab',
  'Masonry unit',
];
const COLOURS = ['grey', 'anthracite', 'red', 'ochre', 'white', 'sand', 'black', 'terracotta'];
const FAMILIES = ['kerbstones', 'paving', 'tiles', 'pipes', 'slabs', 'masonry'];
/** The short-code alphabet (libs/datasheets public-code.ts): 32 characters, so 8 of them are 40 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The colour the search scenario asks for: about one product in eight. */
export const SEARCHED_COLOUR = 'anthracite';

/**
 * A tenant's datasheets (issue #17's volume: 80 % published, one to three versions each), with set-
 * based SQL through a work table: one certified product per datasheet, its versions (earlier ones
 * superseded), and the public read model `published_datasheet` as the publishing transaction writes
 * it. The contact is the company's first user (every 50th datasheet shows the company's general
 * contact, flagged CONTACT_REPLACEMENT_REQUIRED, as after an objection). `offset`: datasheets of the
 * tenants before this one, so the short codes are unique over the whole data set.
 */
export async function seedDatasheets(
  owner: Client,
  tenantId: string,
  n: number,
  count: number,
  offset: number,
): Promise<void> {
  if (count === 0) return;
  await owner.query(
    `INSERT INTO product_family_schema (tenant_id, family, json_schema)
     SELECT $1, family, jsonb_build_object('type', 'object', 'properties',
              jsonb_build_object('strengthClass', jsonb_build_object('type', 'string'), 'widthMm', jsonb_build_object('type', 'integer'),
                                 'heightMm', jsonb_build_object('type', 'integer'), 'frostResistant', jsonb_build_object('type', 'boolean')))
       FROM unnest($2::text[]) family`,
    [tenantId, FAMILIES],
  );
  await owner.query(
    `CREATE TEMP TABLE bench_datasheet AS
     SELECT d, gen_random_uuid() AS product_id, gen_random_uuid() AS datasheet_id, o.id AS organisation_id, o.name AS holder_name,
            o.email AS company_email, o.phone AS company_phone, u.id AS contact_id, u.first_name || ' ' || u.last_name AS contact_name,
            u.email AS contact_email, u.phone AS contact_phone, u.job_title AS contact_position,
            format('%s %s-%s %s', ($4::text[])[1 + d % cardinality($4::text[])], upper(left(($4::text[])[1 + d % cardinality($4::text[])], 2)),
                   lpad(d::text, 5, '0'), ($5::text[])[1 + (d / 7) % cardinality($5::text[])]) AS product_name,
            ($6::text[])[1 + d % cardinality($6::text[])] AS family,
            1 + (d * 7) % 3 AS versions,
            d % 5 <> 0 AS published,
            d % 50 = 1 AS replacement_required,
            (SELECT string_agg(substr($7, ((((($3::bigint + d) * 1103515245 + 12345) % 1099511627776) >> (5 * i)) % 32)::int + 1, 1), '' ORDER BY i)
               FROM generate_series(0, 7) i) AS public_code,
            now() - make_interval(days => 720) + make_interval(mins => d * 3) AS created_at
       FROM generate_series(1, $2::int) d
       JOIN (SELECT id, name, email, phone, row_number() OVER (ORDER BY company_number)::int AS n FROM organisation WHERE tenant_id = $1) o
         ON o.n = 1 + (d - 1) % (SELECT count(*) FROM organisation WHERE tenant_id = $1)
       JOIN LATERAL (SELECT id, first_name, last_name, email, phone, job_title FROM user_account
                      WHERE tenant_id = $1 AND organisation_id = o.id AND email LIKE 'user1@%') u ON true`,
    [tenantId, count, offset, PRODUCT_KINDS, COLOURS, FAMILIES, CODE_ALPHABET],
  );
  await owner.query(
    `INSERT INTO certified_product (id, tenant_id, organisation_id, name, product_family, certificate_reference, scheme, status, production_unit,
                                    created_at, status_changed_at)
     SELECT product_id, $1, organisation_id, product_name, family, format('BENOR-%s-%s', $2::int, d), CASE WHEN d % 3 = 0 THEN 'CE' ELSE 'BENOR' END,
            'ACTIVE', format('Plant %s', 1 + d % 4), created_at, created_at
       FROM bench_datasheet`,
    [tenantId, n],
  );
  await owner.query(
    `INSERT INTO datasheet (id, tenant_id, organisation_id, certified_product_id, public_code, contact_user_id, contact_replacement_required,
                            contact_replacement_deadline, created_at)
     SELECT datasheet_id, $1, organisation_id, product_id, public_code, CASE WHEN replacement_required THEN NULL ELSE contact_id END,
            published AND replacement_required, CASE WHEN published AND replacement_required THEN now() + interval '20 days' END, created_at
       FROM bench_datasheet`,
    [tenantId],
  );
  // Versions 1..k: the earlier ones superseded; the last published (80 %), else withdrawn or in the works.
  await owner.query(
    `INSERT INTO datasheet_version (tenant_id, organisation_id, datasheet_id, number, state, characteristics, texts, completed_by, created_at, updated_at,
                                    submitted_at, approved_at, published_at, superseded_at, unpublished_at)
     SELECT $1, b.organisation_id, b.datasheet_id, v.number, v.state,
            jsonb_build_object('strengthClass', (ARRAY['C25/30', 'C30/37', 'C35/45'])[1 + (b.d + v.number) % 3], 'widthMm', 80 + (b.d % 12) * 10,
                               'heightMm', 100 + (b.d % 9) * 25, 'frostResistant', b.d % 4 <> 0),
            jsonb_build_array(
              jsonb_build_object('language', 'nl', 'title', b.product_name, 'description', format('Technische fiche van %s, versie %s.', b.product_name, v.number)),
              jsonb_build_object('language', 'en', 'title', b.product_name, 'description', format('Technical datasheet of %s, version %s.', b.product_name, v.number))),
            b.contact_id, v.at, v.at, v.at, CASE WHEN v.published_once THEN v.at END, CASE WHEN v.published_once THEN v.at END,
            CASE WHEN v.state = 'SUPERSEDED' THEN v.at + interval '30 days' END, CASE WHEN v.state = 'UNPUBLISHED' THEN v.at + interval '30 days' END
       FROM bench_datasheet b
       CROSS JOIN LATERAL (
         SELECT number, b.created_at + make_interval(days => (number - 1) * 60) AS at,
                CASE WHEN number < b.versions THEN 'SUPERSEDED'
                     WHEN b.published THEN 'PUBLISHED'
                     WHEN b.d % 2 = 0 THEN 'UNPUBLISHED'
                     ELSE 'SUBMITTED' END AS state,
                number < b.versions OR b.published OR b.d % 2 = 0 AS published_once
           FROM generate_series(1, b.versions) number) v`,
    [tenantId],
  );
  await owner.query(
    `INSERT INTO published_datasheet (datasheet_id, tenant_id, organisation_id, version_id, version_number, public_code, product_name, product_family,
                                      certificate_reference, scheme, production_unit, holder_name, characteristics, texts, contact_user_id, contact_kind,
                                      contact_name, contact_email, contact_phone, contact_position, contact_replacement_required, published_at)
     SELECT b.datasheet_id, $1, b.organisation_id, v.id, v.number, b.public_code, p.name, p.product_family, p.certificate_reference, p.scheme,
            p.production_unit, b.holder_name, v.characteristics, v.texts,
            CASE WHEN b.replacement_required THEN NULL ELSE b.contact_id END,
            CASE WHEN b.replacement_required THEN 'COMPANY' ELSE 'PERSON' END,
            CASE WHEN b.replacement_required THEN b.holder_name ELSE b.contact_name END,
            CASE WHEN b.replacement_required THEN b.company_email ELSE b.contact_email END,
            CASE WHEN b.replacement_required THEN b.company_phone ELSE b.contact_phone END,
            CASE WHEN b.replacement_required THEN NULL ELSE b.contact_position END,
            b.replacement_required, v.published_at
       FROM bench_datasheet b
       JOIN certified_product p ON p.id = b.product_id
       JOIN datasheet_version v ON v.datasheet_id = b.datasheet_id AND v.state = 'PUBLISHED'
      WHERE b.published`,
    [tenantId],
  );
  await owner.query(
    `INSERT INTO datasheet_change (tenant_id, datasheet_id, version_id, kind, occurred_at)
     SELECT $1, datasheet_id, version_id, 'PUBLISHED', published_at FROM published_datasheet WHERE tenant_id = $1 ORDER BY published_at`,
    [tenantId],
  );
  await owner.query('DROP TABLE bench_datasheet');
}
