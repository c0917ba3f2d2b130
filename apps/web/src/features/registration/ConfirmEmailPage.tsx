import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { requestPublic } from '../../api/client';
import { ApiError } from '../../api/errors';
import { graphql } from '../../gql';
import { describeError } from '../../i18n/errors';
import { Loading, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLinkToken } from './link-token';

const ConfirmEmail = graphql(`
  mutation ConfirmEmail($token: String!) {
    confirmEmail(token: $token)
  }
`);

/** A token works once: the same page rendered twice (React's strict mode) shares one request. */
const confirmations = new Map<string, Promise<boolean>>();

/** The page the confirmation e-mail links to (`/confirm-email#token=…`). */
export default function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [state, setState] = useState<{ status: 'working' | 'done' | 'failed'; error?: ApiError }>({ status: token ? 'working' : 'failed' });

  useEffect(() => {
    if (!token) return;
    let pending = confirmations.get(token);
    if (!pending) {
      pending = requestPublic(ConfirmEmail, { token }).then((data) => data.confirmEmail);
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

  const failure = state.error && state.error.code !== 'UNAUTHENTICATED' ? describeError(state.error).message : t('confirmEmail.invalidLink');
  return (
    <div className="narrow">
      <PageTitle>{t('confirmEmail.title')}</PageTitle>
      {state.status === 'working' ? <Loading /> : null}
      {state.status === 'done' ? (
        <Notice kind="success" title={t('confirmEmail.doneTitle')}>
          <p>{t('confirmEmail.done')}</p>
          <p>
            <Link to="/login">{t('common.goToLogin')}</Link>
          </p>
        </Notice>
      ) : null}
      {state.status === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
          <p>
            {t('confirmEmail.lapsed')} <Link to="/register">{t('nav.register')}</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
