import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Internal, NotPersonalData, ownOrganisation, ownTenant, PersonalData, PolicyEntity, Readable, self, staffOfOwnTenant } from '@chancery/policy';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateLanguage } from './certificate-application.entity';
import { COMPANY_BILLING, INVOICED_COMPANY, STAFF_HANDLING, STAFF_STATISTICS } from './personal-data.declarations';

export enum CertificateStatus {
  ISSUED = 'ISSUED',
  REVOKED = 'REVOKED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(CertificateStatus, { name: 'CertificateStatus' });

/** Why a certificate was revoked: a code, so the public answer can say why without anyone's words in it. */
export enum RevocationReason {
  ISSUED_IN_ERROR = 'ISSUED_IN_ERROR',
  GOODS_NOT_EXPORTED = 'GOODS_NOT_EXPORTED',
  FRAUDULENT_APPLICATION = 'FRAUDULENT_APPLICATION',
  AT_EXPORTER_REQUEST = 'AT_EXPORTER_REQUEST',
  OTHER = 'OTHER',
}
registerEnumType(RevocationReason, { name: 'RevocationReason' });

const OWNERS_AND_STAFF = [ownOrganisation(), staffOfOwnTenant()] as const;

/** A copy (duplicate) of an issued certificate, recorded as such and printed with its copy number. */
@ObjectType()
@PolicyEntity<CertificateCopy>({ name: 'CertificateCopy', visibleTo: [...OWNERS_AND_STAFF], relations: { tenantId: (c) => c.tenantId, organisationId: (c) => c.organisationId } })
@Entity({ name: 'certificate_copy' })
export class CertificateCopy {
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('identifier') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Not a column: the certificate's company, set when loaded. */
  @Internal() @NotPersonalData('bookkeeping of the record') organisationId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to a certificate') @Field(() => ID, { nullable: true }) @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('number of the copy') @Field(() => Int, { nullable: true }) @Column({ name: 'copy_number', type: 'integer' }) copyNumber: number;
  @Readable(...OWNERS_AND_STAFF) @PersonalData(STAFF_HANDLING) @Field(() => ID, { nullable: true }) @Column({ name: 'requested_by', type: 'uuid', nullable: true }) requestedBy: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of the record') @Field(() => Date, { nullable: true }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Internal() @NotPersonalData('reference to a document') @Column({ name: 'pdf_document_id', type: 'uuid', nullable: true }) pdfDocumentId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('rendering done') @Field(() => Boolean, { nullable: true, description: 'Whether the PDF has been rendered and can be downloaded.' }) pdfReady?: boolean;
}

/**
 * An issued certificate of origin: immutable once signed (the database lets the application change
 * only its status and its rendered PDF). Corrections are replacements that supersede it.
 */
@ObjectType('CertificateOfOrigin')
@PolicyEntity<Certificate>({
  name: 'CertificateOfOrigin',
  subject: 'organisation',
  visibleTo: [...OWNERS_AND_STAFF],
  relations: { tenantId: (c) => c.tenantId, organisationId: (c) => c.organisationId },
})
@Entity({ name: 'certificate' })
export class Certificate {
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('identifier') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('the exporter: a company') @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to an application') @Field(() => ID, { nullable: true }) @Column({ name: 'application_id', type: 'uuid' }) applicationId: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('certificate number') @Field(() => String, { nullable: true }) @Column() number: string;
  @Internal() @NotPersonalData('part of the number') @Column({ type: 'integer' }) year: number;
  @Internal() @NotPersonalData('part of the number') @Column({ type: 'integer' }) sequence: number;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('status') @Field(() => CertificateStatus, { nullable: true }) @Column({ type: 'text' }) status: CertificateStatus;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('language') @Field(() => CertificateLanguage, { nullable: true }) @Column({ type: 'text' }) language: CertificateLanguage;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a country') @Field(() => String, { nullable: true }) @Column({ name: 'country_of_origin' }) countryOfOrigin: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('hash of the goods description') @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the canonical JSON of the goods lines.' }) @Column({ name: 'goods_hash' }) goodsHash: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('the chamber, a public body') @Field(() => String, { nullable: true }) @Column({ name: 'issuing_chamber' }) issuingChamber: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('the signed content (the certificate itself)') @Field(() => String, { nullable: true, description: 'The signed content: canonical JSON (RFC 8785).' }) @Column({ name: 'signed_payload' }) signedPayload: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a signature by the chamber key') @Field(() => String, { nullable: true, description: 'Ed25519 signature of signedPayload, base64url.' }) @Column() signature: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('key identifier') @Field(() => String, { nullable: true, description: 'The `kid` of the public key in the chamber key set.' }) @Column({ name: 'key_id' }) keyId: string;
  @Internal() @NotPersonalData('hash of a code') @Column({ name: 'verification_code_hash' }) verificationCodeHash: string;
  @Internal() @NotPersonalData('sealed code') @Column({ name: 'sealed_verification_code' }) sealedVerificationCode: string;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a code printed on the certificate') @Field(() => String, { nullable: true, description: 'The code printed on the certificate; with the number it opens the public verification.' }) verificationCode?: string;
  @Internal() @NotPersonalData('idempotency key of the signing request') @Column({ name: 'idempotency_key' }) idempotencyKey: string;
  @Readable(staffOfOwnTenant()) @PersonalData(STAFF_HANDLING) @Field(() => ID, { nullable: true, description: 'The authorised official who signed.' }) @Column({ name: 'signed_by', type: 'uuid', nullable: true }) signedBy: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of issue') @Field(() => Date, { nullable: true }) @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of revocation') @Field(() => Date, { nullable: true }) @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('a reason code') @Field(() => RevocationReason, { nullable: true }) @Column({ name: 'revocation_reason', type: 'text', nullable: true }) revocationReason: RevocationReason | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time of supersession') @Field(() => Date, { nullable: true }) @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('reference to a certificate') @Field(() => ID, { nullable: true }) @Column({ name: 'superseded_by_certificate_id', type: 'uuid', nullable: true }) supersededByCertificateId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('certificate number') @Field(() => String, { nullable: true }) @Column({ name: 'superseded_by_number', type: 'text', nullable: true }) supersededByNumber: string | null;
  @Internal() @NotPersonalData('reference to a document') @Column({ name: 'pdf_document_id', type: 'uuid', nullable: true }) pdfDocumentId: string | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('rendering done') @Field(() => Boolean, { nullable: true, description: 'Whether the PDF has been rendered and can be downloaded.' }) pdfReady?: boolean;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('time the record was destroyed')
  @Field(() => Date, { nullable: true, description: 'When the record was destroyed after its retention period (CERTIFICATE_FILE): only its number, status, dates, chamber, country of origin and goods hash remain; no signed content, signer or PDF.' })
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true }) destroyedAt: Date | null;
  @Readable(...OWNERS_AND_STAFF) @NotPersonalData('copies (policed themselves)') @Field(() => [CertificateCopy], { nullable: true }) copies?: CertificateCopy[];
}

/** A fee to invoice: one per issued certificate and per copy, at the tenant's member or non-member price. */
@ObjectType('CertificateBillableLine')
@PolicyEntity<BillableLine>({
  name: 'CertificateBillableLine',
  subject: 'organisation',
  visibleTo: [ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)],
  relations: { tenantId: (l) => l.tenantId, organisationId: (l) => l.organisationId },
})
@Entity({ name: 'certificate_billable_line' })
export class BillableLine {
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('identifier') @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Internal() @NotPersonalData('bookkeeping of the record') @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('a company') @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('reference to a certificate') @Field(() => ID, { nullable: true }) @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('what is billed') @Field(() => String, { nullable: true, description: 'ISSUE or COPY.' }) @Column({ type: 'text' }) kind: 'ISSUE' | 'COPY';
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('number of the copy') @Field(() => Int, { nullable: true }) @Column({ name: 'copy_number', type: 'integer', nullable: true }) copyNumber: number | null;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @PersonalData(COMPANY_BILLING) @Field(() => Boolean, { nullable: true, description: 'Billed at the member price.' }) @Column() member: boolean;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @PersonalData(COMPANY_BILLING) @Field(() => Int, { nullable: true }) @Column({ name: 'amount_cents', type: 'integer' }) amountCents: number;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('a currency') @Field(() => String, { nullable: true }) @Column() currency: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('time of the event billed') @Field(() => Date, { nullable: true }) @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  // Not columns: what the invoice names, read with the line (the certificate's number, the company's name and VAT number).
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @NotPersonalData('certificate number')
  @Field(() => String, { nullable: true, description: 'The number of the certificate billed (or copied).' }) certificateNumber?: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @PersonalData(INVOICED_COMPANY)
  @Field(() => String, { nullable: true, description: "The company's name, as its record reads now." }) organisationName?: string;
  @Readable(ownTenant(Role.TENANT_ADMIN, Role.AUDITOR)) @PersonalData(INVOICED_COMPANY)
  @Field(() => String, { nullable: true, description: "The company's VAT number, as its record reads now." }) organisationVatNumber?: string;
}

/** How many applications a chamber user processed in a month: their personal data (SPEC §2, 004 §2.2). */
@ObjectType('CertificateProcessingStatistic')
@PolicyEntity<ProcessingStatistic>({
  name: 'CertificateProcessingStatistic',
  subject: 'user',
  visibleTo: [self(), ownTenant(Role.TENANT_ADMIN)],
  relations: { tenantId: (s) => s.tenantId, selfUserId: (s) => s.userId },
})
export class ProcessingStatistic {
  @Internal() @NotPersonalData('bookkeeping of the record') tenantId: string;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @PersonalData(STAFF_STATISTICS) @Field(() => ID, { nullable: true }) userId: string;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @PersonalData(STAFF_STATISTICS) @Field(() => String, { nullable: true, description: 'YYYY-MM (UTC).' }) month: string;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @PersonalData(STAFF_STATISTICS) @Field(() => Int, { nullable: true, description: 'Applications reviewed (a decision taken: changes requested, rejected, approved).' }) reviewed: number;
  @Readable(self(), ownTenant(Role.TENANT_ADMIN)) @PersonalData(STAFF_STATISTICS) @Field(() => Int, { nullable: true, description: 'Certificates signed.' }) signed: number;
}
