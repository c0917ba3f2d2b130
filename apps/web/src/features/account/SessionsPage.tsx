import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { sessionStore } from '../../auth/session-store';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { SessionsTable, type SessionRow } from './SessionsTable';

const MySessions = graphql(`
  query MySessions {
    mySessions {
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

const EndMySession = graphql(`
  mutation EndMySession($sessionId: ID!) {
    endMySession(sessionId: $sessionId) {
      id
      revokedAt
    }
  }
`);

const LogoutEverywhere = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

export default function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, signOut } = useSession();
  const sessions = useLoad(() => request(MySessions));
  const [ending, setEnding] = useState<SessionRow | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const [ended, setEnded] = useState(false);

  const end = useAction(async (target: SessionRow) => {
    if (!target.id) return;
    await request(EndMySession, { sessionId: target.id });
    setEnding(null);
    setEnded(true);
    sessions.reload();
  });
  const logoutEverywhere = useAction(async () => {
    await request(LogoutEverywhere);
    sessionStore.end('logout');
    navigate('/login', { replace: true });
  });

  return (
    <>
      <PageTitle lead={t('sessions.lead')}>{t('sessions.title')}</PageTitle>
      {ended ? <Notice kind="success">{t('sessions.endedNotice')}</Notice> : null}
      <ErrorSummary error={end.error ?? logoutEverywhere.error} />
      {sessions.loading && !sessions.data ? <Loading /> : null}
      {sessions.error ? <LoadError error={sessions.error} onRetry={sessions.reload} /> : null}
      {sessions.data ? (
        <SessionsTable sessions={sessions.data.mySessions} caption={t('sessions.title')} currentId={session?.sessionId} onEnd={setEnding} />
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}
        >
          {t('nav.logout')}
        </button>
        <button type="button" className="button button--danger" onClick={() => setEverywhere(true)}>
          {t('sessions.logoutEverywhere')}
        </button>
      </div>
      <ConfirmDialog
        open={ending !== null}
        title={t('sessions.endTitle')}
        body={<p>{t('sessions.endBody')}</p>}
        confirmLabel={t('sessions.end')}
        pending={end.pending}
        onConfirm={() => ending && void end.run(ending)}
        onClose={() => setEnding(null)}
      />
      <ConfirmDialog
        open={everywhere}
        title={t('sessions.logoutEverywhere')}
        body={<p>{t('sessions.logoutEverywhereBody')}</p>}
        confirmLabel={t('sessions.logoutEverywhere')}
        pending={logoutEverywhere.pending}
        onConfirm={() => void logoutEverywhere.run()}
        onClose={() => setEverywhere(false)}
      />
    </>
  );
}
