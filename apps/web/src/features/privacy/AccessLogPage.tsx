import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { ChainCheck } from '../../ui/ChainCheck';
import { LoadError, Loading } from '../../ui/feedback';
import { Form } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { useAction } from '../../ui/use-api';
import { AccessTable } from './AccessTable';
import { isUuid } from '../../ui/typed-values';

const PAGE_SIZE = 50;

// PRIVACY_OFFICER@ownTenant reads every field of PersonalDataAccess.
const PersonalDataAccesses = graphql(`
  query PersonalDataAccesses($first: Int!, $before: ID, $subjectId: ID) {
    personalDataAccesses(first: $first, before: $before, subjectId: $subjectId) {
      id
      occurredAt
      accessorKind
      accessorId
      accessorRoles
      subjectType
      subjectId
      categories
      fields
      operation
      requestId
    }
  }
`);

const VerifyAccessChain = graphql(`
  query VerifyPersonalDataAccessChain {
    verifyPersonalDataAccessChain {
      valid
      entries
      firstBrokenSequence
      reason
      checkpointSequence
      prunedEntries
    }
  }
`);

/** The privacy officer's view: who read whose personal data in this tenant. */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const subjectId = params.get('subject');
  const [filter, setFilter] = useState(subjectId ?? '');
  const [userId, setUserId] = useState('');
  const list = usePagedList(
    async (before: string | null) => (await request(PersonalDataAccesses, { first: PAGE_SIZE, before, subjectId: subjectId || null })).personalDataAccesses,
    (row) => row.id,
    PAGE_SIZE,
    [subjectId],
  );
  const applyFilter = useAction(async () => {
    const value = filter.trim();
    if (value && !isUuid(value)) throw clientError([{ field: 'subjectId', reason: 'not an id', constraint: 'isUuid' }]);
    setParams(value ? { subject: value } : {});
  });
  const openUser = useAction(async () => {
    const value = userId.trim();
    if (!isUuid(value)) throw clientError([{ field: 'userId', reason: 'not an id', constraint: 'isUuid' }]);
    navigate(`/app/privacy/users/${value}`);
  });

  return (
    <>
      <PageTitle lead={t('accessLog.lead')}>{t('accessLog.title')}</PageTitle>
      <div className="toolbar">
        <Form error={applyFilter.error} onSubmit={() => void applyFilter.run()} className="form form--inline" aria-labelledby="filter-title" idScope="filter-">
          <h2 id="filter-title" className="visually-hidden">{t('accessLog.filter')}</h2>
          <TextField name="subjectId" label={t('accessLog.subjectFilter')} hint={t('accessLog.subjectFilterHint')} optional spellCheck={false} value={filter} onValue={setFilter} />
          <button type="submit" className="button button--secondary">{t('accessLog.applyFilter')}</button>
        </Form>
        <Form error={openUser.error} onSubmit={() => void openUser.run()} className="form form--inline" aria-labelledby="user-title" idScope="open-user-">
          <h2 id="user-title" className="visually-hidden">{t('accessLog.openUser')}</h2>
          <TextField name="userId" label={t('accessLog.userId')} hint={t('accessLog.userIdHint')} spellCheck={false} value={userId} onValue={setUserId} />
          <button type="submit" className="button button--secondary">{t('accessLog.openUser')}</button>
        </Form>
      </div>
      <ChainCheck
        check={async () => (await request(VerifyAccessChain)).verifyPersonalDataAccessChain}
        lead={t('accessLog.verifyLead')}
        extra={(status) => (status.prunedEntries > 0 ? <p>{t('accessLog.pruned', { count: status.prunedEntries, entries: format.number(status.prunedEntries) })}</p> : null)}
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.rows.length === 0 ? <p>{t('accessLog.none')}</p> : null}
      {list.rows.length > 0 ? <AccessTable rows={list.rows} caption={t('accessLog.title')} showSubject /> : null}
      {list.loading ? <Loading /> : null}
      <NextPageButton list={list} label={t('common.loadOlder')} />
    </>
  );
}
