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
    // Last use is recorded at most once a minute: a write on every request would make a busy
    // integration's concurrent requests queue on the key's row.
    const rows = (await this.transactions.run(
      (manager) =>
        manager.query(
          `WITH key AS (SELECT id, tenant_id, organisation_id, scopes, last_used_at FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL),
                touched AS (UPDATE api_key SET last_used_at = $2 FROM key
                             WHERE api_key.id = key.id AND (key.last_used_at IS NULL OR key.last_used_at < $2::timestamptz - interval '1 minute'))
           SELECT id, tenant_id, organisation_id, scopes FROM key`,
          [parsed.hash, this.clock.now()],
        ),
      { tenantId: parsed.tenantId },
    )) as Array<{ id: string; tenant_id: string; organisation_id: string | null; scopes: string[] }>;
    const key = rows[0];
    if (!key) return null;
    return { kind: 'apiKey', id: key.id, tenantId: key.tenant_id, organisationId: key.organisation_id ?? undefined, roles: [] };
  }
}
