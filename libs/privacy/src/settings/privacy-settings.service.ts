import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { tenantOfActor } from '../shared/acting-tenant';
import { PrivacySettings, RequestDeadlineRule } from './privacy-settings.entity';
import { PrivacySettingsRepository } from './privacy-settings.repository';

/** A tenant's privacy settings, with the defaults where it changed nothing. */
@Injectable()
export class PrivacySettingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly settings: PrivacySettingsRepository,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<PrivacySettings> {
    const tenantId = tenantOfActor(this.context.actor);
    const found = await this.transactions.run(() => this.settings.find(tenantId));
    return found ?? Object.assign(new PrivacySettings(), { tenantId, requestDeadlineRule: RequestDeadlineRule.ONE_MONTH, updatedAt: null, updatedBy: null });
  }

  async setRequestDeadlineRule(rule: RequestDeadlineRule): Promise<PrivacySettings> {
    const tenantId = tenantOfActor(this.context.actor);
    const by = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const saved = await this.settings.saveDeadlineRule(tenantId, rule, this.clock.now(), by);
      await this.audit.record({ action: 'privacy.settings.requestDeadlineRule', subjectType: 'PrivacySettings', subjectId: tenantId, details: { rule } });
      return saved;
    });
  }

  /** How `tenantId` counts the first deadline of a request; in the caller's unit of work (scoped to that tenant). */
  async requestDeadlineRuleOf(tenantId: string): Promise<RequestDeadlineRule> {
    return (await this.transactions.run(() => this.settings.find(tenantId)))?.requestDeadlineRule ?? RequestDeadlineRule.ONE_MONTH;
  }
}
