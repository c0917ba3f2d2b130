import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { sealSecret } from '@chancery/core';
import type { CertificateApplication } from '@chancery/certificates/entities/certificate-application.entity';
import {
  certificateNumber,
  certificatePayload,
  goodsHash,
  verificationCodeHash,
} from '@chancery/certificates/signing/certificate-payload';
import { newEd25519KeyPair, signEd25519 } from '@chancery/core';

/**
 * The API's SECRETS_KEY in the bench (bench data only): fixed, so the tenants' signing keys sealed at
 * seeding still open in later runs.
 */
export const BENCH_SECRETS_KEY = createHash('sha256').update('chancery bench data only').digest('base64');

/** The verification scenarios ask for this certificate of tenant 1 (year 2026, the first number) with this code. */
export const VERIFIED_YEAR = 2026;
export const VERIFIED_CODE = 'B3NC-H7QX-0001';

export function certificatePrefix(tenant: number): string {
  return `BENCH-T${String(tenant).padStart(2, '0')}`;
}

const STATES_BEFORE_ISSUE = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'APPROVED'];
const COUNTRIES = ['BE', 'NL', 'DE', 'FR', 'CN', 'US', 'IN', 'TR', 'BR', 'JP'];
/** Applications not (yet) issued, per certificate: the queue and the drafts beside the register. */
const OPEN_APPLICATIONS_PER_CERTIFICATE = 0.15;

/**
 * A tenant's certificates of origin (issue #16's volume), set-based: its signing key, its settings,
 * `count` issued certificates (1 in 25 revoked, 1 in 25 superseded by the next number) over three
 * years, each with its application, and open applications in every state before issue.
 *
 * Only the certificate the verification scenarios ask for (tenant 1, first number of 2026) carries a
 * real Ed25519 signature of its canonical JSON and the hash of a known code; the others carry their
 * content and a placeholder signature (signing a million in Node would take minutes and change no
 * lookup the bench measures). The volume is what the lookups and the number counter run against.
 */
export async function seedCertificates(
  owner: Client,
  tenant: { id: string; n: number; name: string; slug: string },
  count: number,
): Promise<void> {
  if (count === 0) return;
  const key = newEd25519KeyPair();
  const secrets = Buffer.from(BENCH_SECRETS_KEY, 'base64');
  const prefix = certificatePrefix(tenant.n);
  await owner.query(
    `INSERT INTO certificate_settings (tenant_id, number_prefix, member_fee_cents, non_member_fee_cents, copy_member_fee_cents, copy_non_member_fee_cents)
     VALUES ($1, $2, 2500, 4500, 500, 900)`,
    [tenant.id, prefix],
  );
  await owner.query(
    `INSERT INTO certificate_signing_key (id, tenant_id, public_key, sealed_private_key, created_at) VALUES ($1, $2, $3, $4, now() - interval '1100 days')`,
    [key.kid, tenant.id, key.x, sealSecret(secrets, key.privateKeyPkcs8)],
  );
  const open = Math.round(count * OPEN_APPLICATIONS_PER_CERTIFICATE);
  // s = 1..count: issued, year 2024 + (s-1) % 3 with gapless sequences per year; beyond: open applications.
  await owner.query(
    `CREATE TEMP TABLE bench_certificate AS
     SELECT s, gen_random_uuid() AS application_id, CASE WHEN s <= $2 THEN gen_random_uuid() END AS certificate_id,
            o.id AS organisation_id, o.name AS exporter, u.id AS created_by,
            CASE WHEN s <= $2 THEN 'ISSUED' ELSE ($4::text[])[1 + s % cardinality($4::text[])] END AS state,
            (ARRAY['NL', 'FR', 'DE', 'EN'])[1 + s % 4] AS language,
            ($5::text[])[1 + s % cardinality($5::text[])] AS country_of_origin,
            ($5::text[])[1 + (s / 3) % cardinality($5::text[])] AS consignee_country,
            jsonb_build_array(jsonb_build_object('description', format('Machine parts, lot %s', s), 'hsCode', lpad((847130 + s % 90)::text, 6, '0'),
                                                 'quantity', 10 + s % 90, 'unit', 'pcs', 'grossWeightKg', 120.5 + s % 50, 'netWeightKg', 100 + s % 50,
                                                 'marksAndNumbers', format('MK-%s', s), 'packages', 1 + s % 12)) AS goods,
            2024 + (s - 1) % 3 AS year, (s - 1) / 3 + 1 AS sequence
       FROM generate_series(1, $2::int + $3::int) s
       JOIN (SELECT id, name, row_number() OVER (ORDER BY company_number)::int AS n FROM organisation WHERE tenant_id = $1) o
         ON o.n = 1 + (s - 1) % (SELECT count(*) FROM organisation WHERE tenant_id = $1)
       JOIN LATERAL (SELECT id FROM user_account WHERE tenant_id = $1 AND organisation_id = o.id AND email LIKE 'user1@%') u ON true
`,
    [tenant.id, count, open, STATES_BEFORE_ISSUE, COUNTRIES],
  );
  const { rows: staff } = await owner.query<{ signer: string; clerk: string }>(
    `SELECT (SELECT user_id FROM user_role WHERE tenant_id = $1 AND role = 'SIGNER' LIMIT 1) AS signer,
            (SELECT user_id FROM user_role WHERE tenant_id = $1 AND role = 'CLERK' LIMIT 1) AS clerk`,
    [tenant.id],
  );
  await owner.query(
    `INSERT INTO certificate_application (id, tenant_id, organisation_id, state, language, consignee_name, consignee_address, consignee_country,
                                          country_of_origin, transport_details, goods, invoice_references, remarks, declaration_accepted, created_by,
                                          claimed_by, reviewed_by, review_comment, rejection_reason, certificate_id, created_at, updated_at, submitted_at)
     SELECT application_id, $1, organisation_id, state, language, format('Consignee %s Ltd', s % 997), format('%s Harbour Road', s % 500), consignee_country,
            country_of_origin, 'By sea, Antwerp to destination', goods, ARRAY[format('INV-%s-%s', year, sequence)], '', state <> 'DRAFT', created_by,
            CASE WHEN state IN ('IN_REVIEW', 'CHANGES_REQUESTED', 'REJECTED', 'APPROVED', 'ISSUED') THEN $2::uuid END,
            CASE WHEN state IN ('CHANGES_REQUESTED', 'REJECTED', 'APPROVED', 'ISSUED') THEN $2::uuid END,
            CASE WHEN state = 'CHANGES_REQUESTED' THEN 'Please add the invoice.' END, CASE WHEN state = 'REJECTED' THEN 'Origin not shown.' END,
            certificate_id, make_date(year, 1, 1) + make_interval(mins => sequence), make_date(year, 1, 1) + make_interval(mins => sequence),
            CASE WHEN state <> 'DRAFT' THEN make_date(year, 1, 1) + make_interval(mins => sequence) END
       FROM bench_certificate`,
    [tenant.id, staff[0]!.clerk],
  );

  // The verified certificate: real canonical JSON, signature and code hash.
  const { rows: chosen } = await owner.query<{
    s: number;
    exporter: string;
    language: string;
    country_of_origin: string;
    consignee_country: string;
    goods: CertificateApplication['goods'];
    sequence: number;
  }>(
    `SELECT s, exporter, language, country_of_origin, consignee_country, goods, sequence FROM bench_certificate WHERE year = $1 AND sequence = 1 AND certificate_id IS NOT NULL`,
    [VERIFIED_YEAR],
  );
  const verified = chosen[0];
  let real: { s: number; payload: string; signature: string; goodsHash: string; issuedAt: Date } | null =
    null;
  if (verified) {
    const number = certificateNumber(prefix, VERIFIED_YEAR, 1);
    const issuedAt = new Date(Date.UTC(VERIFIED_YEAR, 0, 2));
    const application = {
      consigneeName: `Consignee ${verified.s % 997} Ltd`,
      consigneeAddress: `${verified.s % 500} Harbour Road`,
      consigneeCountry: verified.consignee_country,
      countryOfOrigin: verified.country_of_origin,
      transportDetails: 'By sea, Antwerp to destination',
      goods: verified.goods,
      invoiceReferences: [`INV-${VERIFIED_YEAR}-1`],
      remarks: '',
      language: verified.language,
    } as unknown as CertificateApplication;
    const payload = certificatePayload({
      number,
      issuedAt,
      keyId: key.kid,
      chamber: { name: tenant.name, slug: tenant.slug, country: 'BE' },
      exporter: { name: verified.exporter, address: 'Industrieweg, 2000 Antwerpen', country: 'BE' },
      application,
      replacesNumber: null,
    });
    real = {
      s: verified.s,
      payload,
      signature: signEd25519(key.privateKeyPkcs8, payload),
      goodsHash: goodsHash(verified.goods),
      issuedAt,
    };
  }
  await owner.query(
    `INSERT INTO certificate (id, tenant_id, organisation_id, application_id, number, year, sequence, status, language, country_of_origin, goods_hash,
                              issuing_chamber, signed_payload, signature, key_id, verification_code_hash, sealed_verification_code, idempotency_key,
                              signed_by, issued_at, revoked_at, revocation_reason, superseded_at, superseded_by_number)
     SELECT c.certificate_id, $1, c.organisation_id, c.application_id, format('%s-%s-%s', $2::text, c.year, lpad(c.sequence::text, 6, '0')), c.year, c.sequence,
            CASE WHEN c.s = $7 THEN 'ISSUED' WHEN c.s % 25 = 0 THEN 'REVOKED' WHEN c.s % 25 = 1 AND c.s + 3 <= $3 THEN 'SUPERSEDED' ELSE 'ISSUED' END,
            c.language, c.country_of_origin,
            CASE WHEN c.s = $7 THEN $8 ELSE encode(sha256(convert_to(c.goods::text, 'UTF8')), 'hex') END,
            $4, CASE WHEN c.s = $7 THEN $9 ELSE jsonb_build_object('type', 'CertificateOfOrigin', 'version', 1, 'number', format('%s-%s-%s', $2::text, c.year, lpad(c.sequence::text, 6, '0')),
                                                                    'exporter', c.exporter, 'countryOfOrigin', c.country_of_origin, 'goods', c.goods)::text END,
            CASE WHEN c.s = $7 THEN $10 ELSE 'bench-seed-unsigned' END, $5,
            CASE WHEN c.s = $7 THEN $11 ELSE encode(sha256(convert_to(format('BENCH%s', c.s), 'UTF8')), 'hex') END,
            CASE WHEN c.s = $7 THEN $12 ELSE 'bench-seed' END, format('bench-%s', c.s), $6,
            CASE WHEN c.s = $7 THEN $13::timestamptz ELSE make_date(c.year, 1, 2) + make_interval(mins => c.sequence) END,
            CASE WHEN c.s % 25 = 0 AND c.s <> $7 THEN make_date(c.year, 1, 3) + make_interval(mins => c.sequence) END,
            CASE WHEN c.s % 25 = 0 AND c.s <> $7 THEN 'GOODS_NOT_EXPORTED' END,
            CASE WHEN c.s % 25 = 1 AND c.s + 3 <= $3 AND c.s <> $7 THEN make_date(c.year, 1, 3) + make_interval(mins => c.sequence) END,
            CASE WHEN c.s % 25 = 1 AND c.s + 3 <= $3 AND c.s <> $7 THEN format('%s-%s-%s', $2::text, c.year, lpad((c.sequence + 1)::text, 6, '0')) END
       FROM bench_certificate c WHERE c.certificate_id IS NOT NULL`,
    [
      tenant.id,
      prefix,
      count,
      tenant.name,
      key.kid,
      staff[0]!.signer,
      real?.s ?? -1,
      real?.goodsHash ?? null,
      real?.payload ?? null,
      real?.signature ?? null,
      verificationCodeHash(VERIFIED_CODE),
      sealSecret(secrets, VERIFIED_CODE),
      real?.issuedAt ?? null,
    ],
  );
  await owner.query(
    `INSERT INTO certificate_number_counter (tenant_id, year, last_value) SELECT $1, year, max(sequence) FROM bench_certificate WHERE certificate_id IS NOT NULL GROUP BY year`,
    [tenant.id],
  );
  await owner.query('DROP TABLE bench_certificate');
}
