import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '@chancery/access';
import { OncePerRequest } from '@chancery/core';
import { AuditLog } from './audit-log.service';
import { AuditChainStatus, AuditEntry, toAuditEntryType } from './entities/audit-entry.type';
import { AuditEntriesArgs } from './inputs/audit-entries.args';
import { LogCheckpoint } from './checkpoints/log-checkpoint.entity';
import { LogCheckpoints } from './checkpoints/log-checkpoints.service';
import { LogCheckpointsArgs } from './inputs/log-checkpoints.args';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly checkpoints: LogCheckpoints,
  ) {}

  @Allow(Permission.ReadAuditLog)
  @Query(() => [AuditEntry], {
    description: "The tenant's audit log, newest first. Tenant admins and auditors.",
  })
  async auditEntries(@Args() page: AuditEntriesArgs): Promise<AuditEntry[]> {
    return (await this.auditLog.listEntries(page)).map(toAuditEntryType);
  }

  @Allow(Permission.ReadAuditLog)
  @OncePerRequest()
  @Query(() => AuditChainStatus, {
    description: "Recomputes the tenant's audit chain. Tenant admins and auditors.",
  })
  async verifyAuditChain(): Promise<AuditChainStatus> {
    return Object.assign(new AuditChainStatus(), await this.auditLog.verifyCurrentTenantChain());
  }

  @Allow(Permission.ReadAuditLog)
  @Query(() => [LogCheckpoint], {
    description:
      "The signed heads of the tenant's audit log and personal-data access log, newest first: keep each `document`, it proves how far the logs had reached (also sent as the `audit.checkpoint` webhook). Tenant admins and auditors.",
  })
  async logCheckpoints(@Args() page: LogCheckpointsArgs): Promise<LogCheckpoint[]> {
    return this.checkpoints.listForCurrentTenant(page.first, page.before);
  }

  @Allow(Permission.ReadPlatformAuditLog)
  @Query(() => [AuditEntry], {
    description: "The platform's own audit log (what happens outside any tenant: tenants created, the operator's logins and acts), newest first. The platform operator.",
  })
  async platformAuditEntries(@Args() page: AuditEntriesArgs): Promise<AuditEntry[]> {
    return (await this.auditLog.listPlatformEntries(page)).map(toAuditEntryType);
  }

  @Allow(Permission.ReadPlatformAuditLog)
  @OncePerRequest()
  @Query(() => AuditChainStatus, {
    description: "Recomputes the platform's own audit chain, against its signed checkpoints. The platform operator.",
  })
  async verifyPlatformAuditChain(): Promise<AuditChainStatus> {
    return Object.assign(new AuditChainStatus(), await this.auditLog.verifyPlatformChain());
  }

  @Allow(Permission.ReadPlatformAuditLog)
  @Query(() => [LogCheckpoint], {
    description:
      "The signed heads of the platform's own audit log, newest first: keep each `document`, it proves how far the log had reached (docs/verify-log-checkpoint.mjs checks it offline). The platform operator.",
  })
  async platformLogCheckpoints(@Args() page: LogCheckpointsArgs): Promise<LogCheckpoint[]> {
    return this.checkpoints.listForPlatform(page.first, page.before);
  }
}
