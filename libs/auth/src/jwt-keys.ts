import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '@chancery/core';

/** The only algorithm accepted for access tokens (RFC 8725 §3.1: an explicit allow-list). */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

export interface AccessTokenKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Key id: a thumbprint of the public key, so a rotated key is told apart. */
  keyId: string;
}

/**
 * The access-token signing key: JWT_PRIVATE_KEY in production; in development a key generated once
 * into DATA_DIR; in tests a fresh key per application.
 */
export function loadAccessTokenKeys(config: AppConfig): AccessTokenKeys {
  let privateKey: KeyObject;
  if (config.JWT_PRIVATE_KEY) {
    privateKey = createPrivateKey(config.JWT_PRIVATE_KEY.replace(/\\n/g, '\n'));
  } else if (config.NODE_ENV === 'test') {
    privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  } else {
    const file = join(config.DATA_DIR, 'jwt-es256.pem');
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      const generated = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      writeFileSync(file, generated.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    privateKey = createPrivateKey(readFileSync(file));
  }
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT_PRIVATE_KEY must be an EC P-256 private key (ES256)');
  }
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
  return { privateKey, publicKey, keyId };
}
