import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { RetentionScheduleQuery } from '../../gql/graphql';
import { translateDynamic } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { LegalHoldsSection } from './LegalHoldsSection';
import { RetentionSweepSection } from './RetentionSweepSection';

// PRIVACY_OFFICER and TENANT_ADMIN @ownTenant read every field of RetentionPeriod.
const RetentionSchedule = graphql(`
  query RetentionSchedule {
    retentionSchedule {
      rule
      basis
      unit
      defaultPeriod
      legalMinimum
      legalMaximum
      period
      updatedAt
    }
  }
`);

const SetRetentionPeriod = graphql(`
  mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {
    setRetentionPeriod(input: $input) {
      rule
      period
      unit
    }
  }
`);

type Rule = RetentionScheduleQuery['retentionSchedule'][number];

/** The refusals of the retention schedule (docs/errors.md), as the screen's own sentences. */
const RETENTION_REASONS = ['RETENTION_PERIOD_TOO_LONG', 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM', 'RETENTION_RULE_HAS_NO_PERIOD'] as const;

/** The shortest and longest period the tenant may set (the API's rule: down to a legal minimum, never past the default or a legal maximum). */
function boundsOf(rule: Rule): { min: number; max: number } | null {
  if (rule.defaultPeriod === null || rule.defaultPeriod === undefined) return null;
  return { min: rule.legalMinimum ?? 0, max: Math.min(rule.defaultPeriod, rule.legalMaximum ?? rule.defaultPeriod) };
}

/**
 * The tenant's retention schedule (privacy officer, tenant admin): every retention rule with its
 * basis, the platform's default, the legal bounds and the period in force; a form to shorten one, and
 * a way back to the default. The nightly sweep deletes or de-identifies by these periods.
 */
export default function RetentionSchedulePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useLoad(() => request(RetentionSchedule));
  const [ruleKey, setRuleKey] = useState('');
  const [period, setPeriod] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const reasons = useMemo(() => Object.fromEntries(RETENTION_REASONS.map((reason) => [reason, t(`retentionSchedule.reasons.${reason}`)])), [t]);

  const rules = loaded.data?.retentionSchedule ?? [];
  const ruleName = (key: string | null | undefined) => (key ? (translateDynamic(`retentionSchedule.rules.${key}`) ?? key) : '');
  const amount = (value: number | null | undefined, unit: string | null | undefined) => {
    if (value === null || value === undefined || !unit) return '—';
    if (value === 0) return t('retentionSchedule.atOnce');
    return translateDynamic(`retentionSchedule.units.${unit}`, { count: value }) ?? `${value} ${unit}`;
  };
  /** A number of days, months or years, zero included (the form's bounds). */
  const counted = (value: number, unit: string | null | undefined) => translateDynamic(`retentionSchedule.units.${unit ?? ''}`, { count: value }) ?? String(value);
  /** The legal minimum and maximum of a rule, in words; empty when no law bounds it. */
  const legalBounds = (rule: Rule) =>
    [
      rule.legalMinimum != null ? t('retentionSchedule.minimum', { period: amount(rule.legalMinimum, rule.unit) }) : null,
      rule.legalMaximum != null ? t('retentionSchedule.maximum', { period: amount(rule.legalMaximum, rule.unit) }) : null,
    ].filter(Boolean).join('; ');
  const shortenable = rules.filter((rule) => {
    const bounds = boundsOf(rule);
    return bounds !== null && bounds.min < bounds.max;
  });
  const chosen = shortenable.find((rule) => rule.rule === ruleKey) ?? shortenable[0];
  const chosenBounds = chosen ? boundsOf(chosen) : null;

  const shorten = useAction(async () => {
    if (!chosen?.rule || !chosenBounds) return;
    const value = Number(period.trim());
    if (!period.trim() || !Number.isInteger(value)) throw clientError([{ field: 'input.period', reason: 'a whole number', constraint: 'isInt' }]);
    if (value > chosenBounds.max) throw clientError([{ field: 'input.period', reason: 'too long', constraint: 'RETENTION_PERIOD_TOO_LONG' }]);
    if (value < chosenBounds.min) throw clientError([{ field: 'input.period', reason: 'too short', constraint: 'RETENTION_PERIOD_BELOW_LEGAL_MINIMUM' }]);
    const saved = (await request(SetRetentionPeriod, { input: { rule: chosen.rule, period: value } })).setRetentionPeriod;
    setNotice(t('retentionSchedule.saved', { rule: ruleName(saved.rule), period: amount(saved.period, saved.unit) }));
    setPeriod('');
    loaded.reload();
  });
  const restore = useAction(async (rule: Rule) => {
    if (!rule.rule) return;
    const saved = (await request(SetRetentionPeriod, { input: { rule: rule.rule, period: null } })).setRetentionPeriod;
    setNotice(t('retentionSchedule.restored', { rule: ruleName(saved.rule), period: amount(saved.period, saved.unit) }));
    loaded.reload();
  });

  return (
    <>
      <PageTitle lead={t('retentionSchedule.lead')}>{t('retentionSchedule.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={restore.error} overrides={reasons} />
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {rules.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('retentionSchedule.title')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('retentionSchedule.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('retentionSchedule.rule')}</th>
                <th scope="col">{t('retentionSchedule.basis')}</th>
                <th scope="col">{t('retentionSchedule.default')}</th>
                <th scope="col">{t('retentionSchedule.inForce')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.rule ?? ''}>
                  <th scope="row">{ruleName(rule.rule)}</th>
                  <td>{rule.basis ? (translateDynamic(`retentionSchedule.bases.${rule.basis}`) ?? rule.basis) : ''}</td>
                  <td>
                    {amount(rule.defaultPeriod, rule.unit)}
                    {legalBounds(rule) ? <span className="cell-note">{legalBounds(rule)}</span> : null}
                  </td>
                  <td>
                    {amount(rule.period, rule.unit)}
                    {rule.updatedAt ? (
                      <>
                        <span className="cell-note">{t('retentionSchedule.shortenedOn', { date: format.date(rule.updatedAt) })}</span>
                        <button type="button" className="button button--secondary button--small" disabled={restore.pending} onClick={() => void restore.run(rule)}>
                          {t('retentionSchedule.restore')}
                          <span className="visually-hidden"> {ruleName(rule.rule)}</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {chosen && chosenBounds ? (
        <section aria-labelledby="shorten-title" className="panel">
          <h2 id="shorten-title">{t('retentionSchedule.shortenTitle')}</h2>
          <p>{t('retentionSchedule.shortenLead')}</p>
          <Form error={shorten.error} overrides={reasons} onSubmit={() => void shorten.run()} idScope="retention-">
            <SelectField
              name="input.rule"
              label={t('retentionSchedule.rule')}
              value={chosen.rule ?? ''}
              onValue={(value) => (setRuleKey(value), shorten.setError(null))}
              options={shortenable.map((rule) => ({ value: rule.rule ?? '', label: ruleName(rule.rule) }))}
            />
            <TextField
              name="input.period"
              label={t('retentionSchedule.newPeriod', { unit: translateDynamic(`retentionSchedule.unitNames.${chosen.unit}`) ?? chosen.unit })}
              hint={t('retentionSchedule.periodHint', { min: counted(chosenBounds.min, chosen.unit), max: counted(chosenBounds.max, chosen.unit) })}
              type="number"
              inputMode="numeric"
              min={chosenBounds.min}
              max={chosenBounds.max}
              step={1}
              value={period}
              onValue={setPeriod}
            />
            <SubmitButton pending={shorten.pending} pendingLabel={t('common.saving')}>
              {t('retentionSchedule.shorten')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <RetentionSweepSection />
      <LegalHoldsSection />
    </>
  );
}
