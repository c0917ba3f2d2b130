import { Client } from 'pg';
import { Role } from '@chancery/core';
import { hashPassword } from '@chancery/auth/password-policy';
import { newTotpSecret } from '@chancery/auth/totp';
import { openSecret, sealSecret } from '@chancery/auth/secret-box';

/** Printed by `npm start` in development only; never used outside the demo data set. */
export const DEMO_PASSWORD = 'chancery-demo-2026';
const DEMO_MARKER_SLUG = 'voka-antwerpen-waasland';

interface DemoAccount {
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
    kinds: ['CHAMBER_OF_COMMERCE'],
    legalEntityNumber: '0404.419.278',
    street: 'Markgravestraat 12', postalCode: '2000', city: 'Antwerpen', country: 'BE',
    phone: '+3232322219', email: 'info.antwerpen@voka.be', languages: ['nl', 'en', 'fr'],
    privacy: 'privacy.antwerpen@voka.be',
    ranges: [{ from: '2000', to: '2999' }, { from: '9100', to: '9199' }],
    companies: [
      { name: 'Scheldt Machinery NV', vat: 'BE0123456749', legalForm: 'NV', postalCode: '2030', city: 'Antwerpen', loginMethod: 'PASSWORD' },
      { name: 'Waasland Textiles BV', vat: 'BE0417497106', legalForm: 'BV', postalCode: '9100', city: 'Sint-Niklaas', loginMethod: 'PASSWORD_AND_TOTP' },
    ],
  },
  {
    slug: 'be-cert',
    name: 'BE-CERT',
    kinds: ['CERTIFICATION_BODY'],
    legalEntityNumber: '0836.243.583',
    street: 'Rue Montoyer 47', postalCode: '1000', city: 'Brussel', country: 'BE',
    phone: '+3225020500', email: 'info@be-cert.be', languages: ['nl', 'fr', 'en'],
    privacy: 'privacy@be-cert.be',
    ranges: [],
    companies: [
      { name: 'Brabant Concrete Products NV', vat: 'BE0202239951', legalForm: 'NV', postalCode: '1800', city: 'Vilvoorde', loginMethod: 'PASSWORD' },
      { name: 'Mosan Insulation SA', vat: 'BE0403170701', legalForm: 'SA', postalCode: '4000', city: 'Liège', loginMethod: 'PASSWORD' },
    ],
  },
];

/**
 * The demo data set of the embedded default: a chamber and a certification body, two companies
 * each, and a user for every role. Loaded once (the chamber's slug marks it) through the owner
 * connection, as an operator's import would.
 */
export async function loadDemoDataOnce(ownerUrl: string, secretsKey: Buffer): Promise<{ loadedNow: boolean; accounts: DemoAccount[] }> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const loaded = await db.query('SELECT 1 FROM tenant WHERE slug = $1', [DEMO_MARKER_SLUG]);
    if (loaded.rowCount) return { loadedNow: false, accounts: await demoAccounts(db, secretsKey) };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const accounts: DemoAccount[] = [];
    await db.query('BEGIN');
    const addUser = async (account: DemoAccount, tenantId: string | null, organisationId: string | null, names: [string, string]) => {
      const { rows } = await db.query(
        `INSERT INTO user_account (tenant_id, organisation_id, email, first_name, last_name, phone, job_title, preferred_language, password_hash, status, email_confirmed_at, totp_secret, totp_enrolled_at)
         VALUES ($1, $2, $3, $4, $5, '+32470123456', $6, 'nl', $7, 'ACTIVE', now(), $8, $9) RETURNING id`,
        [tenantId, organisationId, account.email, names[0], names[1], account.roles.join(', ').toLowerCase(), passwordHash, account.totpSecret ? sealSecret(secretsKey, account.totpSecret) : null, account.totpSecret ? new Date() : null],
      );
      for (const role of account.roles) {
        await db.query('INSERT INTO user_role (tenant_id, user_id, role) VALUES ($1, $2, $3)', [tenantId, rows[0].id, role]);
      }
      accounts.push(account);
    };
    await addUser({ email: 'operator@chancery.test', roles: [Role.PLATFORM_ADMIN], tenant: null, totpSecret: newTotpSecret() }, null, null, ['Olivia', 'Operator']);
    for (const tenant of TENANTS) {
      const { rows } = await db.query(
        `INSERT INTO tenant (slug, name, kinds, legal_entity_number, street, postal_code, city, country, phone, email, languages, privacy_contact_email, served_postal_codes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [tenant.slug, tenant.name, tenant.kinds, tenant.legalEntityNumber, tenant.street, tenant.postalCode, tenant.city, tenant.country, tenant.phone, tenant.email, tenant.languages, tenant.privacy, JSON.stringify(tenant.ranges)],
      );
      const tenantId = rows[0].id as string;
      const domain = tenant.slug === DEMO_MARKER_SLUG ? 'voka.test' : 'be-cert.test';
      const staff: Array<[Role, string, string]> = [
        [Role.TENANT_ADMIN, 'Tom', 'Admin'], [Role.CLERK, 'Clara', 'Clerk'], [Role.SIGNER, 'Simon', 'Signer'],
        [Role.PRIVACY_OFFICER, 'Paula', 'Privacy'], [Role.AUDITOR, 'Arno', 'Auditor'],
      ];
      for (const [role, first, last] of staff) {
        const needsTotp = role === Role.TENANT_ADMIN || role === Role.SIGNER;
        await addUser({ email: `${role.toLowerCase().replace('_', '-')}@${domain}`, roles: [role], tenant: tenant.slug, totpSecret: needsTotp ? newTotpSecret() : undefined }, tenantId, null, [first, last]);
      }
      for (const [index, company] of tenant.companies.entries()) {
        const { rows: org } = await db.query(
          `INSERT INTO organisation (tenant_id, company_number, vat_number, name, legal_form, street, postal_code, city, country, phone, email, iban, login_method, is_member)
           VALUES ($1, $2, $2, $3, $4, 'Industrieweg 1', $5, $6, 'BE', '+3238000000', $7, 'BE71096123456769', $8, $9) RETURNING id`,
          [tenantId, company.vat, company.name, company.legalForm, company.postalCode, company.city, `info@company${index + 1}.${domain}`, company.loginMethod, index === 0],
        );
        const organisationId = org[0].id as string;
        const withTotp = company.loginMethod === 'PASSWORD_AND_TOTP';
        await addUser({ email: `admin@company${index + 1}.${domain}`, roles: [Role.ORG_ADMIN], tenant: tenant.slug, organisation: company.name, totpSecret: withTotp ? newTotpSecret() : undefined }, tenantId, organisationId, ['Ann', `Admin${index + 1}`]);
        await addUser({ email: `member@company${index + 1}.${domain}`, roles: [Role.ORG_MEMBER], tenant: tenant.slug, organisation: company.name, totpSecret: withTotp ? newTotpSecret() : undefined }, tenantId, organisationId, ['Mark', `Member${index + 1}`]);
      }
    }
    await db.query('COMMIT');
    return { loadedNow: true, accounts };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

async function demoAccounts(db: Client, secretsKey: Buffer): Promise<DemoAccount[]> {
  const { rows } = await db.query(
    `SELECT u.email, t.slug AS tenant, o.name AS organisation, u.totp_secret AS "totpSecret",
            ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
       FROM user_account u LEFT JOIN tenant t ON t.id = u.tenant_id LEFT JOIN organisation o ON o.id = u.organisation_id
      WHERE u.email LIKE '%.test' ORDER BY t.slug NULLS FIRST, o.name NULLS FIRST, u.email`,
  );
  // The stored secrets are sealed; the developer's authenticator app needs them in the clear.
  return (rows as DemoAccount[]).map((a) => ({ ...a, totpSecret: a.totpSecret ? (openSecret(secretsKey, a.totpSecret) ?? undefined) : undefined }));
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
