import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditLog } from './audit-log.service';
import { AuditResolver } from './audit.resolver';
import { AuditPersonalDataHolder } from './audit-personal-data.holder';
import { LogCheckpoint } from './checkpoints/log-checkpoint.entity';
import { LogCheckpointRepository } from './checkpoints/log-checkpoint.repository';
import { LogCheckpoints } from './checkpoints/log-checkpoints.service';

/**
 * The audit log, and the signed heads (checkpoints) of the tamper-evident logs. Other contexts record
 * through the exported AuditLog and checkpoint through LogCheckpoints, never the tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LogCheckpoint])],
  providers: [AuditEntryRepository, AuditLog, AuditResolver, AuditPersonalDataHolder, LogCheckpointRepository, LogCheckpoints],
  exports: [AuditLog, LogCheckpoints],
})
export class AuditModule {}
