import { Global, Injectable, Module } from '@nestjs/common';
import { AccountsService, IdentityModule, normaliseEmailAddress } from '@chancery/identity';
import { ProcessingRestrictions } from '@chancery/policy';
import { DataSubjectRequestRepository } from './data-subject-request.repository';

/**
 * The privacy context's answer to `ProcessingRestrictions`: the restrictions in force in the tenant
 * of the open unit of work (`processing_restriction`, lifted ones left out). A tenant restricts few
 * people at a time, so each question reads them all and compares.
 */
@Injectable()
export class PrivacyProcessingRestrictions extends ProcessingRestrictions {
  constructor(
    private readonly requests: DataSubjectRequestRepository,
    private readonly accounts: AccountsService,
  ) {
    super();
  }

  async restrictedAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const restricted = new Set(await this.requests.restrictedUserIds());
    return new Set(userIds.filter((id) => restricted.has(id)));
  }

  async restrictedAddressesAmong(addresses: readonly string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const restricted = new Set<string>();
    for (const userId of await this.requests.restrictedUserIds()) {
      const email = await this.accounts.emailOf(userId);
      if (email) restricted.add(normaliseEmailAddress(email));
    }
    return new Set(addresses.filter((address) => restricted.has(normaliseEmailAddress(address))));
  }
}

/**
 * Provides `ProcessingRestrictions` to every context of the process that imports the privacy context
 * (global: the outbox, the PDF renderer and the datasheets ask it without importing privacy, which
 * sits above them).
 */
@Global()
@Module({
  imports: [IdentityModule],
  providers: [DataSubjectRequestRepository, PrivacyProcessingRestrictions, { provide: ProcessingRestrictions, useExisting: PrivacyProcessingRestrictions }],
  exports: [ProcessingRestrictions],
})
export class ProcessingRestrictionsModule {}
