import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { graphql } from '../../gql';
import type { DatasheetsQuery, DatasheetState } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { LANGUAGE_NAMES } from '../../i18n/languages';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { ErrorSummary, LoadError, Loading, Notice } from '../../ui/feedback';
import { Form, SubmitButton } from '../../ui/Form';
import { PageTitle } from '../../ui/Page';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { useAction, useLoad } from '../../ui/use-api';
import { AttachmentsSection } from './AttachmentsSection';
import { CharacteristicsList, latestSchemaOf, parseObject, parseSchema, StateBadge, TextAreaField, titleAt } from './datasheet-shared';
import { CertifiedProducts, Companies, Datasheets, DatasheetVersionsOf, ProductFamilySchemas } from './operations';
import { VersionsTable, type DatasheetVersionRow } from './VersionsTable';

const ApproveDatasheetVersion = graphql(`
  mutation ApproveDatasheetVersion($versionId: ID!) {
    approveDatasheetVersion(versionId: $versionId) {
      id
      state
    }
  }
`);

const RequestDatasheetChanges = graphql(`
  mutation RequestDatasheetChanges($versionId: ID!, $comment: String!) {
    requestDatasheetChanges(versionId: $versionId, comment: $comment) {
      id
      state
    }
  }
`);

const PublishDatasheetVersion = graphql(`
  mutation PublishDatasheetVersion($versionId: ID!) {
    publishDatasheetVersion(versionId: $versionId) {
      id
      state
      publishedAt
    }
  }
`);

const UnpublishDatasheet = graphql(`
  mutation UnpublishDatasheet($datasheetId: ID!) {
    unpublishDatasheet(datasheetId: $datasheetId) {
      id
    }
  }
`);

/** Datasheets per page of each list. */
const PAGE_SIZE = 20;

interface Row {
  datasheet: DatasheetsQuery['datasheets'][number];
  productName: string;
  /** Whose product it is: the certificate holder (a body's lists hold every company's datasheets). */
  holderName: string;
  family: string;
  certificate: string;
  versions: DatasheetVersionRow[];
  latest: DatasheetVersionRow | null;
  published: DatasheetVersionRow | null;
}

type PagedRows = ReturnType<typeof usePagedList<Row, string>>;

/** The certification body's datasheets: approve or send back what was submitted, publish what was approved, unpublish. */
export default function DatasheetReviewPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // Three lists, each a page at a time in the API's order (the queues oldest first): what is to
  // approve, what is to publish, what is published. A page's products and versions in one read each.
  const schemas = useLoad(async () => (await request(ProductFamilySchemas)).productFamilySchemas);
  const rowsOf = async (state: DatasheetState, after: string | null): Promise<Row[]> => {
    const datasheets = (await request(Datasheets, { state, first: PAGE_SIZE, after })).datasheets;
    const ids = datasheets.map((d) => d.id ?? '').filter(Boolean);
    if (ids.length === 0) return [];
    const productIds = [...new Set(datasheets.map((d) => d.certifiedProductId ?? '').filter(Boolean))];
    const holderIds = [...new Set(datasheets.map((d) => d.organisationId ?? '').filter(Boolean))];
    const [products, versions, holders] = await Promise.all([
      request(CertifiedProducts, { ids: productIds, first: productIds.length }),
      request(DatasheetVersionsOf, { datasheetIds: ids }),
      request(Companies, { ids: holderIds, first: holderIds.length }),
    ]);
    return datasheets.map((datasheet): Row => {
      const product = products.certifiedProducts.find((p) => p.id === datasheet.certifiedProductId);
      const own = versions.datasheetVersionsOf.filter((v) => v.datasheetId === datasheet.id);
      return {
        datasheet, versions: own, productName: product?.name ?? '', holderName: holders.organisations.find((o) => o.id === datasheet.organisationId)?.name ?? '', family: product?.productFamily ?? '', certificate: `${product?.scheme ?? ''} ${product?.certificateReference ?? ''}`.trim(),
        latest: own[own.length - 1] ?? null, published: own.find((v) => v.state === 'PUBLISHED') ?? null,
      };
    });
  };
  // The form of a family (the schemas read once for the page, not once per list).
  const schemaTextOf = (family: string) => latestSchemaOf(schemas.data ?? [], family)?.jsonSchema ?? null;
  const toApprove = usePagedList((after: string | null) => rowsOf('SUBMITTED', after), (row) => row.datasheet.id ?? null, PAGE_SIZE);
  const toPublish = usePagedList((after: string | null) => rowsOf('APPROVED', after), (row) => row.datasheet.id ?? null, PAGE_SIZE);
  const published = usePagedList((after: string | null) => rowsOf('PUBLISHED', after), (row) => row.datasheet.id ?? null, PAGE_SIZE);
  const lists = [toApprove, toPublish, published];
  const [notice, setNotice] = useState<string | null>(null);
  const [viewing, setViewing] = useState<Row | null>(null);
  const [changesFor, setChangesFor] = useState<Row | null>(null);
  const [comment, setComment] = useState('');
  const [unpublishing, setUnpublishing] = useState<Row | null>(null);

  const done = (message: string) => {
    setNotice(message);
    setViewing(null);
    for (const list of lists) list.reload();
  };
  const approve = useAction(async (row: Row) => {
    await request(ApproveDatasheetVersion, { versionId: row.latest?.id ?? '' });
    done(t('datasheets.review.approved', { product: row.productName }));
  });
  const publish = useAction(async (row: Row) => {
    await request(PublishDatasheetVersion, { versionId: row.latest?.id ?? '' });
    done(t('datasheets.review.publishedNotice', { product: row.productName, code: row.datasheet.publicCode ?? '' }));
  });
  const requestChanges = useAction(async () => {
    if (!comment.trim()) throw clientError([{ field: 'comment', reason: 'required', constraint: 'required' }]);
    await request(RequestDatasheetChanges, { versionId: changesFor?.latest?.id ?? '', comment: comment.trim() });
    setChangesFor(null);
    setComment('');
    done(t('datasheets.review.changesRequested', { product: changesFor?.productName ?? '' }));
  });
  const unpublish = useAction(async () => {
    await request(UnpublishDatasheet, { datasheetId: unpublishing?.datasheet.id ?? '' });
    setUnpublishing(null);
    done(t('datasheets.review.unpublishedNotice', { product: unpublishing?.productName ?? '' }));
  });

  const actionError = approve.error ?? publish.error;

  // Each table shows the version it is about: the one in review or approved, or the one published
  // (a datasheet whose next version is in review stays published with the previous one).
  const table = (title: string, id: string, paged: PagedRows, actions: (row: Row) => React.ReactNode, shown: (row: Row) => DatasheetVersionRow | null = (row) => row.latest) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {paged.error ? <LoadError error={paged.error} onRetry={paged.reload} /> : null}
      {paged.loading && paged.rows.length === 0 ? <Loading /> : null}
      {paged.rows.length === 0 && !paged.loading && !paged.error ? (
        <p>{t('datasheets.review.empty')}</p>
      ) : null}
      {paged.rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('datasheets.fields.product')}</th>
                <th scope="col">{t('datasheets.fields.holder')}</th>
                <th scope="col">{t('datasheets.fields.publicCode')}</th>
                <th scope="col">{t('datasheets.versions.number')}</th>
                <th scope="col">{t('datasheets.versions.state')}</th>
                <th scope="col">{t('datasheets.review.since')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {paged.rows.map((row) => (
                <tr key={row.datasheet.id ?? ''}>
                  <th scope="row">
                    {row.productName}
                    <span className="muted"> · {row.certificate}</span>
                  </th>
                  <td>{row.holderName}</td>
                  <td>
                    <code>{row.datasheet.publicCode}</code>
                  </td>
                  <td className="numeric">{shown(row)?.number}</td>
                  <td>
                    <StateBadge state={shown(row)?.state} />
                    {row.datasheet.contactReplacementRequired ? <span className="badge"> {t('datasheets.contact.flag')}</span> : null}
                  </td>
                  <td>{format.dateTime(shown(row)?.publishedAt ?? shown(row)?.approvedAt ?? shown(row)?.submittedAt)}</td>
                  <td className="actions">{actions(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NextPageButton list={paged} label={t('common.showMore')} />
    </section>
  );
  const open = (row: Row) => (
    <button type="button" className="button button--secondary button--small" onClick={() => setViewing(row)}>
      {t('datasheets.review.open')}
      <span className="visually-hidden"> ({row.productName})</span>
    </button>
  );

  return (
    <>
      <PageTitle lead={t('datasheets.review.lead')}>{t('datasheets.review.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary error={actionError} />
      {schemas.error ? <LoadError error={schemas.error} onRetry={schemas.reload} /> : null}
      {(
        <>
          {table(t('datasheets.review.toApprove'), 'to-approve', toApprove, open)}
          {table(t('datasheets.review.toPublish'), 'to-publish', toPublish, (row) => (
            <>
              {open(row)}
              <button type="button" className="button button--small" disabled={publish.pending} onClick={() => void publish.run(row)}>
                {t('datasheets.review.publish')}
                <span className="visually-hidden"> ({row.productName})</span>
              </button>
            </>
          ))}
          {table(t('datasheets.review.published'), 'published', published, (row) => (
            <>
              <Link to={`/datasheets/${row.datasheet.publicCode ?? ''}`} className="button button--secondary button--small">
                {t('datasheets.review.publicPage')}
                <span className="visually-hidden"> ({row.productName})</span>
              </Link>
              <button type="button" className="button button--danger button--small" onClick={() => setUnpublishing(row)}>
                {t('datasheets.review.unpublish')}
                <span className="visually-hidden"> ({row.productName})</span>
              </button>
            </>
          ), (row) => row.published)}
        </>
      )}

      <Dialog open={viewing !== null} title={t('datasheets.review.dialogTitle', { product: viewing?.productName ?? '', number: viewing?.latest?.number ?? '' })} onClose={() => setViewing(null)}>
        {viewing?.latest ? (
          <>
            <ErrorSummary error={actionError} />
            <p>
              <StateBadge state={viewing.latest.state} /> <span className="muted">{viewing.holderName} · {viewing.family} · {viewing.certificate}</span>
            </p>
            <h3>{t('datasheets.editor.characteristics')}</h3>
            <CharacteristicsList values={parseObject(viewing.latest.characteristics)} titles={(path) => titleAt(parseSchema(schemaTextOf(viewing.family)), path, i18n.language)} />
            <h3>{t('datasheets.editor.texts')}</h3>
            {(viewing.latest.texts ?? []).map((text) => (
              <div key={text.language} lang={text.language}>
                <h4>
                  {text.title} <span className="muted">({LANGUAGE_NAMES[text.language as keyof typeof LANGUAGE_NAMES] ?? text.language})</span>
                </h4>
                <p>{text.description}</p>
              </div>
            ))}
            <AttachmentsSection versionId={viewing.latest.id ?? ''} attachments={viewing.latest.attachments ?? []} editable={false} nested />
            <h3>{t('datasheets.versions.title')}</h3>
            <VersionsTable versions={viewing.versions} />
            {viewing.latest.state === 'SUBMITTED' ? (
              <div className="button-row">
                <button type="button" className="button" disabled={approve.pending} onClick={() => void approve.run(viewing)}>
                  {t('datasheets.review.approve')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setChangesFor(viewing);
                    setViewing(null);
                  }}
                >
                  {t('datasheets.review.requestChanges')}
                </button>
              </div>
            ) : null}
            {viewing.latest.state === 'APPROVED' ? (
              <div className="button-row">
                <button type="button" className="button" disabled={publish.pending} onClick={() => void publish.run(viewing)}>
                  {t('datasheets.review.publish')}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </Dialog>
      <Dialog open={changesFor !== null} title={t('datasheets.review.requestChangesOf', { product: changesFor?.productName ?? '' })} onClose={() => setChangesFor(null)}>
        <Form error={requestChanges.error} onSubmit={() => void requestChanges.run()} idScope="changes-">
          <TextAreaField name="comment" label={t('datasheets.review.comment')} hint={t('datasheets.review.commentHint')} value={comment} onValue={setComment} />
          <SubmitButton pending={requestChanges.pending} pendingLabel={t('common.sending')}>
            {t('datasheets.review.sendBack')}
          </SubmitButton>
        </Form>
      </Dialog>
      <ConfirmDialog
        open={unpublishing !== null}
        title={t('datasheets.review.unpublishTitle', { product: unpublishing?.productName ?? '' })}
        body={
          <>
            <ErrorSummary error={unpublish.error} />
            <p>{t('datasheets.review.unpublishBody')}</p>
          </>
        }
        confirmLabel={t('datasheets.review.unpublish')}
        pending={unpublish.pending}
        onConfirm={() => void unpublish.run()}
        onClose={() => setUnpublishing(null)}
      />
    </>
  );
}
