import { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@chancery/core/database/row-security';

/**
 * Retention of the personal-data access log (rule PERSONAL_DATA_ACCESS, issue 18 item 4): entries past
 * the period are pruned, and the chain of what remains stays verifiable.
 *
 * A pruned run of consecutive entries leaves a checkpoint: which positions it covered, the link its
 * first entry had (`previous_hash`), the hash of its last (`last_hash`, what the next kept entry links
 * to), how many entries, up to which time they reach, under which period and when. Verification walks
 * entries and checkpoints in order: a kept entry must link to the checkpoint before it, a gap without
 * a checkpoint is a removed entry.
 *
 * The application role still may neither delete nor change an entry. `app_prune_personal_data_access`
 * (owner's rights) deletes the transaction's tenant's entries older than the period it is given, at
 * most `max_entries`, never those about or by the people it is told to spare (a legal hold, a
 * restriction), and writes their checkpoints in the same statement: no entry goes without one. The
 * checkpoints are append-only for everyone but the tenant's offboarding.
 */
export class PersonalDataAccessPruning1767510000000 implements MigrationInterface {
  name = 'PersonalDataAccessPruning1767510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE personal_data_access_checkpoint (
        id              bigserial PRIMARY KEY,
        tenant_id       uuid NOT NULL REFERENCES tenant(id),
        first_sequence  bigint NOT NULL CHECK (first_sequence > 0),
        last_sequence   bigint NOT NULL,
        previous_hash   bytea NULL CHECK (octet_length(previous_hash) = 32),
        last_hash       bytea NOT NULL CHECK (octet_length(last_hash) = 32),
        entries         integer NOT NULL,
        occurred_until  timestamptz NOT NULL,
        retention       interval NOT NULL,
        pruned_at       timestamptz NOT NULL,
        CHECK (last_sequence >= first_sequence AND entries = last_sequence - first_sequence + 1),
        CHECK ((first_sequence = 1) = (previous_hash IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX personal_data_access_checkpoint_position ON personal_data_access_checkpoint (tenant_id, first_sequence)`);
    await db.query(`CREATE INDEX personal_data_access_checkpoint_end ON personal_data_access_checkpoint (tenant_id, last_sequence)`);
    // Read by the application (verification, the chain's end); written only by the pruning function.
    await isolateTenantTable(db, 'personal_data_access_checkpoint', { privileges: 'SELECT' });

    // The function runs as the owner: where the owner is subject to row-level security, it reaches the
    // transaction's tenant's entries for deletion only through this policy.
    await db.query(`
      CREATE POLICY personal_data_access_pruned_by_owner ON personal_data_access FOR DELETE TO CURRENT_USER
        USING (tenant_id = app_current_tenant())`);
    await db.query(`CREATE INDEX personal_data_access_tenant_sequence_time ON personal_data_access (tenant_id, occurred_at, sequence)`);

    await db.query(`
      CREATE FUNCTION app_prune_personal_data_access(at_time timestamptz, retention interval, spared_ids uuid[], max_entries integer)
      RETURNS integer
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
      DECLARE
        pruning uuid := app_current_tenant();
        pruned integer;
      BEGIN
        IF pruning IS NULL THEN
          RAISE EXCEPTION 'the personal-data access log is pruned within a tenant' USING ERRCODE = 'CPA01';
        END IF;
        IF at_time IS NULL OR retention IS NULL OR retention < interval '0' OR max_entries IS NULL OR max_entries < 1 THEN
          RAISE EXCEPTION 'pruning needs a time, a period and a batch size' USING ERRCODE = 'CPA01';
        END IF;
        -- Appends to the tenant's chain wait until this transaction ends (the key of chainLockKey in libs/core).
        PERFORM pg_advisory_xact_lock(('x' || encode(substring(sha256(convert_to('personal_data_access:' || pruning::text, 'UTF8')) FROM 1 FOR 8), 'hex'))::bit(64)::bigint);
        WITH doomed AS (
          SELECT a.id, a.sequence, a.previous_hash, a.hash, a.occurred_at
            FROM personal_data_access a
           WHERE a.tenant_id = pruning AND a.occurred_at < at_time - retention
             AND NOT (a.subject_id = ANY (coalesce(spared_ids, '{}')))
             AND (a.accessor_id IS NULL OR NOT (a.accessor_id = ANY (coalesce(spared_ids, '{}'))))
           ORDER BY a.sequence NULLS FIRST, a.id
           LIMIT max_entries
           FOR UPDATE
        ), runs AS (
          -- Consecutive positions share a run (gaps and islands); entries written before the chain have none.
          SELECT d.*, d.sequence - row_number() OVER (ORDER BY d.sequence) AS run FROM doomed d WHERE d.sequence IS NOT NULL
        ), checkpoints AS (
          INSERT INTO personal_data_access_checkpoint (tenant_id, first_sequence, last_sequence, previous_hash, last_hash, entries, occurred_until, retention, pruned_at)
          SELECT pruning, min(r.sequence), max(r.sequence), (array_agg(r.previous_hash ORDER BY r.sequence))[1], (array_agg(r.hash ORDER BY r.sequence DESC))[1],
                 count(*), max(r.occurred_at), retention, at_time
            FROM runs r GROUP BY r.run
          RETURNING 1
        ), gone AS (
          DELETE FROM personal_data_access a USING doomed d WHERE a.id = d.id RETURNING 1
        )
        SELECT count(*) INTO pruned FROM gone;
        RETURN pruned;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION app_prune_personal_data_access(timestamptz, interval, uuid[], integer) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION app_prune_personal_data_access(timestamptz, interval, uuid[], integer) TO chancery_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION app_prune_personal_data_access(timestamptz, interval, uuid[], integer)`);
    await db.query(`DROP INDEX personal_data_access_tenant_sequence_time`);
    await db.query(`DROP POLICY personal_data_access_pruned_by_owner ON personal_data_access`);
    await db.query(`DROP TABLE personal_data_access_checkpoint`);
  }
}
