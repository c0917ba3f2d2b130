import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { auditEntryHash, AuditEntryFields } from '@chancery/audit/audit-chain';
import { hashPassword } from '@chancery/core';
import { seedCertificates } from './seed-certificates';
import { seedDatasheets } from './seed-datasheets';

/**
 * Bump when the data set changes: a database seeded with another version is dropped and seeded anew.
 * The marker table lives beside the application's tables; the application never reads it.
 */
export const SEED_VERSION = 2;

/** The password of every seeded account (bench data only). */
export const BENCH_PASSWORD = 'Bench-password-2025!';

export const VOLUME = {
  tenants: 20,
  companiesPerTenant: 100,
  usersPerCompany: 10,
  /** The benchmarked company (tenant 1, company 1) has exactly this many users: managedUsers lists them all. */
  usersOfBenchCompany: 20,
  staffPerTenant: 5,
  auditEntriesPerTenant: 1000,
} as const;

/** Addresses of the seeded accounts: user<u>@company-<tenant>-<company>.bench.test. */
export function companyUserEmail(tenant: number, company: number, user: number): string {
  return `user${user}@company-${tenant}-${company}.bench.test`;
}

export function tenantSlug(tenant: number): string {
  return `bench-chamber-${String(tenant).padStart(2, '0')}`;
}

const FIRST_NAMES = [
  'Anna',
  'Bram',
  'Chloé',
  'Dirk',
  'Emma',
  'Floor',
  'Gert',
  'Hanne',
  'Ilse',
  'Jan',
  'Karel',
  'Lotte',
  'Maarten',
  'Nora',
  'Omar',
  'Pieter',
  'Quinten',
  'Roos',
  'Sofie',
  'Tom',
  'Ursula',
  'Vera',
  'Wout',
];
const LAST_NAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Dubois',
  'Lambert',
  'Dupont',
  'Martens',
  'Hermans',
  'Van den Broeck',
  'Michiels',
  'Aerts',
  'Lemmens',
  'Vermeulen',
  'Desmet',
];
const STAFF_ROLES = ['TENANT_ADMIN', 'CLERK', 'SIGNER', 'PRIVACY_OFFICER', 'AUDITOR'];
const AUDIT_ACTIONS = [
  'auth.login.succeeded',
  'identity.user.profileUpdated',
  'identity.role.granted',
  'auth.logout',
  'identity.invitation.created',
];

export type SeedState = 'seeded' | 'present' | 'stale';

/** The document volumes (BENCH_DATASHEETS, BENCH_CERTIFICATES): spread evenly over the tenants. */
export interface DocumentVolume {
  datasheets: number;
  certificates: number;
}

/** Issue #17: 200,000 datasheets; issue #16: 1,000,000 certificates. */
export const DEFAULT_DOCUMENT_VOLUME: DocumentVolume = { datasheets: 200_000, certificates: 1_000_000 };

/**
 * Seeds the data set once, in one transaction (an interrupted seed leaves nothing behind), with
 * set-based SQL through the owner connection. Returns 'stale' when another seed version is there.
 */
export async function seedOnce(
  owner: Client,
  volume: DocumentVolume,
  say: (line: string) => void,
): Promise<SeedState> {
  await owner.query(
    `CREATE TABLE IF NOT EXISTS bench_seed (version integer PRIMARY KEY, seeded_at timestamptz NOT NULL DEFAULT now(),
                                            datasheets integer NOT NULL, certificates integer NOT NULL)`,
  );
  const { rows } = await owner.query<{ version: number; datasheets?: number; certificates?: number }>(
    'SELECT * FROM bench_seed',
  );
  const same = (row: (typeof rows)[number]) =>
    row.version === SEED_VERSION &&
    row.datasheets === volume.datasheets &&
    row.certificates === volume.certificates;
  if (rows.some(same)) return 'present';
  if (rows.length > 0) return 'stale';

  const started = Date.now();
  // One argon2id hash for every account: hashing 20,000 would take minutes and prove nothing.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await owner.query('BEGIN');
  try {
    await scoped(owner, null);
    const { rows: tenants } = await owner.query<{ id: string; n: number }>(
      `INSERT INTO tenant (slug, name, kinds, legal_entity_number, street, postal_code, city, country, phone, email, website,
                           languages, privacy_contact_email, served_postal_codes)
       SELECT format('bench-chamber-%s', lpad(t::text, 2, '0')), format('Bench Chamber %s', lpad(t::text, 2, '0')),
              CASE WHEN t % 4 = 0 THEN ARRAY['CERTIFICATION_BODY'] ELSE ARRAY['CHAMBER_OF_COMMERCE', 'CERTIFICATION_BODY'] END,
              format('0%s', 200000000 + t), format('Kamerstraat %s', t), lpad((1000 + t * 400)::text, 4, '0'), 'Bench City', 'BE',
              '+32 3 232 22 19', format('info@chamber-%s.bench.test', t), format('https://chamber-%s.bench.test', t),
              ARRAY['nl', 'fr', 'en'], format('privacy@chamber-%s.bench.test', t),
              jsonb_build_array(jsonb_build_object('from', lpad((1000 + t * 400)::text, 4, '0'), 'to', lpad((1399 + t * 400)::text, 4, '0')))
         FROM generate_series(1, $1::int) t
       RETURNING id, substring(slug FROM '..$')::int AS n`,
      [VOLUME.tenants],
    );
    for (const tenant of tenants) {
      await scoped(owner, tenant.id);
      await seedTenant(owner, tenant.id, tenant.n, passwordHash);
      const datasheets = shareOf(volume.datasheets, tenant.n);
      await seedDatasheets(
        owner,
        tenant.id,
        tenant.n,
        datasheets,
        (shareOf(volume.datasheets, 0) + 1) * (tenant.n - 1),
      );
      await seedCertificates(
        owner,
        {
          id: tenant.id,
          n: tenant.n,
          name: `Bench Chamber ${String(tenant.n).padStart(2, '0')}`,
          slug: tenantSlug(tenant.n),
        },
        shareOf(volume.certificates, tenant.n),
      );
      say(`tenant ${tenant.n} of ${tenants.length} seeded (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await owner.query('INSERT INTO bench_seed (version, datasheets, certificates) VALUES ($1, $2, $3)', [
      SEED_VERSION,
      volume.datasheets,
      volume.certificates,
    ]);
    await owner.query('COMMIT');
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  // VACUUM as well: a settled production table has its visibility map (autovacuum's work), and
  // without it PostgreSQL cannot answer from an index alone (the public search's plan).
  await owner.query('VACUUM (ANALYZE)');
  say(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${await counts(owner)}`);
  return 'seeded';
}

/** Tenant n's part of a volume (the first tenants take the remainder); n = 0: the even share. */
function shareOf(total: number, n: number): number {
  const even = Math.floor(total / VOLUME.tenants);
  return n === 0 ? even : even + (n <= total % VOLUME.tenants ? 1 : 0);
}

/** The scope row-level security reads (the same settings as the units of work). */
async function scoped(owner: Client, tenantId: string | null): Promise<void> {
  await owner.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.scope', $2, true)`, [
    tenantId ?? '',
    tenantId ? '' : 'platform',
  ]);
}

async function seedTenant(owner: Client, tenantId: string, n: number, passwordHash: string): Promise<void> {
  await owner.query(
    `INSERT INTO organisation (tenant_id, company_number, vat_number, name, legal_form, street, postal_code, city, country, phone, email,
                               iban, login_method, is_member)
     SELECT $1, lpad(($2::int * 100000 + c)::text, 10, '0'), 'BE' || lpad(($2::int * 100000 + c)::text, 10, '0'),
            format('Bench Company %s-%s', $2::int, c), CASE WHEN c % 2 = 0 THEN 'NV' ELSE 'BV' END, format('Industrieweg %s', c),
            '2000', 'Antwerpen', 'BE', '+32 3 000 00 00', format('info@company-%s-%s.bench.test', $2::int, c), 'BE68539007547034',
            CASE WHEN c % 5 = 0 THEN 'PASSWORD_AND_TOTP' ELSE 'PASSWORD' END, c % 3 = 0
       FROM generate_series(1, $3::int) c`,
    [tenantId, n, VOLUME.companiesPerTenant],
  );
  // Company 1 of tenant 1 is the benchmarked one (its admin logs in; its password-only login method).
  await owner.query(
    `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language,
                               password_hash, status, email_confirmed_at, last_login_at, created_at)
     SELECT $1, o.id, format('user%s@company-%s-%s.bench.test', u, $2::int, o.n),
            ($4::text[])[1 + (u * 7 + o.n) % cardinality($4::text[])], ($5::text[])[1 + (u * 11 + o.n * 3) % cardinality($5::text[])],
            CASE WHEN u % 3 = 0 THEN NULL ELSE format('+32 470 %s', lpad((o.n * 100 + u)::text, 6, '0')) END,
            CASE WHEN u = 1 THEN 'Managing director' WHEN u % 2 = 0 THEN 'Export clerk' ELSE NULL END,
            (ARRAY['nl', 'fr', 'en'])[1 + u % 3], $3, 'ACTIVE', now() - interval '300 days',
            CASE WHEN u % 4 = 0 THEN NULL ELSE now() - make_interval(hours => u * 5 + o.n) END, now() - interval '300 days' + make_interval(mins => u)
       FROM (SELECT id, row_number() OVER (ORDER BY company_number)::int AS n FROM organisation WHERE tenant_id = $1) o
       CROSS JOIN LATERAL generate_series(1, CASE WHEN $2::int = 1 AND o.n = 1 THEN $6::int ELSE $7::int END) u`,
    [tenantId, n, passwordHash, FIRST_NAMES, LAST_NAMES, VOLUME.usersOfBenchCompany, VOLUME.usersPerCompany],
  );
  await owner.query(
    `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language,
                               password_hash, status, email_confirmed_at, created_at)
     SELECT $1, NULL, format('staff%s@chamber-%s.bench.test', s, $2::int), ($4::text[])[1 + s], ($5::text[])[1 + s * 2],
            '+32 3 232 22 19', 'Chamber staff', 'nl', $3, 'ACTIVE', now() - interval '400 days', now() - interval '400 days'
       FROM generate_series(1, $6::int) s`,
    [tenantId, n, passwordHash, FIRST_NAMES, LAST_NAMES, VOLUME.staffPerTenant],
  );
  // Each company's first user administers it (and is a member); the others are members.
  await owner.query(
    `INSERT INTO user_role (tenant_id, user_id, role, granted_at)
     SELECT u.tenant_id, u.id, r.role, u.created_at
       FROM user_account u
       CROSS JOIN LATERAL unnest(CASE WHEN u.email LIKE 'user1@%' THEN ARRAY['ORG_ADMIN', 'ORG_MEMBER'] ELSE ARRAY['ORG_MEMBER'] END) AS r(role)
      WHERE u.tenant_id = $1 AND u.organisation_id IS NOT NULL`,
    [tenantId],
  );
  await owner.query(
    `INSERT INTO user_role (tenant_id, user_id, role, granted_at)
     SELECT u.tenant_id, u.id, ($2::text[])[substring(u.email FROM '^staff(\\d+)@')::int], u.created_at
       FROM user_account u WHERE u.tenant_id = $1 AND u.organisation_id IS NULL`,
    [tenantId, STAFF_ROLES],
  );
  // Past logins of the first three users of every company (one of them ended).
  await owner.query(
    `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, stepped_up_at, stepped_up_with,
                               revoked_at, revoked_reason, ip_address, user_agent)
     SELECT u.tenant_id, u.id, now() - interval '2 days', now() - interval '1 day', now() + interval '28 days', now() - interval '2 days',
            'password', CASE WHEN u.email LIKE 'user3@%' THEN now() - interval '1 day' END,
            CASE WHEN u.email LIKE 'user3@%' THEN 'logout' END, '192.0.2.10', 'Mozilla/5.0 (bench seed)'
       FROM user_account u WHERE u.tenant_id = $1 AND u.email ~ '^user[123]@'`,
    [tenantId],
  );
  await seedAuditChain(owner, tenantId);
}

/** A valid hash chain (hashed here with the audit context's own function), so `audit:verify` holds. */
async function seedAuditChain(owner: Client, tenantId: string): Promise<void> {
  const { rows: users } = await owner.query<{ id: string }>(
    `SELECT id FROM user_account WHERE tenant_id = $1 ORDER BY email LIMIT 50`,
    [tenantId],
  );
  const start = Date.now() - 200 * 24 * 3600_000;
  const entries: Array<AuditEntryFields & { previousHash: Buffer | null; hash: Buffer }> = [];
  let previousHash: Buffer | null = null;
  for (let sequence = 1; sequence <= VOLUME.auditEntriesPerTenant; sequence += 1) {
    const actor = users[sequence % users.length]!.id;
    const subject = users[(sequence * 7) % users.length]!.id;
    const action = AUDIT_ACTIONS[sequence % AUDIT_ACTIONS.length]!;
    const fields: AuditEntryFields = {
      tenantId,
      sequence,
      occurredAt: new Date(start + sequence * 60_000),
      actorKind: 'user',
      actorId: actor,
      action,
      subjectType: 'User',
      subjectId: subject,
      details:
        action === 'identity.role.granted'
          ? { role: 'ORG_MEMBER' }
          : action === 'identity.user.profileUpdated'
            ? { fields: 'firstName' }
            : {},
      requestId: randomUUID(),
    };
    const hash = auditEntryHash(previousHash, fields);
    entries.push({ ...fields, previousHash, hash });
    previousHash = hash;
  }
  await owner.query(
    `INSERT INTO audit_entry (tenant_id, sequence, occurred_at, actor_kind, actor_id, action, subject_type, subject_id, details, request_id,
                              previous_hash, hash)
     SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[],
                              $10::text[], $11::bytea[], $12::bytea[])`,
    [
      tenantId,
      entries.map((e) => e.sequence),
      entries.map((e) => e.occurredAt),
      entries.map((e) => e.actorKind),
      entries.map((e) => e.actorId),
      entries.map((e) => e.action),
      entries.map((e) => e.subjectType),
      entries.map((e) => e.subjectId),
      entries.map((e) => JSON.stringify(e.details)),
      entries.map((e) => e.requestId),
      entries.map((e) => e.previousHash),
      entries.map((e) => e.hash),
    ],
  );
}

async function counts(owner: Client): Promise<string> {
  const { rows } = await owner.query<Record<string, string>>(
    `SELECT (SELECT count(*) FROM tenant) AS tenants, (SELECT count(*) FROM organisation) AS companies,
            (SELECT count(*) FROM user_account) AS users, (SELECT count(*) FROM user_role) AS roles,
            (SELECT count(*) FROM auth_session) AS sessions, (SELECT count(*) FROM audit_entry) AS "audit entries",
            (SELECT count(*) FROM datasheet) AS datasheets, (SELECT count(*) FROM datasheet_version) AS "datasheet versions",
            (SELECT count(*) FROM published_datasheet) AS "published datasheets", (SELECT count(*) FROM certificate_application) AS applications,
            (SELECT count(*) FROM certificate) AS certificates`,
  );
  return Object.entries(rows[0]!)
    .map(([name, count]) => `${Number(count).toLocaleString('en')} ${name}`)
    .join(', ');
}
