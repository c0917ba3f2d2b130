import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { sessionStore } from '../../auth/session-store';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { ErrorSummary, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { QrCode } from '../../ui/QrCode';
import { useAction } from '../../ui/use-api';
import { RecoveryCodesPanel, RecoveryCodesSection } from './RecoveryCodes';
import { StepUpDialog } from './StepUpDialog';

const BeginTotpEnrolment = graphql(`
  mutation BeginTotpEnrolment {
    beginTotpEnrolment
  }
`);

const ConfirmTotpEnrolment = graphql(`
  mutation ConfirmTotpEnrolmentWithRecoveryCodes($code: String!) {
    confirmTotpEnrolmentWithRecoveryCodes(code: $code) {
      codes
      generatedAt
    }
  }
`);

/** The secret of an otpauth:// URI in groups of four, for typing into an app by hand. */
function secretOf(uri: string): string {
  try {
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    return secret.replace(/(.{4})/g, '$1 ').trim();
  } catch {
    return '';
  }
}

export default function SecondFactorPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { session, me, reloadMe } = useSession();
  const [uri, setUri] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [enrolled, setEnrolled] = useState(false);
  // The recovery codes made at enrolment, shown once until the person says they stored them.
  const [recoveryCodes, setRecoveryCodes] = useState<{ codes: string[]; generatedAt: string } | null>(null);
  const [stepUpOpen, setStepUpOpen] = useState(false);
  const [verifiedUntil, setVerifiedUntil] = useState<Date | null>(null);
  // Whether the session was held back for enrolment when the page opened (the flag clears on success).
  const [required] = useState(() => Boolean(session?.totpEnrolmentRequired));

  const begin = useAction(async () => {
    const data = await request(BeginTotpEnrolment);
    setUri(data.beginTotpEnrolment);
  });
  const confirm = useAction(async () => {
    const data = await request(ConfirmTotpEnrolment, { code: code.replace(/\s/g, '') });
    // The account is read first: until enrolment the API answers nothing but enrolment (so `me` is
    // still empty), and the layout shows this page without it only while the flag is up.
    await reloadMe();
    sessionStore.secondFactorEnrolled();
    setRecoveryCodes(data.confirmTotpEnrolmentWithRecoveryCodes);
    setEnrolled(true);
    setUri(null);
  });

  const enrolledAt = me?.totpEnrolledAt;
  return (
    <div className="medium">
      <PageTitle lead={t('secondFactor.lead')}>{t('secondFactor.title')}</PageTitle>
      {enrolled && recoveryCodes ? (
        <>
          <Notice kind="success" title={t('secondFactor.enrolledTitle')}>
            <p>{t('secondFactor.enrolledNow')}</p>
          </Notice>
          <RecoveryCodesPanel
            codes={recoveryCodes.codes}
            generatedAt={recoveryCodes.generatedAt}
            onStored={() => {
              setRecoveryCodes(null);
              if (required) navigate('/app');
            }}
          />
        </>
      ) : null}
      {enrolled && !recoveryCodes ? (
        <Notice kind="success" title={t('secondFactor.enrolledTitle')}>
          <p>{t('secondFactor.enrolledNow')}</p>
          {required ? (
            <button type="button" className="button" onClick={() => navigate('/app')}>
              {t('secondFactor.continue')}
            </button>
          ) : null}
        </Notice>
      ) : null}
      {enrolledAt && !enrolled ? (
        <>
          <p>{t('secondFactor.enrolledSince', { date: format.dateTime(enrolledAt) })}</p>
          <RecoveryCodesSection />
          <h2>{t('stepUp.sectionTitle')}</h2>
          <p>{t('stepUp.explanation')}</p>
          {verifiedUntil ? <Notice kind="success">{t('stepUp.verifiedUntil', { time: format.time(verifiedUntil.toISOString()) })}</Notice> : null}
          <button type="button" className="button button--secondary" onClick={() => setStepUpOpen(true)}>
            {t('stepUp.open')}
          </button>
          <StepUpDialog
            open={stepUpOpen}
            onClose={() => setStepUpOpen(false)}
            onVerified={(until) => {
              setVerifiedUntil(until);
              setStepUpOpen(false);
            }}
          />
        </>
      ) : null}
      {!enrolledAt && !enrolled ? (
        <>
          {required ? <Notice kind="warning" title={t('secondFactor.requiredTitle')}>{t('secondFactor.required')}</Notice> : null}
          {!uri ? (
            <>
              <ErrorSummary error={begin.error} />
              <ol className="steps">
                <li>{t('secondFactor.step1')}</li>
                <li>{t('secondFactor.step2')}</li>
                <li>{t('secondFactor.step3')}</li>
              </ol>
              <button type="button" className="button" onClick={() => void begin.run()} disabled={begin.pending}>
                {t('secondFactor.setUp')}
              </button>
            </>
          ) : (
            <section aria-labelledby="enrol-title" className="enrolment">
              <h2 id="enrol-title">{t('secondFactor.scanTitle')}</h2>
              <div className="enrolment__grid">
                <QrCode value={uri} label={t('secondFactor.qrLabel')} />
                <div>
                  <p>{t('secondFactor.scan')}</p>
                  <p>{t('secondFactor.manual')}</p>
                  <p>
                    <code className="secret" data-testid="totp-secret">
                      {secretOf(uri)}
                    </code>
                  </p>
                </div>
              </div>
              <Form error={confirm.error} onSubmit={() => void confirm.run()}>
                <TextField name="code" label={t('secondFactor.code')} hint={t('secondFactor.codeHint')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onValue={setCode} />
                <SubmitButton pending={confirm.pending} pendingLabel={t('common.checking')}>
                  {t('secondFactor.confirm')}
                </SubmitButton>
              </Form>
            </section>
          )}
        </>
      ) : null}
    </div>
  );
}
