import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { demandPermission, Permission } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { assertWritable, canRead, canSee, originalOf } from '@chancery/policy';
import { ORGANISATION_DETAILS_CHANGED, OrganisationDetailsChanged, PERSON_DETAILS_CHANGED, PersonDetailsChanged } from '../accounts/account-events';
import { Organisation } from '../entities/organisation.entity';
import { UserAccount } from '../entities/user-account.entity';
import { IdentityErrors } from '../identity.errors';
import { UpdateOrganisationInput, UpdateUserProfileInput } from '../inputs/identity.inputs';
import { AccountRepository } from '../repositories/account.repository';
import { OrganisationRepository } from '../repositories/organisation.repository';
import { isValidPostalCode } from '../validation/company-identifiers';
import { normaliseEmailAddress } from '../validation/email-address';

/**
 * Reads and updates of single records where the field declarations decide who may change what: a
 * record the viewer cannot see is "not found"; a field the viewer may not write is FORBIDDEN, named,
 * and nothing is written.
 */
@Injectable()
export class PolicedRecordsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly accounts: AccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly events: EventEmitter2,
  ) {}

  /** A user record, if the viewer may see it at all; otherwise "not found", like a missing id. */
  findUser(id: string): Promise<UserAccount> {
    return this.transactions.run(async () => this.visible(UserAccount, await this.accounts.findById(id), () => IdentityErrors.USER_NOT_FOUND('User not found')));
  }

  findOrganisation(id: string): Promise<Organisation> {
    return this.transactions.run(async () =>
      this.visible(Organisation, await this.organisations.findById(id), () => IdentityErrors.ORGANISATION_NOT_FOUND('Organisation not found')),
    );
  }

  /** The tenant's companies the caller may see (staff: every one of its tenant), by name; see OrganisationRepository.list. */
  listOrganisations(nameContains: string | null, ids: readonly string[] | null, limit: number): Promise<Organisation[]> {
    return this.transactions.run(async () => (await this.organisations.list(nameContains, ids, limit)).filter((o) => canSee(this.context.actor, Organisation, o)));
  }

  /** `User.signatureImage`, loaded only when asked for (it is large), if the viewer may read it. */
  async signatureImageOf(presented: UserAccount): Promise<string | null> {
    const record = originalOf(presented);
    if (!record || !canRead(this.context.actor, UserAccount, 'signatureImage', record)) return null;
    return this.transactions.run(() => this.accounts.signatureImageOf(record.id));
  }

  updateUserProfile(input: UpdateUserProfileInput): Promise<UserAccount> {
    const { userId, ...changes } = input;
    const given = changed(changes);
    return this.transactions.run(async () => {
      const user = this.visible(UserAccount, await this.accounts.findById(userId), () => IdentityErrors.USER_NOT_FOUND('User not found'));
      assertWritable(this.context.actor, UserAccount, user, given);
      await this.accounts.updateProfile(user.id, given);
      await this.audit.record({ action: 'identity.user.profileUpdated', subjectType: 'User', subjectId: user.id, details: { fields: Object.keys(given).sort().join(',') } });
      // In this unit of work: the copies of these details elsewhere (a published contact) change with them.
      await this.events.emitAsync(PERSON_DETAILS_CHANGED, { userId: user.id, tenantId: user.tenantId } satisfies PersonDetailsChanged);
      return (await this.accounts.findById(user.id))!;
    });
  }

  /** A signer sets their own signature image; the field's declaration lets only the person write it. */
  setSignatureImage(image: string): Promise<UserAccount> {
    const userId = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const user = this.visible(UserAccount, await this.accounts.findById(userId), () => IdentityErrors.USER_NOT_FOUND('User not found'));
      assertWritable(this.context.actor, UserAccount, user, { signatureImage: image });
      await this.accounts.setSignatureImage(user.id, image);
      await this.audit.record({ action: 'identity.user.signatureImageSet', subjectType: 'User', subjectId: user.id });
      return user;
    });
  }

  updateOrganisation(input: UpdateOrganisationInput): Promise<Organisation> {
    const { organisationId, ...changes } = input;
    const given = changed(changes);
    return this.transactions.run(async () => {
      const organisation = this.visible(Organisation, await this.organisations.findById(organisationId), () => IdentityErrors.ORGANISATION_NOT_FOUND('Organisation not found'));
      assertWritable(this.context.actor, Organisation, organisation, given);
      // The bank account is a high-value change: it needs its own permission, with its step-up.
      if (given.iban !== undefined) demandPermission(this.context.actor, Permission.ChangeBankDetails, this.clock.now());
      if (typeof given.postalCode === 'string' && !isValidPostalCode(given.postalCode, organisation.country)) {
        throw IdentityErrors.INVALID_POSTAL_CODE(`is not a postal code of ${organisation.country}`, { field: 'input.postalCode' });
      }
      const normalised = {
        ...given,
        ...(typeof given.iban === 'string' ? { iban: given.iban.replace(/\s/g, '').toUpperCase() } : {}),
        ...(typeof given.email === 'string' ? { email: normaliseEmailAddress(given.email) } : {}),
      };
      const updated = await this.organisations.update(organisation.id, normalised);
      await this.audit.record({ action: 'identity.organisation.updated', subjectType: 'Organisation', subjectId: organisation.id, details: { fields: Object.keys(given).sort().join(',') } });
      await this.events.emitAsync(ORGANISATION_DETAILS_CHANGED, { organisationId: organisation.id, tenantId: organisation.tenantId } satisfies OrganisationDetailsChanged);
      return updated;
    });
  }

  private visible<T extends object>(cls: new () => T, record: T | null, notFound: () => Error): T {
    if (!record || !canSee(this.context.actor, cls, record)) throw notFound();
    return record;
  }
}

/** The fields an input actually sets; refuses an input that sets none. */
function changed<T extends object>(changes: T): Partial<T> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
  if (Object.keys(given).length === 0) throw IdentityErrors.NOTHING_TO_CHANGE('names no field to change', { field: 'input' });
  return given;
}
