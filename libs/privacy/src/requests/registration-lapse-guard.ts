import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { TransactionRunner } from '@chancery/core';
import { IdentityErrors, REGISTRATION_LAPSED, RegistrationLapsed } from '@chancery/identity';
import { DataSubjectRequestRepository } from './data-subject-request.repository';

/**
 * A registration never confirmed is deleted when it lapses (identity), unless the privacy office
 * answers for its account: under a legal hold (`User:<id>`, an inquiry into who registered the
 * company) or restricted (Art. 18: storage only). The retention sweep leaves those alone by its
 * statements; a new registration of the same company or address asks here, in its unit of work.
 */
@Injectable()
export class RegistrationLapseGuard {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: DataSubjectRequestRepository,
  ) {}

  @OnEvent(REGISTRATION_LAPSED, { suppressErrors: false })
  async onRegistrationLapsed(event: RegistrationLapsed): Promise<void> {
    await this.transactions.run(async () => {
      const held = new Set(await this.requests.heldRecords());
      const restricted = new Set(await this.requests.restrictedUserIds());
      const kept = event.userIds.find((id) => held.has(`User:${id}`) || restricted.has(id));
      if (kept) throw IdentityErrors.REGISTRATION_KEPT('The account of the lapsed registration is under a legal hold or restricted', { details: { userId: kept } });
    });
  }
}
