import { Injectable } from '@nestjs/common';
import { AuditLog, CheckpointSigner } from '@chancery/audit';
import { Clock, newEd25519KeyPair, SecretBox, signEd25519, TransactionRunner } from '@chancery/core';
import { AttestationPublicKey, PlatformAttestationKey } from './attestation-key.entity';
import { AttestationKeyRepository } from './attestation-key.repository';

/** What the platform signs with for a while: the key's id and its opened private half, never stored elsewhere. */
export interface AttestationSigner extends CheckpointSigner {
  /** Its public half (JWK x): checks what it signed within the same unit, before that unit commits a new key. */
  publicKey: string;
}

/**
 * The platform's attestation key (Ed25519): what it attests as processor is signed with it (a departed
 * tenant's destruction certificate, the signed heads of each tenant's tamper-evident logs, see
 * LogCheckpointJob), and its public halves are published at GET /platform/attestation-keys, so anyone
 * checks a copy offline. Made on first use, its private half sealed with SECRETS_KEY.
 */
@Injectable()
export class AttestationKeys {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly keys: AttestationKeyRepository,
    private readonly audit: AuditLog,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
  ) {}

  /** The current key, opened to sign; made on first use. In the caller's unit, which is in platform scope. */
  async signer(): Promise<AttestationSigner> {
    const key = await this.current();
    const privateKey = this.secrets.open(key.sealedPrivateKey);
    // Another SECRETS_KEY than the one that sealed it: nothing can be signed (the caller's unit rolls back).
    if (!privateKey) throw new Error('The platform attestation key cannot be opened with this server’s SECRETS_KEY');
    return { keyId: key.id, publicKey: key.publicKey, sign: (content) => signEd25519(privateKey, content) };
  }

  /** The public halves (no login): what anyone checks a signature with. */
  async publicKeys(): Promise<AttestationPublicKey[]> {
    const keys = await this.transactions.publicReading(() => this.keys.attestationKeys());
    return keys.map((k) => Object.assign(new AttestationPublicKey(), { kty: 'OKP', crv: 'Ed25519', x: k.publicKey, kid: k.id, use: 'sig', alg: 'EdDSA', createdAt: k.createdAt }));
  }

  /** Key id → public key (JWK x), read in a public unit of its own. */
  async publicKeyMap(): Promise<ReadonlyMap<string, string>> {
    return new Map((await this.publicKeys()).map((k) => [k.kid, k.x]));
  }

  private async current(): Promise<PlatformAttestationKey> {
    const existing = await this.keys.attestationKey();
    if (existing) return existing;
    const pair = newEd25519KeyPair();
    await this.keys.insertAttestationKey(pair.kid, pair.x, this.secrets.seal(pair.privateKeyPkcs8), this.clock.now());
    await this.audit.record({ action: 'privacy.attestationKey.created', subjectType: 'PlatformAttestationKey', subjectId: undefined, details: { keyId: pair.kid } });
    return (await this.keys.attestationKey())!;
  }
}
