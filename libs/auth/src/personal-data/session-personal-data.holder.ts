import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches } from '@chancery/policy';
import { HOLDABLE_SESSION_RECORDS, SessionPersonalDataRepository } from '../repositories/session-personal-data.repository';

/** A person's login sessions (IP address, browser): exported, deleted on erasure, deleted after they end by rule LOGIN_SESSION. */
@HoldsPersonalData()
@Injectable()
export class SessionPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'auth.sessions';
  readonly legalHoldKinds = Object.keys(HOLDABLE_SESSION_RECORDS);

  constructor(private readonly sessions: SessionPersonalDataRepository) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.sessions.hasHoldableRecord(kind, id);
  }

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    return subject.userId ? (await this.sessions.sessionsOf(subject.userId)).map((record) => ({ record })) : [];
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    return { deleted: subject.userId ? await this.sessions.deleteSessionsOf(subject.userId) : 0, deidentified: 0, keptAsReference: 0 };
  }

  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.LOGIN_SESSION);
    const counted = await this.sessions.countEndedBefore(sweep.now, retention, held, restricted);
    const deleted = await inBatches(sweep.batchSize, () => this.sessions.deleteEndedBefore(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }
}
