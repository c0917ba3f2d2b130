import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import type { DataSubjectAnswerKind, DataSubjectRequestStatus, DataSubjectRequestType } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { ChoiceGroup } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { downloadText } from '../../ui/download';
import { REQUEST_TYPES, restrictionLiftedAt, usePrivacyReasons } from '../privacy/shared';
import { TextAreaField } from '../privacy/TextAreaField';

// The person's own data (self): the export, and their requests about it (DataSubjectRequest, `self`).
const MyPersonalDataExport = graphql(`
  query MyPersonalDataExport($portability: Boolean!) {
    myPersonalDataExport(portability: $portability)
  }
`);

const MyDataSubjectRequests = graphql(`
  query MyDataSubjectRequests {
    myDataSubjectRequests {
      id
      type
      status
      receivedAt
      dueOn
      completedAt
      outcome
      answerKind
    }
  }
`);

const RequestMyDataSubjectRight = graphql(`
  mutation RequestMyDataSubjectRight($input: MyDataSubjectRequestInput!) {
    requestMyDataSubjectRight(input: $input) {
      id
      dueOn
    }
  }
`);

/**
 * The answer to a request as a sentence: the officer's words (answered or refused by hand), or the
 * standard sentence of an automatic answer; never the counts the request keeps as evidence.
 */
function answerSentence(
  t: TFunction,
  item: { status?: DataSubjectRequestStatus | null; outcome?: string | null; answerKind?: DataSubjectAnswerKind | null },
  formatDate: (iso: string) => string,
): string {
  if (item.status !== 'COMPLETED' && item.status !== 'REFUSED') return '';
  const text = item.outcome ?? '';
  if (item.status === 'REFUSED') return t('myData.answers.REFUSED', { text });
  switch (item.answerKind) {
    case 'STATEMENT':
      return t('myData.answers.STATEMENT', { text });
    case 'EXPORT':
      return t('myData.answers.EXPORT');
    case 'ERASURE':
      return t('myData.answers.ERASURE');
    case 'RESTRICTION': {
      const lifted = restrictionLiftedAt(item.outcome);
      return lifted ? t('myData.answers.RESTRICTION_LIFTED', { date: formatDate(lifted) }) : t('myData.answers.RESTRICTION');
    }
    default:
      return t('myData.answers.answered');
  }
}

/**
 * My data (GDPR Art. 15–21 for a logged-in person): take a copy at once, and ask the controller for
 * anything else (rectification, erasure, restriction…), acknowledged at once with its due date.
 */
export default function MyDataPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = usePrivacyReasons();
  const requests = useLoad(async () => (await request(MyDataSubjectRequests)).myDataSubjectRequests);
  const [type, setType] = useState<DataSubjectRequestType>('RECTIFICATION');
  const [details, setDetails] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  const exportData = useAction(async (portability: boolean) => {
    const text = (await request(MyPersonalDataExport, { portability })).myPersonalDataExport;
    downloadText(text, portability ? 'my-data-portable.json' : 'my-data.json', 'application/json');
  });
  const ask = useAction(async () => {
    const made = await request(RequestMyDataSubjectRight, { input: { type, details: details.trim() || null } });
    setSent(made.requestMyDataSubjectRight.dueOn ?? '');
    setDetails('');
    requests.reload();
  });

  return (
    <>
      <PageTitle lead={t('myData.lead')}>{t('myData.title')}</PageTitle>

      <section className="panel" aria-labelledby="my-data-copy">
        <h2 id="my-data-copy">{t('myData.copyTitle')}</h2>
        <p>{t('myData.copyLead')}</p>
        {exportData.error ? <LoadError error={exportData.error} onRetry={() => void exportData.run(false)} /> : null}
        <div className="button-row">
          <button type="button" className="button" disabled={exportData.pending} onClick={() => void exportData.run(false)}>
            {t('myData.download')}
          </button>
          <button type="button" className="button button--secondary" disabled={exportData.pending} onClick={() => void exportData.run(true)}>
            {t('myData.downloadPortable')}
          </button>
          <Link className="button button--secondary" to="/app/my-data-accesses">
            {t('myData.whoRead')}
          </Link>
        </div>
      </section>

      <section className="panel" aria-labelledby="my-data-requests">
        <h2 id="my-data-requests">{t('myData.requestsTitle')}</h2>
        {requests.loading && !requests.data ? <Loading /> : null}
        {requests.error ? <LoadError error={requests.error} onRetry={requests.reload} /> : null}
        {requests.data && requests.data.length === 0 ? <p>{t('myData.noRequests')}</p> : null}
        {requests.data && requests.data.length > 0 ? (
          <div className="table-wrap" role="region" aria-label={t('myData.requestsTitle')} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('myData.requestsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('myData.type')}</th>
                  <th scope="col">{t('myData.received')}</th>
                  <th scope="col">{t('myData.due')}</th>
                  <th scope="col">{t('myData.status')}</th>
                  <th scope="col">{t('myData.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.data.map((item) => (
                  <tr key={item.id ?? ''}>
                    <th scope="row">{item.type ? t(`privacyDesk.types.${item.type}`) : ''}</th>
                    <td>{item.receivedAt ? format.date(item.receivedAt) : ''}</td>
                    <td>{item.dueOn ? format.date(item.dueOn) : ''}</td>
                    <td>{item.status ? t(`privacyDesk.statuses.${item.status}`) : ''}</td>
                    <td>
                      {answerSentence(t, item, format.date)}
                      {item.status === 'COMPLETED' && item.answerKind === 'EXPORT' ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button button--secondary"
                            disabled={exportData.pending}
                            onClick={() => void exportData.run(item.type === 'PORTABILITY')}
                          >
                            {t('myData.downloadAnswer')}
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
      </section>

      <section className="panel" aria-labelledby="my-data-ask">
        <h2 id="my-data-ask">{t('myData.askTitle')}</h2>
        <p>{t('myData.askLead')}</p>
        {sent !== null ? <Notice kind="success">{t('myData.sent', { due: sent ? format.date(sent) : '' })}</Notice> : null}
        <Form error={ask.error} overrides={reasons} onSubmit={() => void ask.run()} idScope="ask-">
          <ChoiceGroup<DataSubjectRequestType>
            name="input.type"
            legend={t('privacyDesk.form.type')}
            type="radio"
            selected={[type]}
            onChange={(values) => setType(values[0] ?? 'RECTIFICATION')}
            options={REQUEST_TYPES.map((value) => ({ value, label: t(`privacyDesk.types.${value}`), description: t(`privacyDesk.typeDescriptions.${value}`) }))}
          />
          <TextAreaField name="input.details" label={t('privacyDesk.form.details')} hint={t('privacyDesk.form.detailsHint')} optional value={details} onValue={setDetails} />
          <SubmitButton pending={ask.pending} pendingLabel={t('common.saving')}>
            {t('privacyDesk.form.submit')}
          </SubmitButton>
        </Form>
      </section>
    </>
  );
}
