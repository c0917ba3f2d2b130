import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@chancery/access';
import { TransactionRunner } from '@chancery/core';
import { IdentityProvisioning } from '@chancery/identity';
import { policedEntities, RetentionRuleKey } from '@chancery/policy';
import { ProcessingRegister, ProcessingRegisterService } from '@chancery/privacy';
import { expectData, IdentityFactory, reportFigure, TestApp, TestUser, useTestApp } from '@chancery/testing';
import { expectFile } from '@chancery/testing/generated-docs/expect-file';
import { loadDemoDataOnce } from '../../apps/api/src/demo/demo-data';

/**
 * VERIFY T16 — the register of processing activities (SPEC §5; 000 §2–3, 001, 002; GDPR Art. 30).
 * Every field that holds personal data declares category, purpose, legal basis and retention (the
 * build fails otherwise: test/platform/entity-declarations), and the register generated from those
 * declarations plus the tenant's own entries has the seven items of Art. 30(1) in every activity:
 * (a) controller, (b) purpose, (c) categories of data subjects and of personal data, (d) recipients,
 * (e) transfers, (f) retention, (g) security measures. One register per tenant as controller, one for
 * the platform as processor (Art. 30(2)); JSON and a readable document. The demo tenants' registers
 * are committed under docs/processing-register/ and this test fails when they are not current.
 */
const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'processing-register');

/** Each Art. 30(1) item of an activity, read straight from the JSON export (not through the code under test). */
function missingItems(activity: Record<string, unknown>): string[] {
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const texts = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(text);
  const categories = activity.categories as { dataSubjects?: unknown; personalData?: unknown } | undefined;
  const items: Record<string, boolean> = {
    '(a) controller': text(activity.controller),
    '(b) purpose': text(activity.purpose) && texts(activity.legalBases),
    '(c) data subjects': texts(categories?.dataSubjects),
    '(c) personal data': texts(categories?.personalData),
    '(d) recipients': texts(activity.recipients),
    '(e) transfers': text(activity.transfers),
    '(f) retention': texts(activity.retention),
    '(g) security measures': texts(activity.securityMeasures),
  };
  return Object.entries(items).filter(([, ok]) => !ok).map(([item]) => item);
}

describe('T16 register of processing activities', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  const figures = { activities: 0, incomplete: 0, declaredFields: 0, fieldsMissingFromRegister: 0 };

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });

  const started = useTestApp();
  beforeAll(() => {
    app = started.app;
    factory = started.factory;
  });

  it('the demo tenants’ registers (controller) and the platform’s (processor) are committed under docs/ and current', async () => {
    await loadDemoDataOnce(app.app, mkdtempSync(join(tmpdir(), 'register-demo-')));
    const provisioning = app.get(IdentityProvisioning);
    const registers = app.get(ProcessingRegisterService);
    const transactions = app.get(TransactionRunner);
    for (const slug of ['voka-antwerpen-waasland', 'be-cert']) {
      const tenant = (await provisioning.tenantBySlug(slug))!;
      const register = await transactions.asSystem(tenant.id, () => registers.controllerRegisterOf(tenant.id));
      expectFile(join(DOCS, `${slug}.json`), registers.render(register, 'JSON'));
      expectFile(join(DOCS, `${slug}.md`), registers.render(register, 'MARKDOWN'));
    }
    const platform = await transactions.asSystem(null, () => registers.platformRegister());
    expectFile(join(DOCS, 'platform.json'), registers.render(platform, 'JSON'));
    expectFile(join(DOCS, 'platform.md'), registers.render(platform, 'MARKDOWN'));
  });

  it("a tenant's register has the seven Art. 30(1) items in every activity, covers every declared field, and includes the tenant's own entries", async () => {
    const tenant = await factory.tenant();
    const privacyOfficer = await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] });
    const entry = {
      name: 'Members’ newsletter', purpose: 'Inform members of events and trade missions', legalBasis: 'consent', dataSubjects: ['newsletter subscribers'],
      dataCategories: ['contact', 'identification'], recipients: ['mailing service'], transfers: 'None', retention: 'until unsubscribed',
      securityMeasures: 'Double opt-in; unsubscribe link in every message',
    };
    const added = expectData(await gql<{ addProcessingActivity: { id: string } }>(
      `mutation($input: AddProcessingActivityInput!) { addProcessingActivity(input: $input) { id name purpose legalBasis dataSubjects dataCategories recipients transfers retention securityMeasures createdAt } }`,
      { input: entry }, privacyOfficer)).addProcessingActivity;
    expect(added).toMatchObject(entry);

    const json = expectData(await gql<{ processingRegister: string }>(`{ processingRegister(format: JSON) }`, {}, privacyOfficer)).processingRegister;
    const register = JSON.parse(json) as Omit<ProcessingRegister, 'activities'> & { activities: Array<Record<string, unknown>> };
    expect(register).toMatchObject({ register: 'controller', article: 'GDPR Art. 30(1)', controller: { name: tenant.name } });
    const incomplete = register.activities.map((a) => ({ activity: a.name, missing: missingItems(a) })).filter((a) => a.missing.length > 0);
    expect(incomplete).toEqual([]);
    expect(register.activities.filter((a) => a.source === 'tenant').map((a) => a.name)).toEqual([entry.name]);
    // Beside the words, the categories by code, which the portal shows in the reader's language.
    const declaredCategories = new Set<string>(policedEntities().flatMap((p) => [...p.fields.values()].flatMap((f) => (f.personalData ? [f.personalData.category] : []))));
    for (const activity of register.activities) {
      const { personalData, personalDataCodes } = activity.categories as { personalData: string[]; personalDataCodes: string[] };
      expect(personalDataCodes).toHaveLength(personalData.length);
      if (activity.source === 'tenant') expect(personalDataCodes).toEqual(entry.dataCategories);
      else expect(personalDataCodes.filter((code) => !declaredCategories.has(code))).toEqual([]);
    }

    // Every field declared personal data is in some activity; every activity's field is declared.
    const declared = policedEntities().flatMap((p) => [...p.fields.values()].filter((f) => f.personalData).map((f) => `${p.name}.${f.name}`)).sort();
    const inRegister = register.activities.flatMap((a) => (a.fields as string[] | undefined) ?? []).sort();
    expect(inRegister).toEqual(declared);
    figures.activities = register.activities.length;
    figures.incomplete = incomplete.length;
    figures.declaredFields = declared.length;
    figures.fieldsMissingFromRegister = declared.filter((f) => !inRegister.includes(f)).length;

    const markdown = expectData(await gql<{ processingRegister: string }>(`{ processingRegister(format: MARKDOWN) }`, {}, privacyOfficer)).processingRegister;
    for (const activity of register.activities) expect(markdown).toContain(`### ${activity.name as string}`);
    for (const heading of ['**Controller:**', '**Purpose:**', '**Data subjects:**', '**Personal data:**', '**Recipients:**', '**Transfers outside the EEA:**', '**Retention:**', '**Security measures:**']) {
      expect(markdown.split(`- ${heading}`).length - 1).toBe(register.activities.length);
    }

    // The entry can be removed again; another tenant's entry answers like a missing one.
    const other = await factory.tenant();
    const otherOfficer = await factory.user({ tenant: other, roles: [Role.PRIVACY_OFFICER] });
    const foreign = await gql(`mutation($id: ID!) { removeProcessingActivity(id: $id) { id } }`, { id: added.id }, otherOfficer);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(expectData(await gql<{ removeProcessingActivity: { id: string } }>(`mutation($id: ID!) { removeProcessingActivity(id: $id) { id } }`, { id: added.id }, privacyOfficer)).removeProcessingActivity.id).toBe(added.id);
  });

  it("every declared activity's retention names its rule; a tenant's shortened period shows in its register only", async () => {
    const [tenant, other] = [await factory.tenant(), await factory.tenant()];
    const [officer, otherOfficer] = [await factory.user({ tenant, roles: [Role.PRIVACY_OFFICER] }), await factory.user({ tenant: other, roles: [Role.PRIVACY_OFFICER] })];
    expectData(await gql(`mutation { setRetentionPeriod(input: { rule: LOGIN_SESSION, period: 4 }) { period } }`, {}, officer));
    const retentionOf = async (user: TestUser) => {
      const register = JSON.parse(expectData(await gql<{ processingRegister: string }>(`{ processingRegister(format: JSON) }`, {}, user)).processingRegister) as { activities: Array<{ source: string; retention: string[] }> };
      return register.activities.filter((a) => a.source === 'declared').flatMap((a) => a.retention);
    };
    const mine = await retentionOf(officer);
    const theirs = await retentionOf(otherOfficer);
    const rulePattern = new RegExp(`^(${Object.values(RetentionRuleKey).join('|')}): `);
    expect([...mine, ...theirs].filter((r) => !rulePattern.test(r))).toEqual([]);
    expect(mine).toContain("LOGIN_SESSION: 4 months after the session ends (tenant's period; platform default 12 months, legal maximum 12 months)");
    expect(theirs).toContain('LOGIN_SESSION: 12 months after the session ends (platform default, legal maximum 12 months)');
    expect(theirs.some((r) => r.includes("tenant's period"))).toBe(false);
  });

  it("the platform's register as processor names every tenant as controller and has the items of Art. 30(2)", async () => {
    const operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const json = expectData(await gql<{ platformProcessingRegister: string }>(`{ platformProcessingRegister(format: JSON) }`, {}, operator)).platformProcessingRegister;
    const register = JSON.parse(json) as Omit<ProcessingRegister, 'activities'> & { activities: Array<Record<string, unknown>> };
    const tenants = await app.asOwner(async (db) => (await db.query(`SELECT name FROM tenant ORDER BY name`)).rows.map((r: { name: string }) => r.name));
    expect(register.controllers!.map((c) => c.name).sort()).toEqual(tenants);
    expect(register.processor?.name).toEqual(expect.any(String));
    expect(register.activities.map((a) => missingItems(a)).flat()).toEqual([]);
    // Tenants add entries to their own registers (as controller), never to the platform's: its document does not say they do.
    const markdown = expectData(await gql<{ platformProcessingRegister: string }>(`{ platformProcessingRegister(format: MARKDOWN) }`, {}, operator)).platformProcessingRegister;
    expect(markdown).toContain('Generated from the personal-data declarations of the code; do not edit by hand.');
    expect(markdown).not.toMatch(/tenant added/);
  });

  it('who may read and keep it: privacy officer, tenant admin and auditor read; only the privacy officer adds; the operator reads only the platform’s', async () => {
    const tenant = await factory.tenant();
    const company = await factory.organisation(tenant);
    const roles: Array<[Role, boolean, boolean]> = [
      [Role.PRIVACY_OFFICER, true, true], [Role.TENANT_ADMIN, true, false], [Role.AUDITOR, true, false], [Role.CLERK, false, false], [Role.SIGNER, false, false],
    ];
    const input = { name: 'x', purpose: 'x', legalBasis: 'contract', dataSubjects: ['x'], dataCategories: ['contact'], transfers: 'None', retention: 'x', securityMeasures: 'x' };
    for (const [role, reads, writes] of roles) {
      const user = await factory.user({ tenant, roles: [role] });
      const read = await gql(`{ processingRegister }`, {}, user);
      expect({ role, code: read.errors?.[0]?.extensions?.code ?? 'OK' }).toEqual({ role, code: reads ? 'OK' : 'FORBIDDEN' });
      const write = await gql(`mutation($input: AddProcessingActivityInput!) { addProcessingActivity(input: $input) { id } }`, { input }, user);
      expect({ role, code: write.errors?.[0]?.extensions?.code ?? 'OK' }).toEqual({ role, code: writes ? 'OK' : 'FORBIDDEN' });
      expect((await gql(`{ platformProcessingRegister }`, {}, user)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const orgAdmin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
    expect((await gql(`{ processingRegister }`, {}, orgAdmin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    expect((await gql(`{ processingRegister }`, {}, operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(`{ processingRegister }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('prints the figure', () => {
    reportFigure(`T16 register: ${figures.declaredFields} personal-data fields declared with category, purpose, legal basis and retention, ${figures.fieldsMissingFromRegister} missing from the register; ${figures.activities} activities, ${figures.incomplete} without all 7 Art. 30(1) items`);
    expect(figures.activities).toBeGreaterThan(5);
    expect({ missing: figures.fieldsMissingFromRegister, incomplete: figures.incomplete }).toEqual({ missing: 0, incomplete: 0 });
  });
});
