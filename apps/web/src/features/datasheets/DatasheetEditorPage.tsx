import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { ApiError, clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { AttachmentsSection } from './AttachmentsSection';
import { AcknowledgePanel } from './DisclosureNotice';
import {
  CharacteristicsList,
  DATASHEET_LANGUAGES,
  EDITABLE_STATES,
  emptyTexts,
  latestSchemaOf,
  onOwnFields,
  OPEN_STATES,
  parseObject,
  parseSchema,
  StateBadge,
  TextAreaField,
  textsFrom,
  textsInput,
  titleAt,
  type TextsForm,
} from './datasheet-shared';
import { CertifiedProducts, Datasheets, DatasheetVersions, ProductFamilySchemas } from './operations';
import { missingRequired, SchemaFields, withoutEmpty, type Values } from './SchemaForm';
import { VersionsTable } from './VersionsTable';

const CreateDatasheet = graphql(`
  mutation CreateDatasheet($input: CreateDatasheetInput!) {
    createDatasheet(input: $input) {
      id
      datasheetId
      state
    }
  }
`);

const UpdateDatasheetDraft = graphql(`
  mutation UpdateDatasheetDraft($input: UpdateDatasheetDraftInput!) {
    updateDatasheetDraft(input: $input) {
      id
      state
      updatedAt
    }
  }
`);

const SubmitDatasheetVersion = graphql(`
  mutation SubmitDatasheetVersion($versionId: ID!) {
    submitDatasheetVersion(versionId: $versionId) {
      id
      state
      submittedAt
    }
  }
`);

const StartDatasheetVersion = graphql(`
  mutation StartDatasheetVersion($datasheetId: ID!) {
    startDatasheetVersion(datasheetId: $datasheetId) {
      id
      state
    }
  }
`);

// The company's people an organisation admin may name as contact (fields an ORG_ADMIN reads).
const ContactCandidates = graphql(`
  query ContactCandidates {
    datasheetContactCandidates {
      id
      firstName
      lastName
      email
    }
  }
`);

const NameDatasheetContact = graphql(`
  mutation NameDatasheetContact($datasheetId: ID!, $userId: ID!) {
    nameDatasheetContact(datasheetId: $datasheetId, userId: $userId) {
      id
      contactUserId
      contactReplacementRequired
    }
  }
`);

/** A certified product's datasheet for its company: the draft, its texts, submission, every version. */
export default function DatasheetEditorPage() {
  const { t, i18n } = useTranslation();
  const { productId = '' } = useParams();
  const loaded = useLoad(async () => {
    const [products, datasheets, schemas] = await Promise.all([
      request(CertifiedProducts, { ids: [productId] }), request(Datasheets, { certifiedProductIds: [productId] }), request(ProductFamilySchemas),
    ]);
    const product = products.certifiedProducts[0] ?? null;
    const datasheet = datasheets.datasheets[0] ?? null;
    const schema = latestSchemaOf(schemas.productFamilySchemas, product?.productFamily);
    const versions = datasheet?.id ? (await request(DatasheetVersions, { datasheetId: datasheet.id })).datasheetVersions : [];
    return { product, datasheet, schema, versions };
  }, [productId]);

  const [characteristics, setCharacteristics] = useState<Values>({});
  const [texts, setTexts] = useState<TextsForm>(emptyTexts());
  const [notice, setNotice] = useState<string | null>(null);
  const [needsAcknowledgement, setNeedsAcknowledgement] = useState(false);
  const latest = loaded.data?.versions[loaded.data.versions.length - 1] ?? null;
  const editable = Boolean(loaded.data?.product) && (!latest || (latest.state !== null && EDITABLE_STATES.includes(latest.state)));
  const schema = parseSchema(loaded.data?.schema?.jsonSchema);

  // The form starts from the version being edited (or empty for a first draft).
  useEffect(() => {
    setCharacteristics(parseObject(latest?.characteristics));
    setTexts(textsFrom(latest?.texts));
  }, [latest?.id, latest?.updatedAt]);

  /** Saves the form (a new datasheet, or the open draft); returns the version's id. */
  const saveDraft = async (): Promise<string> => {
    const values = withoutEmpty(characteristics);
    const problems = [
      ...(schema ? missingRequired(schema, values) : []),
      ...DATASHEET_LANGUAGES.flatMap((language) => {
        const text = texts[language];
        if (!text.title.trim() && !text.description.trim()) return [];
        return [
          ...(text.title.trim() ? [] : [{ field: `texts.${language}.title`, reason: 'required', constraint: 'required' }]),
          ...(text.description.trim() ? [] : [{ field: `texts.${language}.description`, reason: 'required', constraint: 'required' }]),
        ];
      }),
      ...(textsInput(texts).length ? [] : [{ field: 'texts.nl.title', reason: 'required', constraint: 'oneLanguage' }]),
    ];
    if (problems.length) throw clientError(problems);
    const input = { characteristics: JSON.stringify(values), texts: textsInput(texts) };
    if (!latest) {
      const created = await request(CreateDatasheet, { input: { certifiedProductId: productId, ...input } });
      return created.createDatasheet.id ?? '';
    }
    await request(UpdateDatasheetDraft, { input: { versionId: latest.id ?? '', ...input } });
    return latest.id ?? '';
  };
  const acknowledgementNeeded = (error: unknown) => {
    if (error instanceof ApiError && error.reason === 'DISCLOSURE_NOTICE_NOT_ACKNOWLEDGED') setNeedsAcknowledgement(true);
    throw error;
  };
  const save = useAction(async () => {
    await saveDraft().catch(acknowledgementNeeded);
    setNotice(t('datasheets.editor.saved'));
    loaded.reload();
  });
  const submit = useAction(async () => {
    const firstDraft = !latest;
    const versionId = await saveDraft().catch(acknowledgementNeeded);
    try {
      await request(SubmitDatasheetVersion, { versionId }).catch(acknowledgementNeeded);
      setNotice(t('datasheets.editor.submitted'));
      loaded.reload();
    } catch (error) {
      // The draft exists now even though the submission was refused: the next attempt updates it.
      if (firstDraft) loaded.reload();
      throw error;
    }
  });
  const startVersion = useAction(async () => {
    await request(StartDatasheetVersion, { datasheetId: loaded.data?.datasheet?.id ?? '' }).catch(acknowledgementNeeded);
    setNotice(t('datasheets.editor.versionStarted'));
    loaded.reload();
  });
  const formError = onOwnFields(save.error ?? submit.error);
  const setText = (language: keyof TextsForm, key: 'title' | 'description') => (value: string) =>
    setTexts((previous) => ({ ...previous, [language]: { ...previous[language], [key]: value } }));

  if (loaded.loading && !loaded.data) return <Loading />;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const { product, datasheet, versions } = loaded.data!;
  if (!product) {
    return (
      <>
        <PageTitle>{t('errors.notFoundPage.title')}</PageTitle>
        <p>{t('errors.code.NOT_FOUND')}</p>
        <p>
          <Link to="/app/datasheets">{t('datasheets.company.back')}</Link>
        </p>
      </>
    );
  }
  const published = versions.some((version) => version.state === 'PUBLISHED');
  const canStart = Boolean(datasheet) && latest?.state !== null && latest !== null && !OPEN_STATES.includes(latest.state!);

  return (
    <>
      <PageTitle lead={t('datasheets.editor.lead', { family: product.productFamily ?? '', certificate: `${product.scheme ?? ''} ${product.certificateReference ?? ''}` })}>
        {t('datasheets.editor.title', { product: product.name ?? '' })}
      </PageTitle>
      <p>
        <Link to="/app/datasheets">{t('datasheets.company.back')}</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl className="details details--wide">
        <div>
          <dt>{t('datasheets.fields.publicCode')}</dt>
          <dd>{datasheet?.publicCode ? <code>{datasheet.publicCode}</code> : t('datasheets.editor.codeLater')}</dd>
        </div>
        <div>
          <dt>{t('datasheets.versions.state')}</dt>
          <dd>{latest ? <StateBadge state={latest.state} /> : t('datasheets.editor.noVersion')}</dd>
        </div>
        {published && datasheet?.publicCode ? (
          <div>
            <dt>{t('datasheets.editor.publicPage')}</dt>
            <dd>
              <Link to={`/datasheets/${datasheet.publicCode}`}>{t('datasheets.editor.openPublicPage')}</Link>
            </dd>
          </div>
        ) : null}
      </dl>

      {datasheet?.contactReplacementRequired || datasheet?.contactSuspended ? (
        <ContactReplacement datasheetId={datasheet.id ?? ''} deadline={datasheet.contactReplacementDeadline} suspended={!!datasheet.contactSuspended} onNamed={loaded.reload} />
      ) : null}
      {needsAcknowledgement ? (
        <AcknowledgePanel
          onAcknowledged={() => {
            setNeedsAcknowledgement(false);
            save.setError(null);
            submit.setError(null);
            setNotice(t('disclosure.acknowledged'));
          }}
        />
      ) : null}
      {latest?.state === 'CHANGES_REQUESTED' && latest.reviewComment ? (
        <Notice kind="warning" title={t('datasheets.editor.changesRequested')}>
          <p>{latest.reviewComment}</p>
        </Notice>
      ) : null}
      {!schema && editable ? <Notice kind="warning">{t('datasheets.editor.noSchema', { family: product.productFamily ?? '' })}</Notice> : null}

      {editable && product.status === 'ACTIVE' ? (
        <Form error={formError} onSubmit={() => void submit.run()} aria-labelledby="draft-title">
          <h2 id="draft-title">{latest ? t('datasheets.editor.draftTitle', { number: latest.number ?? 1 }) : t('datasheets.editor.firstDraftTitle')}</h2>
          <fieldset className="form-section">
            <legend>{t('datasheets.editor.characteristics')}</legend>
            {schema ? <SchemaFields schema={schema} values={characteristics} onChange={setCharacteristics} /> : null}
          </fieldset>
          <fieldset className="form-section">
            <legend>{t('datasheets.editor.texts')}</legend>
            <p className="field__hint">{t('datasheets.editor.textsHint')}</p>
            {DATASHEET_LANGUAGES.map((language) => (
              <fieldset key={language} className="form-section" lang={language}>
                <legend>{LANGUAGE_NAMES[language]}</legend>
                <TextField name={`texts.${language}.title`} label={t('datasheets.fields.textTitle')} optional value={texts[language].title} onValue={setText(language, 'title')} />
                <TextAreaField name={`texts.${language}.description`} label={t('datasheets.fields.textDescription')} optional value={texts[language].description} onValue={setText(language, 'description')} />
              </fieldset>
            ))}
          </fieldset>
          <div className="button-row">
            <SubmitButton pending={submit.pending} pendingLabel={t('common.sending')}>
              {t('datasheets.editor.submit')}
            </SubmitButton>
            <button type="button" className="button button--secondary" disabled={save.pending} onClick={() => void save.run()}>
              {save.pending ? t('common.saving') : t('datasheets.editor.saveDraft')}
            </button>
          </div>
          <p className="small-print">{t('datasheets.editor.submitHint')}</p>
        </Form>
      ) : null}
      {editable && product.status !== 'ACTIVE' ? <Notice kind="warning">{t('datasheets.editor.productNotActive')}</Notice> : null}
      {latest?.id ? (
        <AttachmentsSection
          versionId={latest.id}
          attachments={latest.attachments ?? []}
          editable={editable && product.status === 'ACTIVE'}
          onChanged={(text) => {
            setNotice(text);
            loaded.reload();
          }}
        />
      ) : editable && product.status === 'ACTIVE' ? (
        <p className="muted">{t('datasheets.attachments.afterSave')}</p>
      ) : null}

      {!editable && latest ? (
        <section className="panel" aria-labelledby="current-title">
          <h2 id="current-title">{t('datasheets.editor.versionTitle', { number: latest.number ?? 1 })}</h2>
          {latest.state === 'SUBMITTED' || latest.state === 'APPROVED' ? <p>{t('datasheets.editor.awaiting')}</p> : null}
          <CharacteristicsList values={parseObject(latest.characteristics)} titles={(path) => titleAt(schema, path, i18n.language)} />
          {(latest.texts ?? []).map((text) => (
            <div key={text.language} lang={text.language}>
              <h3>
                {text.title} <span className="muted">({LANGUAGE_NAMES[text.language as keyof typeof LANGUAGE_NAMES] ?? text.language})</span>
              </h3>
              <p>{text.description}</p>
            </div>
          ))}
          {canStart ? (
            <>
              <ErrorSummary error={startVersion.error} />
              <button type="button" className="button" disabled={startVersion.pending} onClick={() => void startVersion.run()}>
                {startVersion.pending ? t('common.sending') : t('datasheets.editor.startVersion')}
              </button>
            </>
          ) : null}
        </section>
      ) : null}

      {versions.length > 0 ? (
        <section className="panel" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('datasheets.versions.title')}</h2>
          <VersionsTable versions={versions} />
        </section>
      ) : null}
    </>
  );
}

/**
 * The objecting contact's replacement: an organisation admin names a colleague who acknowledged the notice.
 * A suspended contact (their processing restricted) needs none, with no deadline, but the company may name another.
 */
function ContactReplacement({ datasheetId, deadline, suspended, onNamed }: { datasheetId: string; deadline: string | null; suspended: boolean; onNamed: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const admin = hasAnyRole(me?.roles, ['ORG_ADMIN']);
  // Only the colleagues the server would accept (active, a company role, the notice acknowledged, no restriction).
  const candidates = useLoad(async () => (admin ? (await request(ContactCandidates)).datasheetContactCandidates : []), [admin]);
  const [userId, setUserId] = useState('');
  const name = useAction(async () => {
    if (!userId) throw clientError([{ field: 'userId', reason: 'required', constraint: 'required' }]);
    await request(NameDatasheetContact, { datasheetId, userId });
    onNamed();
  });
  const people = candidates.data ?? [];
  return (
    <section className="panel" aria-labelledby="contact-title">
      <h2 id="contact-title">{suspended ? t('datasheets.contact.suspendedTitle') : t('datasheets.contact.title')}</h2>
      <Notice kind={suspended ? 'info' : 'warning'}>
        <p>{suspended ? t('datasheets.contact.suspendedBody') : t('datasheets.contact.body', { date: format.date(deadline) })}</p>
      </Notice>
      {!admin ? <p>{t('datasheets.contact.adminOnly')}</p> : null}
      {candidates.error ? <LoadError error={candidates.error} onRetry={candidates.reload} /> : null}
      {admin && candidates.data && people.length === 0 ? <p>{t('datasheets.contact.noCandidates')}</p> : null}
      {admin && candidates.data && people.length > 0 ? (
        <Form error={name.error} onSubmit={() => void name.run()} idScope="contact-">
          <SelectField
            name="userId"
            label={t('datasheets.contact.newContact')}
            hint={t('datasheets.contact.newContactHint')}
            value={userId}
            onValue={setUserId}
            options={[
              { value: '', label: t('datasheets.choose') },
              ...people.map((user) => ({ value: user.id ?? '', label: [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || '' })),
            ]}
          />
          <SubmitButton pending={name.pending} pendingLabel={t('common.saving')}>
            {t('datasheets.contact.name')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
