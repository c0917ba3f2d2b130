import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { clientError } from '../../api/errors';
import { useSession } from '../../auth/session';
import { sessionStore } from '../../auth/session-store';
import { graphql } from '../../gql';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
import { initialChoice, rememberedTenant, rememberTenant, slugOf, TenantPicker, type TenantChoice } from './TenantPicker';

const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
      totpEnrolmentRequired
    }
  }
`);

/** Only paths inside the portal: never an address elsewhere (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/app') && !next.startsWith('//') ? next : '/app';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signIn } = useSession();
  const [tenant, setTenant] = useState<TenantChoice>(() => initialChoice(params.get('tenant') ?? rememberedTenant()));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Instead of the app's code: one of the recovery codes stored at enrolment (a lost phone).
  const [recovery, setRecovery] = useState(false);
  const [recoveryCode, setRecoveryCode] = useState('');
  const [ended] = useState(() => sessionStore.endReason());
  const overrides = useMemo(() => ({ UNAUTHENTICATED: t('login.failed'), TOO_MANY_REQUESTS: t('login.throttled') }), [t]);

  const { run, pending, error } = useAction(async () => {
    const missing = [
      ...(tenant.selected ? [] : [{ field: 'input.tenant', reason: 'required', constraint: 'required' }]),
      ...(email.trim() ? [] : [{ field: 'input.email', reason: 'required', constraint: 'required' }]),
      ...(password ? [] : [{ field: 'input.password', reason: 'required', constraint: 'required' }]),
    ];
    if (missing.length) throw clientError(missing);
    const slug = slugOf(tenant);
    const totpCode = recovery ? '' : code.replace(/\s/g, '');
    const recoveryGiven = recovery ? recoveryCode.trim() : '';
    const data = await requestPublic(Login, {
      // The refresh token goes into an HttpOnly cookie, out of reach of this page's scripts.
      input: {
        email: email.trim(),
        password,
        refreshTokenIn: 'COOKIE',
        ...(slug ? { tenant: slug } : {}),
        ...(totpCode ? { totpCode } : {}),
        ...(recoveryGiven ? { recoveryCode: recoveryGiven } : {}),
      },
    });
    rememberTenant(slug);
    await signIn(data.login, slug);
    navigate(data.login.totpEnrolmentRequired ? '/app/second-factor' : safeNext(params.get('next')), { replace: true });
  });

  return (
    <div className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      {ended === 'expired' ? <Notice kind="warning">{t('login.sessionEnded')}</Notice> : null}
      <Form error={error} overrides={overrides} onSubmit={() => void run()}>
        <TenantPicker name="input.tenant" value={tenant} onChange={setTenant} allowPlatform />
        <TextField name="input.email" label={t('fields.email')} type="email" autoComplete="username" value={email} onValue={setEmail} />
        <TextField name="input.password" label={t('fields.password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} />
        {recovery ? (
          <TextField
            name="input.recoveryCode"
            label={t('login.recoveryCode')}
            hint={t('login.recoveryCodeHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={13}
            value={recoveryCode}
            onValue={setRecoveryCode}
          />
        ) : (
          <TextField
            name="input.totpCode"
            label={t('login.code')}
            hint={t('login.codeHint')}
            optional
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={7}
            value={code}
            onValue={setCode}
          />
        )}
        <p>
          <button type="button" className="button button--link" onClick={() => setRecovery(!recovery)}>
            {recovery ? t('login.useAppCode') : t('login.useRecoveryCode')}
          </button>
        </p>
        <SubmitButton pending={pending} pendingLabel={t('login.submitting')}>
          {t('login.submit')}
        </SubmitButton>
      </Form>
      <ul className="link-list">
        <li>
          <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
        </li>
        <li>
          <Link to="/register">{t('login.noAccount')}</Link>
        </li>
      </ul>
      <p className="small-print">{t('login.reloadNote')}</p>
    </div>
  );
}
