import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts found by address: a login (which tenants know the address, then the account in the chosen
 * one), an invitation, a registration. The unique index is on (coalesce(tenant_id, …), email), whose
 * first column no plain condition names, so each of these read the whole index: every account of every
 * tenant, at each login. An index on the address alone is sought with it (`email = $1` leaks nothing,
 * so row-level security lets PostgreSQL use it); the few accounts of that address are then checked.
 */
export class AccountAddressLookup1767600000200 implements MigrationInterface {
  name = 'AccountAddressLookup1767600000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX user_account_email ON user_account (email)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX user_account_email`);
  }
}
