import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';
import { AuditResolver } from './audit.resolver';

/** The audit log. Other contexts record through the exported AuditLog, never the table. */
@Module({
  providers: [AuditLog, AuditResolver],
  exports: [AuditLog],
})
export class AuditModule {}
