import type { Client } from 'pg';
import { inTenant } from './database';

/** Removes what the runs added since the mark; says what it removed. */
export type Prune = (owner: Client) => Promise<string>;

/**
 * Writes during the runs add rows; removing them afterwards keeps every run on the same data.
 * Audit entries are removed from the end of the chain only, so what remains is still a valid chain.
 * Deleting them needs an owner that bypasses row-level security (a superuser, as on the embedded
 * cluster and the local server); otherwise they stay, and the harness says so.
 */
export async function pruneAuditTail(owner: Client, tenantId: string): Promise<Prune> {
  const mark = await inTenant(owner, tenantId, async () => {
    const { rows } = await owner.query<{ last: string | null }>(
      'SELECT max(sequence) AS last FROM audit_entry WHERE tenant_id = $1',
      [tenantId],
    );
    return Number(rows[0]?.last ?? 0);
  });
  return (owner) =>
    inTenant(owner, tenantId, async () => {
      const deleted = await owner.query('DELETE FROM audit_entry WHERE tenant_id = $1 AND sequence > $2', [
        tenantId,
        mark,
      ]);
      const { rows } = await owner.query<{ left: string }>(
        'SELECT count(*) AS left FROM audit_entry WHERE tenant_id = $1 AND sequence > $2',
        [tenantId, mark],
      );
      const left = Number(rows[0]!.left);
      return `${deleted.rowCount ?? 0} audit entries removed${left ? `, ${left} kept (this owner may not delete them, or they were written meanwhile)` : ''}`;
    });
}

/** Login opens a session with a refresh token and appends an audit entry per call. */
export async function pruneLogins(owner: Client, tenantId: string, userId: string): Promise<Prune> {
  const since = await inTenant(
    owner,
    tenantId,
    async () => (await owner.query<{ now: Date }>('SELECT now() AS now')).rows[0]!.now,
  );
  const pruneAudit = await pruneAuditTail(owner, tenantId);
  return async (owner) => {
    const sessions = await inTenant(owner, tenantId, async () => {
      await owner.query(
        `DELETE FROM refresh_token WHERE session_id IN (SELECT id FROM auth_session WHERE user_id = $1 AND created_at >= $2)`,
        [userId, since],
      );
      return (
        (
          await owner.query('DELETE FROM auth_session WHERE user_id = $1 AND created_at >= $2', [
            userId,
            since,
          ])
        ).rowCount ?? 0
      );
    });
    return `${sessions} sessions, ${await pruneAudit(owner)}`;
  };
}
