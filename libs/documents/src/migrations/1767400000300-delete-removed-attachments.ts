import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A datasheet attachment removed from a draft, which no version names any more, goes with its file
 * (record and bytes), as an erased draft's supporting documents do: the application may now delete
 * those two kinds, never a certificate's PDF. A file a published version shows cannot go either way
 * (`published_document` names it).
 */
export class DeleteRemovedAttachments1767400000300 implements MigrationInterface {
  name = 'DeleteRemovedAttachments1767400000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY document_content_delete_supporting_only ON document_content`);
    await db.query(`DROP POLICY stored_document_delete_supporting_only ON stored_document`);
    await db.query(`CREATE POLICY stored_document_delete_unissued_only ON stored_document AS RESTRICTIVE FOR DELETE USING (kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT'))`);
    await db.query(`
      CREATE POLICY document_content_delete_unissued_only ON document_content AS RESTRICTIVE FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_document d WHERE d.tenant_id = document_content.tenant_id AND d.id = document_content.document_id
                       AND d.kind IN ('SUPPORTING_DOCUMENT', 'DATASHEET_ATTACHMENT')))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP POLICY document_content_delete_unissued_only ON document_content`);
    await db.query(`DROP POLICY stored_document_delete_unissued_only ON stored_document`);
    await db.query(`CREATE POLICY stored_document_delete_supporting_only ON stored_document AS RESTRICTIVE FOR DELETE USING (kind = 'SUPPORTING_DOCUMENT')`);
    await db.query(`
      CREATE POLICY document_content_delete_supporting_only ON document_content AS RESTRICTIVE FOR DELETE
        USING (EXISTS (SELECT 1 FROM stored_document d WHERE d.tenant_id = document_content.tenant_id AND d.id = document_content.document_id AND d.kind = 'SUPPORTING_DOCUMENT'))`);
  }
}
