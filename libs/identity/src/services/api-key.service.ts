import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { issueSecret } from '@chancery/auth/secret-token';
import { Clock, hasRole, NotFoundError, RequestContext, Role, TransactionRunner } from '@chancery/core';
import { IsNull } from 'typeorm';
import { ApiKey, ApiKeyScope } from '../entities/api-key.entity';

/** Keys for integrations: an organisation admin's ERP key, a tenant admin's datasheet-feed key. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The secret is returned once, here; only its hash is kept. */
  async create(name: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const actor = this.context.actor;
    const forTenant = hasRole(actor, Role.TENANT_ADMIN);
    const secret = issueSecret('key', actor.tenantId);
    const apiKey = await this.transactions.run(async (manager) => {
      const created = await manager.save(ApiKey, manager.create(ApiKey, {
        tenantId: actor.tenantId!,
        organisationId: forTenant ? null : actor.organisationId!,
        name,
        scopes: [forTenant ? ApiKeyScope.DATASHEET_FEED : ApiKeyScope.ORGANISATION_ERP],
        keyHash: secret.hash,
        createdBy: actor.id!,
        lastUsedAt: null,
        revokedAt: null,
      }));
      await this.audit.record({ action: 'identity.apikey.created', subjectType: 'ApiKey', subjectId: created.id });
      return created;
    });
    return { apiKey, secret: secret.token };
  }

  list(): Promise<ApiKey[]> {
    return this.transactions.run((manager) => manager.find(ApiKey, { where: this.ownedBy(), order: { createdAt: 'DESC' } }));
  }

  async revoke(id: string): Promise<ApiKey> {
    return this.transactions.run(async (manager) => {
      const key = await manager.findOne(ApiKey, { where: { ...this.ownedBy(), id } });
      if (!key) throw new NotFoundError('API key');
      if (!key.revokedAt) {
        key.revokedAt = this.clock.now();
        await manager.save(ApiKey, key);
        await this.audit.record({ action: 'identity.apikey.revoked', subjectType: 'ApiKey', subjectId: key.id });
      }
      return key;
    });
  }

  private ownedBy() {
    const actor = this.context.actor;
    return hasRole(actor, Role.TENANT_ADMIN)
      ? { tenantId: actor.tenantId!, organisationId: IsNull() }
      : { tenantId: actor.tenantId!, organisationId: actor.organisationId! };
  }
}
