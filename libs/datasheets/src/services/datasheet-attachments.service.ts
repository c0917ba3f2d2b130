import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { personIdOf, RequestContext, TransactionRunner } from '@chancery/core';
import { DocumentsService, mediaTypeOf, StoredDocument } from '@chancery/documents';
import { assertTypeMatches, MAX_ATTACHMENTS_PER_VERSION, sanitiseFileName, validTitle } from '../attachment-file';
import { DatasheetsErrors } from '../datasheets.errors';
import { DatasheetAttachment, PublishedDatasheetAttachment } from '../entities/datasheet-attachment.entity';
import { DatasheetState, DatasheetVersion } from '../entities/datasheet-version.entity';
import { DATASHEET_LANGUAGES } from '../inputs/datasheets.inputs';
import { DatasheetAttachmentRepository } from '../repositories/datasheet-attachment.repository';
import { DatasheetVersionRepository } from '../repositories/datasheet-version.repository';
import { PublishedDatasheetRepository } from '../repositories/published-datasheet.repository';
import { normalisePublicCode } from '../public-code';
import { companyScopeOf, datasheetScopeOf } from './datasheet-scope';

const EDITABLE: readonly DatasheetState[] = [DatasheetState.DRAFT, DatasheetState.CHANGES_REQUESTED];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface AttachmentUpload {
  fileName: string;
  title: string;
  language: string | null;
  /** The Content-Type the client sent, if any: compared with the bytes, never trusted. */
  declaredType?: string;
  bytes: Buffer;
}

/**
 * Documents attached to datasheet versions (#17 item 2). The company adds and removes them while
 * the version is a draft (or sent back for changes); the bytes are checked and kept by the documents
 * context; a published version's attachments are frozen with it and public through the read model.
 */
@Injectable()
export class DatasheetAttachmentsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly versions: DatasheetVersionRepository,
    private readonly attachments: DatasheetAttachmentRepository,
    private readonly published: PublishedDatasheetRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditLog,
  ) {}

  async add(versionId: string, upload: AttachmentUpload): Promise<DatasheetVersion> {
    const title = validTitle(upload.title);
    if (upload.language !== null && !(DATASHEET_LANGUAGES as readonly string[]).includes(upload.language)) {
      throw DatasheetsErrors.DATASHEET_ATTACHMENT_LANGUAGE_INVALID('The language must be one of nl, fr, de, en', { field: 'language' });
    }
    const fileName = sanitiseFileName(upload.fileName);
    const found = mediaTypeOf(upload.bytes);
    if (found) assertTypeMatches(fileName, found, upload.declaredType);
    const scope = companyScopeOf(this.context.actor);
    const uploadedBy = personIdOf(this.context.actor);
    return this.transactions.run(async () => {
      const version = await this.editableVersion(versionId, scope);
      const present = await this.attachments.ofVersions(version.tenantId, [version.id]);
      if (present.length >= MAX_ATTACHMENTS_PER_VERSION) {
        throw DatasheetsErrors.DATASHEET_ATTACHMENTS_FULL(`A version carries at most ${MAX_ATTACHMENTS_PER_VERSION} attachments`, { field: 'file', details: { max: MAX_ATTACHMENTS_PER_VERSION } });
      }
      // Size, emptiness and an unknown type (an executable, a script) are refused there, on the bytes.
      // Who added it is kept here (and forgotten on erasure), not in the document's record.
      const document = await this.documents.store({
        tenantId: version.tenantId, organisationId: version.organisationId, kind: 'DATASHEET_ATTACHMENT', fileName, bytes: upload.bytes, recordUploader: false,
      });
      const attachment = await this.attachments.insert({
        tenantId: version.tenantId, organisationId: version.organisationId, datasheetId: version.datasheetId, versionId: version.id, documentId: document.id, title,
        language: upload.language, fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes, sha256: document.sha256, uploadedBy,
      });
      await this.audit.record({
        action: 'datasheets.attachment.added', subjectType: 'DatasheetVersion', subjectId: version.id,
        details: { attachment: attachment.id, document: document.id, sha256: document.sha256 },
      });
      return this.withAttachments(version);
    });
  }

  async remove(attachmentId: string): Promise<DatasheetVersion> {
    const scope = companyScopeOf(this.context.actor);
    return this.transactions.run(async () => {
      const attachment = scope ? await this.attachments.findInScope(attachmentId, scope) : null;
      if (!attachment) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found', { field: 'attachmentId' });
      const version = await this.editableVersion(attachment.versionId, scope);
      await this.attachments.remove(attachment.id);
      // A file no version names any more goes with it (an earlier version may name it: then it stays).
      if (!(await this.attachments.documentIsNamed(attachment.documentId))) await this.documents.deleteUnnamed([attachment.documentId], 'DATASHEET_ATTACHMENT');
      await this.audit.record({
        action: 'datasheets.attachment.removed', subjectType: 'DatasheetVersion', subjectId: version.id,
        details: { attachment: attachment.id, document: attachment.documentId, sha256: attachment.sha256 },
      });
      return this.withAttachments(version);
    });
  }

  /**
   * An attachment's bytes for whoever reads the version: the holder's users and the tenant's staff.
   * Anything else (another company's, another tenant's, another version's) is NOT_FOUND.
   */
  async download(versionId: string, attachmentId: string): Promise<{ attachment: DatasheetAttachment; bytes: Buffer }> {
    const scope = datasheetScopeOf(this.context.actor);
    if (!scope || !UUID.test(versionId) || !UUID.test(attachmentId)) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
    return this.transactions.run(async () => {
      const attachment = await this.attachments.findInScope(attachmentId, scope);
      if (!attachment || attachment.versionId !== versionId) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
      const { document, bytes } = await this.documents.read(attachment.documentId);
      assertSameDocument(attachment, document);
      return { attachment, bytes };
    });
  }

  /**
   * A published datasheet's attachment, for anyone: found in the public read model, the bytes read in
   * the public scope. `unlessSha256`: the reader's cached copy; still published and the same, no bytes are read.
   */
  async downloadPublished(key: string, attachmentId: string, unlessSha256?: string): Promise<{ attachment: PublishedDatasheetAttachment; bytes: Buffer | null }> {
    const lookup = UUID.test(key.toLowerCase()) ? { id: key.toLowerCase() } : { code: normalisePublicCode(key) ?? undefined };
    if ((!lookup.id && !lookup.code) || !UUID.test(attachmentId.toLowerCase())) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
    const found = await this.transactions.publicReading(() => this.published.findAttachment(lookup, attachmentId.toLowerCase()));
    if (!found) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
    if (unlessSha256 === found.attachment.sha256) return { attachment: found.attachment, bytes: null };
    const { document, bytes } = await this.documents.readPublished(found.attachment.documentId);
    if (document.sha256 !== found.attachment.sha256) throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
    return { attachment: found.attachment, bytes };
  }

  /** The versions with their attachments: one statement for all of them. In the caller's unit. */
  async withAttachments<T extends DatasheetVersion | DatasheetVersion[]>(versions: T): Promise<T> {
    const list = Array.isArray(versions) ? versions : [versions];
    if (list.length === 0) return versions;
    const all = await this.attachments.ofVersions(list[0]!.tenantId, list.map((v) => v.id));
    for (const version of list) version.attachments = all.filter((a) => a.versionId === version.id);
    return versions;
  }

  /** A new version starts with the attachments of the one before (the same documents). In the caller's unit. */
  copyToNewVersion(tenantId: string, fromVersionId: string, toVersionId: string): Promise<number> {
    return this.attachments.copyToVersion(tenantId, fromVersionId, toVersionId);
  }

  /** The version's attachments as the public read model lists them. In the caller's unit. */
  async forPublication(version: DatasheetVersion): Promise<PublishedDatasheetAttachment[]> {
    return (await this.attachments.ofVersions(version.tenantId, [version.id])).map(({ id, documentId, title, language, fileName, mediaType, sizeBytes, sha256 }) =>
      Object.assign(new PublishedDatasheetAttachment(), { id, documentId, title, language, fileName, mediaType, sizeBytes, sha256 }));
  }

  /** What the public may download of the datasheet from now on (none when it is not published). In the caller's unit. */
  showPublicly(tenantId: string, datasheetId: string, attachments: readonly PublishedDatasheetAttachment[]): Promise<void> {
    return this.documents.setPublished(tenantId, `datasheet:${datasheetId}`, attachments.map((a) => a.documentId));
  }

  private async editableVersion(versionId: string, scope: ReturnType<typeof companyScopeOf>): Promise<DatasheetVersion> {
    const version = scope && UUID.test(versionId) ? await this.versions.lockInScope(versionId, scope) : null;
    if (!version) throw DatasheetsErrors.VERSION_NOT_FOUND('Datasheet version not found', { field: 'versionId' });
    if (!EDITABLE.includes(version.state)) {
      throw DatasheetsErrors.DATASHEET_ATTACHMENTS_FROZEN(`The attachments of a ${version.state} version cannot change`, { field: 'versionId', details: { state: version.state } });
    }
    return version;
  }
}

/** The listed document is this company's datasheet attachment with the recorded checksum: a row never reaches another file. */
function assertSameDocument(attachment: DatasheetAttachment, document: StoredDocument): void {
  if (document.kind !== 'DATASHEET_ATTACHMENT' || document.organisationId !== attachment.organisationId || document.sha256 !== attachment.sha256) {
    throw DatasheetsErrors.DATASHEET_ATTACHMENT_NOT_FOUND('Attachment not found');
  }
}
