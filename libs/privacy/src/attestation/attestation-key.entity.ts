import { anyone, Envelope, Internal, NotPersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The `platform_attestation_key` table: the platform's Ed25519 key for what it attests as processor
 * (tenants' destruction certificates, the signed heads of the tenants' tamper-evident logs), the
 * private half sealed. Its public half is published; never output as such.
 */
@PolicyEntity<PlatformAttestationKey>({ name: 'PlatformAttestationKey', visibleTo: [], relations: {} })
@Entity({ name: 'platform_attestation_key' })
export class PlatformAttestationKey {
  @Internal() @NotPersonalData('key identifier (RFC 7638 thumbprint)') @PrimaryColumn() id: string;
  @Internal() @NotPersonalData('public key (JWK x)') @Column({ name: 'public_key' }) publicKey: string;
  @Internal() @NotPersonalData('sealed key of the platform') @Column({ name: 'sealed_private_key' }) sealedPrivateKey: string;
  @Internal() @NotPersonalData('validity of the key') @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}

/** A public key of the platform (JWK, RFC 8037), to verify what it signed. */
@PolicyEntity<AttestationPublicKey>({ name: 'AttestationPublicKey', visibleTo: [anyone()], relations: {} })
export class AttestationPublicKey {
  @Readable(anyone()) @NotPersonalData('key type') kty: 'OKP';
  @Readable(anyone()) @NotPersonalData('curve') crv: 'Ed25519';
  @Readable(anyone()) @NotPersonalData('public key') x: string;
  @Readable(anyone()) @NotPersonalData('key identifier') kid: string;
  @Readable(anyone()) @NotPersonalData('what the key signs') use: 'sig';
  @Readable(anyone()) @NotPersonalData('algorithm') alg: 'EdDSA';
  @Readable(anyone()) @NotPersonalData('validity of the key') createdAt: Date;
}

/** The platform's attestation keys, JWKS-like (RFC 7517 `keys`). */
@Envelope('AttestationKeySet')
export class AttestationKeySet {
  keys: AttestationPublicKey[];
}
