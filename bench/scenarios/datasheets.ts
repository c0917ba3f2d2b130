import { createHash } from 'node:crypto';
import { PUBLIC_CACHE_CONTROL } from '@chancery/datasheets/controllers/public-datasheets.controller';
import type { PublishedDatasheet } from '@chancery/datasheets/entities/published-datasheet.entity';
import { PublishedDatasheetRepository } from '@chancery/datasheets/repositories/published-datasheet.repository';
import { TenantRepository } from '@chancery/identity/repositories/tenant.repository';
import type { BaselineCall } from '../baseline/call';
import type { BenchFixture } from '../fixture';
import { Scenario } from './scenario';

// Issue #17's public questions (Q1, Q2), anonymous, through GraphQL and the plain GET form. Both
// servers read the public read model (`published_datasheet`) in the public scope, one statement per
// answer, and present every `published` field of it.

/** Every field anyone may read of a published datasheet: product, holder, attachments and published contact. */
const FIELDS = `id tenantId versionId versionNumber publicCode productName productFamily certificateReference scheme productionUnit holderName
  characteristics texts { language title description } attachments { id title language fileName mediaType sizeBytes sha256 } contactKind contactName contactEmail contactPhone contactPosition contactReplacementRequired publishedAt`;

/** A published datasheet as the API answers it (GraphQL: the document's order; GET: the entity's, the same). */
function answerOf(d: PublishedDatasheet): Record<string, unknown> {
  return {
    id: d.id,
    tenantId: d.tenantId,
    versionId: d.versionId,
    versionNumber: d.versionNumber,
    publicCode: d.publicCode,
    productName: d.productName,
    productFamily: d.productFamily,
    certificateReference: d.certificateReference,
    scheme: d.scheme,
    productionUnit: d.productionUnit,
    holderName: d.holderName,
    characteristics: d.characteristics,
    texts: d.texts.map((t) => ({ language: t.language, title: t.title, description: t.description })),
    // The published version's files (the read model's list; the document id stays internal).
    attachments: (d.attachments ?? []).map((a) => ({ id: a.id, title: a.title, language: a.language, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
    contactKind: d.contactKind,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    contactPhone: d.contactPhone,
    contactPosition: d.contactPosition,
    contactReplacementRequired: d.contactReplacementRequired,
    publishedAt: d.publishedAt,
  };
}

/** PublicDatasheetsService's reads: the public scope, read only, one statement. */
async function publicRead<T>(
  call: BaselineCall,
  work: (published: PublishedDatasheetRepository) => Promise<T>,
): Promise<T> {
  const unit = await call.open({ mode: 'public', tenantId: null, actorId: null, readOnly: true });
  try {
    const result = await work(new PublishedDatasheetRepository(unit.sql));
    await unit.commit();
    return result;
  } catch (error) {
    await unit.rollback();
    throw error;
  }
}

/** As the service: a tenant's slug is resolved once per process (an anonymous unit), then remembered. */
const tenantIds = new Map<string, string | null>();
async function tenantIdOf(call: BaselineCall, slug: string): Promise<string | null> {
  if (!tenantIds.has(slug)) {
    const unit = await call.open({ mode: 'tenant', tenantId: null, actorId: null, readOnly: false });
    let tenant;
    try {
      tenant = await new TenantRepository(unit.sql).findBySlug(slug);
    } catch (error) {
      await unit.rollback();
      throw error;
    }
    await unit.commit();
    if (!tenant) return null;
    tenantIds.set(slug, tenant.id);
  }
  return tenantIds.get(slug) ?? null;
}

interface Page {
  items: PublishedDatasheet[];
  nextCursor: string | null;
}

/** PublicDatasheetsService.search for the first page (no cursor given). */
async function searchPage(
  call: BaselineCall,
  search: { tenant?: string; productName?: string; first?: number },
): Promise<Page> {
  const first = search.first ?? 50;
  let tenantId: string | undefined;
  if (search.tenant) {
    const id = await tenantIdOf(call, search.tenant);
    if (!id) return { items: [], nextCursor: null };
    tenantId = id;
  }
  const rows = await publicRead(call, (published) =>
    published.search({ tenantId, productName: search.productName, limit: first + 1 }),
  );
  const items = rows.slice(0, first);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > first && last
      ? Buffer.from(`${last.publishedAt.toISOString()}|${last.id}`).toString('base64url')
      : null;
  return { items, nextCursor };
}

/** The GET form's ETag: the read model's revision of each datasheet in the answer (PublicCacheHeaders). */
function etagOf(rows: readonly PublishedDatasheet[], nextCursor?: string | null): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row.id}:${row.revision};`);
  if (nextCursor !== undefined) hash.update(`next:${nextCursor ?? ''}`);
  return `"${hash.digest('base64url').slice(0, 27)}"`;
}

function requireDatasheet(fixture: BenchFixture): string {
  if (!fixture.datasheetId) throw new Error('no published datasheet seeded (BENCH_DATASHEETS=0?)');
  return fixture.datasheetId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A GET scenario has no GraphQL request: the baseline routes it by path (`get.route`). */
const NOT_A_GRAPHQL_REQUEST = {
  operationName: '',
  document: '',
  baseline: () => Promise.reject(new Error('a GET scenario')),
};

export const datasheetById: Scenario = {
  name: 'Q1 datasheet by id',
  key: 'Q1',
  target: 0.5,
  statementsInFigure: false,
  load: 'default',
  operationName: 'DatasheetById',
  document: `query DatasheetById($id: ID) { publishedDatasheet(id: $id) { ${FIELDS} } }`,
  variables: (fixture) => ({ id: requireDatasheet(fixture) }),
  caller: () => null,
  async baseline(call, variables) {
    const id = String(variables.id);
    if (!UUID.test(id)) throw new Error('id must be a UUID');
    const found = await publicRead(call, (published) => published.findById(id));
    if (!found) throw new Error('Datasheet not found');
    return { publishedDatasheet: answerOf(found) };
  },
};

export const datasheetByIdGet: Scenario = {
  ...NOT_A_GRAPHQL_REQUEST,
  name: 'Q1 datasheet by id (GET)',
  key: 'Q1.get',
  statementsInFigure: false,
  load: 'default',
  caller: () => null,
  get: {
    path: (fixture) => `/public/datasheets/${requireDatasheet(fixture)}`,
    route: /^\/public\/datasheets\/[^/]+$/,
    async baseline(call, url) {
      const key = decodeURIComponent(url.pathname.slice('/public/datasheets/'.length));
      if (!UUID.test(key)) throw new Error('the bench asks by public id');
      const found = await publicRead(call, (published) => published.findById(key.toLowerCase()));
      if (!found) throw new Error('Datasheet not found');
      return {
        body: answerOf(found),
        headers: { 'cache-control': PUBLIC_CACHE_CONTROL, etag: etagOf([found]) },
      };
    },
  },
};

export const datasheetSearch: Scenario = {
  name: 'Q2 datasheet search',
  key: 'Q2',
  target: 0.5,
  statementsInFigure: false,
  warmBeforeCheck: true,
  load: 'default',
  operationName: 'SearchDatasheets',
  document: `query SearchDatasheets($tenant: String, $productName: String, $first: Int) {
    searchPublishedDatasheets(tenant: $tenant, productName: $productName, first: $first) { items { ${FIELDS} } nextCursor } }`,
  variables: (fixture) => ({ ...fixture.datasheetSearch }),
  caller: () => null,
  async baseline(call, variables) {
    const page = await searchPage(call, variables as { tenant: string; productName: string; first: number });
    return { searchPublishedDatasheets: { items: page.items.map(answerOf), nextCursor: page.nextCursor } };
  },
};

export const datasheetSearchGet: Scenario = {
  ...NOT_A_GRAPHQL_REQUEST,
  name: 'Q2 datasheet search (GET)',
  key: 'Q2.get',
  statementsInFigure: false,
  warmBeforeCheck: true,
  load: 'default',
  caller: () => null,
  get: {
    path: ({ datasheetSearch: s }) =>
      `/public/datasheets?${new URLSearchParams({ tenant: s.tenant, productName: s.productName, first: String(s.first) }).toString()}`,
    route: /^\/public\/datasheets$/,
    async baseline(call, url) {
      const first = url.searchParams.get('first');
      const page = await searchPage(call, {
        tenant: url.searchParams.get('tenant') ?? undefined,
        productName: url.searchParams.get('productName') ?? undefined,
        first: first === null ? undefined : Number(first),
      });
      return {
        body: { items: page.items.map(answerOf), nextCursor: page.nextCursor },
        headers: { 'cache-control': PUBLIC_CACHE_CONTROL, etag: etagOf(page.items, page.nextCursor) },
      };
    },
  },
};
