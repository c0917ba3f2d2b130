import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { graphql } from '../../gql';
import type { RegisterFormat } from '../../gql/graphql';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { downloadText } from '../../ui/download';
import { Form } from '../../ui/Form';
import { RegisterEntries } from './RegisterEntries';
import { parseRegister, RegisterView } from './RegisterView';

const ProcessingRegister = graphql(`
  query ProcessingRegister($format: RegisterFormat!) {
    processingRegister(format: $format)
  }
`);

const PlatformProcessingRegister = graphql(`
  query PlatformProcessingRegister($format: RegisterFormat!) {
    platformProcessingRegister(format: $format)
  }
`);

/**
 * A register of processing activities on screen (read from its JSON form), with both forms to download: the tenant's as controller
 * (Art. 30(1)), with its own entries to add and remove; or, for the operator, the platform's as processor
 * for every tenant (Art. 30(2)).
 */
export default function RegisterExportPage({ platform = false }: { platform?: boolean }) {
  const { t } = useTranslation();
  const read = async (format: RegisterFormat) =>
    platform ? (await request(PlatformProcessingRegister, { format })).platformProcessingRegister : (await request(ProcessingRegister, { format })).processingRegister;
  const shown = useLoad(async () => parseRegister(await read('JSON')), [platform]);
  const save = useAction(async (format: RegisterFormat) => {
    const text = await read(format);
    const day = new Date().toISOString().slice(0, 10);
    const name = platform ? 'platform-processing-register' : 'processing-register';
    if (format === 'JSON') downloadText(text, `${name}-${day}.json`, 'application/json');
    else downloadText(text, `${name}-${day}.md`, 'text/markdown');
  });
  return (
    <>
      {platform ? (
        <PageTitle lead={t('platformRegister.lead')}>{t('platformRegister.title')}</PageTitle>
      ) : (
        <PageTitle lead={t('privacyDesk.register.lead')}>{t('privacyDesk.register.title')}</PageTitle>
      )}
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
      {platform ? null : <RegisterEntries onChanged={shown.reload} />}
      {shown.loading && !shown.data ? <Loading /> : null}
      {shown.error ? <LoadError error={shown.error} onRetry={shown.reload} /> : null}
      {shown.data ? <RegisterView register={shown.data} /> : null}
      {shown.data === null && !shown.loading && !shown.error ? <p>{t('registerView.unreadable')}</p> : null}
    </>
  );
}
