import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import type { VerifyCertificateQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { LoadError, Loading } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { type QueryState, useLoad } from '../../ui/use-api';
import { GoodsTable } from './GoodsTable';

// Everything the public answer holds; none of it is about a person (the API's policy: `anyone`).
const VerifyCertificate = graphql(`
  query VerifyCertificate($number: String!, $code: String!) {
    verifyCertificate(number: $number, code: $code) {
      authentic
      number
      status
      revocationReason
      supersededByNumber
      issuingChamber
      issuedAt
      countryOfOrigin
      goodsHash
      keyId
      recordDestroyedAt
      goods {
        description
        hsCode
        quantity
        unit
        grossWeightKg
        netWeightKg
        packages
        marksAndNumbers
      }
    }
  }
`);

/**
 * The public verification of a certificate of origin (no login): by number and code typed in, or
 * opened from the certificate's QR code (the API's `/verify/:number?code=` page links here, in the
 * reader's language). A page of its own, loaded on its own, so it opens fast on a phone.
 */
export default function VerificationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { number: numberInPath = '' } = useParams();
  const [params] = useSearchParams();
  const codeInPath = params.get('code') ?? '';
  const [number, setNumber] = useState(numberInPath);
  const [code, setCode] = useState(codeInPath);
  useEffect(() => {
    setNumber(numberInPath);
    setCode(codeInPath);
  }, [numberInPath, codeInPath]);
  const asked = numberInPath !== '' && codeInPath !== '';
  const answer = useLoad(
    () => (asked ? requestPublic(VerifyCertificate, { number: numberInPath.toUpperCase(), code: codeInPath.trim() }) : Promise.resolve(null)),
    [numberInPath, codeInPath],
  );
  // A number or code that cannot be one (mistyped from paper) is marked on its field, with the
  // values as typed to correct; asking again with the same values would only repeat the refusal.
  const inputError = answer.error?.code === 'BAD_USER_INPUT' && answer.error.fields.length > 0 ? answer.error : null;
  return (
    <div className="medium">
      <PageTitle lead={t('verification.lead')}>{t('verification.title')}</PageTitle>
      {asked && !inputError ? <VerificationResult answer={answer} /> : null}
      <Form
        error={inputError}
        onSubmit={() => navigate(`/verification/${encodeURIComponent(number.trim().toUpperCase())}?code=${encodeURIComponent(code.trim().toUpperCase())}`)}
        aria-labelledby={asked ? 'verify-another' : undefined}
      >
        {asked ? <h2 id="verify-another">{t('verification.another')}</h2> : null}
        <TextField name="number" label={t('verification.number')} hint={t('verification.numberHint')} autoComplete="off" spellCheck={false} value={number} onValue={setNumber} />
        <TextField name="code" label={t('verification.code')} hint={t('verification.codeHint')} autoComplete="off" spellCheck={false} value={code} onValue={setCode} />
        <SubmitButton pending={false} pendingLabel={t('verification.checking')}>
          {t('verification.submit')}
        </SubmitButton>
      </Form>
      <p className="small-print">{t('verification.privacy')}</p>
    </div>
  );
}

function VerificationResult({ answer }: { answer: QueryState<VerifyCertificateQuery | null> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (answer.loading) return <Loading />;
  if (answer.error) return <LoadError error={answer.error} onRetry={answer.reload} />;
  const v = answer.data?.verifyCertificate;
  if (!v) return null;
  if (!v.authentic && v.recordDestroyedAt) {
    // The number and code matched, but the record's content is gone (retention): not a forgery, and not to be read as one.
    return (
      <section className="notice notice--warning verification" aria-labelledby="verification-result">
        <h2 id="verification-result" className="notice__title">
          {t('verification.destroyed')}
        </h2>
        <p>{t('verification.destroyedHint')}</p>
        <dl className="details cert-details">
          <dt>{t('verification.number')}</dt>
          <dd>{v.number}</dd>
          <dt>{t('verification.status')}</dt>
          <dd>{v.status ? t(`certificates.statuses.${v.status}`) : ''}</dd>
          <dt>{t('verification.issuingChamber')}</dt>
          <dd>{v.issuingChamber}</dd>
          <dt>{t('verification.issuedAt')}</dt>
          <dd>{format.date(v.issuedAt)}</dd>
          <dt>{t('verification.recordDestroyedAt')}</dt>
          <dd>{format.date(v.recordDestroyedAt)}</dd>
        </dl>
      </section>
    );
  }
  if (!v.authentic) {
    return (
      <section className="notice notice--error verification" aria-labelledby="verification-result">
        <h2 id="verification-result" className="notice__title">
          {t('verification.notVerified')}
        </h2>
        <p>{t('verification.notVerifiedHint')}</p>
      </section>
    );
  }
  const verdict = v.status === 'REVOKED' ? t('verification.authenticRevoked') : v.status === 'SUPERSEDED' ? t('verification.authenticSuperseded') : t('verification.authenticValid');
  return (
    <section className={`notice ${v.status === 'ISSUED' ? 'notice--success' : 'notice--warning'} verification`} aria-labelledby="verification-result">
      <h2 id="verification-result" className="notice__title">
        {verdict}
      </h2>
      <dl className="details cert-details">
        <dt>{t('verification.number')}</dt>
        <dd>{v.number}</dd>
        <dt>{t('verification.status')}</dt>
        <dd>{v.status ? t(`certificates.statuses.${v.status}`) : ''}</dd>
        {v.revocationReason ? (
          <>
            <dt>{t('verification.revocationReason')}</dt>
            <dd>{t(`certificates.revocationReasons.${v.revocationReason}`)}</dd>
          </>
        ) : null}
        {v.supersededByNumber ? (
          <>
            <dt>{t('verification.supersededBy')}</dt>
            <dd>{v.supersededByNumber}</dd>
          </>
        ) : null}
        <dt>{t('verification.issuingChamber')}</dt>
        <dd>{v.issuingChamber}</dd>
        <dt>{t('verification.issuedAt')}</dt>
        <dd>{format.date(v.issuedAt)}</dd>
        <dt>{t('verification.countryOfOrigin')}</dt>
        <dd>{format.country(v.countryOfOrigin)}</dd>
        <dt>{t('verification.goodsHash')}</dt>
        <dd>
          <code className="hash">{v.goodsHash}</code>
          <br />
          <span className="small-print">{t('verification.goodsHashHint')}</span>
        </dd>
        <dt>{t('verification.keyId')}</dt>
        <dd>
          <code className="hash">{v.keyId}</code>
        </dd>
      </dl>
      {v.goods?.length ? (
        <>
          <h3>{t('verification.goods')}</h3>
          <p>{t('verification.goodsHint')}</p>
          <GoodsTable goods={v.goods} caption={t('verification.goods')} />
        </>
      ) : null}
    </section>
  );
}
