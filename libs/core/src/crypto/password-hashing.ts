import * as argon2 from 'argon2';

/**
 * Password hashing (argon2id with the library's defaults: 64 MiB, 3 passes, RFC 9106's second
 * choice). Identity stores the hashes; login, password change and reset verify and make them.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Compare against a real hash even when there is none, so the answer takes the same time.
  const target = hash ?? DUMMY_HASH;
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== null;
}

const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2m7N6bQ0u7Ow0Zl7p1i0Pq6eW4J3Kx0Yq1gqgk1b6xM';
