import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches } from '@chancery/policy';
import { ATTEMPT_WINDOW_MS, COUNTER_KEPT_AFTER_WINDOW_MS } from '../attempt-limits';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { HOLDABLE_SESSION_RECORDS, SessionPersonalDataRepository } from '../repositories/session-personal-data.repository';

/**
 * A person's login sessions (IP address, browser): exported, deleted on erasure, deleted after they
 * end by rule LOGIN_SESSION, the tenant's and the operators' alike. With them go the counters of
 * failed attempts a day after their window (a hash of an address and a client address: no person's
 * record to export, but kept no longer than it serves).
 */
@HoldsPersonalData()
@Injectable()
export class SessionPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'auth.sessions';
  readonly legalHoldKinds = Object.keys(HOLDABLE_SESSION_RECORDS);

  constructor(
    private readonly sessions: SessionPersonalDataRepository,
    private readonly counters: LoginThrottleRepository,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sessions.hasHoldableRecord(kind, id);
  }

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    return subject.userId ? (await this.sessions.sessionsOf(subject.userId)).map((record) => ({ record })) : [];
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    return { deleted: subject.userId ? await this.sessions.deleteSessionsOf(subject.userId) : 0, deidentified: 0, keptAsReference: 0 };
  }

  /** The tenant's sessions and counters (row-level security scopes every statement to the unit's tenant). */
  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.LOGIN_SESSION);
    const counted = await this.sessions.countEndedBefore(sweep.now, retention, held, restricted);
    const deleted = await inBatches(sweep.batchSize, () => this.sessions.deleteEndedBefore(sweep.now, retention, held, restricted, sweep.batchSize));
    // Not in the counts: a counter is no record of a rule (nothing a person's export shows or a hold names).
    await this.sweepCounters(sweep);
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }

  /** The operators' sessions and the counters not tied to a tenant: the same statements in the platform's unit. */
  sweepPlatformRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    return this.sweepRetention(sweep);
  }

  private sweepCounters(sweep: RetentionSweep): Promise<number> {
    const before = new Date(sweep.now.getTime() - ATTEMPT_WINDOW_MS - COUNTER_KEPT_AFTER_WINDOW_MS);
    return inBatches(sweep.batchSize, () => this.counters.deleteWindowsStartedBefore(before, sweep.batchSize));
  }
}
