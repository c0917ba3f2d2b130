import { Injectable } from '@nestjs/common';
import { ApiKeyScope, holdsRole, Role } from '@chancery/access';
import { AuditLog } from '@chancery/audit';
import { Actor, Clock, issueSecret, ParsedSecret, RequestContext, TransactionRunner } from '@chancery/core';
import { ApiKey } from '../entities/api-key.entity';
import { TenantKind } from '../entities/tenant.entity';
import { IdentityErrors } from '../identity.errors';
import { ApiKeyOwner, ApiKeyRepository, AuthenticatedApiKey } from '../repositories/api-key.repository';
import { TenantRepository } from '../repositories/tenant.repository';

/** Keys for integrations: an organisation admin's ERP key, a tenant admin's datasheet-feed key. */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly context: RequestContext,
    private readonly keys: ApiKeyRepository,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The secret is returned once, here; only its hash is kept. */
  async create(name: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const actor = this.context.actor;
    const owner = ownerOf(actor);
    const secret = issueSecret('key', owner.tenantId);
    const apiKey = await this.transactions.run(async () => {
      if (!owner.organisationId) await this.assertPublishesDatasheets(owner.tenantId);
      const created = await this.keys.insert({
        ...owner,
        name,
        scopes: [owner.organisationId ? ApiKeyScope.ORGANISATION_ERP : ApiKeyScope.DATASHEET_FEED],
        keyHash: secret.hash,
        createdBy: actor.id!,
      });
      await this.audit.record({ action: 'identity.apikey.created', subjectType: 'ApiKey', subjectId: created.id });
      return created;
    });
    return { apiKey, secret: secret.token };
  }

  /** A tenant's key reads its datasheet feed: a space that publishes none (a chamber's) has nothing for it to read. */
  private async assertPublishesDatasheets(tenantId: string): Promise<void> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant?.kinds.includes(TenantKind.CERTIFICATION_BODY)) {
      throw IdentityErrors.NO_DATASHEET_FEED('a tenant’s API key reads its datasheet feed, and only a certification body publishes one');
    }
  }

  list(): Promise<ApiKey[]> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(() => this.keys.listOwnedBy(owner));
  }

  revoke(id: string): Promise<ApiKey> {
    const owner = ownerOf(this.context.actor);
    return this.transactions.run(async () => {
      const key = await this.keys.findOwned(id, owner);
      if (!key) throw IdentityErrors.API_KEY_NOT_FOUND('API key not found');
      if (key.revokedAt) return key;
      const revoked = await this.keys.revoke(key.id, this.clock.now());
      await this.audit.record({ action: 'identity.apikey.revoked', subjectType: 'ApiKey', subjectId: key.id });
      return revoked!;
    });
  }

  /** The key a presented secret belongs to, if it is live (for the access guard, before any session). */
  authenticate(secret: ParsedSecret): Promise<AuthenticatedApiKey | null> {
    return this.transactions.forSecretHolder(secret, () => this.keys.authenticate(secret.hash, this.clock.now()));
  }
}

function ownerOf(actor: Actor): ApiKeyOwner {
  if (!actor.tenantId) throw IdentityErrors.API_KEY_NOT_FOUND('API key not found');
  return holdsRole(actor.roles, Role.TENANT_ADMIN)
    ? { tenantId: actor.tenantId, organisationId: null }
    : { tenantId: actor.tenantId, organisationId: actor.organisationId ?? null };
}
