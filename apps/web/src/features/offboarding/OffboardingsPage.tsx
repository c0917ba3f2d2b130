import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { ApiError, clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { DestructionCertificatesQuery, TenantDepartureListQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { useFreshTenantDirectory } from '../directory/tenant-directory';
import { stageOf, useOffboardingReasons, WAITING_DAYS, WITHDRAWAL_REASON_MAX, withoutFields, withReasonFieldOnly } from './offboarding-shared';
import { TextAreaField } from '../privacy/TextAreaField';
import { downloadText } from '../../ui/download';

const TenantDepartureList = graphql(`
  query TenantDepartureList {
    tenantOffboardings {
      id
      tenantId
      status
      requestedAt
      confirmedAt
      destroyNotBefore
      exportedAt
      exportedRecords
      withdrawnAt
      withdrawnByParty
      withdrawalReason
    }
  }
`);

const WithdrawTenantDeparture = graphql(`
  mutation WithdrawTenantDeparture($offboardingId: ID!, $reason: String!) {
    withdrawTenantOffboarding(offboardingId: $offboardingId, reason: $reason) {
      id
      tenantId
      status
      withdrawnAt
    }
  }
`);

const FileTenantDeparture = graphql(`
  mutation FileTenantDeparture($tenantId: ID!) {
    requestTenantOffboarding(tenantId: $tenantId) {
      id
      tenantId
      status
    }
  }
`);

const DestroyDepartedTenant = graphql(`
  mutation DestroyDepartedTenant($offboardingId: ID!) {
    destroyTenant(offboardingId: $offboardingId) {
      id
      tenantName
      totalRowsDeleted
    }
  }
`);

const DestructionCertificates = graphql(`
  query DestructionCertificates {
    tenantDestructionCertificates {
      id
      departedTenantId
      tenantSlug
      tenantName
      requestedAt
      confirmedAt
      exportedAt
      exportedRecords
      destroyedAt
      exportHash
      certificateHash
      rowsDeleted {
        table
        rows
      }
      totalRowsDeleted
      signingKeyId
      signature
      signedContent
      intact
    }
  }
`);

type Departure = TenantDepartureListQuery['tenantOffboardings'][number];
type Certificate = DestructionCertificatesQuery['tenantDestructionCertificates'][number];

interface DirectoryTenant {
  name: string;
  slug: string;
}

/**
 * The platform operator's side of a tenant's departure (GDPR Art. 28(3)(g)): files it (step-up), follows
 * every tenant's, destroys one whose administrator confirmed, took the archive and whose waiting period
 * is over (step-up, the tenant's slug typed), and reads the destruction certificates the platform keeps.
 */
export default function OffboardingsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = useOffboardingReasons();
  const departures = useLoad(() => request(TenantDepartureList));
  const certificates = useLoad(() => request(DestructionCertificates));
  // Asked afresh (not the directory kept for other pages): a tenant opened or destroyed a moment ago counts.
  const { directory, byName } = useFreshTenantDirectory();
  const tenantsById = useMemo(
    () => new Map<string, DirectoryTenant>((directory.data?.tenants ?? []).map((tenant) => [tenant.id ?? '', { name: tenant.name ?? '', slug: tenant.slug ?? '' }])),
    [directory.data],
  );
  const list = departures.data?.tenantOffboardings ?? [];
  // A withdrawn departure is kept for the record; its tenant may be filed again.
  const leaving = useMemo(() => new Set(list.filter((departure) => departure.status !== 'WITHDRAWN').map((departure) => departure.tenantId ?? '')), [list]);
  const choosable = useMemo(() => byName.filter((tenant) => !leaving.has(tenant.id ?? '')), [byName, leaving]);

  const [tenantId, setTenantId] = useState('');
  const [filing, setFiling] = useState(false);
  const [destroying, setDestroying] = useState<Departure | null>(null);
  const [typedSlug, setTypedSlug] = useState('');
  const [withdrawing, setWithdrawing] = useState<Departure | null>(null);
  const [withdrawalReason, setWithdrawalReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After filing or destroying, the row's button or the chosen tenant is gone: the focus goes to what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const nameOf = (id: string | null | undefined) => tenantsById.get(id ?? '')?.name ?? t('offboarding.operator.unknownTenant', { id: id ?? '' });

  const check = useAction(async () => {
    if (!tenantId) throw clientError([{ field: 'tenantId', reason: 'required', constraint: 'required' }]);
    setNotice(null);
    setFiling(true);
  });
  const file = useAction(async () => {
    await request(FileTenantDeparture, { tenantId });
    setFiling(false);
    setNotice(t('offboarding.operator.filed', { tenant: nameOf(tenantId) }));
    setTenantId('');
    departures.reload();
  });
  const destroy = useAction(async () => {
    if (!destroying?.id) return;
    const slug = tenantsById.get(destroying.tenantId ?? '')?.slug ?? '';
    if (!slug || typedSlug.trim() !== slug) throw clientError([{ field: 'confirmSlug', reason: 'mismatch', constraint: 'slugMismatch' }]);
    // The API names the offboarding's id when it refuses: no input of this dialog, so its sentence only.
    const data = await request(DestroyDepartedTenant, { offboardingId: destroying.id }).catch((error: unknown) => {
      throw withoutFields(ApiError.of(error))!;
    });
    setDestroying(null);
    setTypedSlug('');
    setNotice(t('offboarding.operator.destroyed', { tenant: data.destroyTenant.tenantName ?? '', count: data.destroyTenant.totalRowsDeleted ?? 0 }));
    departures.reload();
    certificates.reload();
    directory.reload();
  });

  const withdraw = useAction(async () => {
    if (!withdrawing?.id) return;
    if (!withdrawalReason.trim()) throw clientError([{ field: 'reason', reason: 'required', constraint: 'required' }]);
    await request(WithdrawTenantDeparture, { offboardingId: withdrawing.id, reason: withdrawalReason.trim() }).catch((error: unknown) => {
      throw withReasonFieldOnly(error);
    });
    const tenant = nameOf(withdrawing.tenantId);
    setWithdrawing(null);
    setWithdrawalReason('');
    setNotice(t('offboarding.withdrawal.operator.withdrawn', { tenant }));
    departures.reload();
  });
  const closeWithdrawal = () => (setWithdrawing(null), withdraw.setError(null));

  const destroyingTenant = destroying ? tenantsById.get(destroying.tenantId ?? '') : undefined;
  const destroyOverrides = useMemo(() => ({ ...reasons, 'confirmSlug.slugmismatch': t('offboarding.operator.slugMismatch', { slug: destroyingTenant?.slug ?? '' }) }), [reasons, t, destroyingTenant]);

  return (
    <>
      <PageTitle lead={t('offboarding.operator.lead')}>{t('offboarding.operator.title')}</PageTitle>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice kind="success">{notice}</Notice>
        </div>
      ) : null}
      <section aria-labelledby="offboarding-file-title" className="panel">
        <h2 id="offboarding-file-title">{t('offboarding.operator.formTitle')}</h2>
        {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
        <Form error={check.error} overrides={reasons} onSubmit={() => void check.run()} idScope="offboarding-">
          <SelectField
            name="tenantId"
            label={t('offboarding.operator.tenant')}
            hint={t('offboarding.operator.tenantHint')}
            value={tenantId}
            onValue={setTenantId}
            options={[{ value: '', label: t('offboarding.operator.chooseTenant') }, ...choosable.map((tenant) => ({ value: tenant.id ?? '', label: tenant.name ?? '' }))]}
          />
          <SubmitButton pending={false} pendingLabel={t('common.sending')}>
            {t('offboarding.operator.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="offboarding-list-title">
        <h2 id="offboarding-list-title">{t('offboarding.operator.listTitle')}</h2>
        {departures.loading && !departures.data ? <Loading /> : null}
        {departures.error ? <LoadError error={departures.error} onRetry={departures.reload} /> : null}
        {departures.data && list.length === 0 ? <p>{t('offboarding.operator.none')}</p> : null}
        {list.length > 0 ? (
          <div className="table-wrap" role="region" aria-labelledby="offboarding-list-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('offboarding.operator.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('offboarding.operator.tenant')}</th>
                  <th scope="col">{t('offboarding.requestedAt')}</th>
                  <th scope="col">{t('offboarding.confirmedAt')}</th>
                  <th scope="col">{t('offboarding.exportedAt')}</th>
                  <th scope="col">{t('offboarding.destroyNotBefore')}</th>
                  <th scope="col">{t('offboarding.statusLabel')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((departure) => {
                  const tenant = nameOf(departure.tenantId);
                  const stage = stageOf(departure);
                  return (
                    <tr key={departure.id ?? ''}>
                      <th scope="row">{tenant}</th>
                      <td>{format.dateTime(departure.requestedAt)}</td>
                      <td>{departure.confirmedAt ? format.dateTime(departure.confirmedAt) : '—'}</td>
                      <td>{departure.exportedAt ? format.dateTime(departure.exportedAt) : '—'}</td>
                      <td>{departure.destroyNotBefore ? format.dateTime(departure.destroyNotBefore) : '—'}</td>
                      <td>
                        <span className={stage === 'due' ? 'badge badge--alarm' : stage === 'awaitingConfirmation' ? 'badge badge--info' : 'badge badge--muted'}>
                          {stage === 'withdrawn' ? t('offboarding.withdrawal.stage') : t(`offboarding.operator.stage.${stage}`)}
                        </span>
                        {stage === 'withdrawn' ? (
                          <p className="break-anywhere">
                            {t(departure.withdrawnByParty === 'TENANT' ? 'offboarding.withdrawal.byTenant' : 'offboarding.withdrawal.byOperator', { date: format.dateTime(departure.withdrawnAt) })}{' '}
                            {t('offboarding.withdrawal.reasonGiven', { reason: departure.withdrawalReason ?? '' })}
                          </p>
                        ) : null}
                      </td>
                      <td className="actions">
                        {stage !== 'withdrawn' ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => (setWithdrawing(departure), setWithdrawalReason(''), setNotice(null), withdraw.setError(null))}
                          >
                            {t('offboarding.withdrawal.operator.withdraw')}
                            <span className="visually-hidden"> {t('offboarding.withdrawal.operator.withdrawOf', { tenant })}</span>
                          </button>
                        ) : null}
                        {stage === 'due' ? (
                          <button
                            type="button"
                            className="button button--danger button--small"
                            onClick={() => (setDestroying(departure), setTypedSlug(''), setNotice(null), destroy.setError(null))}
                          >
                            {t('offboarding.operator.destroy')}
                            <span className="visually-hidden"> {t('offboarding.operator.destroyOf', { tenant })}</span>
                          </button>
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

      <section aria-labelledby="offboarding-certificates-title">
        <h2 id="offboarding-certificates-title">{t('offboarding.operator.certificatesTitle')}</h2>
        <p>{t('offboarding.operator.certificatesLead')}</p>
        {certificates.loading && !certificates.data ? <Loading /> : null}
        {certificates.error ? <LoadError error={certificates.error} onRetry={certificates.reload} /> : null}
        {certificates.data && certificates.data.tenantDestructionCertificates.length === 0 ? <p>{t('offboarding.operator.noCertificates')}</p> : null}
        {(certificates.data?.tenantDestructionCertificates ?? []).map((certificate) => (
          <CertificateView key={certificate.id ?? ''} certificate={certificate} />
        ))}
      </section>

      <ConfirmDialog
        open={filing}
        title={t('offboarding.operator.fileTitle', { tenant: nameOf(tenantId) })}
        tone="danger"
        body={
          <>
            <ErrorSummary error={withoutFields(file.error)} overrides={reasons} />
            <p>{t('offboarding.operator.fileBody', { days: WAITING_DAYS })}</p>
          </>
        }
        confirmLabel={t('offboarding.operator.fileConfirm')}
        pending={file.pending}
        onConfirm={() => void file.run()}
        onClose={() => (setFiling(false), file.setError(null))}
      />
      <Dialog open={withdrawing !== null} title={t('offboarding.withdrawal.operator.title', { tenant: nameOf(withdrawing?.tenantId) })} onClose={closeWithdrawal}>
        <p>{t('offboarding.withdrawal.operator.body')}</p>
        <Form error={withdraw.error} overrides={reasons} onSubmit={() => void withdraw.run()} idScope="withdraw-">
          <TextAreaField
            name="reason"
            label={t('offboarding.withdrawal.reason')}
            hint={t('offboarding.withdrawal.operator.reasonHint')}
            maxLength={WITHDRAWAL_REASON_MAX}
            value={withdrawalReason}
            onValue={setWithdrawalReason}
          />
          <div className="button-row">
            <SubmitButton pending={withdraw.pending} pendingLabel={t('common.saving')}>
              {t('offboarding.withdrawal.operator.confirm')}
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={closeWithdrawal}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      </Dialog>
      <Dialog open={destroying !== null} title={t('offboarding.operator.destroyTitle', { tenant: destroyingTenant?.name ?? nameOf(destroying?.tenantId) })} onClose={() => (setDestroying(null), destroy.setError(null))}>
        <p>{t('offboarding.operator.destroyBody')}</p>
        <Form error={destroy.error} overrides={destroyOverrides} onSubmit={() => void destroy.run()} idScope="destroy-">
          <TextField
            name="confirmSlug"
            label={t('offboarding.operator.slugLabel', { slug: destroyingTenant?.slug ?? '' })}
            autoComplete="off"
            spellCheck={false}
            value={typedSlug}
            onValue={setTypedSlug}
          />
          <div className="button-row">
            <button type="submit" className="button button--danger" disabled={destroy.pending} aria-disabled={destroy.pending}>
              {destroy.pending ? t('offboarding.operator.destroying') : t('offboarding.operator.destroyConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => (setDestroying(null), destroy.setError(null))}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      </Dialog>
    </>
  );
}

/** One destruction certificate: what it attests, readable; its signed content downloadable as JSON for whoever checks it. */
function CertificateView({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `certificate-${certificate.id ?? ''}`;
  const tenant = `${certificate.tenantName ?? ''} (${certificate.tenantSlug ?? ''})`;
  const save = () => {
    const document = {
      format: 'chancery.tenant-destruction-certificate/1',
      id: certificate.id,
      signingKeyId: certificate.signingKeyId,
      signature: certificate.signature,
      certificateSha256: certificate.certificateHash,
      verifyWith: '/platform/attestation-keys',
      // The exact text the hash and the Ed25519 signature cover: verify it as it is, byte for byte.
      signedContent: certificate.signedContent,
    };
    downloadText(`${JSON.stringify(document, null, 2)}\n`, `destruction-certificate-${certificate.tenantSlug ?? certificate.id ?? ''}.json`, 'application/json');
  };
  return (
    <article aria-labelledby={titleId} className="details--wide">
      <h3 id={titleId}>{t('offboarding.operator.certificateOf', { tenant })}</h3>
      {certificate.intact ? (
        <p>
          <span className="badge badge--ok">{t('offboarding.operator.intact')}</span>
        </p>
      ) : (
        <Notice kind="warning" title={t('offboarding.operator.notIntact')} />
      )}
      <dl className="details">
        <div>
          <dt>{t('offboarding.operator.departedTenantId')}</dt>
          <dd>
            <code>{certificate.departedTenantId}</code>
          </dd>
        </div>
        <div>
          <dt>{t('offboarding.requestedAt')}</dt>
          <dd>{format.dateTime(certificate.requestedAt)}</dd>
        </div>
        <div>
          <dt>{t('offboarding.confirmedAt')}</dt>
          <dd>{format.dateTime(certificate.confirmedAt)}</dd>
        </div>
        <div>
          <dt>{t('offboarding.exportedAt')}</dt>
          <dd>{t('offboarding.operator.exported', { date: format.dateTime(certificate.exportedAt), count: certificate.exportedRecords ?? 0 })}</dd>
        </div>
        <div>
          <dt>{t('offboarding.operator.destroyedAt')}</dt>
          <dd>{format.dateTime(certificate.destroyedAt)}</dd>
        </div>
        <div>
          <dt>{t('offboarding.operator.rowsDeleted')}</dt>
          <dd>{format.number(certificate.totalRowsDeleted ?? 0)}</dd>
        </div>
        <div>
          <dt>{t('offboarding.exportHash')}</dt>
          <dd>
            <code className="break-anywhere">{certificate.exportHash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('offboarding.operator.certificateHash')}</dt>
          <dd>
            <code className="break-anywhere">{certificate.certificateHash}</code>
          </dd>
        </div>
        <div>
          <dt>{t('offboarding.operator.signingKeyId')}</dt>
          <dd>
            <code className="break-anywhere">{certificate.signingKeyId ?? '—'}</code>
          </dd>
        </div>
      </dl>
      <details>
        <summary>{t('offboarding.operator.perTable', { count: certificate.rowsDeleted?.length ?? 0 })}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('offboarding.operator.perTableOf', { tenant })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offboarding.operator.table')}</th>
                <th scope="col">{t('offboarding.operator.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {(certificate.rowsDeleted ?? []).map((row) => (
                <tr key={row.table}>
                  <th scope="row">
                    <code>{row.table}</code>
                  </th>
                  <td>{format.number(row.rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <button type="button" className="button button--secondary" onClick={save}>
          {t('offboarding.operator.download')}
          <span className="visually-hidden"> {t('offboarding.operator.downloadOf', { tenant })}</span>
        </button>
      </p>
    </article>
  );
}
