import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep } from '@chancery/policy';
import { toPersonalDataAccessType } from '../access-log/entities/personal-data-access.type';
import { PersonalDataAccessRepository } from '../access-log/personal-data-access.repository';
import { DataSubjectRequestRepository } from '../requests/data-subject-request.repository';

/**
 * What the privacy office itself holds of a person: the access log's rows about them (ids and field
 * names only; append-only accountability, kept) and their requests (kept as evidence they were
 * answered in time, without the person's address or words once erased).
 */
@HoldsPersonalData()
@Injectable()
export class PrivacyPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'privacy.requests-and-access-log';

  constructor(
    private readonly accesses: PersonalDataAccessRepository,
    private readonly requests: DataSubjectRequestRepository,
  ) {}

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    if (!subject.userId) return [];
    const accesses = await this.accesses.newestFirst({ tenantId: subject.tenantId, subjectType: 'user', subjectId: subject.userId, first: 10_000 });
    return [
      // Who read is the reader's personal data, not the person's: the person sees it through myPersonalDataAccesses.
      ...accesses.map((access) => ({ record: toPersonalDataAccessType(access), aboutOthers: ['accessorId', 'accessorRoles'] })),
      ...(await this.requests.ofSubject(subject.userId)).map((record) => ({ record, aboutOthers: ['identityCheckedBy'] })),
    ];
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    const accesses = subject.userId
      ? (await this.accesses.newestFirst({ tenantId: subject.tenantId, subjectType: 'user', subjectId: subject.userId, first: 10_000 })).length
      : 0;
    const requests = await this.requests.countOfSubject(subject.userId, subject.email);
    const deidentified = await this.requests.deidentifySubject(subject.userId, subject.email);
    return {
      deleted: 0,
      deidentified,
      keptAsReference: accesses + requests - deidentified,
      reason: 'The personal-data access log (accountability, append-only) and the requests themselves (evidence they were answered in time) are kept with ids only.',
    };
  }

  /**
   * DATA_SUBJECT_REQUEST: once the evidence period after the answer is over, a request keeps its type,
   * dates and status (the office's statistics) and no longer names or quotes anyone. The access log is
   * append-only and hash-chained: it is not swept here (see docs/privacy.md).
   */
  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.DATA_SUBJECT_REQUEST);
    const { expired, held: heldCount } = await this.requests.countAnsweredPastRetention(sweep.now, retention, held, restricted);
    let deidentified = 0;
    for (;;) {
      const batch = await this.requests.deidentifyAnsweredPastRetention(sweep.now, retention, held, restricted, sweep.batchSize);
      deidentified += batch;
      if (batch < sweep.batchSize) break;
    }
    return { expired, deleted: 0, deidentified, held: heldCount };
  }
}
