import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import type { RegisterFormat } from '../../gql/graphql';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { Form } from '../../ui/Form';
import { RegisterEntries } from './RegisterEntries';
import { download } from './RequestDetailPage';

const ProcessingRegister = graphql(`
  query ProcessingRegister($format: RegisterFormat!) {
    processingRegister(format: $format)
  }
`);

/** The tenant's Art. 30(1) register: its own entries to add and remove, the readable document on screen, both forms to download. */
export default function RegisterExportPage() {
  const { t } = useTranslation();
  const preview = useLoad(() => request(ProcessingRegister, { format: 'MARKDOWN' }));
  const save = useAction(async (format: RegisterFormat) => {
    const text = (await request(ProcessingRegister, { format })).processingRegister;
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'JSON') download(text, `processing-register-${day}.json`, 'application/json');
    else download(text, `processing-register-${day}.md`, 'text/markdown');
  });
  return (
    <>
      <PageTitle lead={t('privacyDesk.register.lead')}>{t('privacyDesk.register.title')}</PageTitle>
      <Form error={save.error} onSubmit={() => undefined} idScope="register-">
        <p className="button-row">
          <button type="button" className="button" disabled={save.pending} onClick={() => void save.run('JSON')}>
            {t('privacyDesk.register.json')}
          </button>
          <button type="button" className="button button--secondary" disabled={save.pending} onClick={() => void save.run('MARKDOWN')}>
            {t('privacyDesk.register.markdown')}
          </button>
        </p>
      </Form>
      <RegisterEntries onChanged={preview.reload} />
      <h2>{t('privacyDesk.register.preview')}</h2>
      {preview.loading ? <Loading /> : null}
      {preview.error ? <LoadError error={preview.error} onRetry={preview.reload} /> : null}
      {preview.data ? (
        <pre className="document" tabIndex={0} aria-label={t('privacyDesk.register.preview')}>
          {preview.data.processingRegister}
        </pre>
      ) : null}
    </>
  );
}
