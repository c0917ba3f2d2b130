import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import { clientError } from '../../api/errors';
import { hasAnyRole } from '../../auth/roles';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import type { CertifiedProductsQuery, CertifiedProductStatus } from '../../gql/graphql';
import { useFormat } from '../../i18n/format';
import { Dialog } from '../../ui/Dialog';
import { LoadError, Loading, Notice } from '../../ui/feedback';
import { NextPageButton } from '../../ui/NextPageButton';
import { usePagedList } from '../../ui/paged';
import { Form, SubmitButton } from '../../ui/Form';
import { SelectField, TextField } from '../../ui/fields';
import { PageTitle } from '../../ui/Page';
import { useAction, useLoad } from '../../ui/use-api';
import { TextAreaField } from './datasheet-shared';
import { CertifiedProducts, Companies, ProductFamilySchemas } from './operations';

/** Products per page (the holders of a page are named in one call: the companies' page limit is 100). */
const PAGE_SIZE = 50;
/** Companies offered as the holder of a new product (the companies' page limit); any other is found by name. */
const COMPANY_CHOICES = 100;

const CreateCertifiedProduct = graphql(`
  mutation CreateCertifiedProduct($input: CreateCertifiedProductInput!) {
    createCertifiedProduct(input: $input) {
      id
      name
    }
  }
`);

const ChangeCertifiedProductStatus = graphql(`
  mutation ChangeCertifiedProductStatus($id: ID!, $status: CertifiedProductStatus!) {
    changeCertifiedProductStatus(id: $id, status: $status) {
      id
      status
      statusChangedAt
    }
  }
`);

const SetProductFamilySchema = graphql(`
  mutation SetProductFamilySchema($input: SetProductFamilySchemaInput!) {
    setProductFamilySchema(input: $input) {
      id
      family
      version
    }
  }
`);

const STATUSES: CertifiedProductStatus[] = ['ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'EXPIRED'];
type Product = CertifiedProductsQuery['certifiedProducts'][number];
type ProductRow = Product & { holderName: string };
const OTHER_HOLDER = 'other';

/** The certification body's certified products: create one for a certificate holder, change its status. */
export default function CertifiedProductsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  // The products by name, a page at a time, with their holders' names (one read per page); a search
  // by part of the name or of the certificate reference starts the list again.
  const [query, setQuery] = useState('');
  const [searchText, setSearchText] = useState('');
  const list = usePagedList(
    async (after: string | null): Promise<ProductRow[]> => {
      const page = (await request(CertifiedProducts, { first: PAGE_SIZE, after, search: query || null })).certifiedProducts;
      const holderIds = [...new Set(page.map((p) => p.organisationId).filter((id): id is string => Boolean(id)))];
      const names = holderIds.length ? new Map((await request(Companies, { ids: holderIds, first: holderIds.length })).organisations.map((o) => [o.id ?? '', o.name ?? ''] as const)) : new Map<string, string>();
      return page.map((product) => ({ ...product, holderName: names.get(product.organisationId ?? '') ?? '' }));
    },
    (product) => product.id ?? null,
    PAGE_SIZE,
    [query],
  );
  const schemas = useLoad(async () => (await request(ProductFamilySchemas)).productFamilySchemas);
  const reload = () => {
    list.reload();
    schemas.reload();
  };
  const [form, setForm] = useState({ holder: OTHER_HOLDER, organisationId: '', name: '', productFamily: '', certificateReference: '', scheme: 'BENOR', productionUnit: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((previous) => ({ ...previous, [key]: value }));
  const [notice, setNotice] = useState<string | null>(null);
  const [changing, setChanging] = useState<Product | null>(null);
  const [status, setStatus] = useState<CertifiedProductStatus>('ACTIVE');
  const families = useMemo(() => [...new Set((schemas.data ?? []).map((s) => s.family ?? ''))].filter(Boolean).sort(), [schemas.data]);
  // The tenant's first companies to choose from (the API's page); any other is found by name.
  const companies = useLoad(async () => (await request(Companies, { first: COMPANY_CHOICES })).organisations);
  const holders = useMemo(() => (companies.data ?? []).map((o) => [o.id ?? '', o.name ?? ''] as const).sort((a, b) => a[1].localeCompare(b[1])), [companies.data]);

  // Another company: found by part of its name among the tenant's companies.
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Array<{ id: string; label: string }> | null>(null);
  const find = useAction(async () => {
    if (!search.trim()) throw clientError([{ field: 'nameContains', reason: 'required', constraint: 'required' }]);
    const result = await request(Companies, { nameContains: search.trim(), first: 20 });
    const companies = result.organisations.map((o) => ({ id: o.id ?? '', label: o.city ? `${o.name ?? ''} (${o.city})` : (o.name ?? '') }));
    setFound(companies);
    setForm((previous) => ({ ...previous, organisationId: companies[0]?.id ?? '' }));
  });

  const create = useAction(async () => {
    const organisationId = form.holder === OTHER_HOLDER ? form.organisationId.trim() : form.holder;
    const required: Array<[string, string]> = [
      [organisationId, 'input.organisationId'], [form.name, 'input.name'], [form.productFamily, 'input.productFamily'],
      [form.certificateReference, 'input.certificateReference'], [form.scheme, 'input.scheme'], [form.productionUnit, 'input.productionUnit'],
    ];
    const problems = required.filter(([value]) => !value.trim()).map(([, field]) => ({ field, reason: 'required', constraint: 'required' }));
    if (problems.length) throw clientError(problems);
    const created = await request(CreateCertifiedProduct, {
      input: {
        organisationId, name: form.name.trim(), productFamily: form.productFamily.trim(), certificateReference: form.certificateReference.trim(),
        scheme: form.scheme.trim(), productionUnit: form.productionUnit.trim(),
      },
    });
    setNotice(t('datasheets.products.created', { name: created.createCertifiedProduct.name ?? '' }));
    setForm((previous) => ({ ...previous, name: '', certificateReference: '', productionUnit: '' }));
    reload();
  });
  const change = useAction(async () => {
    if (!changing?.id) return;
    await request(ChangeCertifiedProductStatus, { id: changing.id, status });
    setNotice(t('datasheets.products.statusChanged', { name: changing.name ?? '', status: t(`datasheets.productStatus.${status}`) }));
    setChanging(null);
    reload();
  });

  return (
    <>
      <PageTitle lead={t('datasheets.products.lead')}>{t('datasheets.products.title')}</PageTitle>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <form
        className="form form--inline filters"
        role="search"
        aria-label={t('datasheets.products.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(searchText.trim());
        }}
      >
        <TextField name="search" label={t('datasheets.products.search')} hint={t('datasheets.products.searchHint')} spellCheck={false} autoComplete="off" value={searchText} onValue={setSearchText} />
        <button type="submit" className="button button--secondary">
          {t('datasheets.products.searchButton')}
        </button>
      </form>
      {list.loading && list.rows.length === 0 ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {schemas.error ? <LoadError error={schemas.error} onRetry={schemas.reload} /> : null}
      {!list.loading && !list.error && list.rows.length === 0 ? <p>{query ? t('datasheets.products.noneMatching', { text: query }) : t('datasheets.products.none')}</p> : null}
      {list.rows.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('datasheets.products.listTitle')} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t('datasheets.products.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('datasheets.fields.product')}</th>
                <th scope="col">{t('datasheets.fields.holder')}</th>
                <th scope="col">{t('datasheets.fields.family')}</th>
                <th scope="col">{t('datasheets.fields.certificate')}</th>
                <th scope="col">{t('datasheets.fields.productStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((product) => (
                <tr key={product.id ?? ''}>
                  <th scope="row">
                    {product.name}
                    {product.productionUnit ? <span className="muted"> · {product.productionUnit}</span> : null}
                  </th>
                  <td>{product.holderName}</td>
                  <td>{product.productFamily}</td>
                  <td>
                    {product.scheme} {product.certificateReference}
                  </td>
                  <td>
                    <span className={`badge badge--${product.status === 'ACTIVE' ? 'ok' : 'muted'}`}>{product.status ? t(`datasheets.productStatus.${product.status}`) : ''}</span>
                    {product.statusChangedAt ? <span className="muted"> {format.date(product.statusChangedAt)}</span> : null}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setChanging(product);
                        setStatus(product.status ?? 'ACTIVE');
                      }}
                    >
                      {t('datasheets.products.changeStatus')}
                      <span className="visually-hidden"> ({product.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NextPageButton list={list} label={t('common.showMore')} />

      <section className="panel" aria-labelledby="create-product-title">
        <h2 id="create-product-title">{t('datasheets.products.createTitle')}</h2>
        <Form error={find.error ?? create.error} onSubmit={() => void create.run()} idScope="product-">
          <SelectField
            name="holder"
            label={t('datasheets.fields.holder')}
            value={form.holder}
            onValue={set('holder')}
            options={[...holders.map(([id, name]) => ({ value: id, label: name })), { value: OTHER_HOLDER, label: t('datasheets.products.otherHolder') }]}
          />
          {form.holder === OTHER_HOLDER ? (
            <div className="field-row">
              <TextField name="nameContains" label={t('datasheets.products.findHolder')} hint={t('datasheets.products.findHolderHint')} value={search} onValue={setSearch} />
              <button type="button" className="button button--secondary" disabled={find.pending} onClick={() => void find.run()}>
                {t('datasheets.products.find')}
              </button>
            </div>
          ) : null}
          {form.holder === OTHER_HOLDER && found !== null ? (
            found.length === 0 ? (
              <p role="status">{t('datasheets.products.noneFound', { name: search.trim() })}</p>
            ) : (
              <SelectField name="input.organisationId" label={t('datasheets.fields.company')} value={form.organisationId} onValue={set('organisationId')} options={found.map((c) => ({ value: c.id, label: c.label }))} />
            )
          ) : null}
          <TextField name="input.name" label={t('datasheets.fields.productName')} value={form.name} onValue={set('name')} />
          <TextField name="input.productFamily" label={t('datasheets.fields.family')} hint={t('datasheets.fields.familyHint', { families: families.join(', ') || '—' })} spellCheck={false} value={form.productFamily} onValue={set('productFamily')} />
          <div className="field-row">
            <TextField name="input.scheme" label={t('datasheets.fields.scheme')} hint={t('datasheets.fields.schemeHint')} className="input--short" value={form.scheme} onValue={set('scheme')} />
            <TextField name="input.certificateReference" label={t('datasheets.fields.certificateReference')} value={form.certificateReference} onValue={set('certificateReference')} />
          </div>
          <TextField name="input.productionUnit" label={t('datasheets.fields.productionUnit')} value={form.productionUnit} onValue={set('productionUnit')} />
          <SubmitButton pending={create.pending} pendingLabel={t('common.saving')}>
            {t('datasheets.products.create')}
          </SubmitButton>
        </Form>
      </section>

      {hasAnyRole(me?.roles, ['TENANT_ADMIN']) ? <FamilySchemaForm families={families} onSaved={schemas.reload} /> : null}

      <Dialog open={changing !== null} title={t('datasheets.products.changeStatusOf', { name: changing?.name ?? '' })} onClose={() => setChanging(null)}>
        <Form error={change.error} onSubmit={() => void change.run()} idScope="status-">
          <p>{t('datasheets.products.statusHint')}</p>
          <SelectField
            name="status"
            label={t('datasheets.fields.productStatus')}
            value={status}
            onValue={(value) => setStatus(value as CertifiedProductStatus)}
            options={STATUSES.map((value) => ({ value, label: t(`datasheets.productStatus.${value}`) }))}
          />
          <SubmitButton pending={change.pending} pendingLabel={t('common.saving')}>
            {t('common.save')}
          </SubmitButton>
        </Form>
      </Dialog>
    </>
  );
}

/** The tenant's JSON Schema of a product family: the datasheet forms are generated from it. */
function FamilySchemaForm({ families, onSaved }: { families: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [family, setFamily] = useState('');
  const [jsonSchema, setJsonSchema] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => {
    const problems = [
      ...(family.trim() ? [] : [{ field: 'input.family', reason: 'required', constraint: 'required' }]),
      ...(jsonSchema.trim() ? [] : [{ field: 'input.jsonSchema', reason: 'required', constraint: 'required' }]),
    ];
    if (problems.length) throw clientError(problems);
    const result = await request(SetProductFamilySchema, { input: { family: family.trim(), jsonSchema } });
    setSaved(t('datasheets.schemas.saved', { family: result.setProductFamilySchema.family ?? '', version: result.setProductFamilySchema.version ?? 1 }));
    onSaved();
  });
  return (
    <section className="panel" aria-labelledby="schema-title">
      <h2 id="schema-title">{t('datasheets.schemas.title')}</h2>
      <p>{t('datasheets.schemas.lead', { families: families.join(', ') || '—' })}</p>
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      <Form error={save.error} onSubmit={() => void save.run()} idScope="schema-">
        <TextField name="input.family" label={t('datasheets.fields.family')} spellCheck={false} value={family} onValue={setFamily} />
        <TextAreaField name="input.jsonSchema" label={t('datasheets.schemas.jsonSchema')} hint={t('datasheets.schemas.jsonSchemaHint')} rows={10} spellCheck={false} className="input--code" value={jsonSchema} onValue={setJsonSchema} />
        <SubmitButton pending={save.pending} pendingLabel={t('common.saving')}>
          {t('datasheets.schemas.save')}
        </SubmitButton>
      </Form>
    </section>
  );
}
