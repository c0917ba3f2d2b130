import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { FieldShell } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';

// The signer's own signature image (User.signatureImage: self).
const MySignature = graphql(`
  query MySignature {
    me {
      id
      signatureImage
    }
  }
`);

const SetMySignatureImage = graphql(`
  mutation SetMySignatureImage($image: String!) {
    setMySignatureImage(image: $image) {
      id
    }
  }
`);

const MAX_BYTES = 200 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** A signer's handwritten signature, reproduced on the certificates they sign. */
export default function SignaturePage() {
  const { t } = useTranslation();
  const current = useLoad(() => request(MySignature));
  const [file, setFile] = useState<File | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    if (!file) throw clientError([{ field: 'image', reason: 'required', constraint: 'required' }]);
    if (!['image/png', 'image/jpeg'].includes(file.type)) throw clientError([{ field: 'image', reason: 'type', constraint: 'imageType' }]);
    if (file.size > MAX_BYTES) throw clientError([{ field: 'image', reason: 'size', constraint: 'imageSize' }]);
    await request(SetMySignatureImage, { image: await readAsDataUrl(file) });
    setSaved(true);
    current.reload();
  });
  const image = current.data?.me.signatureImage;
  return (
    <div className="medium">
      <PageTitle lead={t('signature.lead')}>{t('signature.title')}</PageTitle>
      {current.loading && !current.data ? <Loading /> : null}
      {current.error ? <LoadError error={current.error} onRetry={current.reload} /> : null}
      {current.data ? (
        image ? (
          <figure className="signature">
            <img src={image} alt={t('signature.currentAlt')} />
            <figcaption>{t('signature.current')}</figcaption>
          </figure>
        ) : (
          <p>{t('signature.none')}</p>
        )
      ) : null}
      {saved ? <Notice kind="success">{t('common.saved')}</Notice> : null}
      <Form error={save.error} onSubmit={() => void save.run()}>
        <FieldShell name="image" label={t('signature.file')} hint={t('signature.fileHint')}>
          {(a11y) => <input {...a11y} type="file" accept="image/png,image/jpeg" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
        </FieldShell>
        <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
          {t('signature.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
