import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLog } from '@chancery/audit';
import { BadUserInputError, DomainError, ErrorCode, NotFoundError, personIdOf, RequestContext, Role, TransactionRunner } from '@chancery/core';
import { assertWritable, canRead, EntityClass, PolicyWriteDeniedError } from '@chancery/policy';
import { Organisation } from '../entities/organisation.entity';
import { UserAccount } from '../entities/user-account.entity';
import { UpdateOrganisationInput, UpdateUserProfileInput } from '../inputs/identity.inputs';
import { isValidPostalCode } from '../validation/company-identifiers';

/**
 * Reads and updates of single records where the field declarations decide who may change what: a record the viewer
 * cannot see is "not found"; a field the viewer may not write is FORBIDDEN, named, and nothing is
 * written.
 */
@Injectable()
export class PolicedRecordsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  /** A user record as this viewer may see it; one the viewer may not see at all is "not found". */
  findUser(id: string): Promise<UserAccount> {
    return this.find(UserAccount, 'User', id, (manager, user) => this.withRoles(manager, user));
  }

  findOrganisation(id: string): Promise<Organisation> {
    return this.find(Organisation, 'Organisation', id, async (_manager, organisation) => organisation);
  }

  updateUserProfile(input: UpdateUserProfileInput): Promise<UserAccount> {
    const { userId, ...changes } = input;
    return this.update(UserAccount, 'User', userId, changes, async (manager, user) => {
      await manager.update(UserAccount, { id: user.id }, changes);
      await this.audit.record({ action: 'identity.user.profileUpdated', subjectType: 'User', subjectId: user.id, details: { fields: Object.keys(changes).sort().join(',') } });
      return this.withRoles(manager, await manager.findOneByOrFail(UserAccount, { id: user.id }));
    });
  }

  /** A signer sets their own signature image; the field's declaration lets only the person write it. */
  setSignatureImage(image: string): Promise<UserAccount> {
    const userId = personIdOf(this.context.actor);
    return this.update(UserAccount, 'User', userId, { signatureImage: image }, async (manager, user) => {
      await manager.update(UserAccount, { id: user.id }, { signatureImage: image });
      await this.audit.record({ action: 'identity.user.signatureImageSet', subjectType: 'User', subjectId: user.id });
      return this.withRoles(manager, await manager.findOneByOrFail(UserAccount, { id: user.id }));
    });
  }

  updateOrganisation(input: UpdateOrganisationInput): Promise<Organisation> {
    const { organisationId, ...changes } = input;
    return this.update(Organisation, 'Organisation', organisationId, changes, async (manager, organisation) => {
      if (changes.postalCode && !isValidPostalCode(changes.postalCode, organisation.country)) {
        throw BadUserInputError.field('input.postalCode', `is not a postal code of ${organisation.country}`, 'postalCode');
      }
      const normalised = { ...changes, ...(changes.iban ? { iban: changes.iban.replace(/\s/g, '').toUpperCase() } : {}), ...(changes.email ? { email: changes.email.toLowerCase() } : {}) };
      await manager.update(Organisation, { id: organisation.id }, normalised);
      await this.audit.record({ action: 'identity.organisation.updated', subjectType: 'Organisation', subjectId: organisation.id, details: { fields: Object.keys(changes).sort().join(',') } });
      return manager.findOneByOrFail(Organisation, { id: organisation.id });
    });
  }

  private async withRoles(manager: EntityManager, user: UserAccount): Promise<UserAccount> {
    const roles = (await manager.query(`SELECT role FROM user_role WHERE user_id = $1 ORDER BY role`, [user.id])) as Array<{ role: Role }>;
    user.roles = roles.map((r) => r.role);
    return user;
  }


  private find<T extends { id: string }>(
    cls: EntityClass<T> & (new () => T),
    what: string,
    id: string,
    complete: (manager: EntityManager, record: T) => Promise<T>,
  ): Promise<T> {
    return this.transactions.run(async (manager) => {
      const record = await manager.findOne(cls, { where: { id } as never });
      if (!record || !canRead(this.context.actor, cls, 'id', record)) throw new NotFoundError(what);
      return complete(manager, record);
    });
  }

  private update<T extends { id: string }>(
    cls: EntityClass<T> & (new () => T),
    what: string,
    id: string,
    changes: Record<string, unknown>,
    apply: (manager: EntityManager, record: T) => Promise<T>,
  ): Promise<T> {
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) throw BadUserInputError.field('input', 'names no field to change', 'empty');
    return this.transactions.run(async (manager) => {
      const record = await manager.findOne(cls, { where: { id } as never });
      const viewer = this.context.actor;
      // Someone who may not even see the record learns nothing from the answer.
      if (!record || !canRead(viewer, cls, 'id', record)) throw new NotFoundError(what);
      try {
        assertWritable(viewer, cls, record, given);
      } catch (error) {
        if (!(error instanceof PolicyWriteDeniedError)) throw error;
        const fields = error.deniedFields.map((field) => ({ field: `input.${field}`, reason: 'you may not change this field', constraint: 'policy' }));
        throw new DomainError(ErrorCode.FORBIDDEN, `Not allowed to change ${fields.map((f) => f.field).join(', ')}`, { fields });
      }
      return apply(manager, record);
    });
  }
}
