import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError, type FieldProblem } from '../../api/errors';
import { graphql } from '../../gql';
import type { ProcessingActivitiesQuery } from '../../gql/graphql';
import { translateDynamic } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, FieldShell, SelectField, TextField } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';
import { categoryName, usePrivacyReasons } from './shared';
import { DATA_CATEGORIES } from './SubProcessorsPage';

const ProcessingActivities = graphql(`
  query ProcessingActivities {
    processingActivities {
      id
      name
      purpose
      legalBasis
      dataSubjects
      dataCategories
      recipients
      transfers
      retention
      securityMeasures
      createdAt
    }
  }
`);

const AddProcessingActivity = graphql(`
  mutation AddProcessingActivity($input: AddProcessingActivityInput!) {
    addProcessingActivity(input: $input) {
      id
      name
    }
  }
`);

const RemoveProcessingActivity = graphql(`
  mutation RemoveProcessingActivity($id: ID!) {
    removeProcessingActivity(id: $id) {
      id
      name
    }
  }
`);

/** The lawful bases the API accepts (GDPR Art. 6(1)). */
const LEGAL_BASES = ['consent', 'contract', 'legalObligation', 'vitalInterest', 'publicInterest', 'legitimateInterest'] as const;

type Entry = ProcessingActivitiesQuery['processingActivities'][number];

interface EntryForm {
  name: string;
  purpose: string;
  legalBasis: string;
  dataSubjects: string;
  dataCategories: string[];
  recipients: string;
  transfers: string;
  retention: string;
  securityMeasures: string;
}

const EMPTY: EntryForm = { name: '', purpose: '', legalBasis: 'legitimateInterest', dataSubjects: '', dataCategories: [], recipients: '', transfers: 'none', retention: '', securityMeasures: '' };

/** One item per line (or comma), blanks left out. */
const listOf = (text: string) => [...new Set(text.split(/[\n,]/).map((item) => item.trim()).filter(Boolean))];

/**
 * The tenant's own entries of its register (Art. 30(1)): what the platform's declarations do not
 * cover (a newsletter, events, visitors). The privacy officer adds and removes them; the register
 * document beside is generated with them (`onChanged` reloads it).
 */
export function RegisterEntries({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = usePrivacyReasons();
  const entries = useLoad(() => request(ProcessingActivities));
  const [form, setForm] = useState<EntryForm>(EMPTY);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const set = <K extends keyof EntryForm>(key: K) => (value: EntryForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const basisName = (code: string | null | undefined) => (code ? (translateDynamic(`registerEntries.legalBases.${code}`) ?? code) : '');

  const add = useAction(async () => {
    const problems: FieldProblem[] = (['name', 'purpose', 'dataSubjects', 'transfers', 'retention', 'securityMeasures'] as const)
      .filter((key) => !form[key].trim())
      .map((key) => ({ field: `input.${key}`, reason: 'required', constraint: 'required' }));
    if (form.dataCategories.length === 0) problems.push({ field: 'input.dataCategories', reason: 'choose one', constraint: 'arrayMinSize' });
    if (problems.length) throw clientError(problems);
    const result = await request(AddProcessingActivity, {
      input: {
        name: form.name.trim(),
        purpose: form.purpose.trim(),
        legalBasis: form.legalBasis,
        dataSubjects: listOf(form.dataSubjects),
        dataCategories: form.dataCategories,
        recipients: listOf(form.recipients),
        transfers: form.transfers.trim(),
        retention: form.retention.trim(),
        securityMeasures: form.securityMeasures.trim(),
      },
    });
    setNotice(t('registerEntries.added', { name: result.addProcessingActivity.name ?? form.name.trim() }));
    setForm(EMPTY);
    entries.reload();
    onChanged();
  });
  const remove = useAction(async () => {
    if (!removing?.id) return;
    await request(RemoveProcessingActivity, { id: removing.id });
    setNotice(t('registerEntries.removed', { name: removing.name ?? '' }));
    setRemoving(null);
    entries.reload();
    onChanged();
  });

  return (
    <section aria-labelledby="own-entries-title">
      <h2 id="own-entries-title">{t('privacyDesk.register.entries')}</h2>
      <p>{t('registerEntries.lead')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {entries.loading && !entries.data ? <Loading /> : null}
      {entries.error ? <LoadError error={entries.error} onRetry={entries.reload} /> : null}
      {entries.data && entries.data.processingActivities.length === 0 ? <p>{t('privacyDesk.register.noEntries')}</p> : null}
      {entries.data && entries.data.processingActivities.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('registerEntries.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('registerEntries.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registerEntries.name')}</th>
                <th scope="col">{t('registerEntries.purpose')}</th>
                <th scope="col">{t('registerEntries.legalBasis')}</th>
                <th scope="col">{t('registerEntries.dataCategories')}</th>
                <th scope="col">{t('registerEntries.retention')}</th>
                <th scope="col">{t('registerEntries.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.data.processingActivities.map((entry) => (
                <tr key={entry.id ?? ''}>
                  <th scope="row">{entry.name}</th>
                  <td className="prewrap">{entry.purpose}</td>
                  <td>{basisName(entry.legalBasis)}</td>
                  <td>{(entry.dataCategories ?? []).map(categoryName).join(', ')}</td>
                  <td>{entry.retention}</td>
                  <td>{format.date(entry.createdAt)}</td>
                  <td className="actions">
                    <button type="button" className="button button--danger button--small" onClick={() => (setRemoving(entry), remove.setError(null))}>
                      {t('registerEntries.remove')}
                      <span className="visually-hidden"> {entry.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <section aria-labelledby="add-entry-title" className="panel">
        <h3 id="add-entry-title">{t('registerEntries.addTitle')}</h3>
        <Form error={add.error} overrides={reasons} onSubmit={() => void add.run()} idScope="entry-">
          <TextField name="input.name" label={t('registerEntries.name')} hint={t('registerEntries.nameHint')} value={form.name} onValue={set('name')} />
          <FieldShell name="input.purpose" label={t('registerEntries.purpose')}>
            {(a11y) => <textarea {...a11y} rows={2} value={form.purpose} onChange={(event) => set('purpose')(event.target.value)} />}
          </FieldShell>
          <SelectField name="input.legalBasis" label={t('registerEntries.legalBasis')} value={form.legalBasis} onValue={set('legalBasis')} options={LEGAL_BASES.map((value) => ({ value, label: basisName(value) }))} />
          <FieldShell name="input.dataSubjects" label={t('registerEntries.dataSubjects')} hint={t('registerEntries.onePerLine')}>
            {(a11y) => <textarea {...a11y} rows={2} value={form.dataSubjects} onChange={(event) => set('dataSubjects')(event.target.value)} />}
          </FieldShell>
          <ChoiceGroup<string> name="input.dataCategories" legend={t('registerEntries.dataCategories')} type="checkbox" selected={form.dataCategories} onChange={set('dataCategories')} options={DATA_CATEGORIES.map((value) => ({ value, label: categoryName(value) }))} />
          <FieldShell name="input.recipients" label={t('registerEntries.recipients')} hint={t('registerEntries.onePerLine')} optional>
            {(a11y) => <textarea {...a11y} rows={2} value={form.recipients} onChange={(event) => set('recipients')(event.target.value)} />}
          </FieldShell>
          <TextField name="input.transfers" label={t('registerEntries.transfers')} hint={t('registerEntries.transfersHint')} value={form.transfers} onValue={set('transfers')} />
          <TextField name="input.retention" label={t('registerEntries.retention')} hint={t('registerEntries.retentionHint')} value={form.retention} onValue={set('retention')} />
          <FieldShell name="input.securityMeasures" label={t('registerEntries.securityMeasures')}>
            {(a11y) => <textarea {...a11y} rows={2} value={form.securityMeasures} onChange={(event) => set('securityMeasures')(event.target.value)} />}
          </FieldShell>
          <SubmitButton pending={add.pending} pendingLabel={t('common.saving')}>
            {t('registerEntries.add')}
          </SubmitButton>
        </Form>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('registerEntries.removeTitle', { name: removing?.name ?? '' })}
        body={
          <>
            <ErrorSummary error={remove.error} overrides={reasons} />
            <p>{t('registerEntries.removeBody')}</p>
          </>
        }
        confirmLabel={t('registerEntries.remove')}
        pending={remove.pending}
        onConfirm={() => void remove.run()}
        onClose={() => setRemoving(null)}
      />
    </section>
  );
}
