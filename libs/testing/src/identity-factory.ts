import { randomUUID } from 'node:crypto';
import { Role } from '../../core/src';
import { hashPassword } from '../../auth/src/password-policy';
import { newTotpSecret, totpCodeAt } from '../../auth/src/totp';
import { ROLES_REQUIRING_TOTP } from '../../auth/src/second-factor';
import { SecretBox } from '../../auth/src/secret-box';
import { expectData, TestApp } from './test-app';

export const DEFAULT_TEST_PASSWORD = 'correct horse battery staple';

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
}

export interface TestOrganisation {
  id: string;
  tenantId: string;
  name: string;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  tenantId: string | null;
  tenantSlug?: string;
  organisationId: string | null;
  roles: Role[];
  totpSecret?: string;
}

export interface TestSession {
  accessToken: string;
  refreshToken: string;
}

let defaultPasswordHash: Promise<string> | undefined;

/**
 * Builds tenants, companies and users as real rows (through the owner connection, as a migration or
 * an operator would), with overrides; sessions come from the real login mutation.
 */
export class IdentityFactory {
  private counter = 0;

  constructor(private readonly app: TestApp) {}

  async tenant(overrides: Partial<{ slug: string; name: string; kinds: string[]; servedPostalCodes: Array<{ from: string; to: string }> }> = {}): Promise<TestTenant> {
    const n = this.next();
    const slug = overrides.slug ?? `tenant-${n}-${randomUUID().slice(0, 6)}`;
    const name = overrides.name ?? `Chamber ${n}`;
    const [row] = await this.app.asOwner((db) =>
      db.query(
        `INSERT INTO tenant (slug, name, kinds, legal_entity_number, street, postal_code, city, country, phone, email, languages, privacy_contact_email, served_postal_codes)
         VALUES ($1, $2, $3, '0123.456.749', 'Markgravestraat 12', '2000', 'Antwerpen', 'BE', '+3232322219', $4, '{nl,en}', $5, $6) RETURNING id`,
        [slug, name, overrides.kinds ?? ['CHAMBER_OF_COMMERCE'], `info@${slug}.test`, `privacy@${slug}.test`, JSON.stringify(overrides.servedPostalCodes ?? [])],
      ).then((r) => r.rows as Array<{ id: string }>),
    );
    return { id: row!.id, slug, name };
  }

  async organisation(tenant: TestTenant, overrides: Partial<{ name: string; loginMethod: string }> = {}): Promise<TestOrganisation> {
    const n = this.next();
    const name = overrides.name ?? `Company ${n}`;
    const companyNumber = `BE${String(1000000 + n).padStart(10, '0')}-${randomUUID().slice(0, 4)}`;
    const [row] = await this.app.asOwner((db) =>
      db.query(
        `INSERT INTO organisation (tenant_id, company_number, vat_number, name, legal_form, street, postal_code, city, country, phone, email, iban, login_method)
         VALUES ($1, $2, $2, $3, 'NV', 'Kaai 1', '2000', 'Antwerpen', 'BE', '+3232000000', $4, 'BE71096123456769', $5) RETURNING id`,
        [tenant.id, companyNumber, name, `contact-${n}@company.test`, overrides.loginMethod ?? 'PASSWORD'],
      ).then((r) => r.rows as Array<{ id: string }>),
    );
    return { id: row!.id, tenantId: tenant.id, name };
  }

  /**
   * A user with roles; `tenant` absent means the platform operator. Roles that require a second
   * factor (signer, tenant admin) get one enrolled unless `withTotp: false`.
   */
  async user(options: { tenant?: TestTenant; organisation?: TestOrganisation; roles: Role[]; status?: string; withTotp?: boolean; email?: string }): Promise<TestUser> {
    const n = this.next();
    const email = options.email ?? `user-${n}-${randomUUID().slice(0, 6)}@example.test`;
    defaultPasswordHash ??= hashPassword(DEFAULT_TEST_PASSWORD);
    const withTotp = options.withTotp ?? options.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
    const totpSecret = withTotp ? newTotpSecret() : undefined;
    const tenantId = options.tenant?.id ?? null;
    const id = await this.app.asOwner(async (db) => {
      const result = await db.query(
        `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, password_hash, status, email_confirmed_at, totp_secret, totp_enrolled_at)
         VALUES ($1, $2, $3, $4, $5, '+32470000000', 'Export manager', $6, $7, now(), $8, $9) RETURNING id`,
        [tenantId, options.organisation?.id ?? null, email, `First${n}`, `Last${n}`, await defaultPasswordHash, options.status ?? 'ACTIVE', totpSecret ? this.app.get(SecretBox).seal(totpSecret) : null, totpSecret ? new Date() : null],
      );
      const userId = (result.rows[0] as { id: string }).id;
      for (const role of options.roles) {
        await db.query(`INSERT INTO user_role (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [tenantId, userId, role]);
      }
      return userId;
    });
    return {
      id,
      email,
      password: DEFAULT_TEST_PASSWORD,
      tenantId,
      tenantSlug: options.tenant?.slug,
      organisationId: options.organisation?.id ?? null,
      roles: options.roles,
      totpSecret,
    };
  }

  totpCode(user: TestUser): string {
    if (!user.totpSecret) throw new Error('user has no second factor');
    return totpCodeAt(user.totpSecret, this.app.clock.now());
  }

  async login(user: TestUser): Promise<TestSession> {
    const data = expectData(
      await this.app.graphql<{ login: TestSession }>(
        `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`,
        { input: { email: user.email, password: user.password, tenant: user.tenantSlug, totpCode: user.totpSecret ? this.totpCode(user) : undefined } },
      ),
    );
    return data.login;
  }

  private next(): number {
    this.counter += 1;
    return this.counter;
  }
}
