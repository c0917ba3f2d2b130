import { Injectable } from '@nestjs/common';
import { Actor, Clock, TransactionRunner } from '@chancery/core';
import { parseSecret } from './secret-token';

/** Turns an `x-api-key` header into an actor of kind `apiKey`, scoped to its tenant and company. */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async authenticate(presented: string): Promise<Actor | null> {
    const parsed = parseSecret(presented, 'key');
    if (!parsed?.tenantId) return null;
    const rows = (await this.transactions.run(
      (manager) =>
        manager.query(
          `UPDATE api_key SET last_used_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL
           RETURNING id, tenant_id, organisation_id, scopes`,
          [parsed.hash, this.clock.now()],
        ),
      { tenantId: parsed.tenantId },
    )) as [Array<{ id: string; tenant_id: string; organisation_id: string | null; scopes: string[] }>, number];
    const key = rows[0]?.[0];
    if (!key) return null;
    return { kind: 'apiKey', id: key.id, tenantId: key.tenant_id, organisationId: key.organisation_id ?? undefined, roles: [] };
  }
}
