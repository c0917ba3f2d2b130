import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { LoadError, Loading } from '../../ui/feedback';
import { Form } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { useAction } from '../../ui/use-api';
import { CompanyChoice } from '../staff/CompanyChoice';
import { ApplicationsTable } from './ApplicationsTable';
import { APPLICATION_STATES, CertificateApplications, CertificateByNumber } from './operations';

/**
 * The chamber's queue (drafts stay the company's): a clerk works what is submitted or in review,
 * a signer what is approved (`?state=APPROVED`, the "To sign" entry). The state filter is in the
 * address, so a link or a reload keeps it.
 */
const PAGE_SIZE = 50;
/** A number as printed: letters and digits in groups joined by hyphens (the API checks it the same way). */
const CERTIFICATE_NUMBER = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const company = params.get('company') ?? '';
  const [choice, setChoice] = useState(state);
  const [companyChoice, setCompanyChoice] = useState({ id: company, name: '' });
  // The two menu entries ("Review queue", "To sign") open this same screen with another filter.
  useEffect(() => setChoice(state), [state]);
  useEffect(() => setCompanyChoice((chosen) => (chosen.id === company ? chosen : { id: company, name: '' })), [company]);
  // The chamber's work (submitted, in review, approved) comes first, oldest first: the API's order.
  // One company's (a company calls about its applications): newest first, as the company lists them.
  const queue = usePagedList(
    async (after: string | null) => (await request(CertificateApplications, { first: PAGE_SIZE, state: state || null, organisationId: company || null, after })).certificateApplications,
    (application) => application.id ?? null,
    PAGE_SIZE,
    [state, company],
  );
  const signing = state === 'APPROVED' && hasAnyRole(me?.roles, ['SIGNER']);
  // A customs office or the company calls about a certificate: its number opens its application.
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const findCertificate = useAction(async () => {
    const value = number.trim();
    if (!CERTIFICATE_NUMBER.test(value)) throw clientError([{ field: 'number', reason: 'not a certificate number', constraint: 'isCertificateNumber' }]);
    const [found] = (await request(CertificateByNumber, { number: value })).certificatesOfOrigin;
    if (!found?.applicationId) throw clientError([{ field: 'number', reason: 'no such certificate', constraint: 'certificateNotFound' }]);
    navigate(`/app/review/${found.applicationId}`);
  });
  const list = queue.rows;
  return (
    <>
      <PageTitle lead={signing ? t('certificates.review.signingLead') : t('certificates.review.lead')}>{signing ? t('certificates.review.signingTitle') : t('certificates.review.title')}</PageTitle>
      <div className="toolbar">
        <form
          className="form form--inline filters"
          onSubmit={(event) => {
            event.preventDefault();
            setParams({ ...(choice ? { state: choice } : {}), ...(companyChoice.id ? { company: companyChoice.id } : {}) });
          }}
        >
          <CompanyChoice
            value={companyChoice.id}
            chosenName={companyChoice.name || (company === companyChoice.id ? queue.rows[0]?.exporterName : null)}
            onValue={(id, name) => setCompanyChoice({ id, name })}
          />
          <SelectField
            name="state"
            label={t('certificates.review.filter')}
            value={choice}
            onValue={setChoice}
            options={[{ value: '', label: t('certificates.review.allStates') }, ...APPLICATION_STATES.filter((s) => s !== 'DRAFT').map((s) => ({ value: s, label: t(`certificates.states.${s}`) }))]}
          />
          <button type="submit" className="button button--secondary">
            {t('certificates.review.show')}
          </button>
        </form>
        <Form error={findCertificate.error} onSubmit={() => void findCertificate.run()} className="form form--inline" aria-labelledby="find-certificate-title" idScope="find-">
          <h2 id="find-certificate-title" className="visually-hidden">{t('certificates.review.findCertificate')}</h2>
          <TextField name="number" label={t('certificates.review.certificateNumber')} hint={t('certificates.review.certificateNumberHint')} spellCheck={false} autoComplete="off" value={number} onValue={setNumber} />
          <button type="submit" className="button button--secondary">{t('certificates.review.find')}</button>
        </Form>
      </div>
      {queue.error ? <LoadError error={queue.error} onRetry={queue.reload} /> : null}
      {!queue.loading && !queue.error && list.length === 0 ? <p>{t('certificates.review.none')}</p> : null}
      {list.length > 0 ? (
        <ApplicationsTable
          applications={list}
          queue
          stateNote={(application) =>
            application.state === 'IN_REVIEW' && application.claimedBy ? (
              <span className="muted"> {application.claimedBy === me?.id ? t('certificates.review.claimedByYou') : t('certificates.review.claimedByOther')}</span>
            ) : null
          }
        />
      ) : null}
      {queue.loading ? <Loading /> : null}
      <NextPageButton list={queue} label={t('common.showMore')} />
    </>
  );
}
