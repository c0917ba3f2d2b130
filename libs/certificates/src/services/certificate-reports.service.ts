import { Injectable } from '@nestjs/common';
import { holdsRole, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { isUniqueViolation, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { Tenant, TenantDirectoryService, TenantKind } from '@chancery/identity';
import { CertificateErrors } from '../certificates.errors';
import { BillableLine, ProcessingStatistic } from '../entities/certificate.entity';
import { CertificateSettings } from '../entities/public-verification.types';
import { CertificateSettingsInput } from '../inputs/certificate.inputs';
import { ApplicationRepository } from '../repositories/application.repository';
import { CertificateRepository } from '../repositories/certificate.repository';
import { assertChamberOfCommerce } from './applications.service';
import { defaultCertificateSettings, defaultNumberPrefix } from './certificates.service';

/** A tenant's fees and settings, the monthly billable export, and the processing statistics of its staff. */
@Injectable()
export class CertificateReportsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly certificates: CertificateRepository,
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly tenants: TenantDirectoryService,
  ) {}

  /** The chamber's settings as certificates are issued with them: the saved ones, else the defaults. */
  async settings(): Promise<CertificateSettings> {
    const tenant = await this.chamber();
    const saved = await this.transactions.run(() => this.certificates.settings());
    return saved ?? defaultCertificateSettings(tenant.id, tenant.country, tenant.slug);
  }

  /** The caller's tenant, a chamber: a certification body issues no certificates of origin, so it has no settings to keep. */
  private chamber(): Promise<Tenant> {
    return assertChamberOfCommerce(this.tenants, this.tenantId());
  }

  /**
   * A number prefix is one chamber's (numbers are unique across chambers): another chamber's saved
   * prefix is refused by the database's index, its default one (from its slug, never saved) here.
   */
  async saveSettings(input: CertificateSettingsInput): Promise<CertificateSettings> {
    const tenantId = (await this.chamber()).id;
    const taken = () => CertificateErrors.NUMBER_PREFIX_TAKEN('Another chamber numbers its certificates with this prefix', { field: 'input.numberPrefix' });
    if ((await this.tenants.list()).some((t) => t.id !== tenantId && t.kinds.includes(TenantKind.CHAMBER_OF_COMMERCE) && defaultNumberPrefix(t.country, t.slug) === input.numberPrefix)) throw taken();
    try {
      return await this.transactions.run(async () => {
        const saved = await this.certificates.saveSettings(Object.assign(new CertificateSettings(), { tenantId, ...input }));
        await this.audit.record({ action: 'certificates.settings.changed', subjectType: 'CertificateSettings', subjectId: tenantId, details: { ...input } });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'certificate_settings_number_prefix_key')) throw taken();
      throw error;
    }
  }

  /** Billable lines of a month (UTC), per company: the invoicing export. */
  async billableLines(month: string, organisationId?: string): Promise<BillableLine[]> {
    const match = /^(\d{4})-(\d{2})$/.exec(month);
    if (!match) throw CertificateErrors.MONTH_INVALID('The month must read YYYY-MM', { field: 'month' });
    // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999 ("0099-05" was May 1999).
    const [from, until] = [0, 1].map((next) => {
      const at = new Date(0);
      at.setUTCFullYear(Number(match[1]), Number(match[2]) - 1 + next, 1);
      return at;
    }) as [Date, Date];
    this.tenantId();
    return this.transactions.run(() => this.certificates.billableLines(from, until, organisationId ?? null));
  }

  /**
   * Applications each chamber user processed per month: a person's own, or anyone's of the tenant for
   * its administrator (SPEC §2; 004 §2.2). The output gate applies the same rule to every row.
   */
  async statistics(userId?: string): Promise<ProcessingStatistic[]> {
    const actor = this.context.actor;
    const me = personIdOf(actor);
    const tenantId = this.tenantId();
    const isAdmin = holdsRole(actor.roles, Role.TENANT_ADMIN);
    const subject = userId ?? (isAdmin ? null : me);
    if (subject !== null && subject !== me && !isAdmin) return [];
    return this.transactions.run(async () => {
      const [reviews, signatures] = await Promise.all([this.applications.reviewsPerMonth(subject), this.certificates.signaturesPerMonth(subject)]);
      return processingStatistics(tenantId, reviews, signatures);
    });
  }

  private tenantId(): string {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId || this.context.actor.organisationId) throw CertificateErrors.NOT_A_CHAMBER_CASE('Only the tenant’s staff see this');
    return tenantId;
  }
}

type MonthCount = { userId: string; month: string; count: number };

/** One row per user and month from the reviews and signatures counted (the reports, a data-subject export). */
export function processingStatistics(tenantId: string, reviews: readonly MonthCount[], signatures: readonly MonthCount[]): ProcessingStatistic[] {
  const rows = new Map<string, ProcessingStatistic>();
  const row = (u: string, month: string) => {
    const key = `${u}|${month}`;
    let found = rows.get(key);
    if (!found) rows.set(key, (found = Object.assign(new ProcessingStatistic(), { tenantId, userId: u, month, reviewed: 0, signed: 0 })));
    return found;
  };
  for (const r of reviews) row(r.userId, r.month).reviewed = r.count;
  for (const s of signatures) row(s.userId, s.month).signed = s.count;
  return [...rows.values()].sort((a, b) => b.month.localeCompare(a.month) || a.userId.localeCompare(b.userId));
}
