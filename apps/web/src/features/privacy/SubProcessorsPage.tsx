import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError, type FieldProblem } from '../../api/errors';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { SubProcessorChangeKind } from '../../gql/graphql';
import { sortedCountries, useFormat } from '../../i18n/format';
import { HiddenValue, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, FieldShell, SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { categoryName, localInputToIso, usePrivacyReasons } from './shared';

const TenantSubProcessors = graphql(`
  query TenantSubProcessors($slug: String!) {
    subProcessors(tenantSlug: $slug) {
      id
      name
      service
      location
      dataCategories
      transferSafeguard
      effectiveFrom
      effectiveUntil
    }
    subProcessorChanges(tenantSlug: $slug) {
      id
      kind
      description
      announcedAt
      objectionDeadline
      effectiveAt
      customersNotified
    }
    subProcessorObjections {
      id
      changeId
      organisationId
      reason
      objectedAt
    }
  }
`);

const ObjectingCompany = graphql(`
  query ObjectingCompany($id: ID!) {
    organisation(id: $id) {
      id
      name
    }
  }
`);

const AnnounceSubProcessorChange = graphql(`
  mutation AnnounceSubProcessorChange($input: AnnounceSubProcessorChangeInput!) {
    announceSubProcessorChange(input: $input) {
      id
      customersNotified
      objectionDeadline
    }
  }
`);

/** The categories the API knows (the register's vocabulary). */
export const DATA_CATEGORIES = ['identification', 'contact', 'electronicIdentification', 'employment', 'signature', 'usageStatistics', 'companyData', 'credentials', 'security', 'correspondence', 'financial'];
/** The API's least objection window (libs/privacy: DEFAULT_OBJECTION_WINDOW_DAYS). */
const LEAST_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the day `days` after today (local). */
function dayAfter(days: number): string {
  const date = new Date(Date.now() + days * DAY_MS);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

interface ChangeForm {
  kind: SubProcessorChangeKind;
  description: string;
  windowDays: string;
  effectiveOn: string;
  name: string;
  service: string;
  location: string;
  dataCategories: string[];
  transferSafeguard: string;
  subProcessorId: string;
}

const emptyForm = (): ChangeForm => ({
  kind: 'ADDITION', description: '', windowDays: String(LEAST_WINDOW_DAYS), effectiveOn: dayAfter(LEAST_WINDOW_DAYS + 1),
  name: '', service: '', location: 'BE', dataCategories: [], transferSafeguard: '', subProcessorId: '',
});

/**
 * The tenant's sub-processors (privacy officer, tenant admin): the list in force, the changes
 * announced with their objection windows, the customers' objections, and a form to announce one.
 */
export default function SubProcessorsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session } = useSession();
  const reasons = usePrivacyReasons();
  const subProcessorReasons = useSubProcessorReasons();
  const overrides = useMemo(() => ({ ...reasons, ...subProcessorReasons }), [reasons, subProcessorReasons]);
  const slug = session?.tenantSlug ?? '';
  const loaded = useLoad(() => request(TenantSubProcessors, { slug }), [slug]);
  const [form, setForm] = useState<ChangeForm>(emptyForm);
  const [notice, setNotice] = useState<string | null>(null);
  const countries = useMemo(() => sortedCountries(format), [format]);
  const set = <K extends keyof ChangeForm>(key: K) => (value: ChangeForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const now = Date.now();

  const current = (loaded.data?.subProcessors ?? []).filter((entry) => !entry.effectiveUntil || Date.parse(entry.effectiveUntil) > now);
  const changes = loaded.data?.subProcessorChanges ?? [];
  const objections = loaded.data?.subProcessorObjections ?? [];

  const announce = useAction(async () => {
    const problems: FieldProblem[] = [];
    const required = (value: string, field: string) => !value.trim() && problems.push({ field, reason: 'required', constraint: 'required' });
    required(form.description, 'input.description');
    if (form.kind === 'ADDITION') {
      required(form.name, 'input.newSubProcessor.name');
      required(form.service, 'input.newSubProcessor.service');
    } else required(form.subProcessorId, 'input.subProcessorId');
    const windowDays = Number(form.windowDays);
    if (!Number.isInteger(windowDays) || windowDays < LEAST_WINDOW_DAYS) problems.push({ field: 'input.objectionWindowDays', reason: 'at least 30', constraint: 'min' });
    // The change takes effect at the start of the chosen day, local time.
    const effectiveAt = localInputToIso(form.effectiveOn ? `${form.effectiveOn}T00:00` : '');
    if (!effectiveAt) problems.push({ field: 'input.effectiveAt', reason: 'required', constraint: 'required' });
    if (problems.length) throw clientError(problems);
    const result = await request(AnnounceSubProcessorChange, {
      input: {
        kind: form.kind,
        description: form.description.trim(),
        objectionWindowDays: windowDays,
        effectiveAt: effectiveAt!,
        ...(form.kind === 'ADDITION'
          ? {
              newSubProcessor: {
                name: form.name.trim(),
                service: form.service.trim(),
                location: form.location,
                dataCategories: form.dataCategories,
                ...(form.transferSafeguard.trim() ? { transferSafeguard: form.transferSafeguard.trim() } : {}),
              },
            }
          : { subProcessorId: form.subProcessorId }),
      },
    });
    const announced = result.announceSubProcessorChange;
    setNotice(t('subProcessors.announced', { count: announced.customersNotified ?? 0, date: format.date(announced.objectionDeadline) }));
    setForm(emptyForm());
    loaded.reload();
  });

  if (!slug) return null;
  const changeDescription = (changeId: string | null | undefined) => changes.find((change) => change.id === changeId)?.description ?? '';

  return (
    <>
      <PageTitle lead={t('subProcessors.lead')}>{t('subProcessors.title')}</PageTitle>
      <p>
        <Link to={`/privacy/${slug}`}>{t('subProcessors.publicPage')}</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.error ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : null}
      {loaded.data ? (
        <>
          <section>
            <h2 id="current-title">{t('subProcessors.currentTitle')}</h2>
            {loaded.data.subProcessors.length === 0 ? (
              <p>{t('privacyDesk.notice.noSubProcessors')}</p>
            ) : (
              <div className="table-wrap" role="region" aria-labelledby="current-title" tabIndex={0}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('privacyDesk.notice.name')}</th>
                      <th scope="col">{t('privacyDesk.notice.service')}</th>
                      <th scope="col">{t('privacyDesk.notice.location')}</th>
                      <th scope="col">{t('privacyDesk.notice.categories')}</th>
                      <th scope="col">{t('subProcessors.period')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.data.subProcessors.map((entry) => (
                      <tr key={entry.id ?? ''}>
                        <th scope="row">{entry.name}</th>
                        <td>{entry.service}</td>
                        <td>
                          {format.country(entry.location)}
                          {entry.transferSafeguard ? (
                            <>
                              <br />
                              <span className="muted">
                                {t('privacyDesk.notice.safeguard')}: {entry.transferSafeguard}
                              </span>
                            </>
                          ) : null}
                        </td>
                        <td>{(entry.dataCategories ?? []).map(categoryName).join(', ')}</td>
                        <td>
                          {Date.parse(entry.effectiveFrom ?? '') > now ? t('subProcessors.from', { date: format.date(entry.effectiveFrom) }) : t('subProcessors.since', { date: format.date(entry.effectiveFrom) })}
                          {entry.effectiveUntil ? (
                            <>
                              <br />
                              <span className="badge badge--alarm">{t('subProcessors.until', { date: format.date(entry.effectiveUntil) })}</span>
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <ChangesTable changes={changes} />
          <ObjectionsTable objections={objections} changeDescription={changeDescription} customer={(objection) => (objection.organisationId ? <CompanyName id={objection.organisationId} /> : <HiddenValue />)} />
        </>
      ) : null}
      <section aria-labelledby="announce-title" className="panel">
        <h2 id="announce-title">{t('subProcessors.announceTitle')}</h2>
        <p>{t('subProcessors.announceLead')}</p>
        <Form error={announce.error} overrides={overrides} onSubmit={() => void announce.run()} idScope="announce-">
          <ChoiceGroup<SubProcessorChangeKind>
            name="input.kind"
            legend={t('subProcessors.kind')}
            type="radio"
            selected={[form.kind]}
            onChange={(values) => set('kind')(values[0] ?? 'ADDITION')}
            options={[
              { value: 'ADDITION', label: t('subProcessors.kinds.ADDITION') },
              { value: 'REMOVAL', label: t('subProcessors.kinds.REMOVAL') },
            ]}
          />
          {form.kind === 'ADDITION' ? (
            <>
              <TextField name="input.newSubProcessor.name" label={t('privacyDesk.notice.name')} value={form.name} onValue={set('name')} />
              <TextField name="input.newSubProcessor.service" label={t('privacyDesk.notice.service')} hint={t('subProcessors.serviceHint')} value={form.service} onValue={set('service')} />
              <SelectField name="input.newSubProcessor.location" label={t('privacyDesk.notice.location')} value={form.location} onValue={set('location')} options={countries.map((country) => ({ value: country.code, label: country.name }))} />
              <TextField name="input.newSubProcessor.transferSafeguard" label={t('privacyDesk.notice.safeguard')} hint={t('subProcessors.safeguardHint')} optional value={form.transferSafeguard} onValue={set('transferSafeguard')} />
              <ChoiceGroup<string> name="input.newSubProcessor.dataCategories" legend={t('privacyDesk.notice.categories')} type="checkbox" selected={form.dataCategories} onChange={set('dataCategories')} options={DATA_CATEGORIES.map((value) => ({ value, label: categoryName(value) }))} />
            </>
          ) : (
            <SelectField
              name="input.subProcessorId"
              label={t('subProcessors.leaving')}
              value={form.subProcessorId}
              onValue={set('subProcessorId')}
              options={[{ value: '', label: t('subProcessors.choose') }, ...current.filter((entry) => !entry.effectiveUntil).map((entry) => ({ value: entry.id ?? '', label: entry.name ?? '' }))]}
            />
          )}
          <FieldShell name="input.description" label={t('subProcessors.description')} hint={t('subProcessors.descriptionHint')}>
            {(a11y) => <textarea {...a11y} rows={3} value={form.description} onChange={(event) => set('description')(event.target.value)} />}
          </FieldShell>
          <TextField name="input.objectionWindowDays" label={t('subProcessors.windowDays')} hint={t('subProcessors.windowDaysHint', { days: LEAST_WINDOW_DAYS })} type="number" inputMode="numeric" min={LEAST_WINDOW_DAYS} value={form.windowDays} onValue={set('windowDays')} />
          <TextField name="input.effectiveAt" label={t('subProcessors.effectiveOn')} hint={t('subProcessors.effectiveOnHint')} type="date" value={form.effectiveOn} onValue={set('effectiveOn')} />
          <SubmitButton pending={announce.pending} pendingLabel={t('common.saving')}>
            {t('subProcessors.announce')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}

/** The objecting company's name, as the officer may read it (the API answers null for a field hidden from the role). */
function CompanyName({ id }: { id: string }) {
  const company = useLoad(() => request(ObjectingCompany, { id }), [id]);
  if (company.loading && !company.data) return <span className="muted">…</span>;
  return company.data?.organisation.name ? <>{company.data.organisation.name}</> : <HiddenValue />;
}

/** The sub-processor refusals (docs/errors.md), as the screens' own sentences. */
const SUB_PROCESSOR_REASONS = ['SUB_PROCESSOR_NOT_FOUND', 'SUB_PROCESSOR_CHANGE_NOT_FOUND', 'SUB_PROCESSOR_CHANGE_INCOMPLETE', 'OBJECTION_WINDOW_TOO_SHORT', 'SUB_PROCESSOR_ALREADY_LEAVING', 'OBJECTION_WINDOW_CLOSED', 'ALREADY_OBJECTED'] as const;

export function useSubProcessorReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => Object.fromEntries(SUB_PROCESSOR_REASONS.map((reason) => [reason, t(`subProcessors.reasons.${reason}`)])), [t]);
}

interface Change {
  id?: string | null;
  kind?: SubProcessorChangeKind | null;
  description?: string | null;
  announcedAt?: string | null;
  objectionDeadline?: string | null;
  effectiveAt?: string | null;
  customersNotified?: number | null;
}

/** The announced changes, newest first, with their objection windows. */
export function ChangesTable({ changes, actions }: { changes: readonly Change[]; actions?: (change: Change) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = Date.now();
  return (
    <section>
      <h2 id="changes-title">{t('subProcessors.changesTitle')}</h2>
      {changes.length === 0 ? (
        <p>{t('subProcessors.noChanges')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="changes-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('subProcessors.description')}</th>
                <th scope="col">{t('subProcessors.kind')}</th>
                <th scope="col">{t('subProcessors.announcedAt')}</th>
                <th scope="col">{t('subProcessors.objectionDeadline')}</th>
                <th scope="col">{t('subProcessors.effectiveAt')}</th>
                {actions ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : (
                  <th scope="col">{t('subProcessors.customersNotified')}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => {
                const open = Date.parse(change.objectionDeadline ?? '') > now;
                return (
                  <tr key={change.id ?? ''}>
                    <th scope="row" className="prewrap">
                      {change.description}
                    </th>
                    <td>{change.kind ? t(`subProcessors.kinds.${change.kind}`) : null}</td>
                    <td>{format.date(change.announcedAt)}</td>
                    <td>
                      {format.date(change.objectionDeadline)}
                      <br />
                      <span className={open ? 'badge badge--info' : 'badge badge--muted'}>{open ? t('subProcessors.windowOpen') : t('subProcessors.windowClosed')}</span>
                    </td>
                    <td>{format.date(change.effectiveAt)}</td>
                    {actions ? <td className="actions">{actions(change)}</td> : <td>{format.number(change.customersNotified ?? 0)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface Objection {
  id?: string | null;
  changeId?: string | null;
  objectedAt?: string | null;
  reason?: string | null;
  organisationId?: string | null;
}

/**
 * Objections to announced changes: the tenant's customers' (with the company), or the ones a company
 * lodged itself (no company column). Fields the viewer may not read arrive null and say "hidden".
 */
export function ObjectionsTable({ objections, changeDescription, customer, title }: {
  objections: readonly Objection[];
  changeDescription: (changeId: string | null | undefined) => string;
  customer?: (objection: Objection) => ReactNode;
  title?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section>
      <h2 id="objections-title">{title ?? t('subProcessors.objectionsTitle')}</h2>
      {objections.length === 0 ? (
        <p>{t('subProcessors.noObjections')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="objections-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('subProcessors.change')}</th>
                <th scope="col">{t('subProcessors.objectedAt')}</th>
                {customer ? <th scope="col">{t('subProcessors.customer')}</th> : null}
                <th scope="col">{t('subProcessors.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {objections.map((objection) => (
                <tr key={objection.id ?? ''}>
                  <th scope="row">{changeDescription(objection.changeId) || <HiddenValue />}</th>
                  <td>{objection.objectedAt ? format.dateTime(objection.objectedAt) : <HiddenValue />}</td>
                  {customer ? <td>{customer(objection)}</td> : null}
                  <td className="prewrap">{objection.reason ?? <HiddenValue />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
