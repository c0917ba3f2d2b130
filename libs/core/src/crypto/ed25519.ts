import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** A fresh Ed25519 key pair: the public key as JWK `x` (base64url, RFC 8037), the private key as PKCS#8 DER (base64) to seal. */
export function newEd25519KeyPair(): { x: string; privateKeyPkcs8: string; kid: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
  return { x, privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'), kid: jwkThumbprint(x) };
}

/** RFC 7638 thumbprint of the OKP key: a `kid` anyone can recompute from the key itself. */
export function jwkThumbprint(x: string): string {
  return createHash('sha256').update(canonicalJson({ crv: 'Ed25519', kty: 'OKP', x })).digest('base64url');
}

export function signEd25519(privateKeyPkcs8: string, payload: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(payload, 'utf8'), key).toString('base64url');
}

/** Whether `signature` (base64url) is the key's signature of `payload`; false for anything malformed. */
export function verifyEd25519(x: string, payload: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    return verify(null, Buffer.from(payload, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Whether `signature` verifies `content` with the key `keyId` of a key set (id → JWK x); false when the key is not in it. */
export function verifyWithKeySet(publicKeys: ReadonlyMap<string, string>, keyId: string | null | undefined, content: string, signature: string | null | undefined): boolean {
  const x = keyId ? publicKeys.get(keyId) : undefined;
  return x !== undefined && typeof signature === 'string' && verifyEd25519(x, content, signature);
}
