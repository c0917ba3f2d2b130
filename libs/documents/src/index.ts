export * from './documents.module';
export * from './documents.service';
export * from './documents.errors';
export * from './content-type';
export * from './document-download';
export * from './entities/stored-document.entity';
export type { DocumentStorage, DocumentLocation } from './storage/document-storage';
export { S3DocumentStorage } from './storage/s3-document-storage';
export * from './upload-names';
