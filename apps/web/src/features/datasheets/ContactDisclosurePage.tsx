import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { hasAnyRole, ORGANISATION_ROLES } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { ObjectToContactDisclosureMutation } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction } from '../../ui/use-api';
import { AcknowledgePanel, NoticeText, useDisclosureNotice } from './DisclosureNotice';

const ObjectToContactDisclosure = graphql(`
  mutation ObjectToContactDisclosure {
    objectToContactDisclosure {
      withdrawnRoles
      datasheetsAffected
      replacementDeadline
    }
  }
`);

/**
 * The contact-disclosure notice of a certification body (COPRO §5b) for the person it concerns: what
 * is published about them, and their objection, with what it costs them said before they confirm.
 */
export default function ContactDisclosurePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me, tenant, reloadMe } = useSession();
  // Open to every logged-in person (not only company users), so the outcome stays in view once the
  // objection has withdrawn the roles; the acknowledgement and the objection are for company users.
  const companyUser = hasAnyRole(me?.roles, ORGANISATION_ROLES);
  const certificationBody = Boolean(tenant?.kinds.includes('CERTIFICATION_BODY'));
  const notice = useDisclosureNotice(certificationBody);
  const [confirming, setConfirming] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [objection, setObjection] = useState<ObjectToContactDisclosureMutation['objectToContactDisclosure'] | null>(null);
  const object = useAction(async () => {
    const data = await request(ObjectToContactDisclosure);
    setObjection(data.objectToContactDisclosure);
    setConfirming(false);
    // The roles withdrawn take effect at the next request: the portal's menus follow at once.
    void reloadMe();
  });

  return (
    <>
      <PageTitle lead={t('disclosure.pageLead')}>{t('disclosure.pageTitle')}</PageTitle>
      {!certificationBody ? <p>{t('disclosure.notApplicable')}</p> : null}
      {objection ? (
        <Notice kind="success" title={t('disclosure.objectedTitle')}>
          <p>{t('disclosure.objectedRoles', { roles: objection.withdrawnRoles.map((role) => t(`roles.${role}`)).join(', ') || t('disclosure.noRoles') })}</p>
          <p>
            {objection.datasheetsAffected > 0
              ? t('disclosure.objectedDatasheets', { count: objection.datasheetsAffected, date: format.date(objection.replacementDeadline) })
              : t('disclosure.objectedNoDatasheets')}
          </p>
        </Notice>
      ) : null}
      {certificationBody && notice.data ? (
        <section className="panel" aria-labelledby="notice-title">
          <h2 id="notice-title">{t('disclosure.noticeTitle', { tenant: tenant?.name ?? '' })}</h2>
          <NoticeText notice={notice.data} />
        </section>
      ) : null}
      {certificationBody && companyUser && !objection ? (
        <>
          {acknowledged ? <Notice kind="success">{t('disclosure.acknowledged')}</Notice> : <AcknowledgePanel onAcknowledged={() => setAcknowledged(true)} />}
          <section className="panel" aria-labelledby="object-title">
            <h2 id="object-title">{t('disclosure.objectTitle')}</h2>
            <p>{t('disclosure.objectLead')}</p>
            <ul>
              <li>{t('disclosure.consequenceRole')}</li>
              <li>{t('disclosure.consequencePublic')}</li>
              <li>{t('disclosure.consequenceCompany')}</li>
            </ul>
            <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
              {t('disclosure.object')}
            </button>
          </section>
        </>
      ) : null}
      {notice.error ? <LoadError error={notice.error} onRetry={notice.reload} /> : null}
      <ConfirmDialog
        open={confirming}
        title={t('disclosure.confirmTitle')}
        body={
          <>
            <ErrorSummary error={object.error} />
            <p>{t('disclosure.confirmBody')}</p>
            <p>{t('disclosure.confirmIrreversible')}</p>
          </>
        }
        confirmLabel={t('disclosure.confirm')}
        pending={object.pending}
        onConfirm={() => void object.run()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
