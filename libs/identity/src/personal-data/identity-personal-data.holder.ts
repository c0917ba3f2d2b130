import { Injectable } from '@nestjs/common';
import { DataSubject, ErasureOutcome, HeldRecord, HoldsPersonalData, KeptOnErasure, PersonalDataHolder, RetentionOutcome, RetentionRuleKey, RetentionSweep, inBatches, sumOutcomes } from '@chancery/policy';
import { erasedAddressOf, HOLDABLE_IDENTITY_RECORDS, IdentityPersonalDataRepository } from '../repositories/personal-data.repository';
import { RecoveryCodeRepository } from '../repositories/recovery-code.repository';
import { UnconfirmedRegistrations } from '../services/unconfirmed-registrations.service';

/**
 * Identity's personal data of a person: the account, its roles, one-time tokens, second-factor
 * recovery codes (in an export: when each was made and used; the hash is withheld like the
 * second-factor secret), and invitations sent to the person's address. Erasure de-identifies the account (its id stays the reference of the
 * audit trail, kept as evidence) and deletes the rest.
 */
@HoldsPersonalData()
@Injectable()
export class IdentityPersonalDataHolder implements PersonalDataHolder {
  readonly holder = 'identity.accounts';
  readonly legalHoldKinds = Object.keys(HOLDABLE_IDENTITY_RECORDS);

  constructor(
    private readonly data: IdentityPersonalDataRepository,
    private readonly unconfirmed: UnconfirmedRegistrations,
    private readonly recoveryCodes: RecoveryCodeRepository,
  ) {}

  hasHoldableRecord(kind: string, id: string): Promise<boolean> {
    return this.data.hasHoldableRecord(kind, id);
  }

  async recordsOf(subject: DataSubject): Promise<HeldRecord[]> {
    const records: HeldRecord[] = [];
    if (subject.userId) {
      const account = await this.data.account(subject.userId);
      if (account) {
        const roles = await this.data.roles(subject.userId);
        account.roles = roles.map((r) => r.role);
        records.push({ record: account }, ...roles.map((record) => ({ record, aboutOthers: ['grantedBy'] })));
        records.push(...(await this.recoveryCodes.allOf(subject.userId)).map((record) => ({ record })));
      }
    }
    if (subject.email) records.push(...(await this.data.invitationsTo(subject.email)).map((record) => ({ record })));
    return records;
  }

  async erase(subject: DataSubject): Promise<ErasureOutcome> {
    let deleted = 0;
    let deidentified = 0;
    if (subject.userId) {
      const account = await this.data.account(subject.userId);
      const email = account?.email ?? subject.email;
      deleted += await this.data.deleteRoles(subject.userId);
      deleted += await this.data.deleteOneTimeTokens(subject.userId);
      deleted += await this.recoveryCodes.deleteAllOf(subject.userId);
      if (email) deleted += await this.data.deleteInvitationsTo(email);
      deidentified += await this.data.deidentifyAccount(subject.userId, erasedAddressOf(subject.userId));
    }
    if (subject.email) deleted += await this.data.deleteInvitationsTo(subject.email);
    return {
      deleted,
      deidentified,
      keptAsReference: 0,
      reason: deidentified > 0 ? "The account's identifier is kept, without name, address, telephone or credentials: it is the reference of the audit trail kept as evidence (DigiChambers §4.3)." : undefined,
      kept: deidentified > 0 ? [{ what: KeptOnErasure.ACCOUNT_REFERENCE, records: deidentified }] : [],
    };
  }

  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const retention = sweep.intervalOf(RetentionRuleKey.INVITATION);
    const { expired, held: heldCount } = await this.data.countExpiredInvitations(sweep.now, retention, held);
    const deleted = await inBatches(sweep.batchSize, () => this.data.deleteExpiredInvitations(sweep.now, retention, held, sweep.batchSize));
    // USAGE_EVENT: the time of a last login past the period is forgotten (a restricted person's is not touched).
    const usage = sweep.intervalOf(RetentionRuleKey.USAGE_EVENT);
    const restricted = [...sweep.restrictedUserIds];
    const stale = await this.data.countStaleLastLogins(sweep.now, usage, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.data.forgetStaleLastLogins(sweep.now, usage, held, restricted, sweep.batchSize));
    const closed = await this.sweepClosedAccounts(sweep);
    const lapsed = await this.unconfirmed.sweepRetention(sweep);
    return sumOutcomes([{ expired, deleted, deidentified: 0, held: heldCount }, { ...stale, deleted: 0, deidentified }, closed, lapsed]);
  }

  /**
   * ACCOUNT: once the period after an account was closed (disabled) is over, it keeps its id and
   * nothing else of the person, as on erasure (roles, one-time tokens and recovery codes go with it).
   */
  private async sweepClosedAccounts(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const held = [...sweep.held];
    const restricted = [...sweep.restrictedUserIds];
    const retention = sweep.intervalOf(RetentionRuleKey.ACCOUNT);
    const counted = await this.data.countClosedPastRetention(sweep.now, retention, held, restricted);
    const deidentified = await inBatches(sweep.batchSize, () => this.data.deidentifyClosedPastRetention(sweep.now, retention, held, restricted, sweep.batchSize));
    return { expired: counted.expired, deleted: 0, deidentified, held: counted.held };
  }
}
