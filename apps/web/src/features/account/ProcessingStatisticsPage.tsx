import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { isUuid } from '../../ui/typed-values';

// Personal data of the chamber user (SPEC §2, 004 §2.2): the person themself and the tenant admin only.
const ProcessingStatistics = graphql(`
  query ProcessingStatistics($userId: ID) {
    certificateProcessingStatistics(userId: $userId) {
      userId
      month
      reviewed
      signed
    }
  }
`);

// The staff member's name, for the tenant admin's view (what the staff users page shows).
const StaffMember = graphql(`
  query ProcessingStatisticsStaffMember {
    managedUsers {
      id
      email
      firstName
      lastName
    }
  }
`);

/**
 * Applications a chamber user processed per month: one's own (`/app/processing-statistics`), or a
 * staff member's for the tenant admin (`/app/users/:userId/processing-statistics`).
 */

export default function ProcessingStatisticsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const { userId: someoneId } = useParams();
  // One's own figures by one's id: without it the API answers the tenant admin everyone's.
  const userId = someoneId ?? me?.id ?? '';
  const own = !someoneId || someoneId === me?.id;
  // A malformed id in the address is nobody: asked of the API, it would be refused as a field the page does not have.
  const wellFormed = own || isUuid(someoneId ?? '');
  const statistics = useLoad(() => (wellFormed ? request(ProcessingStatistics, { userId }) : Promise.resolve(null)), [userId, wellFormed]);
  const staff = useLoad(() => (own ? Promise.resolve(null) : request(StaffMember)), [own]);
  const person = staff.data?.managedUsers.find((user) => user.id === someoneId);
  const name = person ? [person.firstName, person.lastName].filter(Boolean).join(' ') || (person.email ?? '') : '';
  const month = useMemo(() => new Intl.DateTimeFormat(format.locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }), [format.locale]);
  const monthName = (value: string | null | undefined) => (value && /^\d{4}-\d{2}$/.test(value) ? month.format(new Date(`${value}-01T00:00:00Z`)) : (value ?? ''));
  // Newest month first.
  const rows = [...(statistics.data?.certificateProcessingStatistics ?? [])].filter((row) => row.userId === userId).sort((a, b) => (b.month ?? '').localeCompare(a.month ?? ''));
  const total = rows.reduce((sum, row) => ({ reviewed: sum.reviewed + (row.reviewed ?? 0), signed: sum.signed + (row.signed ?? 0) }), { reviewed: 0, signed: 0 });
  const title = own ? t('accountAdmin.statistics.title') : name ? t('accountAdmin.statistics.titleOf', { name }) : t('accountAdmin.statistics.titleOfSomeone');

  if (!own && staff.loading && !staff.data) return <Loading />;
  if (!own && (!wellFormed || (staff.data && !person))) {
    return (
      <>
        <PageTitle lead={t('accountAdmin.statistics.leadOf')}>{t('accountAdmin.statistics.titleOfSomeone')}</PageTitle>
        <p>{t('accountAdmin.statistics.unknown')}</p>
        <p>
          <Link to="/app/users">{t('accountAdmin.statistics.back')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle lead={own ? t('accountAdmin.statistics.lead') : t('accountAdmin.statistics.leadOf')}>{title}</PageTitle>
      {!own ? (
        <p>
          <Link to="/app/users">{t('accountAdmin.statistics.back')}</Link>
        </p>
      ) : null}
      {statistics.loading && !statistics.data ? <Loading /> : null}
      {statistics.error ? <LoadError error={statistics.error} onRetry={statistics.reload} /> : null}
      {staff.error ? <LoadError error={staff.error} onRetry={staff.reload} /> : null}
      {statistics.data && rows.length === 0 ? <p>{own ? t('accountAdmin.statistics.none') : t('accountAdmin.statistics.noneOf')}</p> : null}
      {statistics.data && rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('accountAdmin.statistics.caption')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('accountAdmin.statistics.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountAdmin.statistics.month')}</th>
                <th scope="col" className="numeric">{t('accountAdmin.statistics.reviewed')}</th>
                <th scope="col" className="numeric">{t('accountAdmin.statistics.signed')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month ?? ''}>
                  <th scope="row">{monthName(row.month)}</th>
                  <td className="numeric">{format.number(row.reviewed ?? 0)}</td>
                  <td className="numeric">{format.number(row.signed ?? 0)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('accountAdmin.statistics.total')}</th>
                <td className="numeric">{format.number(total.reviewed)}</td>
                <td className="numeric">{format.number(total.signed)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : null}
      <p className="muted">{own ? t('accountAdmin.statistics.privacy') : t('accountAdmin.statistics.privacyOf')}</p>
    </>
  );
}
