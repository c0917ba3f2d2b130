import { Documents1766100000000 } from './1766100000000-documents';
import { PublishedDocuments1767300000100 } from './1767300000100-published-documents';
import { ForgetDocumentUploader1767400000000 } from './1767400000000-forget-document-uploader';
import { DeleteErasedDraftsDocuments1767400000100 } from './1767400000100-delete-erased-drafts-documents';
import { DeleteRemovedAttachments1767400000300 } from './1767400000300-delete-removed-attachments';

export const DOCUMENTS_MIGRATIONS = [Documents1766100000000, PublishedDocuments1767300000100, ForgetDocumentUploader1767400000000, DeleteErasedDraftsDocuments1767400000100, DeleteRemovedAttachments1767400000300];
