import { ClsServiceManager } from 'nestjs-cls';
import { Role } from '@chancery/access';
import { Actor } from '@chancery/core';
import {
  anyone,
  NotPersonalData,
  onPersonalDataPresented,
  OutputPurpose,
  PersonalData,
  PolicyEntity,
  present,
  Readable,
  ownTenant,
  self,
  RetentionRuleKey,
  staffOfOwnTenant,
} from '@chancery/policy';
import { PendingPersonalDataAccess, collectPersonalDataPresented, personalDataReadsOfRequest } from './personal-data-reads';

const TENANT = '6f1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e11';
const COMPANY = '0a1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e12';
const ALICE = '0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21';
const CLERK_ID = '1b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a22';
const declared = { purpose: 'test', legalBasis: 'contract', retention: RetentionRuleKey.ACCOUNT } as const;

@PolicyEntity<Person>({ name: 'Person', visibleTo: [anyone()], subject: 'user', relations: { tenantId: (p) => p.tenantId, organisationId: (p) => p.organisationId, selfUserId: (p) => p.id } })
class Person {
  @NotPersonalData() tenantId: string | null;
  @NotPersonalData() organisationId: string | null;
  @Readable(self(), staffOfOwnTenant()) @PersonalData({ category: 'electronicIdentification', subject: 'user', ...declared }) id: string;
  // The operator acting in a tenant (as under a support grant) may read the e-mail here, to test its accounting.
  @Readable(self(), staffOfOwnTenant(), ownTenant(Role.PLATFORM_ADMIN)) @PersonalData({ category: 'contact', subject: 'user', ...declared }) email: string;
  @Readable(self(), staffOfOwnTenant()) @PersonalData({ category: 'identification', subject: 'user', ...declared }) name: string;
  @Readable(self(), staffOfOwnTenant()) @NotPersonalData() status: string;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @PersonalData({ category: 'signature', subject: 'user', ...declared }) signature: string;
}

@PolicyEntity<Company>({ name: 'Company', visibleTo: [anyone()], subject: 'organisation', relations: { tenantId: (c) => c.tenantId, organisationId: (c) => c.id } })
class Company {
  @NotPersonalData() tenantId: string;
  @Readable(staffOfOwnTenant()) @NotPersonalData() id: string;
  @Readable(staffOfOwnTenant()) @PersonalData({ category: 'companyData', subject: 'organisation', ...declared }) phone: string;
}

@PolicyEntity<Loose>({ name: 'Loose', visibleTo: [anyone()], relations: { tenantId: (l) => l.tenantId } })
class Loose {
  @NotPersonalData() tenantId: string;
  @Readable(staffOfOwnTenant()) @PersonalData({ category: 'electronicIdentification', subject: 'user', ...declared }) actorId: string;
}

@PolicyEntity<AccessLogEntry>({ name: 'PersonalDataAccess', visibleTo: [anyone()], relations: { tenantId: (e) => e.tenantId, selfUserId: (e) => e.subjectId } })
class AccessLogEntry {
  @NotPersonalData() tenantId: string;
  @NotPersonalData() subjectId: string;
  @Readable(ownTenant(Role.PRIVACY_OFFICER)) @PersonalData({ category: 'electronicIdentification', subject: 'user', ...declared }) accessorId: string;
}

const alice = (): Person => Object.assign(new Person(), { tenantId: TENANT, organisationId: COMPANY, id: ALICE, email: 'alice@example.test', name: 'Alice', status: 'ACTIVE', signature: 'x' });
const staff = (...roles: Role[]): Actor => ({ kind: 'user', id: CLERK_ID, tenantId: TENANT, roles });

beforeAll(() => onPersonalDataPresented(collectPersonalDataPresented));
afterAll(() => onPersonalDataPresented(undefined));

/** The viewer is shown these fields of the record through the output gate (which reports to the collector). */
function read(viewer: Actor, record: object, fields: string | string[], purpose: OutputPurpose = 'graphql'): void {
  present(viewer, record, purpose, new Map((Array.isArray(fields) ? fields : [fields]).map((f) => [f, null])));
}

/** Runs `work` in a request context of its own and returns what it collected. */
function collected(work: () => void): PendingPersonalDataAccess[] {
  return ClsServiceManager.getClsService().run(() => {
    work();
    return personalDataReadsOfRequest()!.take();
  });
}

describe('Which reads of personal data the access log keeps', () => {
  it("keeps a staff member's read of someone else's personal data, by subject, with categories and fields", () => {
    const record = alice();
    const reads = collected(() => {
      read(staff(Role.CLERK), record, ['email', 'name', 'status']);
      read(staff(Role.CLERK), record, 'email');
    });
    expect(reads).toEqual([
      {
        tenantId: TENANT,
        accessor: { kind: 'user', id: CLERK_ID, roles: ['CLERK'] },
        subjectType: 'user',
        subjectId: ALICE,
        categories: new Set(['contact', 'identification']),
        fields: new Set(['Person.email', 'Person.name']),
      },
    ]);
  });

  it.each([Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.PLATFORM_ADMIN])('keeps reads by %s', (role) => {
    expect(collected(() => read(staff(role), alice(), 'email'))).toHaveLength(1);
  });

  it('keeps an operator read in the tenant of the record read', () => {
    const operator: Actor = { kind: 'user', id: CLERK_ID, tenantId: TENANT, roles: [Role.PLATFORM_ADMIN] };
    const [entry] = collected(() => read(operator, alice(), 'email'));
    expect(entry).toMatchObject({ tenantId: TENANT, accessor: { roles: ['PLATFORM_ADMIN'] } });
  });

  it('ignores company users, anonymous callers and reads of oneself', () => {
    const reads = collected(() => {
      read({ kind: 'user', id: CLERK_ID, tenantId: TENANT, organisationId: COMPANY, roles: [Role.ORG_ADMIN] }, alice(), 'email');
      read({ kind: 'anonymous', roles: [] }, alice(), 'email');
      read({ ...staff(Role.CLERK), id: ALICE }, alice(), 'email');
    });
    expect(reads).toEqual([]);
  });

  it('ignores fields that are not personal data, records of no tenant or no subject, and the access log itself', () => {
    const reads = collected(() => {
      read(staff(Role.CLERK), alice(), 'status');
      read({ kind: 'user', id: CLERK_ID, roles: [Role.PLATFORM_ADMIN] }, Object.assign(alice(), { tenantId: null }), 'email');
      read(staff(Role.TENANT_ADMIN), Object.assign(new Loose(), { tenantId: TENANT, actorId: ALICE }), 'actorId');
      read(staff(Role.PRIVACY_OFFICER), Object.assign(new AccessLogEntry(), { tenantId: TENANT, subjectId: ALICE, accessorId: CLERK_ID }), 'accessorId');
    });
    expect(reads).toEqual([]);
  });

  it("attributes a company's data to the company", () => {
    const company = Object.assign(new Company(), { tenantId: TENANT, id: COMPANY, phone: '+3232000000' });
    const [entry] = collected(() => read(staff(Role.CLERK), company, 'phone'));
    expect(entry).toMatchObject({ subjectType: 'organisation', subjectId: COMPANY, categories: new Set(['companyData']) });
  });

  it('keeps one entry per accessor and subject', () => {
    const bob = Object.assign(alice(), { id: '2b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a23' });
    const reads = collected(() => {
      read(staff(Role.CLERK), alice(), 'email');
      read(staff(Role.CLERK), bob, 'email');
      read(staff(Role.CLERK), alice(), 'name');
    });
    expect(reads.map((r) => [r.subjectId, [...r.fields]])).toEqual([
      [ALICE, ['Person.email', 'Person.name']],
      [bob.id, ['Person.email']],
    ]);
  });

  it('an output other than GraphQL records only the fields the viewer may read', () => {
    const reads = collected(() => read(staff(Role.CLERK), alice(), ['email', 'signature', 'status'], 'export'));
    expect(reads.map((r) => [...r.fields])).toEqual([['Person.email']]);
  });

  it('a log line records nothing: logs get references, never personal data', () => {
    expect(collected(() => read(staff(Role.CLERK), alice(), ['email'], 'log'))).toEqual([]);
  });

  it('stores no accessor id that is not a uuid', () => {
    const [entry] = collected(() => read({ kind: 'system', id: 'retention-job', tenantId: TENANT, roles: [Role.PLATFORM_ADMIN] }, alice(), 'email'));
    expect(entry!.accessor).toEqual({ kind: 'system', id: null, roles: ['PLATFORM_ADMIN'] });
  });
});
