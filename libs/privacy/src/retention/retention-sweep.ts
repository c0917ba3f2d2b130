import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobHandler, NotFoundError, personIdOf, RequestContext, TransactionRunner, WorkerJob } from '@chancery/core';
import { AuditLog } from '@chancery/audit';
import { TenantDirectoryService } from '@chancery/identity';
import { RetentionOutcome } from '@chancery/policy';
import { PersonalDataHolders } from '../holders/personal-data-holders';
import { DataSubjectRequestRepository } from '../requests/data-subject-request.repository';
import type { LegalHold } from '../requests/entities/legal-hold.entity';
import { DataSubjectRequestErrors } from '../requests/requests.errors';
import { RetentionScheduleService } from './retention-schedule.service';

export const RETENTION_SWEEP_JOB = 'privacy.retention-sweep';
export const DEFAULT_RETENTION_BATCH = 500;

export interface HolderRetention extends RetentionOutcome {
  holder: string;
}

/**
 * The retention sweep (SPEC §5; VERIFY T15): every holder deletes or de-identifies what its
 * declarations' retention rules say is due, in batches, and reports counts. Records under a legal
 * hold, and the data of people whose processing is restricted (Art. 18: storage only), are left alone.
 * Each rule's period is the tenant's effective one (its retention schedule), never a holder's constant.
 */
@Injectable()
export class RetentionSweeper {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly holders: PersonalDataHolders,
    private readonly requests: DataSubjectRequestRepository,
    private readonly schedule: RetentionScheduleService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** One tenant's sweep, in the caller's unit of work (one transaction: counts and deletions agree). */
  async sweep(tenantId: string, batchSize = DEFAULT_RETENTION_BATCH): Promise<HolderRetention[]> {
    // The tenant's effective period of each rule, read once: each holder passes it to its statements as a parameter.
    const intervalOf = await this.schedule.intervalsOf(tenantId);
    const held = new Set(await this.requests.heldRecords());
    const restrictedUserIds = new Set(await this.requests.restrictedUserIds());
    const outcomes: HolderRetention[] = [];
    for (const holder of this.holders.all()) {
      if (!holder.sweepRetention) continue;
      outcomes.push({ holder: holder.holder, ...(await holder.sweepRetention({ now: this.clock.now(), held, restrictedUserIds, batchSize, intervalOf })) });
    }
    return outcomes;
  }

  /**
   * The platform's own rows (tenant_id NULL: the operators' sessions and e-mail, attempt counters not
   * tied to a tenant), in the caller's platform unit of work, with the default periods. Nothing there is
   * under a legal hold or a restriction: both are a tenant's, asked of its privacy officer.
   */
  async sweepPlatform(batchSize = DEFAULT_RETENTION_BATCH): Promise<HolderRetention[]> {
    const sweep = { now: this.clock.now(), held: new Set<string>(), restrictedUserIds: new Set<string>(), batchSize, intervalOf: this.schedule.platformIntervals() };
    const outcomes: HolderRetention[] = [];
    for (const holder of this.holders.all()) {
      if (holder.sweepPlatformRetention) outcomes.push({ holder: holder.holder, ...(await holder.sweepPlatformRetention(sweep)) });
    }
    return outcomes;
  }

  /** The actor's tenant's sweep, on demand (privacy officers, tenant admins). */
  sweepCurrentTenant(batchSize: number): Promise<HolderRetention[]> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('The retention sweep runs within a tenant');
    return this.transactions.run(() => this.sweep(tenantId, batchSize));
  }

  /**
   * Places a legal hold on a record of the actor's tenant: the sweep leaves it alone. The record must
   * exist there, asked of the holder whose sweep honours its kind: a hold on a mistyped or another
   * tenant's id would protect nothing (NOT_FOUND, the same answer for both).
   */
  placeHold(record: string, reason: string): Promise<string> {
    const placedBy = personIdOf(this.context.actor);
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw DataSubjectRequestErrors.NO_ACCOUNT_FOR_REQUEST('Legal holds are placed within a tenant');
    const [kind, givenId] = record.split(':') as [string, string];
    const id = givenId.toLowerCase();
    const holder = this.holders.all().find((candidate) => candidate.legalHoldKinds?.includes(kind));
    return this.transactions.run(async () => {
      // The same answer whatever the id (another tenant's record, or none): the message does not repeat it.
      if (!(await holder?.hasHoldableRecord?.(kind, id))) throw DataSubjectRequestErrors.HELD_RECORD_NOT_FOUND(`Your tenant has no ${kind} with this id`, { field: 'input.record' });
      const holdId = await this.requests.placeHold(tenantId, `${kind}:${id}`, reason, placedBy, this.clock.now());
      // Audited like its release: a hold suspends the sweep and a person's erasure.
      await this.audit.record({ action: 'privacy.legalHold.placed', subjectType: 'LegalHold', subjectId: holdId, details: { kind } });
      return holdId;
    });
  }

  /** The actor's tenant's holds, newest first: in force only, or all. */
  holds(inForceOnly: boolean, first: number): Promise<LegalHold[]> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) return Promise.resolve([]);
    return this.transactions.run(() => this.requests.holds(tenantId, inForceOnly, first));
  }

  /** Releases a hold of the actor's tenant: the sweep and erasure treat its record as any other again. */
  releaseHold(holdId: string): Promise<string> {
    if (!this.context.actor.tenantId) throw new NotFoundError('Legal hold');
    return this.transactions.run(async () => {
      const released = await this.requests.releaseHold(holdId, this.clock.now());
      if (!released) throw new NotFoundError('Legal hold');
      await this.audit.record({ action: 'privacy.legalHold.released', subjectType: 'LegalHold', subjectId: holdId, details: { kind: released.record.split(':')[0]! } });
      return holdId;
    });
  }
}

/** The scheduled sweep: every tenant, each in its own transaction, then the platform's own rows, every night. */
@WorkerJob()
@Injectable()
export class RetentionSweepJob implements JobHandler<Record<string, never>> {
  readonly name = RETENTION_SWEEP_JOB;
  readonly schedule = '17 2 * * *';
  private readonly logger = new Logger(RetentionSweepJob.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantDirectoryService,
    private readonly sweeper: RetentionSweeper,
  ) {}

  async handle(): Promise<void> {
    for (const tenant of await this.tenants.list()) {
      const outcomes = await this.transactions.asSystem(tenant.id, () => this.sweeper.sweep(tenant.id));
      // Counts only: which holder, how many expired, deleted, de-identified, held.
      this.logger.log({ tenantId: tenant.id, retention: outcomes }, 'retention sweep');
    }
    const platform = await this.transactions.asSystem(null, () => this.sweeper.sweepPlatform());
    this.logger.log({ tenantId: null, retention: platform }, 'retention sweep');
  }
}
