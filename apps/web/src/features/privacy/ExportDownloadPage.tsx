import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveAs } from '../../api/http-files';
import { Notice } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLinkToken } from '../registration/link-token';

/**
 * The page an access or portability answer's e-mail links to (`/privacy/export#token=…`). The secret
 * stays in the fragment (no server or proxy log, no Referer) until the person asks for the file: a
 * link scanner that opens the e-mail's link spends none of its three downloads.
 */
export default function ExportDownloadPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const [state, setState] = useState<'ready' | 'working' | 'done' | 'failed'>(token ? 'ready' : 'failed');

  async function downloadExport() {
    setState('working');
    try {
      const response = await fetch(`/data-subject-export?token=${encodeURIComponent(token)}`, { credentials: 'omit', cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'personal-data.json';
      await saveAs(response, name);
      setState('done');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="narrow">
      <PageTitle lead={t('privacyDesk.exportDownload.lead')}>{t('privacyDesk.exportDownload.title')}</PageTitle>
      {state === 'ready' || state === 'working' ? (
        <div className="button-row">
          <button type="button" className="button" disabled={state === 'working'} onClick={() => void downloadExport()}>
            {t('privacyDesk.exportDownload.download')}
          </button>
        </div>
      ) : null}
      {state === 'done' ? <Notice kind="success">{t('privacyDesk.exportDownload.done')}</Notice> : null}
      {state === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <p>{t('privacyDesk.exportDownload.invalidLink')}</p>
        </div>
      ) : null}
    </div>
  );
}
