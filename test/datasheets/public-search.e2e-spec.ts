import { Role } from '@chancery/access';
import { UnitOfWork } from '@chancery/core';
import { DatasheetsProvisioning } from '@chancery/datasheets';
import { reportFigure, useTestApp } from '@chancery/testing';

/**
 * Public search over 10,000 seeded published datasheets (two certification bodies, several versions
 * each): every page costs the same bounded number of SQL statements whatever its size and filters
 * (BEGIN, the unit's scope, one SELECT on the public read model, COMMIT), counted by the server itself.
 */
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; 'Rows Removed by Filter'?: number; Plans?: PlanNode[] };

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const ITEM = 'id publicCode productName productFamily certificateReference scheme productionUnit holderName characteristics texts { language title description } contactKind contactName contactEmail contactPhone contactPosition contactReplacementRequired publishedAt versionNumber';

describe('public datasheet search: bounded SQL per request', () => {
  const started = useTestApp({ env: { EXPOSE_STATEMENT_COUNT: 'true' } });
  const slugs: string[] = [];

  beforeAll(async () => {
    const { app, factory } = started;
    const provisioning = app.get(DatasheetsProvisioning);
    for (const [n, prefix] of [[1, 'Boordsteen'], [2, 'Kerbstone']] as const) {
      const tenant = await factory.tenant({ kinds: ['CERTIFICATION_BODY' as never] });
      slugs.push(tenant.slug);
      const organisation = await factory.organisation(tenant, { name: `Holder ${n} NV` });
      const contact = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
      const made = await provisioning.provisionPublished({
        tenantId: tenant.id, organisationId: organisation.id, holderName: `Holder ${n} NV`, count: 5_000, namePrefix: prefix, batch: n, versions: 2,
        contact: { userId: contact.id, name: `Contact ${n}`, email: contact.email, phone: '+32470000000', position: 'Quality' }, publishedAt: new Date('2026-06-01T00:00:00Z'),
      });
      expect(made).toBe(5_000);
    }
  }, 300_000);

  it('answers every page in the same number of statements, whatever the page size and filters', async () => {
    const { app } = started;
    expect(Number((await app.asOwner((db) => db.query('SELECT count(*) FROM published_datasheet'))).rows[0].count)).toBe(10_000);
    const statements = new Map<string, number>();
    const search = async (label: string, args: Record<string, unknown>) => {
      const response = await app.http().post('/graphql').set('content-type', 'application/json').send({
        query: `query($t: String, $q: String, $h: String, $first: Int, $after: String) { searchPublishedDatasheets(tenant: $t, productName: $q, holderName: $h, first: $first, after: $after) { items { ${ITEM} } nextCursor } }`,
        variables: args,
      });
      expect(response.body.errors).toBeUndefined();
      statements.set(label, Number(response.headers['x-sql-statements']));
      return response.body.data.searchPublishedDatasheets as { items: Array<{ id: string; productName: string }>; nextCursor: string | null };
    };
    // The first question naming a tenant resolves its slug once per process (the directory: slugs never change).
    await search('warm-up: first use of the tenant slug', { t: slugs[0], first: 1 });
    const warmUp = statements.get('warm-up: first use of the tenant slug')!;
    statements.clear();
    const page = await search('tenant + name, 50', { t: slugs[0], q: 'boordsteen 12', first: 50 });
    expect(page.items).toHaveLength(50);
    expect(page.items.every((i) => i.productName.toLowerCase().includes('boordsteen 12'))).toBe(true);
    await search('tenant + name, 1', { t: slugs[0], q: 'boordsteen 12', first: 1 });
    const next = await search('tenant + name, next page of 50', { t: slugs[0], q: 'boordsteen 12', first: 50, after: page.nextCursor });
    expect(next.items.map((i) => i.id).filter((id) => page.items.some((p) => p.id === id))).toEqual([]);
    await search('all tenants, 50', { first: 50 });
    await search('all tenants, 100', { first: 100 });
    await search('holder, 50', { h: 'holder 2', first: 50 });
    const counts = [...statements.values()];
    process.stdout.write(`datasheet search statements: ${JSON.stringify(Object.fromEntries(statements))} (warm-up ${warmUp})\n`);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(4);
    reportFigure(`datasheet search: ${counts[0]} queries per request for a page of 50`);
  });

  it("finds a page by walking the order's index alone and stops at the page's end (a name filter cannot seek an index under row-level security)", async () => {
    const { app } = started;
    // What autovacuum does to a settled table: the visibility map lets the index answer without the rows.
    await app.asOwner((db) => db.query('VACUUM ANALYZE published_datasheet'));
    // The search's statement, planned and run in its own unit (the public scope, the application's role).
    const plans: PlanNode[] = [];
    const query = UnitOfWork.prototype.query;
    UnitOfWork.prototype.query = async function explainedFirst(this: UnitOfWork, text: string, values: readonly unknown[] = []) {
      if (/^\s*SELECT/i.test(text) && /\bFROM published_datasheet\b/.test(text)) {
        const [explained] = await query.call<UnitOfWork, [string, readonly unknown[]], Promise<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>>(this, `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
        plans.push(explained!['QUERY PLAN'][0]!.Plan);
      }
      return query.call(this, text, values);
    } as typeof query;
    let found: Array<{ productName: string }>;
    try {
      // "boordsteen 1" is in about a fifth of the tenant's 5,000 names (Boordsteen 1, 10–19, 100–199, 1000–1999).
      const response = await app.http().get(`/public/datasheets?tenant=${slugs[0]}&productName=boordsteen%201&first=20`).set('accept', 'application/json');
      expect(response.status).toBe(200);
      found = (response.body as { items: Array<{ productName: string }> }).items;
    } finally {
      UnitOfWork.prototype.query = query;
    }
    expect(found).toHaveLength(20);
    expect(plans).toHaveLength(1);
    const reads = nodesOf(plans[0]!).filter((node) => node['Relation Name'] === 'published_datasheet');
    // The page in the index alone, no heap and no sort of the tenant's rows; then 20 rows read by key.
    expect(reads.map((node) => `${node['Node Type']} ${node['Index Name'] ?? ''}`.trim()).sort()).toEqual([
      'Index Only Scan published_datasheet_tenant_order',
      'Index Scan published_datasheet_pkey',
    ]);
    const page = reads.find((node) => node['Node Type'] === 'Index Only Scan')!;
    const walked = page['Actual Rows']! + (page['Rows Removed by Filter'] ?? 0);
    // Stopped after the page and the one that tells whether there is a next: far from the tenant's 5,000.
    expect(page['Actual Rows']).toBe(21);
    expect(walked).toBeLessThan(500);
  });
});
