import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { anyone, Internal, NotPersonalData, ownTenant, PolicyEntity, Readable } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { GoodsLine } from './certificate-application.entity';
import { CertificateStatus, RevocationReason } from './certificate.entity';

/**
 * What anyone holding a certificate learns from the public verification: authenticity and status,
 * never a person (no name, e-mail or company contact; SPEC §2). Every field is declared here, and
 * the test "0 personal-data fields in public answers" checks the answers against the declarations.
 * Unknown number and wrong code give the same answer: `authentic: false` and nothing else.
 */
@ObjectType()
@PolicyEntity<CertificateVerification>({ name: 'CertificateVerification', visibleTo: [anyone()], relations: {} })
export class CertificateVerification {
  @Readable(anyone()) @NotPersonalData('outcome of a signature check')
  @Field(() => Boolean, { description: "The number and code match a certificate whose signature checks with the chamber's public key." }) authentic: boolean;
  @Readable(anyone()) @NotPersonalData('certificate number') @Field(() => String, { nullable: true }) number: string | null;
  @Readable(anyone()) @NotPersonalData('status') @Field(() => CertificateStatus, { nullable: true }) status: CertificateStatus | null;
  @Readable(anyone()) @NotPersonalData('a reason code') @Field(() => RevocationReason, { nullable: true }) revocationReason: RevocationReason | null;
  @Readable(anyone()) @NotPersonalData('certificate number') @Field(() => String, { nullable: true, description: 'The certificate that replaces this one.' }) supersededByNumber: string | null;
  @Readable(anyone()) @NotPersonalData('the chamber, a public body') @Field(() => String, { nullable: true }) issuingChamber: string | null;
  @Readable(anyone()) @NotPersonalData('date of issue') @Field(() => Date, { nullable: true }) issuedAt: Date | null;
  @Readable(anyone()) @NotPersonalData('a country') @Field(() => String, { nullable: true }) countryOfOrigin: string | null;
  @Readable(anyone()) @NotPersonalData('hash of the goods description') @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the canonical JSON of the goods lines: compare with the paper.' }) goodsHash: string | null;
  @Readable(anyone()) @NotPersonalData('key identifier') @Field(() => String, { nullable: true }) keyId: string | null;
  @Readable(anyone()) @NotPersonalData('time the record was destroyed')
  @Field(() => Date, { nullable: true, description: "Set when the number and code match a certificate whose record was destroyed after its retention period (CERTIFICATE_FILE): the register no longer holds its signed content, so a number and code alone no longer prove it authentic (a signed copy still does, through verifySignedCertificate)." })
  recordDestroyedAt: Date | null;
  @Readable(anyone()) @NotPersonalData('the goods as certified: printed on the certificate the holder of its number and code has')
  @Field(() => [GoodsLine], { nullable: true, description: 'The goods lines the chamber certified, from the signed content: compare them with the paper (a forger changes the goods, not the number).' })
  goods: GoodsLine[] | null;
}

/** A chamber's public signing key as a JWK (RFC 8037: `OKP`, `Ed25519`), published for offline verification. */
@ObjectType()
@PolicyEntity<CertificatePublicKey>({ name: 'CertificatePublicKey', visibleTo: [anyone()], relations: {} })
export class CertificatePublicKey {
  @Readable(anyone()) @NotPersonalData('key identifier') @Field(() => String) kid: string;
  @Readable(anyone()) @NotPersonalData('key type') @Field(() => String) kty: string;
  @Readable(anyone()) @NotPersonalData('curve') @Field(() => String) crv: string;
  @Readable(anyone()) @NotPersonalData('public key') @Field(() => String, { description: 'The public key, base64url (RFC 8037).' }) x: string;
  @Readable(anyone()) @NotPersonalData('key use') @Field(() => String) use: string;
  @Readable(anyone()) @NotPersonalData('algorithm') @Field(() => String) alg: string;
  @Readable(anyone()) @NotPersonalData('validity of the key') @Field(() => Date) createdAt: Date;
  @Readable(anyone()) @NotPersonalData('validity of the key') @Field(() => Date, { nullable: true, description: 'Retired keys sign nothing new and still verify what they signed.' }) retiredAt: Date | null;
}

/** The `certificate_signing_key` table: a tenant's Ed25519 key pair, the private half sealed. Never output as such. */
@PolicyEntity<SigningKey>({ name: 'CertificateSigningKey', visibleTo: [], relations: { tenantId: (k) => k.tenantId } })
@Entity({ name: 'certificate_signing_key' })
export class SigningKey {
  @Internal() @NotPersonalData('key identifier') @PrimaryColumn() id: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @NotPersonalData('public key') @Column({ name: 'public_key' }) publicKey: string;
  @Internal() @NotPersonalData('sealed key of the chamber') @Column({ name: 'sealed_private_key' }) sealedPrivateKey: string;
  @Internal() @NotPersonalData('validity of the key') @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Internal() @NotPersonalData('validity of the key') @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}

/** A tenant's certificate settings: number prefix and fees. Its administrators'. */
@ObjectType()
@PolicyEntity<CertificateSettings>({ name: 'CertificateSettings', visibleTo: [ownTenant(Role.TENANT_ADMIN)], relations: { tenantId: (s) => s.tenantId } })
@Entity({ name: 'certificate_settings' })
export class CertificateSettings {
  @Internal() @NotPersonalData('bookkeeping of the record') @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('number prefix') @Field(() => String, { nullable: true, description: 'e.g. BE-ANT: numbers read BE-ANT-2026-000123.' }) @Column({ name: 'number_prefix' }) numberPrefix: string;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('a price') @Field(() => Int, { nullable: true }) @Column({ name: 'member_fee_cents', type: 'integer' }) memberFeeCents: number;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('a price') @Field(() => Int, { nullable: true }) @Column({ name: 'non_member_fee_cents', type: 'integer' }) nonMemberFeeCents: number;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('a price') @Field(() => Int, { nullable: true }) @Column({ name: 'copy_member_fee_cents', type: 'integer' }) copyMemberFeeCents: number;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('a price') @Field(() => Int, { nullable: true }) @Column({ name: 'copy_non_member_fee_cents', type: 'integer' }) copyNonMemberFeeCents: number;
  @Readable(ownTenant(Role.TENANT_ADMIN)) @NotPersonalData('a currency') @Field(() => String, { nullable: true }) @Column() currency: string;
}
