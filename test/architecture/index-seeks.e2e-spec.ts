import { UnitOfWork } from '@chancery/core';
import { reportFigure, useTestApp } from '@chancery/testing';
import { captureRepository, normalise, repositoryClasses } from './repository-sql';

/**
 * Where a table's row-level security policies are alternatives (the tenant's rows, or a public read,
 * or a delivery queue's), PostgreSQL cannot seek an index with their OR: a statement that does not
 * itself name what it reads (the tenant, an id, an address) reads every tenant's rows. That is how a
 * chamber's certificate list read the registers of all twenty chambers (0.4–0.8 s at a million
 * certificates), with every test green on a small database.
 *
 * Checked on the plans, not the text: every repository statement, with its @GenerateSql example's
 * values, in the example tenant's unit, is planned with sequential scans switched off (so the plan
 * uses an index wherever one can serve). On such a table, a sequential scan left in the plan, or an
 * index read without a condition on its first column (the whole index), means nothing in the
 * statement narrows the read. A partial index read whole is fine: it holds only its queue. The tables
 * below are exempt, each for its reason. Prints
 *   index seeks: <n> statements planned, <m> reads of whole tables with alternative policies
 */
const SMALL_TABLES: Readonly<Record<string, string>> = {
  certificate_signing_key: 'a few keys per chamber (one active, the retired ones kept for verification)',
  sub_processor: "the platform's and the tenants' sub-processor lists: tens of rows",
  sub_processor_change: 'announced changes to those lists: a few a year',
  sub_processor_objection: "customers' objections to those changes: a few per change",
  tenant_offboarding: 'one row per departing tenant',
};

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };

describe('statements on tables whose policies are alternatives read through an index', () => {
  const world = useTestApp();

  it('no statement reads such a table whole (sequential scan, or a whole index) unless the table is a small one named here', async () => {
    const alternatives = new Set(
      (await world.app.asOwner((db) => db.query<{ table: string }>(
        `SELECT c.relname AS table FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
          WHERE p.polpermissive AND p.polcmd IN ('r', '*') GROUP BY c.relname HAVING count(*) > 1`,
      ))).rows.map((row) => row.table),
    );
    expect([...alternatives]).toEqual(expect.arrayContaining(['certificate', 'user_account', 'outbox_message']));
    const indexes = new Map(
      (await world.app.asOwner((db) => db.query<{ index: string; table: string; first: string | null; partial: boolean }>(
        `SELECT i.relname AS index, t.relname AS table, a.attname AS first, x.indpred IS NOT NULL AS partial
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
           LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
          WHERE t.relnamespace = 'public'::regnamespace`,
      ))).rows.map((row) => [row.index, row]),
    );
    const wholeReads = (node: PlanNode, found: string[]): string[] => {
      const table = node['Relation Name'] ?? indexes.get(node['Index Name'] ?? '')?.table;
      if (table && alternatives.has(table) && !(table in SMALL_TABLES)) {
        if (node['Node Type'] === 'Seq Scan') found.push(`${table} (sequential scan)`);
        const index = indexes.get(node['Index Name'] ?? '');
        // An expression as the first column (first = null) is never narrowed by a plain column's condition.
        if (index && !index.partial && !(index.first && new RegExp(`\\b${index.first}\\b`).test(node['Index Cond'] ?? ''))) {
          found.push(`${index.index} (${node['Index Cond'] ?? 'whole index'})`);
        }
      }
      for (const child of node.Plans ?? []) wholeReads(child, found);
      return found;
    };

    // The whole reads of each statement's plans, by its text as the capture reports it (a text planned
    // with each of its method's examples: one example's plan must not hide another's).
    const wholeReadsOf = new Map<string, string[]>();
    let planned = 0;
    const query = UnitOfWork.prototype.query;
    // Each statement is planned in the unit it runs in (the example tenant's scope, row-level security
    // applied) just before it runs; the capture rolls every unit back.
    UnitOfWork.prototype.query = async function plannedFirst(this: UnitOfWork, text: string, values: readonly unknown[] = []) {
      if (!/^\s*(BEGIN|COMMIT|ROLLBACK|SET |SELECT set_config\()/i.test(text)) {
        await query.call(this, 'SET LOCAL enable_seqscan = off');
        const [explained] = await query.call<UnitOfWork, [string, readonly unknown[]], Promise<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>>(this, `EXPLAIN (FORMAT JSON) ${text}`, values);
        await query.call(this, 'SET LOCAL enable_seqscan = on');
        const key = normalise(text);
        wholeReadsOf.set(key, [...(wholeReadsOf.get(key) ?? []), ...wholeReads(explained!['QUERY PLAN'][0]!.Plan, [])]);
        planned += 1;
      }
      return query.call(this, text, values);
    } as typeof query;
    const findings = new Set<string>();
    try {
      for (const repository of repositoryClasses()) {
        for (const { method, statements } of await captureRepository(world.app.app, repository)) {
          for (const statement of statements) for (const read of wholeReadsOf.get(statement) ?? []) findings.add(`${repository.name}.${method}: ${read}`);
        }
      }
    } finally {
      UnitOfWork.prototype.query = query;
    }
    reportFigure(`index seeks: ${planned} statements planned, ${findings.size} reads of whole tables with alternative policies`);
    expect(planned).toBeGreaterThan(300);
    expect([...findings].sort()).toEqual([]);
  });
});
