import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { AppConfig, RequestContext, TransactionRunner } from '@chancery/core';
import { Mailer } from '@chancery/notifications';
import { STAFF_SECOND_FACTOR_REQUIRED } from '../email/identity-emails';
import { IdentityErrors } from '../identity.errors';
import { AccountRepository } from '../repositories/account.repository';
import { TenantRepository } from '../repositories/tenant.repository';

/** A staff member is told of the requirement at most once in this time, however often it is switched on. */
const NOTICE_INTERVAL_MS = 24 * 60 * 60_000;

/** Whether the tenant requires a second factor of all its staff, and how many active staff members have none yet. */
export interface StaffSecondFactorRequirementState {
  required: boolean;
  staffWithoutSecondFactor: number;
}

/**
 * A tenant requiring a second factor of every staff member, not only of its signers and
 * administrators (review F13). The rule is `secondFactorRequired`, read with the account on every
 * request, so a staff member without one may only enrol from their next request on; this is the
 * setting, changed by the tenant's administrator, who has a second factor already (their role needs one).
 */
@Injectable()
export class StaffSecondFactorService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly tenants: TenantRepository,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly mailer: Mailer,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
  ) {}

  current(): Promise<StaffSecondFactorRequirementState> {
    const tenantId = this.ownTenant();
    return this.transactions.run(() => this.stateOf(tenantId));
  }

  /**
   * Requires (or no longer requires) a second factor of all the tenant's staff. Turned on, every active
   * staff member without one is e-mailed, in the same unit: the notices leave only if the change stands.
   * Setting what is already set changes nothing and records nothing.
   */
  async setRequirement(required: boolean): Promise<StaffSecondFactorRequirementState> {
    const tenantId = this.ownTenant();
    return this.transactions.run(async () => {
      const changed = await this.tenants.setStaffSecondFactorRequired(tenantId, required);
      if (!changed) throw IdentityErrors.TENANT_NOT_FOUND('No such tenant');
      if (changed.before === required) return this.stateOf(tenantId);
      if (!required) {
        await this.audit.record({ action: 'identity.staffSecondFactor.notRequired', subjectType: 'Tenant', subjectId: tenantId });
        return this.stateOf(tenantId);
      }
      const staff = await this.accounts.activeStaffWithoutSecondFactor(tenantId);
      const tenant = await this.tenants.findById(tenantId);
      let staffNotified = 0;
      for (const person of staff) {
        const queued = await this.mailer.queue(STAFF_SECOND_FACTOR_REQUIRED, {
          tenantId,
          to: person.email,
          language: person.preferredLanguage,
          values: { tenantName: tenant?.name ?? 'Chancery', loginLink: `${this.config.publicBaseUrl}/login` },
          // Switched off and on again, the setting tells nobody twice in a day.
          notAgainWithinMs: NOTICE_INTERVAL_MS,
        });
        if (queued) staffNotified += 1;
      }
      await this.audit.record({ action: 'identity.staffSecondFactor.required', subjectType: 'Tenant', subjectId: tenantId, details: { staffNotified } });
      return { required, staffWithoutSecondFactor: staff.length };
    });
  }

  private async stateOf(tenantId: string): Promise<StaffSecondFactorRequirementState> {
    return {
      required: await this.tenants.staffSecondFactorRequired(tenantId),
      staffWithoutSecondFactor: await this.accounts.countActiveStaffWithoutSecondFactor(tenantId),
    };
  }

  private ownTenant(): string {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw IdentityErrors.TENANT_NOT_FOUND('The setting belongs to a tenant');
    return tenantId;
  }
}
