import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPublic } from '../../api/client';
import { ApiError } from '../../api/errors';
import { graphql } from '../../gql';
import { describeError } from '../../i18n/errors';
import { Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLinkToken } from '../registration/link-token';
import { usePrivacyReasons } from './shared';

const ConfirmDataSubjectRequest = graphql(`
  mutation ConfirmDataSubjectRequest($token: String!) {
    confirmDataSubjectRequest(token: $token)
  }
`);

/** A token works once: the same page rendered twice (React's strict mode) shares one request. */
const confirmations = new Map<string, Promise<boolean>>();

/** The page the public request's confirmation e-mail links to (`/privacy/confirm-request#token=…`). */
export default function ConfirmRequestPage() {
  const { t } = useTranslation();
  const reasons = usePrivacyReasons();
  const token = useLinkToken();
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; error?: ApiError }>({ status: token ? 'working' : 'failed' });

  useEffect(() => {
    if (!token) return;
    let pending = confirmations.get(token);
    if (!pending) {
      pending = requestPublic(ConfirmDataSubjectRequest, { token }).then((data) => data.confirmDataSubjectRequest);
      confirmations.set(token, pending);
    }
    let current = true;
    pending.then(
      () => current && setState({ status: 'done' }),
      (error: unknown) => current && setState({ status: 'failed', error: ApiError.of(error) }),
    );
    return () => {
      current = false;
    };
  }, [token]);

  const failure = state.error && state.error.code !== 'UNAUTHENTICATED' ? describeError(state.error, reasons).message : t('privacyDesk.confirm.invalidLink');
  return (
    <div className="narrow">
      <PageTitle>{t('privacyDesk.confirm.title')}</PageTitle>
      {state.status === 'working' ? <Loading /> : null}
      {state.status === 'done' ? (
        <Notice kind="success" title={t('privacyDesk.confirm.doneTitle')}>
          <p>{t('privacyDesk.confirm.done')}</p>
        </Notice>
      ) : null}
      {state.status === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
          <p>
            <Link to="/privacy/request">{t('privacyDesk.confirm.again')}</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
