import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRoles, Role } from '@chancery/core';
import { AuditLog } from './audit-log.service';
import { AuditChainStatus, AuditEntry, toAuditEntryType } from './entities/audit-entry.type';
import { AuditEntriesArgs } from './inputs/audit-entries.args';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditLog: AuditLog) {}

  @RequireRoles(Role.TENANT_ADMIN, Role.AUDITOR)
  @Query(() => [AuditEntry], {
    description: "The tenant's audit log, newest first. Tenant admins and auditors.",
  })
  async auditEntries(@Args() page: AuditEntriesArgs): Promise<AuditEntry[]> {
    return (await this.auditLog.listEntries(page)).map(toAuditEntryType);
  }

  @RequireRoles(Role.TENANT_ADMIN, Role.AUDITOR)
  @Query(() => AuditChainStatus, {
    description: "Recomputes the tenant's audit chain. Tenant admins and auditors.",
  })
  verifyAuditChain(): Promise<AuditChainStatus> {
    return this.auditLog.verifyCurrentTenantChain();
  }
}
