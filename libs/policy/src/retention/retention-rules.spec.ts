import { describeRetention, effectivePeriod, RETENTION_RULES, RetentionBasis, RetentionRuleKey, retentionInterval, retentionRule, tenantPeriodBounds } from './retention-rules';

describe('the retention rule catalogue', () => {
  it('gives every rule a basis, and a default period exactly when the basis counts one, within its legal bounds', () => {
    for (const rule of Object.values(RETENTION_RULES)) {
      expect(rule.defaultPeriod === null).toBe(rule.basis === RetentionBasis.UNTIL_WITHDRAWN);
      if (rule.defaultPeriod !== null && rule.legalMinimum !== null) expect(rule.defaultPeriod).toBeGreaterThanOrEqual(rule.legalMinimum);
      if (rule.defaultPeriod !== null && rule.legalMaximum !== null) expect(rule.defaultPeriod).toBeLessThanOrEqual(rule.legalMaximum);
    }
  });

  it('lets a tenant shorten down to a legal minimum and never lengthen', () => {
    expect(tenantPeriodBounds(retentionRule(RetentionRuleKey.INVOICING))).toEqual({ min: 7, max: 7 });
    expect(tenantPeriodBounds(retentionRule(RetentionRuleKey.CERTIFICATE_FILE))).toEqual({ min: 7, max: 10 });
    expect(tenantPeriodBounds(retentionRule(RetentionRuleKey.LOGIN_SESSION))).toEqual({ min: 0, max: 12 });
    expect(tenantPeriodBounds(retentionRule(RetentionRuleKey.ABANDONED_APPLICATION))).toEqual({ min: 0, max: 12 });
    expect(tenantPeriodBounds(retentionRule(RetentionRuleKey.PUBLISHED_CONTACT))).toBeNull();
    // A stored period outside the bounds is held inside them.
    expect(effectivePeriod(retentionRule(RetentionRuleKey.LOGIN_SESSION), 24)).toBe(12);
    expect(effectivePeriod(retentionRule(RetentionRuleKey.CERTIFICATE_FILE), 2)).toBe(7);
    expect(effectivePeriod(retentionRule(RetentionRuleKey.LOGIN_SESSION), undefined)).toBe(12);
  });

  it('gives the sweep one interval literal per rule, and the register the rule in words', () => {
    expect(retentionInterval(retentionRule(RetentionRuleKey.DELIVERED_MESSAGE), 90)).toBe('90 days');
    expect(describeRetention(RetentionRuleKey.LOGIN_SESSION, new Map([[RetentionRuleKey.LOGIN_SESSION, 3]]))).toBe(
      "LOGIN_SESSION: 3 months after the session ends (tenant's period; platform default 12 months, legal maximum 12 months)",
    );
    expect(describeRetention(RetentionRuleKey.INVOICING)).toBe('INVOICING: kept by legal duty: 7 years after the invoicing file closes (platform default, legal minimum 7 years)');
  });
});
