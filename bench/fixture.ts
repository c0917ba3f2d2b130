import type { Client } from 'pg';
import { inTenant } from './database';
import { BENCH_PASSWORD, companyUserEmail, tenantSlug } from './seed';
import { certificatePrefix, VERIFIED_CODE, VERIFIED_YEAR } from './seed-certificates';
import { SEARCHED_COLOUR } from './seed-datasheets';

/** A seeded person with an open session, as an access token names them. */
export interface BenchCaller {
  userId: string;
  email: string;
  firstName: string;
  tenantId: string;
  organisationId: string | null;
  roles: string[];
  tokenVersion: number;
  sessionId: string;
}

/** The seeded records the scenarios use. */
export interface BenchFixture {
  tenant: { id: string; slug: string };
  /** The organisation admin of the benchmarked company (20 users): me, managedUsers, the write. */
  admin: BenchCaller;
  /** Another user of that company, who logs in (login scenario). */
  member: { userId: string; email: string; password: string };
  /** Q1: a published datasheet of tenant 1 showing a person as its contact; null without datasheets. */
  datasheetId: string | null;
  /** Q2: a page of tenant 1's published datasheets whose product name holds this text. */
  datasheetSearch: { tenant: string; productName: string; first: number };
  /** The certificate the verification scenarios ask for, with its code (tenant 1, first number of 2026). */
  certificate: { number: string; code: string };
}

/** Marks the sessions the bench opens for its callers (reused by later runs). */
const BENCH_USER_AGENT = 'chancery-bench';

export async function loadFixture(owner: Client): Promise<BenchFixture> {
  const { rows } = await owner.query<{ id: string }>('SELECT id FROM tenant WHERE slug = $1', [
    tenantSlug(1),
  ]);
  const tenant = { id: rows[0]!.id, slug: tenantSlug(1) };
  return inTenant(owner, tenant.id, async () => {
    const admin = await account(owner, companyUserEmail(1, 1, 1));
    const member = await account(owner, companyUserEmail(1, 1, 2));
    const { rows: datasheets } = await owner.query<{ id: string }>(
      `SELECT datasheet_id AS id FROM published_datasheet WHERE tenant_id = $1 AND contact_kind = 'PERSON' ORDER BY public_code LIMIT 1`,
      [tenant.id],
    );
    return {
      tenant,
      admin: { ...admin, sessionId: await openSession(owner, admin) },
      member: { userId: member.userId, email: member.email, password: BENCH_PASSWORD },
      datasheetId: datasheets[0]?.id ?? null,
      datasheetSearch: { tenant: tenant.slug, productName: SEARCHED_COLOUR, first: 50 },
      certificate: { number: `${certificatePrefix(1)}-${VERIFIED_YEAR}-000001`, code: VERIFIED_CODE },
    };
  });
}

async function account(owner: Client, email: string): Promise<Omit<BenchCaller, 'sessionId'>> {
  const { rows } = await owner.query<Omit<BenchCaller, 'sessionId'>>(
    `SELECT u.id AS "userId", u.email, u.first_name AS "firstName", u.tenant_id AS "tenantId", u.organisation_id AS "organisationId", u.token_version AS "tokenVersion",
            ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
       FROM user_account u WHERE u.email = $1`,
    [email],
  );
  if (!rows[0])
    throw new Error(`the seeded account ${email} is missing: drop the database chancery_bench and run again`);
  return rows[0];
}

/** The caller's bench session: one that stays valid for at least a day, else a new one (as a login would open). */
async function openSession(owner: Client, caller: Omit<BenchCaller, 'sessionId'>): Promise<string> {
  const { rows } = await owner.query<{ id: string }>(
    `SELECT id FROM auth_session
      WHERE user_id = $1 AND user_agent = $2 AND revoked_at IS NULL AND absolute_expires_at > now() + interval '1 day'
      ORDER BY created_at DESC LIMIT 1`,
    [caller.userId, BENCH_USER_AGENT],
  );
  if (rows[0]) return rows[0].id;
  const { rows: opened } = await owner.query<{ id: string }>(
    `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, stepped_up_at, stepped_up_with,
                               ip_address, user_agent)
     VALUES ($1, $2, now(), now(), now() + interval '30 days', now(), 'password', '127.0.0.1', $3) RETURNING id`,
    [caller.tenantId, caller.userId, BENCH_USER_AGENT],
  );
  return opened[0]!.id;
}
