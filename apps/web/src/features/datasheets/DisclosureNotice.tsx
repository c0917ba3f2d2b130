import { useTranslation } from 'react-i18next';
import { request, requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import { currentLanguage } from '../../i18n/i18n';
import { ErrorSummary, LoadError, Loading } from '../../ui/feedback';
import { ChoiceGroup } from '../../ui/fields';
import { useAction, useLoad } from '../../ui/use-api';
import { DATASHEET_LANGUAGES } from './datasheet-shared';

// Public: anyone about to take an organisation role in a certification body's space reads it first.
export const ContactDisclosureNoticeQuery = graphql(`
  query ContactDisclosureNotice($language: String!) {
    contactDisclosureNotice(language: $language) {
      version
      language
      text
    }
  }
`);

const AcknowledgeContactDisclosureNotice = graphql(`
  mutation AcknowledgeContactDisclosureNotice($version: String!) {
    acknowledgeContactDisclosureNotice(version: $version) {
      acknowledgedAt
      noticeVersion
    }
  }
`);

export interface LoadedNotice {
  version: string;
  language: string;
  text: string;
}

/** The notice in the reader's language (the API's text and version), reloaded when the language changes. */
export function useDisclosureNotice(enabled = true) {
  const { i18n } = useTranslation();
  const language = (DATASHEET_LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : currentLanguage();
  return useLoad(async () => (enabled ? (await requestPublic(ContactDisclosureNoticeQuery, { language })).contactDisclosureNotice : null), [language, enabled]);
}

/** The notice's text as a quotation from the certification body's rules, with its version. */
export function NoticeText({ notice }: { notice: LoadedNotice }) {
  const { t } = useTranslation();
  return (
    <div className="disclosure-notice">
      <blockquote lang={notice.language}>
        <p>{notice.text}</p>
      </blockquote>
      <p className="small-print">{t('disclosure.version', { version: notice.version })}</p>
    </div>
  );
}

/**
 * For a logged-in person who has not acknowledged the notice yet (the API refused a datasheet with
 * DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED): the text, and a button to acknowledge this version.
 */
export function AcknowledgePanel({ onAcknowledged }: { onAcknowledged: () => void }) {
  const { t } = useTranslation();
  const notice = useDisclosureNotice();
  const acknowledge = useAction(async (version: string) => {
    await request(AcknowledgeContactDisclosureNotice, { version });
    onAcknowledged();
  });
  return (
    <section className="panel disclosure" aria-labelledby="acknowledge-title">
      <h2 id="acknowledge-title">{t('disclosure.acknowledgeTitle')}</h2>
      <p>{t('disclosure.acknowledgeLead')}</p>
      {notice.loading ? <Loading /> : null}
      {notice.error ? <LoadError error={notice.error} onRetry={notice.reload} /> : null}
      {notice.data ? (
        <>
          <NoticeText notice={notice.data} />
          <ErrorSummary error={acknowledge.error} />
          <button type="button" className="button" disabled={acknowledge.pending} onClick={() => void acknowledge.run(notice.data!.version)}>
            {acknowledge.pending ? t('common.saving') : t('disclosure.acknowledge')}
          </button>
        </>
      ) : null}
    </section>
  );
}

export const ACKNOWLEDGEMENT_FIELD = 'input.acknowledgedContactDisclosureNotice';

/**
 * Registration and invitation in a certification body's space: the notice, and the box the person
 * ticks to acknowledge it (its version is sent with the form; the API refuses the role without it).
 */
export function DisclosureConsent({ notice, acknowledged, onChange }: { notice: LoadedNotice; acknowledged: boolean; onChange: (acknowledged: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section disclosure">
      <legend>{t('disclosure.consentTitle')}</legend>
      <p>{t('disclosure.consentLead')}</p>
      <NoticeText notice={notice} />
      <ChoiceGroup<'yes'>
        name={ACKNOWLEDGEMENT_FIELD}
        legend={t('disclosure.consentLegend')}
        type="checkbox"
        options={[{ value: 'yes', label: t('disclosure.consentLabel', { version: notice.version }) }]}
        selected={acknowledged ? ['yes'] : []}
        onChange={(selected) => onChange(selected.includes('yes'))}
      />
    </fieldset>
  );
}
