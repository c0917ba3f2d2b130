import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { request } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { useAction } from '../../ui/use-api';
import { useConsigneeLabel } from './ApplicationDetails';
import { ApplicationsTable } from './ApplicationsTable';
import { CertificateApplications, CreateCertificateApplication } from './operations';

const PAGE_SIZE = 50;

/** The company's applications for certificates of origin, newest first, and where a new one starts. */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const applications = usePagedList(
    async (after: string | null) => (await request(CertificateApplications, { first: PAGE_SIZE, after })).certificateApplications,
    (application) => application.id ?? null,
    PAGE_SIZE,
  );
  const [startFrom, setStartFrom] = useState('');
  const create = useAction(async () => {
    if (!startFrom) {
      navigate('/app/certificates/new');
      return;
    }
    const data = await request(CreateCertificateApplication, { input: { fromApplicationId: startFrom } });
    if (data.createCertificateApplication.id) navigate(`/app/certificates/${data.createCertificateApplication.id}`);
  });
  const list = applications.rows;
  const consigneeOf = useConsigneeLabel();
  // What the page that sent the reader here did (a draft deleted).
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  return (
    <>
      <PageTitle lead={t('certificates.list.lead')}>{t('certificates.list.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <section className="panel" aria-labelledby="new-application-title">
        <h2 id="new-application-title">{t('certificates.list.newTitle')}</h2>
        <Form error={create.error} onSubmit={() => void create.run()} className="form form--inline">
          <SelectField
            name="input.fromApplicationId"
            label={t('certificates.list.startFrom')}
            hint={t('certificates.list.startFromHint')}
            value={startFrom}
            onValue={setStartFrom}
            options={[
              { value: '', label: t('certificates.list.blank') },
              ...list
                // Not a destroyed one: it has no consignee left to start from (the API would ask for one).
                .filter((application) => !application.destroyedAt && (application.state !== 'DRAFT' || application.consigneeName))
                .map((application) => ({
                  value: application.id ?? '',
                  label: t('certificates.list.previous', {
                    consignee: consigneeOf(application),
                    date: format.date(application.createdAt),
                    state: application.state ? t(`certificates.states.${application.state}`) : '',
                  }),
                })),
            ]}
          />
          <SubmitButton pending={create.pending} pendingLabel={t('certificates.list.creating')}>
            {t('certificates.list.create')}
          </SubmitButton>
        </Form>
      </section>
      <h2>{t('certificates.list.applications')}</h2>
      {applications.error ? <LoadError error={applications.error} onRetry={applications.reload} /> : null}
      {!applications.loading && !applications.error && list.length === 0 ? <p>{t('certificates.list.none')}</p> : null}
      {list.length > 0 ? <ApplicationsTable applications={list} /> : null}
      {applications.loading ? <Loading /> : null}
      <NextPageButton list={applications} label={t('common.loadOlder')} />
    </>
  );
}
