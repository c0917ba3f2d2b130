import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Encrypts the secrets the server must read back (TOTP seeds) with AES-256-GCM, so a copy of the
 * database alone does not yield anyone's second factor. The key is SECRETS_KEY (base64, 32 bytes) in
 * production; in development one generated into DATA_DIR; in tests one per application.
 */
export function loadSecretsKey(config: AppConfig): Buffer {
  if (config.SECRETS_KEY) return decodeKey(config.SECRETS_KEY);
  if (config.NODE_ENV === 'test') return randomBytes(32);
  const file = join(config.DATA_DIR, 'secrets.key');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return decodeKey(readFileSync(file, 'utf8').trim());
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('SECRETS_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

/** Null for anything not sealed with this key (tampered, another key, or not sealed at all). */
export function openSecret(key: Buffer, sealed: string): string | null {
  const [version, payload] = sealed.split('.', 2);
  if (version !== VERSION || !payload) return null;
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

@Injectable()
export class SecretBox {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = loadSecretsKey(config);
  }

  seal(plain: string): string {
    return sealSecret(this.key, plain);
  }

  open(sealed: string | null): string | null {
    return sealed === null ? null : openSecret(this.key, sealed);
  }

  /**
   * HMAC-SHA-256 of `value` under a key derived from SECRETS_KEY for `purpose` (HKDF): a hash that a
   * copy of the database alone cannot be checked against guesses. For high-entropy secrets the server
   * only compares (recovery codes), not for passwords (those need a slow hash: PasswordHasher).
   */
  keyedHash(purpose: string, value: string): Buffer {
    const key = Buffer.from(hkdfSync('sha256', this.key, Buffer.alloc(0), `chancery:${purpose}`, 32));
    return createHmac('sha256', key).update(value, 'utf8').digest();
  }
}
