import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { HiddenValue, LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { SessionsTable } from '../account/SessionsTable';
import { roleNames } from './AccessTable';

// PRIVACY_OFFICER@ownTenant may read these User fields (not totpEnrolledAt, not signatureImage),
// and every Session field. Both reads are written to the access log.
const PrivacyUser = graphql(`
  query PrivacyUser($userId: ID!) {
    user(id: $userId) {
      id
      firstName
      lastName
      email
      jobTitle
      organisationId
      status
      roles
      lastLoginAt
    }
    sessionsOfUser(userId: $userId) {
      id
      createdAt
      lastRefreshedAt
      absoluteExpiresAt
      revokedAt
      revokedReason
      ipAddress
      userAgent
    }
  }
`);

/** One user's account and login sessions, as the privacy officer investigates misuse. */
export default function PrivacyUserPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { userId = '' } = useParams();
  const { data, error, loading, reload } = useLoad(() => request(PrivacyUser, { userId }), [userId]);
  const user = data?.user;
  const name = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : '';
  return (
    <>
      <PageTitle lead={t('privacyUser.lead')}>{name ? t('privacyUser.title', { name }) : t('privacyUser.titleUnknown')}</PageTitle>
      <p>
        <Link to={`/app/privacy/accesses?subject=${encodeURIComponent(userId)}`}>{t('privacyUser.accessesOf')}</Link>
      </p>
      {loading && !data ? <Loading /> : null}
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {user ? (
        <dl className="details details--wide">
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{user.email ?? <HiddenValue />}</dd>
          </div>
          <div>
            <dt>{t('fields.jobTitle')}</dt>
            <dd>{user.jobTitle ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('fields.roles')}</dt>
            <dd>{user.roles ? roleNames(user.roles) : <HiddenValue />}</dd>
          </div>
          <div>
            <dt>{t('fields.status')}</dt>
            <dd>{user.status ? t(`userStatus.${user.status}`) : <HiddenValue />}</dd>
          </div>
          <div>
            <dt>{t('profile.lastLogin')}</dt>
            <dd>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('common.never')}</dd>
          </div>
          <div>
            <dt>{t('privacyUser.company')}</dt>
            <dd>{user.organisationId ? <code className="id">{user.organisationId}</code> : t('privacyUser.staff')}</dd>
          </div>
        </dl>
      ) : null}
      {data ? (
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('privacyUser.sessions')}</h2>
          {data.sessionsOfUser.length === 0 ? <p>{t('privacyUser.noSessions')}</p> : <SessionsTable sessions={data.sessionsOfUser} caption={t('privacyUser.sessions')} />}
        </section>
      ) : null}
    </>
  );
}
