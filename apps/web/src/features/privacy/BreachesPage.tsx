import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { categoryName, localInputToIso, usePrivacyReasons } from './shared';
import { TextAreaField } from './TextAreaField';

// PRIVACY_OFFICER@ownTenant reads every field of Breach.
const Breaches = graphql(`
  query Breaches {
    breaches {
      id
      reference
      becameAwareAt
      occurredAt
      authorityDeadline
      authorityNotifiedAt
      notifiable
      notNotifiableReason
      highRisk
      affectedPeople
      subjectsNotified
      subjectsNotifiedAt
      nature
      dataCategories
      notificationDraft
    }
  }
`);

const RegisterBreach = graphql(`
  mutation RegisterBreach($input: RegisterBreachInput!) {
    registerBreach(input: $input) {
      id
      reference
    }
  }
`);

const RecordAuthorityNotification = graphql(`
  mutation RecordBreachAuthorityNotification($input: RecordBreachAuthorityNotificationInput!) {
    recordBreachAuthorityNotification(input: $input) {
      id
    }
  }
`);

const NotifyBreachSubjects = graphql(`
  mutation NotifyBreachSubjects($breachId: ID!) {
    notifyBreachSubjects(breachId: $breachId) {
      id
    }
  }
`);

/** The categories the API accepts for a breach (RegisterBreachInput.dataCategories). */
const CATEGORIES = ['identification', 'contact', 'electronicIdentification', 'employment', 'signature', 'usageStatistics', 'companyData', 'credentials', 'security', 'correspondence', 'financial'];
const HOUR_MS = 3_600_000;

interface BreachForm {
  reference: string;
  becameAwareAt: string;
  occurredAt: string;
  nature: string;
  likelyConsequences: string;
  measures: string;
  dataCategories: string[];
  affectedRecords: string;
  flags: string[];
  notNotifiableReason: string;
}

const EMPTY: BreachForm = { reference: '', becameAwareAt: '', occurredAt: '', nature: '', likelyConsequences: '', measures: '', dataCategories: [], affectedRecords: '', flags: ['notifiable'], notNotifiableReason: '' };

/** The tenant's breach register (Art. 33(5)) with the 72-hour clock of each, and a form to record one. */
export default function BreachesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = usePrivacyReasons();
  const { data, error, loading, reload } = useLoad(() => request(Breaches));
  const [form, setForm] = useState<BreachForm>(EMPTY);
  const [done, setDone] = useState<string | null>(null);
  const [delayReason, setDelayReason] = useState<Record<string, string>>({});
  const set = <K extends keyof BreachForm>(key: K) => (value: BreachForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const now = Date.now();

  const record = useAction(async () => {
    const required: Array<[keyof BreachForm, string]> = [['reference', 'input.reference'], ['becameAwareAt', 'input.becameAwareAt'], ['nature', 'input.nature'], ['likelyConsequences', 'input.likelyConsequences'], ['measures', 'input.measures']];
    const notifiable = form.flags.includes('notifiable');
    const problems = required.filter(([key]) => !String(form[key]).trim()).map(([, field]) => ({ field, reason: 'required', constraint: 'required' }));
    if (form.dataCategories.length === 0) problems.push({ field: 'input.dataCategories', reason: 'choose one', constraint: 'arrayMinSize' });
    if (!notifiable && !form.notNotifiableReason.trim()) problems.push({ field: 'input.notNotifiableReason', reason: 'required', constraint: 'required' });
    if (problems.length) throw clientError(problems);
    const becameAwareAt = localInputToIso(form.becameAwareAt);
    if (!becameAwareAt) throw clientError([{ field: 'input.becameAwareAt', reason: 'not a date', constraint: 'invalid' }]);
    const occurredAt = localInputToIso(form.occurredAt);
    const result = await request(RegisterBreach, {
      input: {
        reference: form.reference.trim(),
        becameAwareAt,
        ...(occurredAt ? { occurredAt } : {}),
        nature: form.nature.trim(),
        likelyConsequences: form.likelyConsequences.trim(),
        measures: form.measures.trim(),
        dataCategories: form.dataCategories,
        ...(form.affectedRecords.trim() ? { affectedRecords: Number(form.affectedRecords) } : {}),
        involvesStaff: form.flags.includes('involvesStaff'),
        involvesAllOrganisations: form.flags.includes('involvesAll'),
        highRisk: form.flags.includes('highRisk'),
        notifiable,
        ...(notifiable ? {} : { notNotifiableReason: form.notNotifiableReason.trim() }),
      },
    });
    setForm(EMPTY);
    setDone(t('privacyDesk.breaches.recorded', { reference: result.registerBreach.reference ?? '' }));
    reload();
  });
  const notifyAuthority = useAction(async (breachId: string) => {
    const reason = delayReason[breachId]?.trim();
    await request(RecordAuthorityNotification, { input: { breachId, ...(reason ? { delayReason: reason } : {}) } });
    reload();
  });
  const notifySubjects = useAction(async (breachId: string) => {
    await request(NotifyBreachSubjects, { breachId });
    reload();
  });

  const clock = (deadline: string | null | undefined) => {
    if (!deadline) return null;
    const hours = Math.floor((new Date(deadline).getTime() - now) / HOUR_MS);
    return hours < 0 ? <span className="badge badge--alarm">{t('privacyDesk.breaches.late')}</span> : <span className="badge badge--info">{t('privacyDesk.breaches.hoursLeft', { count: hours })}</span>;
  };

  return (
    <>
      <PageTitle lead={t('privacyDesk.breaches.lead')}>{t('privacyDesk.breaches.title')}</PageTitle>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {loading && !data ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data && data.breaches.length === 0 ? <p>{t('privacyDesk.breaches.none')}</p> : null}
      {notifyAuthority.error || notifySubjects.error ? <Form error={notifyAuthority.error ?? notifySubjects.error} overrides={reasons} onSubmit={() => undefined} idScope="breach-action-"><span /></Form> : null}
      {(data?.breaches ?? []).map((breach) => (
        <article key={breach.id ?? ''} className="details--wide" aria-labelledby={`breach-${breach.id ?? ''}`}>
          <h2 id={`breach-${breach.id ?? ''}`}>{breach.reference}</h2>
          <dl className="details">
            <div>
              <dt>{t('privacyDesk.breaches.becameAwareAt')}</dt>
              <dd>{format.dateTime(breach.becameAwareAt)}</dd>
            </div>
            <div>
              <dt>{t('privacyDesk.breaches.deadline')}</dt>
              <dd>
                {!breach.notifiable ? (
                  <>
                    {t('privacyDesk.breaches.notNotifiable')} — {breach.notNotifiableReason}
                  </>
                ) : breach.authorityNotifiedAt ? (
                  t('privacyDesk.breaches.notified', { date: format.dateTime(breach.authorityNotifiedAt) })
                ) : (
                  <>
                    {format.dateTime(breach.authorityDeadline)} {clock(breach.authorityDeadline)}
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('privacyDesk.breaches.nature')}</dt>
              <dd className="prewrap">{breach.nature}</dd>
            </div>
            <div>
              <dt>{t('privacyDesk.breaches.categories')}</dt>
              <dd>{(breach.dataCategories ?? []).map(categoryName).join(', ')}</dd>
            </div>
            <div>
              <dt>{t('privacyDesk.breaches.affected')}</dt>
              <dd>
                {format.number(breach.affectedPeople ?? 0)}
                {breach.subjectsNotifiedAt ? <> — {t('privacyDesk.breaches.subjectsNotified', { count: breach.subjectsNotified ?? 0, date: format.date(breach.subjectsNotifiedAt) })}</> : null}
              </dd>
            </div>
          </dl>
          {breach.notificationDraft ? (
            <details>
              <summary>{t('privacyDesk.breaches.draft')}</summary>
              <pre className="prewrap">{breach.notificationDraft}</pre>
            </details>
          ) : null}
          {breach.notifiable && !breach.authorityNotifiedAt ? (
            <div className="form form--inline">
              {breach.authorityDeadline && new Date(breach.authorityDeadline).getTime() < now ? (
                <TextField name={`delay-${breach.id ?? ''}`} label={t('privacyDesk.breaches.delayReason')} hint={t('privacyDesk.breaches.delayReasonHint')} value={delayReason[breach.id ?? ''] ?? ''} onValue={(value) => setDelayReason((previous) => ({ ...previous, [breach.id ?? '']: value }))} />
              ) : null}
              <button type="button" className="button button--secondary" disabled={notifyAuthority.pending} onClick={() => void notifyAuthority.run(breach.id ?? '')}>
                {t('privacyDesk.breaches.notifyAuthority')}
              </button>
            </div>
          ) : null}
          {breach.highRisk && !breach.subjectsNotifiedAt ? (
            <p>
              <button type="button" className="button button--secondary" disabled={notifySubjects.pending} onClick={() => void notifySubjects.run(breach.id ?? '')}>
                {t('privacyDesk.breaches.notifySubjects')}
              </button>
            </p>
          ) : null}
        </article>
      ))}

      <section aria-labelledby="record-title">
        <h2 id="record-title">{t('privacyDesk.breaches.record')}</h2>
        <Form error={record.error} overrides={reasons} onSubmit={() => void record.run()} idScope="record-">
          <TextField name="input.reference" label={t('privacyDesk.breaches.reference')} value={form.reference} onValue={set('reference')} />
          <TextField name="input.becameAwareAt" label={t('privacyDesk.breaches.becameAwareAt')} hint={t('privacyDesk.breaches.becameAwareAtHint')} type="datetime-local" value={form.becameAwareAt} onValue={set('becameAwareAt')} />
          <TextField name="input.occurredAt" label={t('privacyDesk.breaches.occurredAt')} optional type="datetime-local" value={form.occurredAt} onValue={set('occurredAt')} />
          <TextAreaField name="input.nature" label={t('privacyDesk.breaches.nature')} value={form.nature} onValue={set('nature')} />
          <TextAreaField name="input.likelyConsequences" label={t('privacyDesk.breaches.consequences')} value={form.likelyConsequences} onValue={set('likelyConsequences')} />
          <TextAreaField name="input.measures" label={t('privacyDesk.breaches.measures')} value={form.measures} onValue={set('measures')} />
          <ChoiceGroup<string> name="input.dataCategories" legend={t('privacyDesk.breaches.categories')} type="checkbox" selected={form.dataCategories} onChange={set('dataCategories')} options={CATEGORIES.map((value) => ({ value, label: categoryName(value) }))} />
          <TextField name="input.affectedRecords" label={t('privacyDesk.breaches.affectedRecords')} optional type="number" min={0} inputMode="numeric" value={form.affectedRecords} onValue={set('affectedRecords')} />
          <ChoiceGroup<string>
            name="flags"
            legend={t('privacyDesk.breaches.details')}
            type="checkbox"
            selected={form.flags}
            onChange={set('flags')}
            options={[
              { value: 'notifiable', label: t('privacyDesk.breaches.notifiable') },
              { value: 'highRisk', label: t('privacyDesk.breaches.highRisk') },
              { value: 'involvesStaff', label: t('privacyDesk.breaches.involvesStaff') },
              { value: 'involvesAll', label: t('privacyDesk.breaches.involvesAll') },
            ]}
          />
          {form.flags.includes('notifiable') ? null : (
            <TextAreaField name="input.notNotifiableReason" label={t('privacyDesk.breaches.notNotifiableReason')} value={form.notNotifiableReason} onValue={set('notNotifiableReason')} />
          )}
          <SubmitButton pending={record.pending} pendingLabel={t('common.saving')}>
            {t('privacyDesk.breaches.submit')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
