import { Logger } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { Role } from '@chancery/access';
import { Actor, FixedClock, RequestContext, TransactionRunner } from '@chancery/core';
import { anyone, NotPersonalData, onPersonalDataPresented, ownTenant, PersonalData, PolicyEntity, present, Readable, staffOfOwnTenant, RetentionRuleKey } from '@chancery/policy';
import { parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { PersonalDataAccessLog, PersonalDataAccessNotRecordedError } from './personal-data-access-log.service';
import { rootFieldsOf } from './personal-data-access-log.plugin';
import { PersonalDataAccessRepository } from './personal-data-access.repository';
import { collectPersonalDataPresented } from './personal-data-reads';

const TENANT_A = '6f1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e11';
const TENANT_B = '7f1d1c9e-8a43-4c2b-9d7e-2b0c1a6f4e11';
const ALICE = '0b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a21';
const OPERATOR: Actor = { kind: 'user', id: '1b6e1f0c-3c1e-4a57-8f43-8d1f0f3f7a22', roles: [Role.PLATFORM_ADMIN] };

@PolicyEntity<Member>({ name: 'Member', subject: 'user', visibleTo: [anyone()], relations: { tenantId: (m) => m.tenantId, selfUserId: (m) => m.id } })
class Member {
  @NotPersonalData() tenantId: string;
  @NotPersonalData() id: string;
  @Readable(staffOfOwnTenant(), ownTenant(Role.PLATFORM_ADMIN)) @PersonalData({ category: 'contact', subject: 'user', purpose: 't', legalBasis: 'contract', retention: RetentionRuleKey.ACCOUNT }) email: string;
}

interface Written {
  tenantId: string | null;
  sql: string;
  parameters: unknown[];
}

beforeAll(() => onPersonalDataPresented(collectPersonalDataPresented));
afterAll(() => onPersonalDataPresented(undefined));

/** A log over the real repository and a fake unit of work that records statements, failing for the tenants named. */
function logWith(failingTenants: string[] = []): { log: PersonalDataAccessLog; written: Written[] } {
  const written: Written[] = [];
  let tenantOfUnit: string | null = null;
  // Only the inserts are kept: the chain's lock and end are read first in the same unit (an empty chain here).
  const sql = { query: async (text: string, parameters: unknown[]) => (text.includes('INSERT') && written.push({ tenantId: tenantOfUnit, sql: text, parameters }), []) };
  const transactions = {
    asSystem: async (tenantId: string | null, work: () => Promise<unknown>) => {
      if (tenantId && failingTenants.includes(tenantId)) throw new Error('connection refused');
      tenantOfUnit = tenantId;
      return work();
    },
  } as unknown as TransactionRunner;
  const context = new RequestContext(ClsServiceManager.getClsService());
  const repository = new PersonalDataAccessRepository(sql as never);
  // Writing never reaches the log's checkpoints (only its verification does).
  const checkpoints = null as never;
  return { log: new PersonalDataAccessLog(transactions, repository, checkpoints, context, new FixedClock(new Date('2026-01-02T03:04:05Z'))), written };
}

/** The operator, acting in each tenant in turn (as under a support grant), is shown Alice's e-mail there. */
function readBoth(): void {
  for (const tenantId of [TENANT_A, TENANT_B]) {
    present({ ...OPERATOR, tenantId }, Object.assign(new Member(), { tenantId, id: ALICE, email: 'a@example.test' }), 'graphql');
  }
}

const inRequest = <T>(work: () => Promise<T>): Promise<T> =>
  ClsServiceManager.getClsService().run(async () => {
    ClsServiceManager.getClsService().set('requestId', 'req-1');
    return work();
  });

describe('Writing the personal-data access log', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes once per request: one statement per tenant in that tenant, then nothing more', async () => {
    const { log, written } = logWith();
    await inRequest(async () => {
      readBoth();
      expect(await log.flush('user')).toBe(2);
      expect(await log.flush('user')).toBe(0);
    });
    expect(written.map((w) => w.tenantId)).toEqual([TENANT_A, TENANT_B]);
    expect(written[0]!.parameters).toEqual([
      TENANT_A, new Date('2026-01-02T03:04:05Z'), 'user', OPERATOR.id, ['PLATFORM_ADMIN'], 'user', ALICE, ['contact'], ['Member.email'], 'user', 'req-1',
      1, null, expect.any(Buffer),
    ]);
    expect(JSON.stringify(written)).not.toContain('a@example.test');
  });

  it("falls back to the request's operation, then to 'unknown'", async () => {
    const { log, written } = logWith();
    await inRequest(async () => {
      readBoth();
      await log.flush();
      ClsServiceManager.getClsService().set('operation', 'exportMembers');
      readBoth();
      await log.flush();
    });
    expect(written.map((w) => w.parameters[9])).toEqual(['unknown', 'unknown', 'exportMembers', 'exportMembers']);
  });

  it('does not fail silently: logs the unwritten rows at error level and throws, after writing the other tenants', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { log, written } = logWith([TENANT_A]);
    await inRequest(async () => {
      readBoth();
      await expect(log.flush('user')).rejects.toBeInstanceOf(PersonalDataAccessNotRecordedError);
    });
    expect(written.map((w) => w.tenantId)).toEqual([TENANT_B]);
    expect(errors).toHaveBeenCalledTimes(1);
    const [details, message] = errors.mock.calls[0] as [Record<string, unknown>, string];
    expect(message).toContain('NOT recorded');
    expect(details.unrecordedPersonalDataAccesses).toEqual([expect.objectContaining({ tenantId: TENANT_A, subjectId: ALICE, fields: ['Member.email'] })]);
  });
});

describe('The operation an access is recorded under', () => {
  const rootOf = (source: string) => {
    const document = parse(source);
    return rootFieldsOf(document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!, document);
  };

  it('is the root field, or the sorted root fields of a document with several', () => {
    expect(rootOf('{ user(id: "x") { email } }')).toBe('user');
    expect(rootOf('{ b: user(id: "x") { email } a: me { id } __typename }')).toBe('me,user');
    expect(rootOf('query { ...F ... on Query { organisation(id: "y") { id } } } fragment F on Query { user(id: "x") { id } }')).toBe('organisation,user');
    expect(rootOf('{ __typename }')).toBeUndefined();
  });
});
