import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';

// The caller's answer to the newest version, and the versions' public texts (title and what changed).
const MyPolicyNotice = graphql(`
  query MyPolicyNotice($slug: String!) {
    myPrivacyPolicyNotice {
      versionId
      answer
      objectionDeadline
    }
    privacyPolicyVersions(tenantSlug: $slug) {
      id
      version
      title
      summary
      publishedAt
    }
  }
`);

const AcceptPolicy = graphql(`
  mutation AcceptPolicy($versionId: ID!) {
    acceptPrivacyPolicy(versionId: $versionId) {
      versionId
      answer
    }
  }
`);

const ObjectToPolicy = graphql(`
  mutation ObjectToPolicy($input: ObjectToPrivacyPolicyInput!) {
    objectToPrivacyPolicy(input: $input) {
      versionId
      answer
    }
  }
`);

/** The policy-version refusals as sentences in the reader's language (docs/errors.md). */
export function usePolicyReasons(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      POLICY_VERSION_NOT_FOUND: t('policyVersions.reasons.POLICY_VERSION_NOT_FOUND'),
      POLICY_VERSION_TAKEN: t('policyVersions.reasons.POLICY_VERSION_TAKEN'),
      POLICY_UNCHANGED: t('policyVersions.reasons.POLICY_UNCHANGED'),
      POLICY_ALREADY_ANSWERED: t('policyVersions.reasons.POLICY_ALREADY_ANSWERED'),
      POLICY_OBJECTION_WINDOW_CLOSED: t('policyVersions.reasons.POLICY_OBJECTION_WINDOW_CLOSED'),
    }),
    [t],
  );
}

/**
 * The in-application announcement of a new privacy-policy version (DigiChambers 004 §1.2: changes are
 * announced visibly in the application; who does not object within three working days is deemed to
 * accept). Shown on every portal screen to each user of the tenant while their answer is PENDING, so
 * the deemed acceptance rests on a notice the user actually had before them.
 */
export function PolicyNotice({ slot }: { slot: HTMLElement | null }) {
  const content = usePolicyNoticeContent();
  // Kept by the layout (its state lives across screens), shown under each screen's title.
  return slot && content ? createPortal(content, slot) : null;
}

function usePolicyNoticeContent() {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, tenant } = useSession();
  const slug = session?.tenantSlug ?? '';
  const reasons = usePolicyReasons();
  const loaded = useLoad(() => (slug ? request(MyPolicyNotice, { slug }) : Promise.resolve(null)), [slug]);
  const [objecting, setObjecting] = useState(false);
  const [reason, setReason] = useState('');
  const [answered, setAnswered] = useState<'ACCEPTED' | 'OBJECTED' | null>(null);
  const objectionHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (objecting) objectionHeading.current?.focus();
  }, [objecting]);

  const notice = loaded.data?.myPrivacyPolicyNotice;
  const version = loaded.data?.privacyPolicyVersions.find((v) => v.id === notice?.versionId);

  const accept = useAction(async () => {
    if (!version?.id) return;
    await request(AcceptPolicy, { versionId: version.id });
    setAnswered('ACCEPTED');
  });
  const object = useAction(async () => {
    if (!version?.id) return;
    await request(ObjectToPolicy, { input: { versionId: version.id, reason: reason.trim() || undefined } });
    setAnswered('OBJECTED');
  });

  if (answered && version) {
    return (
      <div className="policy-notice">
        <Notice kind="success">
          <p>{answered === 'ACCEPTED' ? t('policyVersions.notice.accepted', { version: version.version ?? 1 }) : t('policyVersions.notice.objected', { version: version.version ?? 1, tenant: tenant?.name ?? slug })}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => (setAnswered(null), loaded.reload())}>
            {t('policyVersions.notice.close')}
          </button>
        </Notice>
      </div>
    );
  }
  // Nothing to announce: no policy yet, already answered, or the window has closed (deemed accepted).
  if (!notice || notice.answer !== 'PENDING' || !version) return null;

  const tenantName = tenant?.name ?? slug;
  const titleId = 'policy-notice-title';
  return (
    <section className="policy-notice notice notice--warning" aria-labelledby={titleId}>
      <h2 id={titleId} className="notice__title">
        {t('policyVersions.notice.title', { tenant: tenantName })}
      </h2>
      <p>{t('policyVersions.notice.published', { version: version.version ?? 1, title: version.title ?? '', date: format.date(version.publishedAt) })}</p>
      <p className="policy-notice__summary prewrap">{version.summary}</p>
      <p>
        {t('policyVersions.notice.deadline', { deadline: format.dateTime(notice.objectionDeadline) })}{' '}
        <Link to={`/privacy/${slug}`}>{t('policyVersions.notice.read')}</Link>
      </p>
      {objecting ? (
        <div className="policy-notice__objection">
          <h3 ref={objectionHeading} tabIndex={-1} id="policy-objection-title">
            {t('policyVersions.notice.objectTitle', { version: version.version ?? 1 })}
          </h3>
          <p>{t('policyVersions.notice.objectLead', { tenant: tenantName })}</p>
          <Form error={object.error} overrides={reasons} onSubmit={() => void object.run()} idScope="policy-objection-" aria-labelledby="policy-objection-title">
            <FieldShell name="input.reason" label={t('policyVersions.notice.reason')} hint={t('policyVersions.notice.reasonHint')} optional>
              {(a11y) => <textarea {...a11y} rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />}
            </FieldShell>
            <div className="button-row">
              <SubmitButton pending={object.pending} pendingLabel={t('common.saving')}>
                {t('policyVersions.notice.sendObjection')}
              </SubmitButton>
              <button type="button" className="button button--secondary" onClick={() => (setObjecting(false), object.setError(null))}>
                {t('common.cancel')}
              </button>
            </div>
          </Form>
        </div>
      ) : (
        <Form error={accept.error} overrides={reasons} onSubmit={() => void accept.run()} idScope="policy-accept-" aria-labelledby={titleId}>
          <div className="button-row">
            <SubmitButton pending={accept.pending} pendingLabel={t('common.saving')}>
              {t('policyVersions.notice.accept', { version: version.version ?? 1 })}
            </SubmitButton>
            <button type="button" className="button button--secondary" onClick={() => (setObjecting(true), accept.setError(null))}>
              {t('policyVersions.notice.object', { version: version.version ?? 1 })}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
