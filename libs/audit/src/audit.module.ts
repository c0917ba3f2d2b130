import { Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log.service';
import { AuditResolver } from './audit.resolver';

/** The audit log. Other contexts record through the exported AuditLog, never the table. */
@Module({
  providers: [AuditEntryRepository, AuditLog, AuditResolver],
  exports: [AuditLog],
})
export class AuditModule {}
