import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { ApplicationsService, CertificateLanguage, CertificatesService } from '@chancery/certificates';
import { type Actor, AppConfig, hashPassword, RequestContext } from '@chancery/core';
import { IdentityProvisioning, LoginMethod, newTotpSecret, TenantKind } from '@chancery/identity';
import { loadDemoDatasheets, type DemoPerson } from './demo-datasheets';
import { demoSignatureImage } from './demo-signature';

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
 * What each demo person's job is called: the datasheets publish the position of their contact, and a
 * visitor of the demo should read "Quality manager" there, not a role's code.
 */
const DEMO_JOB_TITLES: Record<Role, string> = {
  [Role.PLATFORM_ADMIN]: 'Platform operations',
  [Role.TENANT_ADMIN]: 'Head of member services',
  [Role.CLERK]: 'Certificates officer',
  [Role.SIGNER]: 'Authorised signatory',
  [Role.PRIVACY_OFFICER]: 'Data protection officer',
  [Role.AUDITOR]: 'Internal auditor',
  [Role.ORG_ADMIN]: 'Managing director',
  [Role.ORG_MEMBER]: 'Quality manager',
};

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
  const passwordHash = await hashPassword(DEMO_PASSWORD, app.get(AppConfig, { strict: false }).PASSWORD_HASH_MEMORY_KIB);
  const accounts: DemoAccount[] = [];
  const people: DemoPeople = new Map();
  const datasheetPeople: DemoPerson[] = [];
  const addUser = async (account: DemoAccount, tenantId: string | null, organisationId: string | null, [firstName, lastName]: [string, string]) => {
    const id = await provisioning.provisionAccount({
      tenantId, organisationId, email: account.email, firstName, lastName, phone: '+32470123456',
      jobTitle: DEMO_JOB_TITLES[account.roles[0]!], preferredLanguage: 'nl', roles: account.roles, passwordHash, totpSecret: account.totpSecret,
      // A signer has a stored signature (SPEC §1): signing needs one, and the demo's certificates carry it.
      signatureImage: account.roles.includes(Role.SIGNER) ? demoSignatureImage(accounts.length) : undefined,
    });
    accounts.push(account);
    people.set(account.email, { id, tenantId, organisationId });
    datasheetPeople.push({ userId: id, email: account.email, tenantId, organisationId, organisation: account.organisation ?? null, roles: account.roles, name: `${firstName} ${lastName}`, jobTitle: DEMO_JOB_TITLES[account.roles[0]!] });
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
  await loadCertificateDemoData(app, people);
  await loadDemoDatasheets(app, datasheetPeople);
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  return { loadedNow: true, accounts };
}

/** Who the demo accounts are, by e-mail address, for the feature data sets below. */
type DemoPeople = Map<string, { id: string; tenantId: string | null; organisationId: string | null }>;

// Certificates of origin (#16): the demo chamber's applications in every state of the review, and
// issued certificates (their PDFs rendered by the worker), so the queue and the lists are not empty.
type ApplicationContent = Parameters<ApplicationsService['create']>[0];
type GoodsLine = NonNullable<ApplicationContent['goods']>[number];

async function loadCertificateDemoData(app: INestApplicationContext, people: DemoPeople): Promise<void> {
  const context = app.get(RequestContext, { strict: false });
  const applications = app.get(ApplicationsService, { strict: false });
  const certificates = app.get(CertificatesService, { strict: false });
  const person = (email: string, roles: Role[]): Actor => {
    const found = people.get(email)!;
    return { kind: 'user', id: found.id, tenantId: found.tenantId ?? undefined, organisationId: found.organisationId ?? undefined, roles };
  };
  const exporter = person('admin@company1.voka.test', [Role.ORG_ADMIN]);
  const clerk = person('clerk@voka.test', [Role.CLERK]);
  const signer = person('signer@voka.test', [Role.SIGNER]);
  const as = <T>(actor: Actor, work: () => Promise<T>) => context.runAs(actor, work);
  const line = (description: string, hsCode: string, quantity: number, unit: string, netWeightKg: number, packages: number): GoodsLine => ({
    description, hsCode, quantity, unit, grossWeightKg: Math.round(netWeightKg * 1.08), netWeightKg, packages, marksAndNumbers: `SM/${hsCode.slice(0, 4)}/1-${packages}`,
  });
  const shipments: Array<ApplicationContent & { until: 'DRAFT' | 'SUBMITTED' | 'IN_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'ISSUED' }> = [
    { until: 'ISSUED', consignee: { name: 'Hudson Industrial Supply Inc.', address: '400 Commerce Drive\nNewark, NJ 07114', country: 'US' }, goods: [line('Centrifugal pumps, cast iron', '841370', 24, 'pcs', 1850, 6)], transportDetails: 'By sea, Antwerp to Newark, MSC Aurora voyage 48W', invoiceReferences: ['SM-2026-0101'], language: CertificateLanguage.EN },
    { until: 'ISSUED', consignee: { name: 'Société Maghrébine d’Équipement', address: 'Zone industrielle Sidi Bernoussi\nCasablanca', country: 'MA' }, goods: [line('Hydraulic valves', '848120', 300, 'pcs', 420, 4), line('Spare seals', '401693', 1200, 'pcs', 35, 1)], transportDetails: 'By road and sea via Algeciras', invoiceReferences: ['SM-2026-0102'], language: CertificateLanguage.FR },
    { until: 'APPROVED', consignee: { name: 'Gulf Process Engineering LLC', address: 'Jebel Ali Free Zone, Dubai', country: 'AE' }, goods: [line('Industrial mixers', '847982', 4, 'pcs', 2600, 4)], transportDetails: 'By sea, Antwerp to Jebel Ali', invoiceReferences: ['SM-2026-0107'], language: CertificateLanguage.EN },
    { until: 'IN_REVIEW', consignee: { name: 'Shanghai Fluid Systems Co., Ltd.', address: '88 Jinqiao Road, Pudong, Shanghai', country: 'CN' }, goods: [line('Pump housings, machined', '841391', 60, 'pcs', 900, 3)], transportDetails: 'By sea, Antwerp to Shanghai', invoiceReferences: ['SM-2026-0109'], language: CertificateLanguage.EN },
    { until: 'CHANGES_REQUESTED', consignee: { name: 'Anatolia Makina A.Ş.', address: 'Organize Sanayi Bölgesi, Bursa', country: 'TR' }, goods: [line('Gear pumps', '841360', 40, 'pcs', 610, 2)], transportDetails: 'By road via Kapıkule', invoiceReferences: ['SM-2026-0110'], language: CertificateLanguage.EN },
    { until: 'SUBMITTED', consignee: { name: 'Maple Water Works Ltd.', address: '1200 Bay Street, Toronto, ON', country: 'CA' }, goods: [line('Submersible pumps', '841370', 16, 'pcs', 740, 4)], transportDetails: 'By sea, Antwerp to Montreal', invoiceReferences: ['SM-2026-0112'], language: CertificateLanguage.EN },
    { until: 'SUBMITTED', consignee: { name: 'Nippon Flow Control K.K.', address: '2-1 Marunouchi, Chiyoda-ku, Tokyo', country: 'JP' }, goods: [line('Valve actuators', '848140', 80, 'pcs', 260, 2)], transportDetails: 'By air, Brussels to Narita', invoiceReferences: ['SM-2026-0113'], language: CertificateLanguage.EN },
    { until: 'DRAFT', consignee: { name: 'Andes Minería S.A.', address: 'Avenida Apoquindo 3000, Santiago', country: 'CL' }, goods: [line('Slurry pumps', '841370', 6, 'pcs', 2300, 6)], language: CertificateLanguage.EN },
  ];
  for (const [index, { until, ...content }] of shipments.entries()) {
    const application = await as(exporter, () => applications.create({ ...content, countryOfOrigin: 'BE', declarationAccepted: true, remarks: '' }));
    if (until === 'DRAFT') continue;
    await as(exporter, () => applications.submit(application.id));
    if (until === 'SUBMITTED') continue;
    await as(clerk, () => applications.claim(application.id));
    if (until === 'IN_REVIEW') continue;
    if (until === 'CHANGES_REQUESTED') {
      await as(clerk, () => applications.requestChanges(application.id, 'Please attach the commercial invoice SM-2026-0110 and state the net weight per package.'));
      continue;
    }
    await as(clerk, () => applications.approve(application.id));
    if (until === 'APPROVED') continue;
    await as(signer, () => certificates.sign(application.id, `demo-${index}-${application.id}`));
  }
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
