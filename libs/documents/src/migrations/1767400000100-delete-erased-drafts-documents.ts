import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure of a draft nobody submitted (issue 18, T13): its supporting documents are nobody's evidence
 * and may name the person, so they go with it, record and bytes. The application role may delete a
 * stored document of its tenant only if it is a supporting document (restrictive policies: an issued
 * certificate's PDF, a datasheet's attachment stay undeletable), and its bytes only with it.
 */
export class DeleteErasedDraftsDocuments1767400000100 implements MigrationInterface {
  name = 'DeleteErasedDraftsDocuments1767400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT DELETE ON stored_document, document_content TO chancery_app`);
    await db.query(`CREATE POLICY stored_document_delete_supporting_only ON stored_document AS RESTRICTIVE FOR DELETE USING (kind = 'SUPPORTING_DOCUMENT')`);
    await db.query(`
      CREATE POLICY document_content_delete_supporting_only ON document_content AS RESTRICTIVE FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_document d WHERE d.tenant_id = document_content.tenant_id AND d.id = document_content.document_id AND d.kind = 'SUPPORTING_DOCUMENT'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY document_content_delete_supporting_only ON document_content`);
    await db.query(`DROP POLICY stored_document_delete_supporting_only ON stored_document`);
    await db.query(`REVOKE DELETE ON stored_document, document_content FROM chancery_app`);
  }
}
