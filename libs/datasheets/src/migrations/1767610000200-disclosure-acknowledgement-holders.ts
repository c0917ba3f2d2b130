import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Only a certificate holder's people in a certification body's space acknowledge the contact-disclosure
 * notice (attack report D5): anyone logged in could, a chamber's people and the body's own staff
 * included, and those records never ended a role, so the retention sweep (DISCLOSURE_ACKNOWLEDGEMENT,
 * from role_ended_at) never reached them. Those already stored count from this migration: the sweep
 * deletes them after the period, unless held or the person's processing is restricted. (Staff hold no
 * organisation role: DisclosureObjectionKept1767610000100 already set theirs.)
 */
export class DisclosureAcknowledgementHolders1767610000200 implements MigrationInterface {
  name = 'DisclosureAcknowledgementHolders1767610000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      UPDATE contact_disclosure_acknowledgement a SET role_ended_at = now()
       WHERE a.role_ended_at IS NULL
         AND (NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = a.tenant_id AND 'CERTIFICATION_BODY' = ANY (t.kinds))
              OR NOT EXISTS (SELECT 1 FROM user_account u WHERE u.id = a.user_id AND u.tenant_id = a.tenant_id AND u.organisation_id IS NOT NULL))`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the dates stand (the records were kept without a purpose).
  }
}
