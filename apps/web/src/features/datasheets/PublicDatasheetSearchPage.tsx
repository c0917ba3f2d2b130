import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { requestPublic } from '../../api/client';
import { graphql } from '../../gql';
import type { SearchPublishedDatasheetsQuery } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { NextPageButton, PageStatus, ResultCount } from '../../ui/NextPageButton';
import { useCursorList } from '../../ui/paged';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useLoad } from '../../ui/use-api';
import { tenantDirectoryForNames } from '../directory/tenant-directory';
import { parseSchema, titleAt } from './datasheet-shared';

const PAGE_SIZE = 20;

// Anonymous: only the fields the API declares published.
const SearchPublishedDatasheets = graphql(`
  query SearchPublishedDatasheets(
    $tenant: String
    $productFamily: String
    $productName: String
    $holderName: String
    $certificateReference: String
    $first: Int
    $after: String
  ) {
    searchPublishedDatasheets(
      tenant: $tenant
      productFamily: $productFamily
      productName: $productName
      holderName: $holderName
      certificateReference: $certificateReference
      first: $first
      after: $after
    ) {
      items {
        id
        tenantId
        publicCode
        productName
        productFamily
        holderName
        scheme
        certificateReference
        publishedAt
        versionNumber
      }
      nextCursor
    }
  }
`);

// Every certification body's product families with a published datasheet, in one question: the family filter offers them by title.
const PublishedFamilySchemas = graphql(`
  query PublishedFamilySchemas {
    publishedProductFamilySchemas {
      tenantId
      family
      jsonSchema
    }
  }
`);

const FILTERS = ['tenant', 'productFamily', 'productName', 'holderName', 'certificateReference'] as const;
type Filter = (typeof FILTERS)[number];
type Item = SearchPublishedDatasheetsQuery['searchPublishedDatasheets']['items'][number];

/** Public search of published datasheets; the filters live in the address, so a search can be shared. */
export default function PublicDatasheetSearchPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<Filter, string>, [params]);
  const [form, setForm] = useState<Record<Filter, string>>(applied);
  const directory = useLoad(tenantDirectoryForNames);
  const bodies = (directory.data?.tenants ?? []).filter((tenant) => tenant.kinds.includes('CERTIFICATION_BODY'));
  // The families by title, in the reader's language (the schema's `x-titles`), else by their key.
  const families = useLoad(
    async () =>
      (await requestPublic(PublishedFamilySchemas)).publishedProductFamilySchemas.map((schema) => ({
        tenantId: schema.tenantId ?? '',
        family: schema.family ?? '',
        schema: parseSchema(schema.jsonSchema),
      })),
  );
  const familyTitle = (tenantId: string | null | undefined, family: string | null | undefined) => {
    const found = families.data?.find((known) => known.tenantId === tenantId && known.family === family);
    return (found ? titleAt(found.schema, '', i18n.language) : null) ?? family ?? '';
  };
  const chosenBodyId = bodies.find((body) => body.slug === form.tenant)?.id;
  const familyOptions = useMemo(() => {
    const options = new Map<string, string>();
    for (const known of families.data ?? []) {
      if (!form.tenant || known.tenantId === chosenBodyId) options.set(known.family, options.get(known.family) ?? titleAt(known.schema, '', i18n.language) ?? known.family);
    }
    // A family a shared address names stays chosen, even when no body lists it.
    if (form.productFamily && !options.has(form.productFamily)) options.set(form.productFamily, form.productFamily);
    return [...options].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  }, [families.data, form.tenant, chosenBodyId, form.productFamily, i18n.language]);
  const variables = (after: string | null) => ({
    ...Object.fromEntries(FILTERS.filter((key) => applied[key].trim()).map((key) => [key, applied[key].trim()])),
    first: PAGE_SIZE,
    ...(after ? { after } : {}),
  });
  const results = useCursorList<Item>(async (after) => (await requestPublic(SearchPublishedDatasheets, variables(after))).searchPublishedDatasheets, [applied]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(FILTERS.filter((key) => form[key].trim()).map((key) => [key, form[key].trim()])));
  };
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const findCode = (event: FormEvent) => {
    event.preventDefault();
    const normalised = code.replace(/[\s-]/g, '').toUpperCase();
    if (normalised) navigate(`/datasheets/${encodeURIComponent(normalised)}`);
  };
  const set = (key: Filter) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  const items = results.rows;

  return (
    <>
      <PageTitle lead={t('datasheets.public.searchLead')}>{t('datasheets.public.searchTitle')}</PageTitle>
      <p>
        <Link to={form.tenant ? `/datasheets/withdrawn?tenant=${encodeURIComponent(form.tenant)}` : '/datasheets/withdrawn'}>{t('datasheets.withdrawn.link')}</Link>
      </p>
      <form className="form" role="search" aria-label={t('datasheets.public.searchTitle')} onSubmit={search}>
        <div className="filters">
          <SelectField
            name="tenant"
            label={t('datasheets.fields.certificationBody')}
            value={form.tenant}
            onValue={set('tenant')}
            options={[{ value: '', label: t('datasheets.public.allBodies') }, ...bodies.map((body) => ({ value: body.slug, label: body.name }))]}
          />
          <TextField name="productName" label={t('datasheets.fields.productName')} type="search" value={form.productName} onValue={set('productName')} />
          <TextField name="holderName" label={t('datasheets.fields.holder')} type="search" value={form.holderName} onValue={set('holderName')} />
        </div>
        <div className="filters">
          <SelectField
            name="productFamily"
            label={t('datasheets.fields.family')}
            value={form.productFamily}
            onValue={set('productFamily')}
            options={[{ value: '', label: t('datasheets.public.allFamilies') }, ...familyOptions]}
          />
          <TextField name="certificateReference" label={t('datasheets.fields.certificateReference')} hint={t('datasheets.public.referenceHint')} spellCheck={false} value={form.certificateReference} onValue={set('certificateReference')} />
        </div>
        <button type="submit" className="button">
          {t('datasheets.public.search')}
        </button>
      </form>
      <form className="form code-lookup" aria-labelledby="code-title" onSubmit={findCode}>
        <h2 id="code-title">{t('datasheets.public.byCode')}</h2>
        <div className="field-row">
          <TextField name="code" label={t('datasheets.fields.publicCode')} hint={t('datasheets.public.codeHint')} autoCapitalize="characters" spellCheck={false} className="input--short" value={code} onValue={setCode} />
          <button type="submit" className="button button--secondary">
            {t('datasheets.public.open')}
          </button>
        </div>
      </form>
      <section aria-labelledby="results-title" aria-busy={results.loading}>
        <h2 id="results-title">{t('datasheets.public.results')}</h2>
        <ResultCount list={results} text={items.length === 0 ? t('datasheets.public.noResults') : t('datasheets.public.shown', { count: items.length })} />
        {items.length > 0 ? (
          <ul className="datasheet-list">
            {items.map((item) => (
              <li key={item.id ?? item.publicCode ?? ''} className="tenant-card">
                <h3 className="tenant-card__name">
                  <Link to={`/datasheets/${item.publicCode ?? ''}`}>{item.productName}</Link>
                </h3>
                <dl className="details">
                  <div>
                    <dt>{t('datasheets.fields.holder')}</dt>
                    <dd>{item.holderName}</dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.certificate')}</dt>
                    <dd>
                      {item.scheme} {item.certificateReference}
                      {/* Who certified it, when the directory holds more than one body. */}
                      {bodies.length > 1 ? <span className="muted"> · {bodies.find((body) => body.id === item.tenantId)?.name}</span> : null}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.family')}</dt>
                    <dd>{familyTitle(item.tenantId, item.productFamily)}</dd>
                  </div>
                  <div>
                    <dt>{t('datasheets.fields.publicCode')}</dt>
                    <dd>
                      <code>{item.publicCode}</code> · {t('datasheets.public.publishedOn', { date: format.date(item.publishedAt), version: item.versionNumber ?? 1 })}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ) : null}
        <PageStatus list={results} />
        <NextPageButton list={results} label={t('datasheets.public.more')} />
      </section>
    </>
  );
}
