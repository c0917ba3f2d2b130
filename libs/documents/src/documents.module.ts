import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@chancery/core';
import { DocumentRepository } from './document.repository';
import { DocumentsService, storageFor } from './documents.service';
import { PublishedDocument, StoredDocument } from './entities/stored-document.entity';
import { DOCUMENT_STORAGE } from './storage/document-storage';

/** Uploads and generated files, and where their bytes are kept (PostgreSQL by default, S3 in production). */
@Module({
  imports: [TypeOrmModule.forFeature([StoredDocument, PublishedDocument])],
  providers: [
    DocumentRepository,
    { provide: DOCUMENT_STORAGE, useFactory: storageFor, inject: [AppConfig, DocumentRepository] },
    DocumentsService,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
