import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the search filters on, in the order's indexes (PublishedSearchCovering1767640000000), now in their searched forms. */
const FILTERED = 'product_name_folded, product_family, holder_name_folded, certificate_reference_key';
const FILTERED_BEFORE = 'product_name, product_family, holder_name, certificate_reference';

/**
 * The public search matches names as people type them: in any case and with or without accents
 * ("pave beton" finds "Pavé béton", "societe" finds "Société"; a Belgian register is in French and
 * Dutch), and a certificate reference whatever its case and separators ("benor 7 12" finds
 * "BENOR-7/12": copied from a delivery note or read over the telephone). `ILIKE` folded case only and
 * the reference had to be typed exactly.
 *
 * The folded forms are generated columns of the read model, written by PostgreSQL with the row, so the
 * publishing transaction, the bench's set-based seed and every later writer keep them without code;
 * the search folds what is typed with the same functions (one definition, in SQL: a fold computed
 * in Node could differ from `unaccent`'s rules for "œ", "ß" or a decomposed accent). `unaccent`
 * with its dictionary named is STABLE only because a dictionary could be changed; ours never is, so
 * the wrappers are declared IMMUTABLE, as a generated column requires (the usual recipe; a changed
 * dictionary would need the columns regenerated).
 *
 * The order's indexes carry the folded columns instead of the raw ones, so the search still walks the
 * page in the index alone; the reference index is on its key. Adding the columns rewrites the table
 * once (160,000 rows at the bench's volume: seconds).
 */
export class PublishedSearchFolded1767650000000 implements MigrationInterface {
  name = 'PublishedSearchFolded1767650000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    // Wherever the extension lives (a database may keep extensions in a schema of their own): named in full, so no search_path decides.
    const [{ schema }] = (await db.query(`SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`)) as Array<{ schema: string }>;
    // The functions' own schema, named in their bodies too: a body is resolved when it runs, and a
    // restore (pg_dump sets an empty search_path) computes the generated columns with these bodies.
    const [{ here }] = (await db.query(`SELECT quote_ident(current_schema()) AS here`)) as Array<{ here: string }>;
    await db.query(`
      CREATE FUNCTION ${here}.search_folded(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT lower(${schema}.unaccent('${schema}.unaccent'::regdictionary, normalize($1, NFC))) $$`);
    await db.query(`COMMENT ON FUNCTION search_folded(text) IS 'Text as the public search compares it: accents off, lower case'`);
    await db.query(`
      CREATE FUNCTION ${here}.reference_key(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT regexp_replace(${here}.search_folded($1), '[^a-z0-9]+', '', 'g') $$`);
    await db.query(`COMMENT ON FUNCTION reference_key(text) IS 'A certificate reference as the public search compares it: letters and digits only, folded'`);
    await db.query(`
      ALTER TABLE published_datasheet
        ADD COLUMN product_name_folded text GENERATED ALWAYS AS (search_folded(product_name)) STORED,
        ADD COLUMN holder_name_folded text GENERATED ALWAYS AS (search_folded(holder_name)) STORED,
        ADD COLUMN certificate_reference_key text GENERATED ALWAYS AS (reference_key(certificate_reference)) STORED`);
    await this.orderIndexes(db, FILTERED);
    await db.query(`DROP INDEX published_datasheet_certificate`);
    await db.query(`CREATE INDEX published_datasheet_reference_key ON published_datasheet (certificate_reference_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX published_datasheet_reference_key`);
    await db.query(`CREATE INDEX published_datasheet_certificate ON published_datasheet (certificate_reference)`);
    await this.orderIndexes(db, FILTERED_BEFORE);
    await db.query(`ALTER TABLE published_datasheet DROP COLUMN product_name_folded, DROP COLUMN holder_name_folded, DROP COLUMN certificate_reference_key`);
    await db.query(`DROP FUNCTION reference_key(text)`);
    await db.query(`DROP FUNCTION search_folded(text)`);
  }

  private async orderIndexes(db: QueryRunner, filtered: string): Promise<void> {
    await db.query(`DROP INDEX published_datasheet_tenant_order`);
    await db.query(`DROP INDEX published_datasheet_order`);
    await db.query(`CREATE INDEX published_datasheet_tenant_order ON published_datasheet (tenant_id, published_at DESC, datasheet_id DESC) INCLUDE (${filtered})`);
    await db.query(`CREATE INDEX published_datasheet_order ON published_datasheet (published_at DESC, datasheet_id DESC) INCLUDE (tenant_id, ${filtered})`);
  }
}

/**
 * After PublishedSearchFolded1767650000000 rewrote `published_datasheet`: its visibility map is empty
 * until a VACUUM, and until then every "index-only" walk of the search reads each row it passes from
 * the table as well (the bench's Q2 at 200,000 datasheets: half its throughput) and the new columns
 * have no statistics. Autovacuum counts changed rows, not rewrites: on a table that changes
 * only when something is published it may not come for a long time.
 * VACUUM cannot run in a transaction: this migration runs outside one (and has nothing to undo).
 * Skipped on an empty table (a new database): nothing to mark.
 */
export class PublishedSearchFoldedVacuum1767650000100 implements MigrationInterface {
  name = 'PublishedSearchFoldedVacuum1767650000100';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    await vacuumWhenFilled(db, 'published_datasheet');
  }

  async down(): Promise<void> {
    // A vacuum changes no schema.
  }
}

/** VACUUM (ANALYZE) of a table just rewritten, when it holds rows; outside a transaction (`transaction = false`). */
export async function vacuumWhenFilled(db: QueryRunner, table: 'published_datasheet' | 'certified_product'): Promise<void> {
  const [{ any }] = (await db.query(`SELECT EXISTS (SELECT FROM ${table}) AS any`)) as Array<{ any: boolean }>;
  if (any) await db.query(`VACUUM (ANALYZE) ${table}`);
}
