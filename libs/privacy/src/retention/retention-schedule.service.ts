import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { describePeriod, effectivePeriod, RETENTION_RULES, RetentionRule, RetentionRuleKey, retentionInterval, retentionRule, tenantPeriodBounds } from '@chancery/policy';
import { tenantOfActor } from '../shared/acting-tenant';
import { RetentionPeriod } from './retention-period.entity';
import { RetentionPeriodRepository } from './retention-period.repository';
import { RetentionErrors } from './retention.errors';

/** A tenant's own periods, by rule (only the rules it shortened). */
export type TenantRetentionPeriods = ReadonlyMap<RetentionRuleKey, number>;

/**
 * The tenant's retention schedule (issue 18 item 4): the catalogue's rules with the periods the
 * tenant shortened. A tenant admin or privacy officer sets a period within the rule's bounds; the
 * sweep, the register of processing and the data-subject export read the effective periods.
 */
@Injectable()
export class RetentionScheduleService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly periods: RetentionPeriodRepository,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  /** The caller's tenant's schedule: every rule of the catalogue, in its order. */
  async schedule(): Promise<RetentionPeriod[]> {
    const tenantId = tenantOfActor(this.context.actor);
    const rows = await this.transactions.run(() => this.periods.ofTenant(tenantId));
    const own = new Map(rows.map((r) => [r.rule, r]));
    return Object.values(RETENTION_RULES).map((rule) => entryOf(tenantId, rule, own.get(rule.key)));
  }

  /** Sets (or, with null, withdraws) the tenant's own period of a rule; refused outside the rule's bounds. */
  async setPeriod(key: RetentionRuleKey, period: number | null): Promise<RetentionPeriod> {
    const tenantId = tenantOfActor(this.context.actor);
    const by = personIdOf(this.context.actor);
    const rule = retentionRule(key);
    const bounds = tenantPeriodBounds(rule);
    if (!bounds) throw RetentionErrors.RETENTION_RULE_HAS_NO_PERIOD(`${key} keeps data until ${rule.countsFrom}`, { field: 'input.rule' });
    if (period !== null && period > bounds.max) {
      throw RetentionErrors.RETENTION_PERIOD_TOO_LONG(`At most ${describePeriod(rule, bounds.max)} for ${key}`, { field: 'input.period', details: { rule: key, maximum: bounds.max, unit: rule.unit } });
    }
    if (period !== null && period < bounds.min) {
      throw RetentionErrors.RETENTION_PERIOD_BELOW_LEGAL_MINIMUM(`At least ${describePeriod(rule, bounds.min)} for ${key}`, { field: 'input.period', details: { rule: key, minimum: bounds.min, unit: rule.unit } });
    }
    return this.transactions.run(async () => {
      let row: RetentionPeriod | undefined;
      if (period === null) await this.periods.remove(tenantId, key);
      else row = await this.periods.save(tenantId, key, period, this.clock.now(), by);
      await this.audit.record({ action: 'privacy.retention.periodSet', subjectType: 'RetentionPeriod', subjectId: tenantId, details: { rule: key, period, unit: rule.unit } });
      return entryOf(tenantId, rule, row);
    });
  }

  /** `tenantId`'s own periods, in the caller's unit of work (scoped to that tenant). */
  async ownPeriodsOf(tenantId: string): Promise<TenantRetentionPeriods> {
    return new Map((await this.periods.ofTenant(tenantId)).map((r) => [r.rule, r.period!]));
  }

  /** The interval each rule's sweep uses for `tenantId`: its own period, else the default. */
  async intervalsOf(tenantId: string): Promise<(rule: RetentionRuleKey) => string> {
    return intervalsWith(await this.ownPeriodsOf(tenantId));
  }

  /** The interval each rule's sweep uses for the platform's own rows: the defaults (the platform sets no period of its own). */
  platformIntervals(): (rule: RetentionRuleKey) => string {
    return intervalsWith(new Map());
  }
}

function intervalsWith(own: TenantRetentionPeriods): (rule: RetentionRuleKey) => string {
  return (key) => {
    const rule = retentionRule(key);
    const period = effectivePeriod(rule, own.get(key));
    if (period === null) throw new Error(`retention rule ${key} has no period to sweep by`);
    return retentionInterval(rule, period);
  };
}

function entryOf(tenantId: string, rule: RetentionRule, own: RetentionPeriod | undefined): RetentionPeriod {
  return Object.assign(new RetentionPeriod(), {
    tenantId,
    rule: rule.key,
    basis: rule.basis,
    countsFrom: rule.countsFrom,
    unit: rule.unit,
    defaultPeriod: rule.defaultPeriod,
    legalMinimum: rule.legalMinimum,
    legalMaximum: rule.legalMaximum,
    source: rule.source,
    period: effectivePeriod(rule, own?.period ?? undefined),
    updatedAt: own?.updatedAt ?? null,
    updatedBy: own?.updatedBy ?? null,
  });
}
