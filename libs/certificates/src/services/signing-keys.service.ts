import { Injectable } from '@nestjs/common';
import { AuditLog } from '@chancery/audit';
import { Clock, RequestContext, SecretBox, TransactionRunner } from '@chancery/core';
import { TenantDirectoryService } from '@chancery/identity';
import { CertificatePublicKey, SigningKey } from '../entities/public-verification.types';
import { CertificateErrors } from '../certificates.errors';
import { SigningKeyRepository } from '../repositories/signing-key.repository';
import { assertChamberOfCommerce } from './applications.service';
import { newEd25519KeyPair, signEd25519 } from '@chancery/core';

/**
 * Each tenant's Ed25519 signing key. The private half is sealed at rest with the same secret box as
 * the second-factor secrets (a copy of the database alone signs nothing); rotation retires the active
 * key, whose public half stays published so what it signed still verifies.
 */
@Injectable()
export class SigningKeysService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly keys: SigningKeyRepository,
    private readonly secrets: SecretBox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly tenants: TenantDirectoryService,
    private readonly context: RequestContext,
  ) {}

  /** The tenant's active key, made on first use. In the caller's unit of work. */
  async activeKey(tenantId: string): Promise<SigningKey> {
    return (await this.keys.activeKey()) ?? this.create(tenantId);
  }

  /** Signs in the caller's unit of work with the active key. */
  async sign(tenantId: string, payload: string): Promise<{ keyId: string; signature: string }> {
    const key = await this.activeKey(tenantId);
    const privateKey = this.secrets.open(key.sealedPrivateKey);
    if (!privateKey) throw CertificateErrors.NO_SIGNING_KEY('The signing key cannot be opened with this server’s secrets key');
    return { keyId: key.id, signature: signEd25519(privateKey, payload) };
  }

  /** Retires the active key and makes a new one (the tenant admin, with a recent re-authentication). */
  async rotate(): Promise<CertificatePublicKey> {
    const tenantId = this.context.actor.tenantId;
    if (!tenantId) throw CertificateErrors.NOT_A_CHAMBER_CASE('Only a tenant administrator rotates its signing key');
    // A certification body signs no certificates of origin: a key of its own would be published for nothing.
    await assertChamberOfCommerce(this.tenants, tenantId);
    return this.transactions.run(async () => {
      await this.keys.lockRotation(tenantId);
      const previous = await this.keys.activeKey();
      await this.keys.retireActive(this.clock.now());
      const key = await this.create(tenantId);
      await this.audit.record({ action: 'certificates.signingKey.rotated', subjectType: 'CertificateSigningKey', subjectId: undefined, details: { keyId: key.id, previousKeyId: previous?.id ?? null } });
      return toJwk(key);
    });
  }

  /** The JWKS-like document of a tenant: every key, active and retired (public scope, no login). */
  async publicKeys(tenantSlug: string): Promise<CertificatePublicKey[]> {
    const tenant = await this.tenants.findBySlug(tenantSlug);
    if (!tenant) return [];
    return this.transactions.publicReading(async () => (await this.keys.publicKeysOf(tenant.id)).map(toJwk));
  }

  private create(tenantId: string): Promise<SigningKey> {
    const pair = newEd25519KeyPair();
    return this.keys.insert({ id: pair.kid, tenantId, publicKey: pair.x, sealedPrivateKey: this.secrets.seal(pair.privateKeyPkcs8) }, this.clock.now());
  }
}

export function toJwk(key: SigningKey): CertificatePublicKey {
  return Object.assign(new CertificatePublicKey(), {
    kid: key.id, kty: 'OKP', crv: 'Ed25519', x: key.publicKey, use: 'sig', alg: 'EdDSA', createdAt: key.createdAt, retiredAt: key.retiredAt,
  });
}
