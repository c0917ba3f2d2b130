import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { AuditEntryInput, AuditLog, RecordedAuditEntry } from '@chancery/audit';
import { TransactionRunner } from '@chancery/core';
import * as argon2 from 'argon2';
import { IdentityProvisioning, LoginMethod, newTotpSecret, ROLES_REQUIRING_TOTP, TenantKind, totpCodeAt, UserStatus } from '@chancery/identity';
import { signatureImage } from './sample-images';
import { expectData, type TestApp } from './test-app';

/**
 * The test users' password hash: argon2id as in production, with the cheapest parameters. Login
 * verifies with the parameters a hash carries, and the suite logs in hundreds of times: at the
 * production cost (64 MiB, 3 passes, 4 lanes) that is minutes of CPU spent on nothing the tests check.
 * What the application writes (registration, password change and reset) keeps the production cost,
 * and its tests go through the API.
 */
function testPasswordHash(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
}

export const DEFAULT_TEST_PASSWORD = 'correct horse battery staple';
const TOTP_STEP_MS = 30_000;

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
 * Builds every record type the identity context holds, as real rows made through the application's
 * own provisioning and repositories (in the system's scope, row-level security applying), with
 * overrides; sessions come from the real login mutation.
 */
export class IdentityFactory {
  private counter = 0;

  /** The last second-factor time step this factory handed out per user. */
  private readonly usedTotpSteps = new Map<string, number>();

  constructor(private readonly app: TestApp) {}

  private get provisioning(): IdentityProvisioning {
    return this.app.get(IdentityProvisioning);
  }

  async tenant(overrides: Partial<{ slug: string; name: string; kinds: TenantKind[]; servedPostalCodes: Array<{ from: string; to: string }> }> = {}): Promise<TestTenant> {
    const n = this.next();
    const slug = overrides.slug ?? `tenant-${n}-${randomUUID().slice(0, 6)}`;
    const tenant = await this.provisioning.provisionTenant({
      slug,
      name: overrides.name ?? `Chamber ${n}`,
      kinds: overrides.kinds ?? [TenantKind.CHAMBER_OF_COMMERCE],
      legalEntityNumber: '0123.456.749',
      street: 'Markgravestraat 12',
      postalCode: '2000',
      city: 'Antwerpen',
      country: 'BE',
      phone: '+3232322219',
      email: `info@${slug}.test`,
      languages: ['nl', 'en'],
      privacyContactEmail: `privacy@${slug}.test`,
      servedPostalCodes: overrides.servedPostalCodes ?? [],
    });
    return { id: tenant.id, slug: tenant.slug, name: tenant.name };
  }

  async organisation(tenant: TestTenant, overrides: Partial<{ name: string; loginMethod: LoginMethod | string }> = {}): Promise<TestOrganisation> {
    const n = this.next();
    const name = overrides.name ?? `Company ${n}`;
    const companyNumber = `BE${String(1000000 + n).padStart(10, '0')}-${randomUUID().slice(0, 4)}`;
    const organisation = await this.provisioning.provisionOrganisation({
      tenantId: tenant.id, companyNumber, vatNumber: companyNumber, name, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000',
      city: 'Antwerpen', country: 'BE', phone: '+3232000000', email: `contact-${n}@company.test`, iban: 'BE71096123456769',
      loginMethod: (overrides.loginMethod as LoginMethod | undefined) ?? LoginMethod.PASSWORD,
    });
    return { id: organisation.id, tenantId: tenant.id, name };
  }

  /**
   * A user with roles; `tenant` absent means the platform operator. Roles that require a second
   * factor (signer, tenant admin) get one enrolled unless `withTotp: false`; a signer has a stored
   * signature image (signing needs one) unless `withSignature: false`.
   */
  async user(options: { tenant?: TestTenant; organisation?: TestOrganisation; roles: Role[]; status?: string; withTotp?: boolean; withSignature?: boolean; email?: string }): Promise<TestUser> {
    const n = this.next();
    const email = options.email ?? `user-${n}-${randomUUID().slice(0, 6)}@example.test`;
    defaultPasswordHash ??= testPasswordHash(DEFAULT_TEST_PASSWORD);
    const withTotp = options.withTotp ?? options.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
    const totpSecret = withTotp ? newTotpSecret() : undefined;
    const tenantId = options.tenant?.id ?? null;
    const id = await this.provisioning.provisionAccount({
      tenantId, organisationId: options.organisation?.id ?? null, email, firstName: `First${n}`, lastName: `Last${n}`,
      phone: '+32470000000', jobTitle: 'Export manager', roles: options.roles, status: (options.status as UserStatus | undefined) ?? UserStatus.ACTIVE,
      passwordHash: await defaultPasswordHash, totpSecret,
      signatureImage: (options.withSignature ?? options.roles.includes(Role.SIGNER)) ? signatureImage() : undefined,
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

  /** A pending invitation sent by `invitedBy`, with the token its e-mail would carry. */
  async invitation(options: { tenant: TestTenant; organisation?: TestOrganisation; invitedBy: TestUser; roles: Role[]; email?: string }): Promise<{ id: string; token: string; email: string }> {
    const email = options.email ?? `invitee-${this.next()}-${randomUUID().slice(0, 6)}@example.test`;
    const { invitation, token } = await this.provisioning.provisionInvitation({
      tenantId: options.tenant.id, organisationId: options.organisation?.id ?? null, email, roles: options.roles, invitedBy: options.invitedBy.id,
    });
    return { id: invitation.id, token, email };
  }

  /** A live API key of a company (ERP) or of the tenant (datasheet feed), with its secret. */
  async apiKey(options: { tenant: TestTenant; organisation?: TestOrganisation; createdBy: TestUser; name?: string }): Promise<{ id: string; secret: string }> {
    const { apiKey, secret } = await this.provisioning.provisionApiKey({
      tenantId: options.tenant.id, organisationId: options.organisation?.id ?? null, name: options.name ?? `key ${this.next()}`, createdBy: options.createdBy.id,
    });
    return { id: apiKey.id, secret };
  }

  /** An audit entry in a tenant's chain (null: the platform's), recorded as the system. */
  auditEntry(tenantId: string | null, entry: Omit<AuditEntryInput, 'tenantId'>): Promise<RecordedAuditEntry> {
    return this.app.get(TransactionRunner).asSystem(tenantId, () => this.app.get(AuditLog).record({ ...entry, tenantId }));
  }

  /**
   * A second-factor code the server has not seen used yet: a code works once (RFC 6238 §5.2), as a
   * person would wait for the next one. Within the ±1 step the server accepts, or after moving the
   * test clock to the next step when those are spent.
   */
  totpCode(user: TestUser): string {
    if (!user.totpSecret) throw new Error('user has no second factor');
    const current = Math.floor(this.app.clock.now().getTime() / TOTP_STEP_MS);
    const step = Math.max(current - 1, (this.usedTotpSteps.get(user.id) ?? -Infinity) + 1);
    if (step > current + 1) this.app.clock.advance((step - current) * TOTP_STEP_MS);
    this.usedTotpSteps.set(user.id, step);
    return totpCodeAt(user.totpSecret, new Date(step * TOTP_STEP_MS));
  }

  /** A session through the real login (the user's second factor when enrolled). */
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
