import { EntityManager } from 'typeorm';

export type OneTimeTokenPurpose = 'EMAIL_CONFIRMATION' | 'PASSWORD_RESET';

/**
 * Uses a single-use token (e-mail confirmation, password reset) in the caller's transaction: marks it
 * used if it is unused and unexpired, and returns its user, or null. The UPDATE is the check, so two
 * concurrent uses cannot both succeed.
 */
export async function consumeOneTimeToken(manager: EntityManager, purpose: OneTimeTokenPurpose, hash: Buffer, now: Date): Promise<string | null> {
  const [rows] = (await manager.query(
    `UPDATE one_time_token SET used_at = $3 WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_id`,
    [hash, purpose, now],
  )) as [Array<{ user_id: string }>, number];
  return rows[0]?.user_id ?? null;
}
