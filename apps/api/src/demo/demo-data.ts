import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { hashPassword } from '@chancery/core';
import { IdentityProvisioning, LoginMethod, newTotpSecret, TenantKind } from '@chancery/identity';
import { loadDemoDatasheets, type DemoPerson } from './demo-datasheets';

/** Printed by `npm start` in development only; never used outside the demo data set. */
export const DEMO_PASSWORD = 'chancery-demo-2026';
const DEMO_MARKER_SLUG = 'voka-antwerpen-waasland';
/** The demo accounts with their second-factor secrets, written once beside the embedded database. */
const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

export interface DemoAccount {
  email: string;
  roles: Role[];
  tenant: string | null;
  organisation?: string;
  totpSecret?: string;
}

const TENANTS = [
  {
    slug: DEMO_MARKER_SLUG,
    name: 'Voka – Kamer van Koophandel Antwerpen-Waasland',
    kinds: [TenantKind.CHAMBER_OF_COMMERCE],
    legalEntityNumber: '0404.419.278',
    street: 'Markgravestraat 12', postalCode: '2000', city: 'Antwerpen', country: 'BE',
    phone: '+3232322219', email: 'info.antwerpen@voka.be', languages: ['nl', 'en', 'fr'],
    privacyContactEmail: 'privacy.antwerpen@voka.be',
    servedPostalCodes: [{ from: '2000', to: '2999' }, { from: '9100', to: '9199' }],
    domain: 'voka.test',
    companies: [
      { name: 'Scheldt Machinery NV', vat: 'BE0123456749', legalForm: 'NV', postalCode: '2030', city: 'Antwerpen', loginMethod: LoginMethod.PASSWORD },
      { name: 'Waasland Textiles BV', vat: 'BE0417497106', legalForm: 'BV', postalCode: '9100', city: 'Sint-Niklaas', loginMethod: LoginMethod.PASSWORD_AND_TOTP },
    ],
  },
  {
    slug: 'be-cert',
    name: 'BE-CERT',
    kinds: [TenantKind.CERTIFICATION_BODY],
    legalEntityNumber: '0836.243.583',
    street: 'Rue Montoyer 47', postalCode: '1000', city: 'Brussel', country: 'BE',
    phone: '+3225020500', email: 'info@be-cert.be', languages: ['nl', 'fr', 'en'],
    privacyContactEmail: 'privacy@be-cert.be',
    servedPostalCodes: [],
    domain: 'be-cert.test',
    companies: [
      { name: 'Brabant Concrete Products NV', vat: 'BE0202239951', legalForm: 'NV', postalCode: '1800', city: 'Vilvoorde', loginMethod: LoginMethod.PASSWORD },
      { name: 'Mosan Insulation SA', vat: 'BE0403170701', legalForm: 'SA', postalCode: '4000', city: 'Liège', loginMethod: LoginMethod.PASSWORD },
    ],
  },
];

const STAFF: Array<[Role, string, string]> = [
  [Role.TENANT_ADMIN, 'Tom', 'Admin'],
  [Role.CLERK, 'Clara', 'Clerk'],
  [Role.SIGNER, 'Simon', 'Signer'],
  [Role.PRIVACY_OFFICER, 'Paula', 'Privacy'],
  [Role.AUDITOR, 'Arno', 'Auditor'],
];

/**
 * The demo data set of the embedded default: a chamber and a certification body, two companies
 * each, and a user for every role, made through the application's own provisioning (the system's
 * scope, row-level security applies). Loaded once (the chamber's slug marks it); the demo accounts
 * are remembered in DATA_DIR so later starts list exactly them, never an account someone registered.
 */
export async function loadDemoDataOnce(app: INestApplicationContext, dataDir: string): Promise<{ loadedNow: boolean; accounts: DemoAccount[] }> {
  const provisioning = app.get(IdentityProvisioning, { strict: false });
  const file = join(dataDir, DEMO_ACCOUNTS_FILE);
  if (await provisioning.tenantBySlug(DEMO_MARKER_SLUG)) {
    return { loadedNow: false, accounts: existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[]) : [] };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accounts: DemoAccount[] = [];
  const people: DemoPerson[] = [];
  const addUser = async (account: DemoAccount, tenantId: string | null, organisationId: string | null, [firstName, lastName]: [string, string]) => {
    const userId = await provisioning.provisionAccount({
      tenantId, organisationId, email: account.email, firstName, lastName, phone: '+32470123456',
      jobTitle: account.roles.join(', ').toLowerCase(), preferredLanguage: 'nl', roles: account.roles, passwordHash, totpSecret: account.totpSecret,
    });
    accounts.push(account);
    people.push({ userId, email: account.email, tenantId, organisationId, organisation: account.organisation ?? null, roles: account.roles, name: `${firstName} ${lastName}`, jobTitle: account.roles.join(', ').toLowerCase() });
  };
  await addUser({ email: 'operator@chancery.test', roles: [Role.PLATFORM_ADMIN], tenant: null, totpSecret: newTotpSecret() }, null, null, ['Olivia', 'Operator']);
  for (const { domain, companies, ...details } of TENANTS) {
    const tenant = await provisioning.provisionTenant(details);
    for (const [role, first, last] of STAFF) {
      const needsTotp = role === Role.TENANT_ADMIN || role === Role.SIGNER;
      await addUser({ email: `${role.toLowerCase().replace('_', '-')}@${domain}`, roles: [role], tenant: tenant.slug, totpSecret: needsTotp ? newTotpSecret() : undefined }, tenant.id, null, [first, last]);
    }
    for (const [index, company] of companies.entries()) {
      const organisation = await provisioning.provisionOrganisation({
        tenantId: tenant.id, companyNumber: company.vat, vatNumber: company.vat, name: company.name, legalForm: company.legalForm,
        street: 'Industrieweg 1', postalCode: company.postalCode, city: company.city, country: 'BE', phone: '+3238000000',
        email: `info@company${index + 1}.${domain}`, iban: 'BE71096123456769', loginMethod: company.loginMethod, isMember: index === 0,
      });
      const withTotp = company.loginMethod === LoginMethod.PASSWORD_AND_TOTP;
      for (const [role, first, last] of [[Role.ORG_ADMIN, 'Ann', `Admin${index + 1}`], [Role.ORG_MEMBER, 'Mark', `Member${index + 1}`]] as const) {
        const email = `${role === Role.ORG_ADMIN ? 'admin' : 'member'}@company${index + 1}.${domain}`;
        await addUser({ email, roles: [role], tenant: tenant.slug, organisation: company.name, totpSecret: withTotp ? newTotpSecret() : undefined }, tenant.id, organisation.id, [first, last]);
      }
    }
  }
  await loadDemoDatasheets(app, people);
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return { loadedNow: true, accounts };
}

/** The demo accounts as a table for the console (development only). */
export function describeDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => {
    const where = a.tenant ? `tenant ${a.tenant}${a.organisation ? `, ${a.organisation}` : ''}` : 'platform (no tenant)';
    const totp = a.totpSecret ? `  TOTP secret ${a.totpSecret}` : '';
    return `  ${a.email.padEnd(34)} ${a.roles.join(',').padEnd(16)} ${where}${totp}`;
  });
  return [`demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n');
}
