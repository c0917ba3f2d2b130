import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns a public search filters on: in the order's indexes, so the filters read no table row. */
const FILTERED = 'product_name, product_family, holder_name, certificate_reference';

/**
 * The public search (Q2 of issue #17) finds its page in the order's index instead of reading every
 * published datasheet of the tenant. Under row-level security PostgreSQL uses an index only with
 * conditions it knows leak nothing: `ILIKE` is not among them, so the trigram indexes
 * (`published_datasheet_name`, `…_holder`) could never serve the application's role (only the owner,
 * which has no policies), and the same rule hides the column statistics from the estimate, which put
 * a name search at one row: PostgreSQL then read all the tenant's rows (8,000 heap rows, about 7 ms at
 * 200,000 datasheets) and sorted them for 50. The order's indexes now carry the filtered columns, so
 * the page is walked in order in the index alone (an index-only scan, cheap at any estimate) and stops
 * at the page's end; the page's rows are then read by key. The trigram indexes go: they only cost
 * every publication a write.
 */
export class PublishedSearchCovering1767640000000 implements MigrationInterface {
  name = 'PublishedSearchCovering1767640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX published_datasheet_tenant_order`);
    await db.query(`DROP INDEX published_datasheet_order`);
    await db.query(`DROP INDEX published_datasheet_name`);
    await db.query(`DROP INDEX published_datasheet_holder`);
    await db.query(`CREATE INDEX published_datasheet_tenant_order ON published_datasheet (tenant_id, published_at DESC, datasheet_id DESC) INCLUDE (${FILTERED})`);
    await db.query(`CREATE INDEX published_datasheet_order ON published_datasheet (published_at DESC, datasheet_id DESC) INCLUDE (tenant_id, ${FILTERED})`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX published_datasheet_tenant_order`);
    await db.query(`DROP INDEX published_datasheet_order`);
    await db.query(`CREATE INDEX published_datasheet_name ON published_datasheet USING gin (tenant_id, product_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX published_datasheet_holder ON published_datasheet USING gin (holder_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX published_datasheet_order ON published_datasheet (published_at DESC, datasheet_id DESC)`);
    await db.query(`CREATE INDEX published_datasheet_tenant_order ON published_datasheet (tenant_id, published_at DESC, datasheet_id DESC)`);
  }
}
