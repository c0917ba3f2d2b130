import { useTranslation } from 'react-i18next';
import type { MySessionsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';

export type SessionRow = MySessionsQuery['mySessions'][number];

/** "Firefox on Windows" from a user-agent string; the raw string when nothing is recognised. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return '';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (!browser && !system) return userAgent.slice(0, 60);
  return [browser, system].filter(Boolean).join(' · ');
}

export function SessionsTable({
  sessions,
  caption,
  currentId,
  onEnd,
}: {
  sessions: SessionRow[];
  caption: string;
  currentId?: string | null;
  onEnd?: (session: SessionRow) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sessions.device')}</th>
            <th scope="col">{t('sessions.ipAddress')}</th>
            <th scope="col">{t('sessions.started')}</th>
            <th scope="col">{t('sessions.lastActive')}</th>
            <th scope="col">{t('sessions.state')}</th>
            {onEnd ? <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const active = !session.revokedAt && (!session.absoluteExpiresAt || Date.parse(session.absoluteExpiresAt) > Date.now());
            const current = Boolean(currentId && session.id === currentId);
            return (
              <tr key={session.id ?? ''} className={current ? 'row--current' : undefined}>
                <td>
                  {describeUserAgent(session.userAgent)}
                  {current ? <span className="badge badge--info"> {t('sessions.thisSession')}</span> : null}
                </td>
                <td>{session.ipAddress ?? ''}</td>
                <td>{format.dateTime(session.createdAt)}</td>
                <td>{format.dateTime(session.lastRefreshedAt)}</td>
                <td>
                  {active
                    ? t('sessions.active')
                    : session.revokedAt
                      ? t('sessions.ended', { date: format.dateTime(session.revokedAt), reason: session.revokedReason ?? '' })
                      : t('sessions.expired')}
                </td>
                {onEnd ? (
                  <td>
                    {active && !current ? (
                      <button type="button" className="button button--secondary button--small" onClick={() => onEnd(session)}>
                        {t('sessions.end')}
                        <span className="visually-hidden"> ({describeUserAgent(session.userAgent)}, {format.dateTime(session.createdAt)})</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
