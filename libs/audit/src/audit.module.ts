import { Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log.service';
import { AuditResolver } from './audit.resolver';
import { AuditPersonalDataHolder } from './audit-personal-data.holder';

/** The audit log. Other contexts record through the exported AuditLog, never the table. */
@Module({
  providers: [AuditEntryRepository, AuditLog, AuditResolver, AuditPersonalDataHolder],
  exports: [AuditLog],
})
export class AuditModule {}
