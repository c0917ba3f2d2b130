import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup, SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { useFreshTenantDirectory } from '../directory/tenant-directory';
import { GrantStatusCell, isRunning, useDuration, useSupportReasons } from '../privacy/support-access-shared';
import { TextAreaField } from '../privacy/TextAreaField';

const OperatorSupportGrants = graphql(`
  query OperatorSupportGrants {
    supportGrants {
      id
      tenantId
      purpose
      durationMinutes
      requestedAt
      status
      decidedAt
      refusalReason
      startsAt
      endsAt
      endedAt
    }
  }
`);

const RequestSupportAccess = graphql(`
  mutation RequestSupportAccess($input: RequestSupportAccessInput!) {
    requestSupportAccess(input: $input) {
      id
      tenantId
      status
    }
  }
`);

/** The durations offered, in minutes (the API accepts 1 to 480: a working day at most). */
export const SUPPORT_DURATIONS = ['30', '60', '120', '240', '480'] as const;
type Duration = (typeof SUPPORT_DURATIONS)[number];
const PURPOSE_MIN = 10;
const PURPOSE_MAX = 1000;

/**
 * The tenants' names by id, from the public directory (the operator's requests name only the id):
 * asked afresh, so a tenant the operator has just opened can be chosen at once.
 */
export function useTenantNames() {
  const { directory, byName } = useFreshTenantDirectory();
  const names = useMemo(() => new Map(byName.map((tenant) => [tenant.id ?? '', tenant.name ?? ''])), [byName]);
  return { directory, byName, names };
}

/**
 * The platform operator asks a tenant for a time-boxed support grant (SPEC §5), and follows its
 * requests: a running one opens what the grant lets it read.
 */
export default function SupportRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const reasons = useSupportReasons();
  const grants = useLoad(() => request(OperatorSupportGrants));
  const { directory, byName: tenants, names } = useTenantNames();
  const [tenantId, setTenantId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [minutes, setMinutes] = useState<Duration>('60');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const ask = useAction(async () => {
    const problems = [];
    if (!tenantId) problems.push({ field: 'input.tenantId', reason: 'required', constraint: 'required' });
    const text = purpose.trim();
    if (!text) problems.push({ field: 'input.purpose', reason: 'required', constraint: 'required' });
    else if (text.length < PURPOSE_MIN || text.length > PURPOSE_MAX) problems.push({ field: 'input.purpose', reason: 'length', constraint: 'isLength' });
    if (problems.length) throw clientError(problems);
    await request(RequestSupportAccess, { input: { tenantId, purpose: text, durationMinutes: Number(minutes) } });
    setNotice(t('supportAccess.operator.requested', { tenant: names.get(tenantId) ?? tenantId, duration: duration(Number(minutes)) }));
    setTenantId('');
    setPurpose('');
    setMinutes('60');
    grants.reload();
  });

  const list = grants.data?.supportGrants ?? [];
  return (
    <>
      <PageTitle lead={t('supportAccess.operator.lead')}>{t('supportAccess.operator.title')}</PageTitle>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice kind="success">{notice}</Notice>
        </div>
      ) : null}
      <section aria-labelledby="support-request-title" className="panel">
        <h2 id="support-request-title">{t('supportAccess.operator.formTitle')}</h2>
        {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
        <Form error={ask.error} overrides={reasons} onSubmit={() => void ask.run()} idScope="support-">
          <SelectField
            name="input.tenantId"
            label={t('supportAccess.operator.tenant')}
            value={tenantId}
            onValue={setTenantId}
            options={[{ value: '', label: t('supportAccess.operator.chooseTenant') }, ...tenants.map((tenant) => ({ value: tenant.id ?? '', label: tenant.name ?? '' }))]}
          />
          <TextAreaField name="input.purpose" label={t('supportAccess.purpose')} hint={t('supportAccess.operator.purposeHint')} maxLength={PURPOSE_MAX} value={purpose} onValue={setPurpose} />
          <ChoiceGroup<Duration>
            name="input.durationMinutes"
            legend={t('supportAccess.duration')}
            hint={t('supportAccess.operator.durationHint')}
            type="radio"
            options={SUPPORT_DURATIONS.map((value) => ({ value, label: duration(Number(value)) }))}
            selected={[minutes]}
            onChange={(selected) => setMinutes(selected[0] ?? '60')}
          />
          <SubmitButton pending={ask.pending} pendingLabel={t('common.sending')}>
            {t('supportAccess.operator.submit')}
          </SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="support-requests-title">
        <h2 id="support-requests-title">{t('supportAccess.operator.listTitle')}</h2>
        {grants.loading && !grants.data ? <Loading /> : null}
        {grants.error ? <LoadError error={grants.error} onRetry={grants.reload} /> : null}
        {grants.data && list.length === 0 ? <p>{t('supportAccess.operator.none')}</p> : null}
        {list.length > 0 ? (
          <div className="table-wrap" role="region" aria-labelledby="support-requests-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('supportAccess.operator.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('supportAccess.operator.tenant')}</th>
                  <th scope="col">{t('supportAccess.purpose')}</th>
                  <th scope="col">{t('supportAccess.requestedAt')}</th>
                  <th scope="col">{t('supportAccess.duration')}</th>
                  <th scope="col">{t('supportAccess.statusColumn')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((grant) => {
                  const tenant = names.get(grant.tenantId ?? '') ?? grant.tenantId ?? '';
                  return (
                    <tr key={grant.id ?? ''}>
                      <th scope="row">{tenant}</th>
                      <td className="break-anywhere">{grant.purpose}</td>
                      <td>{format.dateTime(grant.requestedAt)}</td>
                      <td>{duration(grant.durationMinutes)}</td>
                      <td>
                        <GrantStatusCell grant={grant} />
                      </td>
                      <td className="actions">
                        {isRunning(grant) ? (
                          <Link to={`/app/platform/support/${grant.id ?? ''}`}>
                            {t('supportAccess.operator.open')}
                            <span className="visually-hidden"> {t('supportAccess.operator.openOf', { tenant, date: format.dateTime(grant.requestedAt) })}</span>
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
