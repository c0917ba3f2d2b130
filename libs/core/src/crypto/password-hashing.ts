import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { CoreErrors } from '../errors/domain-error';

/**
 * Password hashing: argon2id with 3 passes and 4 lanes, and by default the library's 64 MiB (RFC
 * 9106's second choice). Identity stores the hashes; login, password change and reset verify and make
 * them. The memory is a setting (PASSWORD_HASH_MEMORY_KIB) only so that test suites, which register
 * and log in thousands of times, can use less; production refuses less than OWASP's 19 MiB (config).
 *
 * `hashPassword` and `verifyPassword` are unbounded: for seeding (demo data, tests). Requests go
 * through `PasswordHasher`, which bounds the work.
 */
export const STANDARD_PASSWORD_HASH_MEMORY_KIB = 65_536;

function argon2Options(memoryKib: number): argon2.Options & { raw?: false } {
  return { type: argon2.argon2id, memoryCost: memoryKib, timeCost: 3, parallelism: 4 };
}

export function hashPassword(password: string, memoryKib: number = STANDARD_PASSWORD_HASH_MEMORY_KIB): Promise<string> {
  return argon2.hash(password, argon2Options(memoryKib));
}

/**
 * Whether the password matches the hash. Without a hash (no such account) a hash of the same cost is
 * checked all the same, so the answer takes the same time and does not tell which accounts exist.
 */
export async function verifyPassword(hash: string | null, password: string, memoryKib: number = STANDARD_PASSWORD_HASH_MEMORY_KIB): Promise<boolean> {
  const target = hash ?? (await dummyHashOf(memoryKib));
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== null;
}

/** A hash of a password nobody knows, per cost: made once, on first use (of the standard cost, a fixed one). */
const dummyHashes = new Map<number, Promise<string>>([
  [STANDARD_PASSWORD_HASH_MEMORY_KIB, Promise.resolve('$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2m7N6bQ0u7Ow0Zl7p1i0Pq6eW4J3Kx0Yq1gqgk1b6xM')],
]);

function dummyHashOf(memoryKib: number): Promise<string> {
  let dummy = dummyHashes.get(memoryKib);
  if (!dummy) {
    dummy = hashPassword(randomBytes(24).toString('base64'), memoryKib);
    dummyHashes.set(memoryKib, dummy);
    // A failed one is made again next time rather than failing every later check.
    dummy.catch(() => dummyHashes.delete(memoryKib));
  }
  return dummy;
}

/**
 * Hashing and verifying passwords for requests, at most PASSWORD_HASH_CONCURRENCY at a time (each
 * takes 64 MiB and a thread of libuv's pool, which file and DNS work share) with at most
 * PASSWORD_HASH_QUEUE waiting. Beyond that the answer is TOO_MANY_REQUESTS at once: a flood of
 * failed logins gets refusals instead of a queue that delays everyone's login by minutes. Never
 * call it inside a unit of work (a held connection would wait with it).
 */
@Injectable()
export class PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly config: AppConfig,
    private readonly context: RequestContext,
  ) {
    // Made now, so the first login with an unknown address takes no longer than the next ones.
    void dummyHashOf(config.PASSWORD_HASH_MEMORY_KIB).catch(() => undefined);
  }

  hash(password: string): Promise<string> {
    return this.bounded(() => hashPassword(password, this.config.PASSWORD_HASH_MEMORY_KIB));
  }

  /** Whether the password matches the hash; takes the same time when there is no hash. */
  verify(hash: string | null, password: string): Promise<boolean> {
    return this.bounded(() => verifyPassword(hash, password, this.config.PASSWORD_HASH_MEMORY_KIB));
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    // A programming error, refused loudly: the open transaction would hold its connection while
    // the hash waits and runs (#14: a flood of failed logins starved the pool this way).
    if (this.context.unitOfWork) throw new Error('a password was hashed inside a unit of work: hash before or after it');
    if (this.running >= this.config.PASSWORD_HASH_CONCURRENCY) {
      if (this.waiting.length >= this.config.PASSWORD_HASH_QUEUE) throw CoreErrors.BUSY('The server is busy checking passwords; try again in a few seconds');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
