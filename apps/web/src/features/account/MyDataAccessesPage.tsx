import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { AccessTable } from '../privacy/AccessTable';

const PAGE_SIZE = 50;

// The data subject reads their own entries (PersonalDataAccess, `self`).
const MyPersonalDataAccesses = graphql(`
  query MyPersonalDataAccesses($first: Int!, $before: ID) {
    myPersonalDataAccesses(first: $first, before: $before) {
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
    }
  }
`);

/** Who of the staff or the platform operator read my personal data. */
export default function MyDataAccessesPage() {
  const { t } = useTranslation();
  const list = usePagedList(
    async (before: string | null) => (await request(MyPersonalDataAccesses, { first: PAGE_SIZE, before })).myPersonalDataAccesses,
    (row) => row.id,
    PAGE_SIZE,
  );
  return (
    <>
      <PageTitle lead={t('myDataAccesses.lead')}>{t('myDataAccesses.title')}</PageTitle>
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!list.loading && !list.error && list.rows.length === 0 ? <p>{t('myDataAccesses.none')}</p> : null}
      {list.rows.length > 0 ? <AccessTable rows={list.rows} caption={t('myDataAccesses.title')} showSubject={false} /> : null}
      {list.loading ? <Loading /> : null}
      <NextPageButton list={list} label={t('common.loadOlder')} />
    </>
  );
}
