import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, RequestContext, TransactionRunner } from '@chancery/core';
import { Tenant, TenantDirectoryService } from '@chancery/identity';
import { tenantOfActor } from '../shared/acting-tenant';
import { RetentionScheduleService } from '../retention/retention-schedule.service';
import { PrivacyOfficeErrors } from '../shared/privacy-office.errors';
import { SubProcessor } from '../sub-processors/sub-processor.entity';
import { SubProcessorService } from '../sub-processors/sub-processor.service';
import { ProcessingActivity } from './processing-activity.entity';
import { ProcessingActivityRepository } from './processing-activity.repository';
import { controllerRegister, ProcessingRegister, processorRegister, RegisterParty, RegisterSubProcessor, renderRegisterMarkdown, TenantRegisterEntry } from './processing-register';

export type RegisterFormat = 'JSON' | 'MARKDOWN';

/**
 * The register of processing activities (000 §2–3, 001, 002): one per tenant as controller, one for
 * the platform as processor, generated on demand from the declarations, the tenant's own entries and
 * the sub-processors in force, so it is never out of date. Exported as JSON or as a document.
 */
@Injectable()
export class ProcessingRegisterService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly activities: ProcessingActivityRepository,
    private readonly subProcessors: SubProcessorService,
    private readonly tenants: TenantDirectoryService,
    private readonly audit: AuditLog,
    private readonly retention: RetentionScheduleService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  ownEntries(): Promise<ProcessingActivity[]> {
    const tenantId = tenantOfActor(this.context.actor);
    return this.transactions.run(() => this.activities.listOfTenant(tenantId));
  }

  async addEntry(entry: TenantRegisterEntry): Promise<ProcessingActivity> {
    const tenantId = tenantOfActor(this.context.actor);
    return this.transactions.run(async () => {
      const added = await this.activities.insert({ tenantId, ...entry, dataSubjects: [...entry.dataSubjects], dataCategories: [...entry.dataCategories], recipients: [...entry.recipients], createdAt: this.clock.now() });
      await this.audit.record({ action: 'privacy.register.entryAdded', subjectType: 'ProcessingActivity', subjectId: added.id });
      return added;
    });
  }

  async removeEntry(id: string): Promise<ProcessingActivity> {
    const tenantId = tenantOfActor(this.context.actor);
    return this.transactions.run(async () => {
      const removed = await this.activities.delete(tenantId, id);
      if (!removed) throw PrivacyOfficeErrors.PROCESSING_ACTIVITY_NOT_FOUND('No such entry');
      await this.audit.record({ action: 'privacy.register.entryRemoved', subjectType: 'ProcessingActivity', subjectId: removed.id });
      return removed;
    });
  }

  /** The caller's tenant's register as controller. */
  currentTenantRegister(): Promise<ProcessingRegister> {
    return this.controllerRegisterOf(tenantOfActor(this.context.actor));
  }

  /** A tenant's register as controller; runs in the caller's scope (the tenant's own, or the system's for it). */
  async controllerRegisterOf(tenantId: string): Promise<ProcessingRegister> {
    const lists = await this.subProcessors.inForceFor(tenantId);
    return this.transactions.run(async () => {
      const [tenant] = await this.tenants.findByIds([tenantId]);
      const entries = await this.activities.listOfTenant(tenantId);
      const retentionPeriods = await this.retention.ownPeriodsOf(tenantId);
      return controllerRegister({
        controller: partyOf(tenant!),
        entries,
        retentionPeriods,
        subProcessors: [...lists.platform.map((s) => toRegister(s, 'platform')), ...lists.tenant.map((s) => toRegister(s, 'tenant'))],
      });
    });
  }

  /** The platform's register as processor (Art. 30(2)), for the operator. */
  async platformRegister(): Promise<ProcessingRegister> {
    const lists = await this.subProcessors.inForceFor(null);
    const tenants = await this.tenants.list();
    return processorRegister({ controllers: tenants.map(partyOf), subProcessors: lists.platform.map((s) => toRegister(s, 'platform')) });
  }

  render(register: ProcessingRegister, format: RegisterFormat): string {
    return format === 'JSON' ? `${JSON.stringify(register, null, 2)}\n` : renderRegisterMarkdown(register);
  }
}

function partyOf(tenant: Tenant): RegisterParty {
  return {
    name: tenant.name,
    legalEntityNumber: tenant.legalEntityNumber,
    address: `${tenant.street}, ${tenant.postalCode} ${tenant.city}, ${tenant.country}`,
    email: tenant.email,
    phone: tenant.phone,
    privacyContact: tenant.privacyContactEmail,
  };
}

function toRegister(s: SubProcessor, engagedBy: 'platform' | 'tenant'): RegisterSubProcessor {
  return { name: s.name, service: s.service, location: s.location, transferSafeguard: s.transferSafeguard, dataCategories: s.dataCategories, engagedBy };
}
