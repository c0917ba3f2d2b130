import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { LoadError, Loading } from '../../ui/feedback';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { tenantDirectoryForNames } from '../directory/tenant-directory';
import { CharacteristicsList, parseObject, parseSchema, textFor, titleAt } from './datasheet-shared';

// Anonymous: the API answers only the fields declared published, the contact included (the person
// who completed it, or the company's general contact after an objection).
const PublishedDatasheet = graphql(`
  query PublishedDatasheet($code: String, $id: ID) {
    publishedDatasheet(code: $code, id: $id) {
      id
      tenantId
      publicCode
      versionNumber
      publishedAt
      productName
      productFamily
      productionUnit
      scheme
      certificateReference
      holderName
      characteristics
      texts {
        language
        title
        description
      }
      contactKind
      contactName
      contactPosition
      contactEmail
      contactPhone
      contactReplacementRequired
      attachments {
        id
        title
        language
        fileName
        mediaType
        sizeBytes
      }
    }
  }
`);

// The versions no longer in force: those the published one superseded, or a withdrawn one's last and
// those before it (no contact: a published datasheet's is the current one, a withdrawn one has none).
const PublishedDatasheetHistory = graphql(`
  query PublishedDatasheetHistory($code: String!) {
    publishedDatasheetHistory(code: $code) {
      versionId
      versionNumber
      publishedAt
      supersededAt
      withdrawnAt
      characteristics
    }
  }
`);

// What each characteristic is ("Thermal conductivity λ (W/m·K)"): the titles of the family's schema,
// public while a datasheet of the family is published.
const PublishedFamilySchema = graphql(`
  query PublishedFamilySchema($tenant: String!, $family: String!) {
    publishedProductFamilySchema(tenant: $tenant, family: $family) {
      jsonSchema
    }
  }
`);

// A withdrawn datasheet's public notice: what it was, when and why it was withdrawn (no contact).
const WithdrawnDatasheet = graphql(`
  query WithdrawnDatasheet($code: String, $id: ID) {
    withdrawnDatasheet(code: $code, id: $id) {
      id
      tenantId
      publicCode
      versionNumber
      productName
      productFamily
      certificateReference
      scheme
      holderName
      publishedAt
      withdrawnAt
      reason
    }
  }
`);

type Titles = (path: string) => string | null;

/** A datasheet as its paper identifies it, published or withdrawn. */
type DatasheetIdentity = { tenantId?: string | null; publicCode?: string | null; holderName?: string | null; scheme?: string | null; certificateReference?: string | null };

/** What identifies a datasheet on paper: who certified it, its code, its holder and certificate (rows of a details list). */
function IdentityRows({ sheet }: { sheet: DatasheetIdentity }) {
  const { t } = useTranslation();
  // Who certified the product: the body's name from the public directory (a datasheet names its tenant by id).
  const directory = useLoad(tenantDirectoryForNames);
  const body = directory.data?.tenants.find((tenant) => tenant.id === sheet.tenantId);
  return (
    <>
      {body ? (
        <div>
          <dt>{t('datasheets.fields.certificationBody')}</dt>
          <dd>{body.name}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('datasheets.fields.publicCode')}</dt>
        <dd>
          <code>{sheet.publicCode}</code>
        </dd>
      </div>
      <div>
        <dt>{t('datasheets.fields.holder')}</dt>
        <dd>{sheet.holderName}</dd>
      </div>
      <div>
        <dt>{t('datasheets.fields.certificate')}</dt>
        <dd>
          {sheet.scheme} {sheet.certificateReference}
        </dd>
      </div>
    </>
  );
}

/**
 * A code printed on a delivery note whose datasheet was withdrawn: saying "not found" would read as a
 * mistyped code, and the paper would go on being trusted. The notice says it is no longer in force,
 * since when and why, and what it was.
 */
function WithdrawnNotice({ lookup }: { lookup: { code: string } | { id: string } }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notice = useLoad(async () => (await requestPublic(WithdrawnDatasheet, lookup)).withdrawnDatasheet, [lookup]);
  const { titles } = useFamilySchema(notice.data?.tenantId, notice.data?.productFamily, i18n.language);
  if (notice.loading) return <Loading />;
  if (notice.error) return <LoadError error={notice.error} onRetry={notice.reload} />;
  const sheet = notice.data!;
  return (
    <article className="datasheet">
      <PageTitle lead={`${sheet.holderName ?? ''} · ${sheet.scheme ?? ''} ${sheet.certificateReference ?? ''}`}>{sheet.productName ?? ''}</PageTitle>
      <section className="notice notice--warning" aria-labelledby="withdrawn-title">
        <h2 id="withdrawn-title" className="notice__title">
          {t('datasheets.public.withdrawnTitle', { date: format.date(sheet.withdrawnAt) })}
        </h2>
        <p>{t(`datasheets.public.withdrawnReason.${sheet.reason ?? 'DATASHEET_WITHDRAWN'}`)}</p>
        <p>{t('datasheets.public.withdrawnLead')}</p>
      </section>
      <dl className="details details--wide">
        <IdentityRows sheet={sheet} />
        <div>
          <dt>{t('datasheets.public.lastVersion')}</dt>
          <dd>{t('datasheets.public.publishedOn', { date: format.date(sheet.publishedAt), version: sheet.versionNumber ?? 1 })}</dd>
        </div>
      </dl>
      <p>
        <Link to="/datasheets">{t('datasheets.public.backToSearch')}</Link>
      </p>
      {/* After the link: a folded version's summary just above it left the link too small a target (axe target-size). */}
      {sheet.publicCode ? <EarlierVersions code={sheet.publicCode} titles={titles} withdrawn /> : null}
    </article>
  );
}

/**
 * The family's schema as published: its title ("Thermal insulation boards") and its characteristics'
 * titles. Without it (not loaded yet, or none) the family's key and the keys made readable stand in.
 */
function useFamilySchema(tenantId: string | null | undefined, family: string | null | undefined, language: string): { title: string | null; titles: Titles | undefined } {
  const schema = useLoad(
    async () => (tenantId && family ? parseSchema((await requestPublic(PublishedFamilySchema, { tenant: tenantId, family })).publishedProductFamilySchema.jsonSchema) : null),
    [tenantId, family],
  );
  const loaded = schema.data;
  return { title: loaded ? titleAt(loaded, '', language) : null, titles: loaded ? (path) => titleAt(loaded, path, language) : undefined };
}

/**
 * "History stays readable" (SPEC §3): each version no longer in force with when it was, its characteristics
 * folded; a withdrawn datasheet's too (the version in force until the withdrawal says so).
 */
function EarlierVersions({ code, titles, withdrawn = false }: { code: string; titles: Titles | undefined; withdrawn?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useLoad(async () => (await requestPublic(PublishedDatasheetHistory, { code })).publishedDatasheetHistory, [code]);
  if (history.error) return <LoadError error={history.error} onRetry={history.reload} />;
  if (!history.data || history.data.length === 0) return null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t(withdrawn ? 'datasheets.public.withdrawnVersions' : 'datasheets.public.earlierVersions')}</h2>
      <p className="muted">{t(withdrawn ? 'datasheets.public.withdrawnVersionsLead' : 'datasheets.public.earlierVersionsLead')}</p>
      {history.data.map((version) => (
        <details key={version.versionId ?? ''}>
          <summary>
            {version.withdrawnAt
              ? t('datasheets.public.inForceUntilWithdrawn', { version: version.versionNumber ?? '', from: format.date(version.publishedAt), until: format.date(version.withdrawnAt) })
              : t('datasheets.public.inForce', { version: version.versionNumber ?? '', from: format.date(version.publishedAt), until: format.date(version.supersededAt) })}
          </summary>
          <CharacteristicsList values={parseObject(version.characteristics)} titles={titles} />
        </details>
      ))}
    </section>
  );
}

/** A published datasheet by its short code (`/datasheets/ABCD2345`) or public id (`/datasheets/id/…`). */
export default function PublicDatasheetPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { code, id } = useParams();
  const loaded = useLoad(async () => (await requestPublic(PublishedDatasheet, id ? { id } : { code: code ?? '' })).publishedDatasheet, [code, id]);
  const { title: familyTitle, titles } = useFamilySchema(loaded.data?.tenantId, loaded.data?.productFamily, i18n.language);

  if (loaded.loading) return <Loading />;
  if (loaded.error?.reason === 'DATASHEET_WITHDRAWN') return <WithdrawnNotice lookup={id ? { id } : { code: code ?? '' }} />;
  if (loaded.error) {
    return (
      <>
        <PageTitle>{t('datasheets.public.notFoundTitle')}</PageTitle>
        {loaded.error.code === 'NOT_FOUND' || loaded.error.code === 'BAD_USER_INPUT' ? <p>{t('datasheets.public.notFound')}</p> : <LoadError error={loaded.error} onRetry={loaded.reload} />}
        <p>
          <Link to="/datasheets">{t('datasheets.public.backToSearch')}</Link>
        </p>
      </>
    );
  }
  const sheet = loaded.data!;
  const text = textFor(sheet.texts, i18n.language);
  const otherTexts = (sheet.texts ?? []).filter((other) => other !== text);
  return (
    <article className="datasheet">
      <PageTitle lead={`${sheet.holderName ?? ''} · ${sheet.scheme ?? ''} ${sheet.certificateReference ?? ''}`}>{sheet.productName ?? ''}</PageTitle>
      <p className="no-print">
        <Link to="/datasheets">{t('datasheets.public.backToSearch')}</Link>
      </p>
      {/* A printed copy outlives its version: it says where the datasheet in force is, and when it was printed. */}
      <p className="print-only">{t('datasheets.public.printedCopy', { date: format.date(new Date().toISOString()), url: `${window.location.origin}/datasheets/${sheet.publicCode ?? ''}` })}</p>
      {text ? (
        <section lang={text.language} aria-labelledby="text-title">
          <h2 id="text-title">{text.title}</h2>
          <p>{text.description}</p>
        </section>
      ) : null}
      <dl className="details details--wide">
        <IdentityRows sheet={sheet} />
        <div>
          <dt>{t('datasheets.fields.family')}</dt>
          <dd>{familyTitle ?? sheet.productFamily}</dd>
        </div>
        <div>
          <dt>{t('datasheets.fields.productionUnit')}</dt>
          <dd>{sheet.productionUnit}</dd>
        </div>
        <div>
          <dt>{t('datasheets.public.version')}</dt>
          <dd>{t('datasheets.public.publishedOn', { date: format.date(sheet.publishedAt), version: sheet.versionNumber ?? 1 })}</dd>
        </div>
      </dl>
      <section aria-labelledby="characteristics-title">
        <h2 id="characteristics-title">{t('datasheets.editor.characteristics')}</h2>
        <CharacteristicsList values={parseObject(sheet.characteristics)} titles={titles} />
      </section>
      {(sheet.attachments ?? []).length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('datasheets.attachments.title')}</h2>
          <ul className="plain-list">
            {(sheet.attachments ?? []).map((attachment) => (
              <li key={attachment.id ?? ''} lang={attachment.language ?? undefined}>
                <a href={`/public/datasheets/${encodeURIComponent(sheet.publicCode ?? '')}/attachments/${encodeURIComponent(attachment.id ?? '')}`} download={attachment.fileName ?? true}>
                  {attachment.title}
                </a>{' '}
                <span className="muted" lang={i18n.language}>
                  ({[attachment.language ? (LANGUAGE_NAMES[attachment.language as keyof typeof LANGUAGE_NAMES] ?? attachment.language) : null, fileKind(attachment.mediaType), t('datasheets.attachments.sizeKb', { size: format.number(Math.ceil((attachment.sizeBytes ?? 0) / 1024)) })].filter(Boolean).join(', ')})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sheet.publicCode ? <EarlierVersions code={sheet.publicCode} titles={titles} /> : null}
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('datasheets.public.contact')}</h2>
        {sheet.contactKind === 'COMPANY' ? <p className="muted">{t('datasheets.public.companyContact')}</p> : null}
        <dl className="details">
          {sheet.contactName ? (
            <div>
              <dt>{t('datasheets.public.contactName')}</dt>
              <dd>
                {sheet.contactName}
                {sheet.contactPosition ? <span className="muted"> · {sheet.contactPosition}</span> : null}
              </dd>
            </div>
          ) : null}
          {sheet.contactEmail ? (
            <div>
              <dt>{t('fields.email')}</dt>
              <dd>
                <a href={`mailto:${sheet.contactEmail}`}>{sheet.contactEmail}</a>
              </dd>
            </div>
          ) : null}
          {sheet.contactPhone ? (
            <div>
              <dt>{t('fields.phone')}</dt>
              <dd>
                <a href={`tel:${sheet.contactPhone}`}>{sheet.contactPhone}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {otherTexts.length > 0 ? (
        <section aria-labelledby="languages-title">
          <h2 id="languages-title">{t('datasheets.public.otherLanguages')}</h2>
          {otherTexts.map((other) => (
            <div key={other.language} lang={other.language}>
              <h3>
                {other.title} <span className="muted">({LANGUAGE_NAMES[other.language as keyof typeof LANGUAGE_NAMES] ?? other.language})</span>
              </h3>
              <p>{other.description}</p>
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}

/** PDF, PNG or JPEG: what a reader needs to know before opening the file. */
function fileKind(mediaType: string | null | undefined): string | null {
  return mediaType ? (mediaType.split('/')[1] ?? mediaType).toUpperCase() : null;
}
