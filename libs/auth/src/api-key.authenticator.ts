import { Injectable } from '@nestjs/common';
import { ApiKeyScope, Role } from '@chancery/access';
import { Actor, parseSecret } from '@chancery/core';
import { ApiKeyService } from '@chancery/identity';

/** Turns an `x-api-key` header into an actor of kind `apiKey`, scoped to its tenant, company and scopes. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(private readonly keys: ApiKeyService) {}

  async authenticate(presented: string): Promise<Actor | null> {
    const parsed = parseSecret(presented, 'key');
    if (!parsed?.tenantId) return null;
    const key = await this.keys.authenticate(parsed);
    if (!key) return null;
    // What a key may do is its scopes' permissions only (`permissionsOf` reads no roles of a key). What
    // it may read of a record is declared per role: a company's ERP reads what a member of its company reads.
    const readsAs = key.organisationId && key.scopes.includes(ApiKeyScope.ORGANISATION_ERP) ? [Role.ORG_MEMBER] : [];
    return { kind: 'apiKey', id: key.id, tenantId: key.tenantId, organisationId: key.organisationId ?? undefined, roles: readsAs, scopes: key.scopes };
  }
}
