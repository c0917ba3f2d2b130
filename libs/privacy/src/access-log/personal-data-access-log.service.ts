import { Injectable, Logger } from '@nestjs/common';
import { LoggedChain, LogCheckpoints } from '@chancery/audit';
import { Clock, defineErrors, ErrorCode, RequestContext, TransactionRunner } from '@chancery/core';
import { chainAfter, personalDataAccessLockKey } from './personal-data-access-chain';
import { PersonalDataAccessChainVerification, PersonalDataAccessRecord, PersonalDataAccessRepository, StoredPersonalDataAccess } from './personal-data-access.repository';
import { PendingPersonalDataAccess, personalDataReadsOfRequest } from './personal-data-reads';

export const PrivacyErrors = defineErrors('privacy', {
  ACCESS_LOG_IS_PER_TENANT: [ErrorCode.FORBIDDEN, 'The personal-data access log is read within a tenant; the caller acts in none.'],
});

export interface PersonalDataAccessPage {
  first: number;
  before?: string;
}

/** Some accesses could not be written; they were logged at error level with everything but values. */
export class PersonalDataAccessNotRecordedError extends Error {
  override readonly name = 'PersonalDataAccessNotRecordedError';
}

/**
 * The personal-data access log (SPEC §5, access accountability): who of the tenant's staff or the
 * operator read whose personal data, which categories and fields, when, through which operation.
 * Reads are collected per request (see `collectPersonalDataRead`) and written once, by `flush`, one row
 * per (tenant, accessor, subject). The application role may only read and append (see the migration).
 */
@Injectable()
export class PersonalDataAccessLog {
  private readonly logger = new Logger(PersonalDataAccessLog.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly accesses: PersonalDataAccessRepository,
    private readonly checkpoints: LogCheckpoints,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the current request's collected accesses, one transaction per tenant with that tenant's
   * context, and empties the buffer. A failure is logged at error level with the unwritten rows (ids
   * and names only) and thrown, so an output that has not yet left can refuse to leave.
   * `operation` defaults to the request context's operation.
   */
  async flush(operation?: string): Promise<number> {
    const reads = personalDataReadsOfRequest();
    const pending = reads?.take() ?? [];
    if (pending.length === 0) return 0;
    const occurredAt = this.clock.now();
    const requestId = this.context.requestId ?? null;
    const grant = reads?.supportGrant;
    const recordedOperation = (operation ?? this.context.operation ?? 'unknown') + (grant ? ` under support grant ${grant.id} (purpose: ${grant.purpose})` : '');
    const byTenant = new Map<string, PersonalDataAccessRecord[]>();
    for (const access of pending) {
      const records = byTenant.get(access.tenantId) ?? [];
      records.push(toRecord(access, occurredAt, recordedOperation, requestId));
      byTenant.set(access.tenantId, records);
    }

    const unwritten: PersonalDataAccessRecord[] = [];
    for (const [tenantId, records] of byTenant) {
      try {
        // The system records on the tenant's behalf, in its own transaction: the request's unit may be read only.
        await this.transactions.asSystem(tenantId, () => this.appendToChain(tenantId, records));
      } catch (error) {
        unwritten.push(...records);
        this.logger.error(
          { err: error, unrecordedPersonalDataAccesses: records.map(withoutTime) },
          `personal-data access log: ${records.length} access(es) in tenant ${tenantId} NOT recorded`,
        );
      }
    }
    if (unwritten.length > 0) {
      throw new PersonalDataAccessNotRecordedError(`${unwritten.length} personal-data access(es) not recorded`);
    }
    return pending.length;
  }

  /**
   * Recomputes the actor's tenant's chain from its first row, checkpoints in place of pruned runs, and
   * against its signed heads: a chain ending before its newest one was truncated (privacy officers).
   */
  async verifyCurrentTenantChain(): Promise<PersonalDataAccessChainVerification> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw PrivacyErrors.ACCESS_LOG_IS_PER_TENANT('The personal-data access log is read within a tenant');
    return this.transactions.run(async () => {
      // The heads first: a checkpoint committed during the walk signs rows the walk reads after it.
      const heads = await this.checkpoints.signedHeads(LoggedChain.PERSONAL_DATA_ACCESS, tenantId);
      return this.accesses.verify(tenantId, heads);
    });
  }

  /** Where the tenant's chain ends (its newest row, or the checkpoint of the newest pruned one), in the caller's unit of that tenant. */
  endOfChain(tenantId: string): Promise<{ sequence: number; hash: Buffer } | undefined> {
    return this.transactions.run(() => this.accesses.lastOfChain(tenantId));
  }

  /** Links the rows to the end of the tenant's chain, holding its lock until the transaction ends. */
  private async appendToChain(tenantId: string, records: readonly PersonalDataAccessRecord[]): Promise<void> {
    await this.accesses.lockChain(personalDataAccessLockKey(tenantId));
    const last = await this.accesses.lastOfChain(tenantId);
    await this.accesses.append(chainAfter(last, records));
  }

  /** The privacy officer's view: the tenant's accesses, of one subject when given, newest first. */
  async listForTenant(page: PersonalDataAccessPage & { subjectId?: string }): Promise<StoredPersonalDataAccess[]> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw PrivacyErrors.ACCESS_LOG_IS_PER_TENANT('The personal-data access log is read within a tenant');
    // Scoped here and by row-level security: two locks.
    return this.transactions.run(() =>
      this.accesses.newestFirst({ tenantId, subjectId: page.subjectId?.toLowerCase(), first: page.first, before: page.before }),
    );
  }

  /** The data subject's view: accesses to the caller's own personal data, newest first. */
  async listForCurrentUser(page: PersonalDataAccessPage): Promise<StoredPersonalDataAccess[]> {
    const actor = this.context.actor;
    // Only a person in a tenant can have rows about them; an API key is not a data subject.
    if (actor.kind !== 'user' || !actor.id || !actor.tenantId) return [];
    const tenantId = actor.tenantId;
    const subjectId = actor.id;
    return this.transactions.run(() =>
      this.accesses.newestFirst({ tenantId, subjectType: 'user', subjectId, first: page.first, before: page.before }),
    );
  }
}

function toRecord(
  access: PendingPersonalDataAccess,
  occurredAt: Date,
  operation: string,
  requestId: string | null,
): PersonalDataAccessRecord {
  return {
    tenantId: access.tenantId,
    occurredAt,
    accessorKind: access.accessor.kind,
    accessorId: access.accessor.id,
    accessorRoles: access.accessor.roles,
    subjectType: access.subjectType,
    subjectId: access.subjectId,
    categories: [...access.categories].sort(),
    fields: [...access.fields].sort(),
    operation,
    requestId,
  };
}

// What an operator needs to re-enter a lost row by hand: everything but the time, which is the log line's.
function withoutTime({ occurredAt: _at, ...rest }: PersonalDataAccessRecord): Omit<PersonalDataAccessRecord, 'occurredAt'> {
  return rest;
}
