import { Injectable } from '@nestjs/common';
import { AccountsService } from '@chancery/identity';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, KeptOnErasure, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches } from '@chancery/policy';
import { toPersonalDataAccessType } from '../access-log/entities/personal-data-access.type';
import { PersonalDataAccessRepository } from '../access-log/personal-data-access.repository';
import { HOLDABLE_PRIVACY_RECORDS, DataSubjectRequestRepository } from '../requests/data-subject-request.repository';
import { SubProcessorRepository } from '../sub-processors/sub-processor.repository';
import { PrivacyPolicyRepository } from '../policy-versions/privacy-policy.repository';
import { CONFIRMATION_LINK_LIFETIME_MS, UNCONFIRMED_OUTCOME } from '../requests/confirmation-link';

/**
 * What the privacy office itself holds of a person: the access log's rows about them (ids and field
 * names only; append-only accountability, kept) and their requests (kept as evidence they were
 * answered in time, without the person's address or words once erased).
 */
@HoldsPersonalData()
@Injectable()
export class PrivacyPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'privacy.requests-and-access-log';
  readonly legalHoldKinds = Object.keys(HOLDABLE_PRIVACY_RECORDS);

  constructor(
    private readonly accesses: PersonalDataAccessRepository,
    private readonly requests: DataSubjectRequestRepository,
    private readonly subProcessors: SubProcessorRepository,
    private readonly policies: PrivacyPolicyRepository,
    private readonly accounts: AccountsService,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.requests.hasHoldableRecord(kind, id);
  }

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
      kept: [
        ...(accesses > 0 ? [{ what: KeptOnErasure.PERSONAL_DATA_ACCESS_LOG, records: accesses }] : []),
        ...(requests > 0 ? [{ what: KeptOnErasure.DATA_SUBJECT_REQUESTS, records: requests }] : []),
      ],
    };
  }

  /**
   * DATA_SUBJECT_REQUEST: once the evidence period after the answer is over, a request keeps its type,
   * dates and status (the office's statistics) and no longer names or quotes anyone. Then the
   * sub-processor objections and the access log (below).
   */
  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.DATA_SUBJECT_REQUEST);
    const { expired, held: heldCount } = await this.requests.countAnsweredPastRetention(sweep.now, retention, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.requests.deidentifyAnsweredPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    const unconfirmed = await this.closeUnconfirmedRequests(sweep);
    const objections = await this.sweepSubProcessorObjections(sweep);
    const accesses = await this.pruneAccessLog(sweep);
    const answers = await this.sweepPolicyAnswers(sweep);
    return {
      expired: expired + unconfirmed.expired + objections.expired + accesses.expired + answers.expired,
      deleted: accesses.deleted + answers.deleted,
      deidentified: deidentified + unconfirmed.deidentified + objections.deidentified,
      held: heldCount + unconfirmed.held + objections.held + accesses.held + answers.held,
    };
  }

  /**
   * A public request whose address was not confirmed while the link was valid never reached anyone
   * who could be identified: it is closed as refused (Art. 11(2), 12(6)), keeping its type and dates,
   * and no longer keeps the address and words of someone who may not be the person. Otherwise it would
   * wait in the officers' queue for ever, overdue after a month, with nothing they could do.
   */
  private async closeUnconfirmedRequests(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const receivedBy = new Date(sweep.now.getTime() - CONFIRMATION_LINK_LIFETIME_MS);
    const counted = await this.requests.countUnconfirmed(receivedBy, held, restricted);
    const closed = await inBatches(sweep.batchSize, () => this.requests.closeUnconfirmed(receivedBy, sweep.now, UNCONFIRMED_OUTCOME, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted: 0, deidentified: closed, held: counted.held };
  }

  /**
   * ACCOUNT, for the privacy office's records of an account: a closed account's answers to the
   * privacy-policy versions (accepted or objected, and why) are evidence while the account exists and
   * for the period after it closed; then they are deleted. A held account's (`User:<id>`) or a
   * restricted person's stay. Which accounts closed when is identity's to say.
   */
  private async sweepPolicyAnswers(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const closed = await this.accounts.closedPastRetention(sweep.now, sweep.intervalOf(RetentionRuleKey.ACCOUNT));
    if (closed.length === 0) return { expired: 0, deleted: 0, deidentified: 0, held: 0 };
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const counted = await this.policies.countResponsesOf(closed, held, restricted);
    const deleted = await inBatches(sweep.batchSize, () => this.policies.deleteResponsesOf(closed, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }

  /**
   * SUB_PROCESSOR_OBJECTION: once the period after the sub-processor objected to was removed is over,
   * the objection keeps the change, the company and the time (that it existed), naming and quoting no one.
   */
  private async sweepSubProcessorObjections(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.SUB_PROCESSOR_OBJECTION);
    const counted = await this.subProcessors.countObjectionsPastRetention(sweep.now, retention, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.subProcessors.deidentifyObjectionsPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted: 0, deidentified, held: counted.held };
  }

  /**
   * PERSONAL_DATA_ACCESS: entries older than the period are pruned, each run of them leaving a
   * checkpoint, so the chain of what remains verifies (see the pruning migration). Entries about or
   * by a person under a legal hold (`User:<id>`, `Organisation:<id>`) or restricted stay.
   */
  private async pruneAccessLog(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const spared = [...sparedSubjects(sweep.held), ...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.PERSONAL_DATA_ACCESS);
    const counted = await this.accesses.countPastRetention(sweep.now, retention, spared);
    const deleted = await inBatches(sweep.batchSize, () => this.accesses.prunePastRetention(sweep.now, retention, spared, sweep.batchSize));
    return { expired: counted.expired, deleted, deidentified: 0, held: counted.held };
  }
}

/** The people and companies a legal hold names (`User:<id>`, `Organisation:<id>`): the access log keeps what is about or by them. */
function sparedSubjects(held: ReadonlySet<string>): string[] {
  return [...held].flatMap((record) => {
    const match = /^(User|Organisation):([0-9a-f-]{36})$/i.exec(record);
    return match ? [match[2]!.toLowerCase()] : [];
  });
}
