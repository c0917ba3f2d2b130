import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { DataSubjectRequestType } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { downloadText } from '../../ui/download';
import { useAction, useLoad } from '../../ui/use-api';
import { DataSubjectRequestQueue, QUEUE_SIZE } from './RequestQueuePage';
import { restrictionLiftedAt, usePrivacyReasons } from './shared';
import { TextAreaField } from './TextAreaField';

const CheckIdentity = graphql(`
  mutation CheckDataSubjectIdentity($requestId: ID!) {
    checkDataSubjectIdentity(requestId: $requestId) {
      id
    }
  }
`);

const ExtendRequest = graphql(`
  mutation ExtendDataSubjectRequest($input: ExtendDataSubjectRequestInput!) {
    extendDataSubjectRequest(input: $input) {
      id
    }
  }
`);

const ExportForRequest = graphql(`
  mutation ExportForDataSubjectRequest($requestId: ID!) {
    exportForDataSubjectRequest(requestId: $requestId) {
      id
      document
    }
  }
`);

const EraseForRequest = graphql(`
  mutation EraseForDataSubjectRequest($requestId: ID!) {
    eraseForDataSubjectRequest(requestId: $requestId) {
      id
      holders {
        holder
        deleted
        deidentified
        keptAsReference
        reason
      }
    }
  }
`);

const RestrictForRequest = graphql(`
  mutation RestrictForDataSubjectRequest($requestId: ID!) {
    restrictForDataSubjectRequest(requestId: $requestId) {
      id
    }
  }
`);

const UpholdObjection = graphql(`
  mutation UpholdDataSubjectObjection($input: UpholdDataSubjectObjectionInput!) {
    upholdDataSubjectObjection(input: $input) {
      id
    }
  }
`);

const CloseRequest = graphql(`
  mutation CloseDataSubjectRequest($input: CloseDataSubjectRequestInput!) {
    closeDataSubjectRequest(input: $input) {
      id
    }
  }
`);

/** One holder's line of an erasure's answer. */
interface HolderErasure {
  holder: string;
  deleted: number;
  deidentified: number;
  keptAsReference: number;
  reason?: string | null;
}

const EXPORTED: DataSubjectRequestType[] = ['ACCESS', 'PORTABILITY'];
const OPEN_STATUSES = ['AWAITING_EMAIL_VERIFICATION', 'AWAITING_IDENTITY_CHECK', 'IN_PROGRESS'];

const LiftRestriction = graphql(`
  mutation LiftProcessingRestriction($requestId: ID!) {
    liftProcessingRestriction(requestId: $requestId) {
      id
    }
  }
`);

/** One request: its clock, the identity check, an extension, the answer (export, erasure, restriction) and closing. */
export default function RequestDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = usePrivacyReasons();
  const { requestId = '' } = useParams();
  // The API offers the queue, not one request: the detail is the request's row of the whole list.
  const { data, error, loading, reload } = useLoad(() => request(DataSubjectRequestQueue, { open: false, first: QUEUE_SIZE }), [requestId]);
  const row = data?.dataSubjectRequests.find((entry) => entry.id === requestId);
  const [done, setDone] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [erased, setErased] = useState<HolderErasure[] | null>(null);
  const [months, setMonths] = useState('1');
  const [extensionReason, setExtensionReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [refused, setRefused] = useState(false);

  const after = (message: string) => {
    setDone(message);
    reload();
  };
  const check = useAction(async () => {
    await request(CheckIdentity, { requestId });
    after(t('privacyDesk.detail.checked'));
  });
  const extend = useAction(async () => {
    if (!extensionReason.trim()) throw clientError([{ field: 'input.reason', reason: 'required', constraint: 'required' }]);
    await request(ExtendRequest, { input: { requestId, months: Number(months), reason: extensionReason.trim() } });
    setExtensionReason('');
    after(t('privacyDesk.detail.extended'));
  });
  const answer = useAction(async (kind: 'export' | 'erase' | 'restrict') => {
    if (kind === 'export') {
      const result = await request(ExportForRequest, { requestId });
      setExported(result.exportForDataSubjectRequest.document);
      after(t('privacyDesk.detail.exportDone'));
    } else if (kind === 'erase') {
      if (!window.confirm(t('privacyDesk.detail.eraseConfirm'))) return;
      const result = await request(EraseForRequest, { requestId });
      setErased(result.eraseForDataSubjectRequest.holders);
      after(t('privacyDesk.detail.eraseDone'));
    } else {
      await request(RestrictForRequest, { requestId });
      after(t('privacyDesk.detail.restrictDone'));
    }
  });
  // Art. 18(3): the person is told before their data is processed again; the API sends that e-mail.
  const [lifting, setLifting] = useState(false);
  const lift = useAction(async () => {
    try {
      await request(LiftRestriction, { requestId });
      after(t('privacyDesk.detail.liftDone'));
    } finally {
      setLifting(false);
    }
  });
  const [statement, setStatement] = useState('');
  const uphold = useAction(async () => {
    if (!statement.trim()) throw clientError([{ field: 'input.statement', reason: 'required', constraint: 'required' }]);
    await request(UpholdObjection, { input: { requestId, statement: statement.trim() } });
    after(t('privacyDesk.detail.upholdDone'));
  });
  const close = useAction(async () => {
    if (!outcome.trim()) throw clientError([{ field: 'input.outcome', reason: 'required', constraint: 'required' }]);
    await request(CloseRequest, { input: { requestId, outcome: outcome.trim(), refused } });
    after(t('privacyDesk.detail.closed'));
  });

  if (loading && !data) return <Loading />;
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!row) {
    return (
      <>
        <PageTitle>{t('privacyDesk.detail.notFound')}</PageTitle>
        <Link to="/app/privacy/requests">{t('privacyDesk.detail.back')}</Link>
      </>
    );
  }
  const type = row.type ?? 'ACCESS';
  const open = OPEN_STATUSES.includes(row.status ?? '');
  const extensible = open && !row.extensionMonths && !row.overdue;
  return (
    <>
      <PageTitle>{t('privacyDesk.detail.title', { type: t(`privacyDesk.types.${type}`) })}</PageTitle>
      <p>
        <Link to="/app/privacy/requests">{t('privacyDesk.detail.back')}</Link>
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <dl className="details details--wide">
        <div>
          <dt>{t('privacyDesk.queue.status')}</dt>
          <dd>
            {row.status ? t(`privacyDesk.statuses.${row.status}`) : null}
            {row.overdue ? (
              <>
                {' '}
                <span className="badge badge--alarm">{t('privacyDesk.queue.overdue')}</span>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('privacyDesk.detail.received')}</dt>
          <dd>{format.dateTime(row.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('privacyDesk.detail.firstDueOn')}</dt>
          <dd>{format.date(row.firstDueOn)}</dd>
        </div>
        <div>
          <dt>{t('privacyDesk.detail.dueOn')}</dt>
          <dd>{format.date(row.dueOn)}</dd>
        </div>
        {row.extensionMonths ? (
          <div>
            <dt>{t('privacyDesk.detail.extension')}</dt>
            <dd>
              {t('privacyDesk.detail.monthsOption', { count: row.extensionMonths })} — {row.extensionReason}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('privacyDesk.detail.identity')}</dt>
          <dd>{row.identityVerifiedBy ? t(`privacyDesk.detail.identity${row.identityVerifiedBy === 'LOGIN' ? 'LOGIN' : 'EMAIL_AND_MANUAL_CHECK'}`) : t('privacyDesk.detail.identityNone')}</dd>
        </div>
        <div>
          <dt>{t('privacyDesk.detail.email')}</dt>
          <dd>{row.requesterEmail ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>{t('privacyDesk.detail.language')}</dt>
          <dd>{row.language ? format.languageName(row.language) : null}</dd>
        </div>
        {row.details ? (
          <div>
            <dt>{t('privacyDesk.detail.details')}</dt>
            <dd className="prewrap">{row.details}</dd>
          </div>
        ) : null}
        {row.completedAt ? (
          <div>
            <dt>{t('privacyDesk.detail.completed')}</dt>
            <dd>{format.dateTime(row.completedAt)}</dd>
          </div>
        ) : null}
        {row.outcome ? (
          <div>
            <dt>{t('privacyDesk.detail.outcome')}</dt>
            <dd className="prewrap">{row.outcome}</dd>
          </div>
        ) : null}
      </dl>

      {row.status === 'AWAITING_IDENTITY_CHECK' ? (
        <section aria-labelledby="check-title" className="form-section">
          <h2 id="check-title">{t('privacyDesk.detail.checkTitle')}</h2>
          <Form error={check.error} overrides={reasons} onSubmit={() => void check.run()} idScope="check-">
            <p>{t('privacyDesk.detail.checkLead')}</p>
            <SubmitButton pending={check.pending} pendingLabel={t('common.saving')}>
              {t('privacyDesk.detail.check')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {open && row.identityVerifiedBy && (EXPORTED.includes(type) || type === 'ERASURE' || type === 'RESTRICTION') ? (
        <section aria-labelledby="answer-title" className="form-section">
          <h2 id="answer-title">{t('privacyDesk.detail.answerTitle')}</h2>
          <Form error={answer.error} overrides={reasons} onSubmit={() => undefined} idScope="answer-">
            <p className="button-row">
              {EXPORTED.includes(type) ? (
                <button type="button" className="button" disabled={answer.pending} onClick={() => void answer.run('export')}>
                  {t('privacyDesk.detail.export')}
                </button>
              ) : null}
              {type === 'ERASURE' ? (
                <button type="button" className="button button--danger" disabled={answer.pending} onClick={() => void answer.run('erase')}>
                  {t('privacyDesk.detail.erase')}
                </button>
              ) : null}
              {type === 'RESTRICTION' ? (
                <button type="button" className="button" disabled={answer.pending} onClick={() => void answer.run('restrict')}>
                  {t('privacyDesk.detail.restrict')}
                </button>
              ) : null}
            </p>
          </Form>
        </section>
      ) : null}
      {type === 'RESTRICTION' && restrictionLiftedAt(row.outcome) ? <p>{t('myData.restrictionLiftedOn', { date: format.dateTime(restrictionLiftedAt(row.outcome)!) })}</p> : null}
      {type === 'RESTRICTION' && row.status === 'COMPLETED' && row.subjectUserId && !restrictionLiftedAt(row.outcome) ? (
        <section aria-labelledby="lift-title" className="form-section">
          <h2 id="lift-title">{t('privacyDesk.detail.liftTitle')}</h2>
          <p>{t('privacyDesk.detail.liftLead')}</p>
          <ErrorSummary error={lift.error} overrides={reasons} />
          <button type="button" className="button button--secondary" onClick={() => (setLifting(true), lift.setError(null))}>
            {t('privacyDesk.detail.lift')}
          </button>
        </section>
      ) : null}
      <ConfirmDialog
        open={lifting}
        tone="primary"
        title={t('privacyDesk.detail.liftConfirmTitle')}
        body={<p>{t('privacyDesk.detail.liftConfirmBody')}</p>}
        confirmLabel={t('privacyDesk.detail.lift')}
        pending={lift.pending}
        onConfirm={() => void lift.run()}
        onClose={() => setLifting(false)}
      />
      {open && row.identityVerifiedBy && type === 'OBJECTION' ? (
        <section aria-labelledby="uphold-title" className="form-section">
          <h2 id="uphold-title">{t('privacyDesk.detail.upholdTitle')}</h2>
          <p>{t('privacyDesk.detail.upholdLead')}</p>
          <Form error={uphold.error} overrides={reasons} onSubmit={() => void uphold.run()} idScope="uphold-">
            <TextAreaField name="input.statement" label={t('privacyDesk.detail.upholdStatement')} value={statement} onValue={setStatement} />
            <SubmitButton pending={uphold.pending} pendingLabel={t('common.saving')}>
              {t('privacyDesk.detail.uphold')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      {exported ? (
        <p>
          <button type="button" className="button button--secondary" onClick={() => downloadText(exported, `data-subject-export-${requestId}.json`, 'application/json')}>
            {t('privacyDesk.detail.download')}
          </button>
        </p>
      ) : null}
      {erased ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('privacyDesk.detail.holder')}</th>
                <th scope="col">{t('privacyDesk.detail.deleted')}</th>
                <th scope="col">{t('privacyDesk.detail.deidentified')}</th>
                <th scope="col">{t('privacyDesk.detail.kept')}</th>
                <th scope="col">{t('privacyDesk.detail.why')}</th>
              </tr>
            </thead>
            <tbody>
              {erased.map((holder) => (
                <tr key={holder.holder}>
                  <th scope="row">
                    <code>{holder.holder}</code>
                  </th>
                  <td className="numeric">{format.number(holder.deleted)}</td>
                  <td className="numeric">{format.number(holder.deidentified)}</td>
                  <td className="numeric">{format.number(holder.keptAsReference)}</td>
                  <td>{holder.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {extensible ? (
        <section aria-labelledby="extend-title" className="form-section">
          <h2 id="extend-title">{t('privacyDesk.detail.extendTitle')}</h2>
          <p>{t('privacyDesk.detail.extendLead', { date: format.date(row.firstDueOn) })}</p>
          <Form error={extend.error} overrides={reasons} onSubmit={() => void extend.run()} idScope="extend-">
            <SelectField
              name="input.months"
              label={t('privacyDesk.detail.months')}
              value={months}
              onValue={setMonths}
              options={[1, 2].map((count) => ({ value: String(count), label: t('privacyDesk.detail.monthsOption', { count }) }))}
            />
            <TextAreaField name="input.reason" label={t('privacyDesk.detail.reason')} value={extensionReason} onValue={setExtensionReason} />
            <SubmitButton pending={extend.pending} pendingLabel={t('common.saving')}>
              {t('privacyDesk.detail.extend')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}

      {open ? (
        <section aria-labelledby="close-title" className="form-section">
          <h2 id="close-title">{t('privacyDesk.detail.closeTitle')}</h2>
          <Form error={close.error} overrides={reasons} onSubmit={() => void close.run()} idScope="close-">
            <TextAreaField name="input.outcome" label={t('privacyDesk.detail.outcomeField')} hint={t('privacyDesk.detail.outcomeHint')} value={outcome} onValue={setOutcome} />
            <div className="field field--checkbox">
              <label>
                <input type="checkbox" checked={refused} onChange={(event) => setRefused(event.target.checked)} /> {t('privacyDesk.detail.refused')}
              </label>
            </div>
            <SubmitButton pending={close.pending} pendingLabel={t('common.saving')}>
              {t('privacyDesk.detail.close')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
