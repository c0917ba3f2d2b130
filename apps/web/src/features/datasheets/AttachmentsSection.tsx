import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ErrorSummary } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell, SelectField, TextField } from '../../ui/fields';
import { useAction } from '../../ui/use-api';
import { downloadAttachment, uploadAttachment } from './attachment-files';
import { DATASHEET_LANGUAGES } from './datasheet-shared';

const RemoveDatasheetAttachment = graphql(`
  mutation RemoveDatasheetAttachment($attachmentId: ID!) {
    removeDatasheetAttachment(attachmentId: $attachmentId) {
      id
    }
  }
`);

export interface AttachmentRow {
  id: string | null;
  title: string | null;
  language: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
}

/**
 * A version's attachments (a declaration of performance, a drawing): each downloadable; while the
 * version is editable, the company adds (one file at a time, sent as it is: the API checks type and
 * size on the bytes) and removes them. A published version's attachments are shown, never changed.
 */
export function AttachmentsSection({
  versionId,
  attachments,
  editable,
  onChanged,
  nested = false,
}: {
  versionId: string;
  attachments: readonly AttachmentRow[];
  editable: boolean;
  onChanged?: (notice: string) => void;
  /** Inside another section (a dialog): a level-3 heading, no panel of its own. */
  nested?: boolean;
}) {
  const Heading = nested ? 'h3' : 'h2';
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const upload = useAction(async () => {
    const problems = [
      ...(file ? [] : [{ field: 'file', reason: 'required', constraint: 'required' }]),
      ...(title.trim() ? [] : [{ field: 'title', reason: 'required', constraint: 'required' }]),
    ];
    if (problems.length || !file) throw clientError(problems);
    await uploadAttachment(versionId, file, title.trim(), language);
    setFile(null);
    setTitle('');
    setLanguage('');
    setInputKey((k) => k + 1);
    onChanged?.(t('datasheets.attachments.added', { title: title.trim() }));
  });
  const remove = useAction(async (attachment: AttachmentRow) => {
    setBusy(attachment.id);
    try {
      await request(RemoveDatasheetAttachment, { attachmentId: attachment.id ?? '' });
      onChanged?.(t('datasheets.attachments.removed', { title: attachment.title ?? '' }));
    } finally {
      setBusy(null);
    }
  });
  const download = useAction(async (attachment: AttachmentRow) => {
    setBusy(attachment.id);
    try {
      await downloadAttachment(versionId, attachment.id ?? '', attachment.fileName ?? 'document');
    } finally {
      setBusy(null);
    }
  });
  return (
    <section className={nested ? undefined : 'panel'} aria-labelledby={`attachments-${versionId}`}>
      <Heading id={`attachments-${versionId}`}>{t('datasheets.attachments.title')}</Heading>
      <ErrorSummary error={remove.error ?? download.error} />
      {attachments.length === 0 ? <p>{t('datasheets.attachments.none')}</p> : null}
      {attachments.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('datasheets.attachments.title')} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{t('datasheets.attachments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('datasheets.attachments.documentTitle')}</th>
              <th scope="col">{t('datasheets.attachments.language')}</th>
              <th scope="col">{t('datasheets.attachments.file')}</th>
              {editable ? (
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {attachments.map((attachment) => (
              <tr key={attachment.id ?? ''}>
                <th scope="row">{attachment.title}</th>
                <td>{attachment.language ? (LANGUAGE_NAMES[attachment.language as keyof typeof LANGUAGE_NAMES] ?? attachment.language) : t('datasheets.attachments.anyLanguage')}</td>
                <td>
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy !== null}
                    aria-label={t('datasheets.attachments.download', { name: attachment.fileName ?? '' })}
                    onClick={() => void download.run(attachment)}
                  >
                    {attachment.fileName}
                  </button>{' '}
                  <span className="muted">({t('datasheets.attachments.sizeKb', { size: format.number(Math.ceil((attachment.sizeBytes ?? 0) / 1024)) })})</span>
                </td>
                {editable ? (
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={busy !== null}
                      aria-label={t('datasheets.attachments.remove', { title: attachment.title ?? '' })}
                      onClick={() => void remove.run(attachment)}
                    >
                      {busy === attachment.id && remove.pending ? t('common.saving') : t('datasheets.attachments.removeShort')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      {editable ? (
        <Form error={upload.error} onSubmit={() => void upload.run()} idScope="attachment-">
          <h3>{t('datasheets.attachments.add')}</h3>
          <p className="field__hint">{t('datasheets.attachments.hint')}</p>
          <FieldShell name="file" label={t('datasheets.attachments.file')}>
            {(a11y) => <input key={inputKey} {...a11y} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
          </FieldShell>
          <TextField name="title" label={t('datasheets.attachments.documentTitle')} hint={t('datasheets.attachments.titleHint')} maxLength={200} value={title} onValue={setTitle} />
          <SelectField
            name="language"
            label={t('datasheets.attachments.language')}
            optional
            value={language}
            onValue={setLanguage}
            options={[{ value: '', label: t('datasheets.attachments.anyLanguage') }, ...DATASHEET_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))]}
          />
          <SubmitButton pending={upload.pending} pendingLabel={t('datasheets.attachments.uploading')}>
            {t('datasheets.attachments.upload')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
