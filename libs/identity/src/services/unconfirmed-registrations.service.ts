import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AuditLog } from '@chancery/audit';
import { DomainError, sqlStateOf, TransactionRunner } from '@chancery/core';
import { RetentionOutcome, RetentionRuleKey, RetentionSweep } from '@chancery/policy';
import { REGISTRATION_LAPSED, RegistrationLapsed } from '../accounts/account-events';
import { LapsedRegistration, UnconfirmedRegistrationRepository } from '../repositories/unconfirmed-registration.repository';

/** How long the link to confirm a registration's address works. */
export const EMAIL_CONFIRMATION_LIFETIME_MS = 48 * 3600_000;
const LINK_LIFETIME = `${EMAIL_CONFIRMATION_LIFETIME_MS / 3600_000} hours`;

/** foreign_key_violation: something refers to the registration. */
const REFERRED_TO = '23503';

/**
 * A registration whose address is never confirmed lapses when its link expires: nobody can ever use
 * it, and it must not keep the company (its VAT number) or the address from registering for good,
 * which let anyone block a company's registration with a chamber by registering it with an address of
 * their own. A lapsed registration is deleted when the company or the address registers again, and
 * by the retention sweep after UNCONFIRMED_REGISTRATION. One the chamber has acted on (anything refers
 * to the company or its account) is kept, and so is one a listener of REGISTRATION_LAPSED keeps
 * (throwing IdentityErrors.REGISTRATION_KEPT: the privacy context, for a legal hold or a restriction).
 */
@Injectable()
export class UnconfirmedRegistrations {
  constructor(
    private readonly registrations: UnconfirmedRegistrationRepository,
    private readonly transactions: TransactionRunner,
    private readonly events: EventEmitter2,
    private readonly audit: AuditLog,
  ) {}

  /** Deletes the lapsed registrations of this company number or this address in the tenant. In the caller's unit. */
  async clearTheWayFor(tenantId: string, companyNumber: string, email: string, now: Date): Promise<void> {
    for (const lapsed of await this.registrations.lapsedInTheWayOf(tenantId, companyNumber, email, now, LINK_LIFETIME)) {
      await this.remove(lapsed, 'registered again');
    }
  }

  /**
   * The retention sweep's part (rule UNCONFIRMED_REGISTRATION), in the tenant's unit: every registration
   * lapsed longer than the period, in batches; one kept (referred to) counts as held.
   */
  async sweepRetention(sweep: RetentionSweep): Promise<RetentionOutcome> {
    const retention = sweep.intervalOf(RetentionRuleKey.UNCONFIRMED_REGISTRATION);
    const kept: string[] = [];
    let deleted = 0;
    for (;;) {
      const batch = await this.registrations.lapsedPastRetention(sweep.now, LINK_LIFETIME, retention, [...sweep.held], [...sweep.restrictedUserIds], kept, sweep.batchSize);
      for (const lapsed of batch) {
        if (await this.remove(lapsed, 'retention (UNCONFIRMED_REGISTRATION)')) deleted += 1;
        else kept.push(lapsed.organisationId);
      }
      if (batch.length < sweep.batchSize) break;
    }
    return { expired: deleted + kept.length, deleted, deidentified: 0, held: kept.length };
  }

  /**
   * Deletes one lapsed registration as a step of the caller's unit: the contexts above first (the
   * event), then the company and its accounts; audited. False, with nothing changed: something refers to it.
   */
  private async remove(lapsed: LapsedRegistration, reason: string): Promise<boolean> {
    try {
      await this.transactions.step(async () => {
        await this.events.emitAsync(REGISTRATION_LAPSED, { tenantId: lapsed.tenantId, organisationId: lapsed.organisationId, userIds: lapsed.userIds } satisfies RegistrationLapsed);
        await this.registrations.remove(lapsed.organisationId);
      });
    } catch (error) {
      // Something refers to it, or a listener keeps it (the privacy context: a legal hold, a restriction).
      if (sqlStateOf(error) === REFERRED_TO || (error instanceof DomainError && error.reason === 'REGISTRATION_KEPT')) return false;
      throw error;
    }
    await this.audit.record({
      action: 'identity.registration.lapsed', subjectType: 'Organisation', subjectId: lapsed.organisationId, tenantId: lapsed.tenantId,
      details: { accounts: lapsed.userIds.join(','), reason },
    });
    return true;
  }
}
