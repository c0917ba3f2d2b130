import { Injectable } from '@nestjs/common';
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
    return { kind: 'apiKey', id: key.id, tenantId: key.tenantId, organisationId: key.organisationId ?? undefined, roles: [], scopes: key.scopes };
  }
}
