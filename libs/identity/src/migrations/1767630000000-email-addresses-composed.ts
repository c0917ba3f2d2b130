import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses are kept Unicode-composed (NFC) since `normaliseEmailAddress`: an address stored before in
 * its decomposed form ("e" + combining accent) is rewritten to the form every look-up now uses, so its
 * owner still logs in. An account whose composed form another account of the tenant already has is left
 * as it is: those are two accounts for one mailbox, made possible by the old comparison, and which one
 * the person keeps is for the tenant to decide (the look-ups find the composed one).
 */
export class EmailAddressesComposed1767630000000 implements MigrationInterface {
  name = 'EmailAddressesComposed1767630000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE user_account u SET email = normalize(u.email, NFC)
       WHERE u.email IS NOT NFC NORMALIZED
         AND NOT EXISTS (SELECT 1 FROM user_account o
                          WHERE o.tenant_id IS NOT DISTINCT FROM u.tenant_id AND o.email = normalize(u.email, NFC))`);
    await db.query(`UPDATE invitation SET email = normalize(email, NFC) WHERE email IS NOT NFC NORMALIZED`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the composed form is the same address.
  }
}
