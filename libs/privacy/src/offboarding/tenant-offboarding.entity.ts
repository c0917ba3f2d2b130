import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@chancery/access';
import { Envelope, Grant, Internal, NotPersonalData, ownTenant, PersonalData, PolicyEntity, Readable } from '@chancery/policy';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { STAFF_ACTING } from '../shared/privacy-office.declarations';

export enum TenantOffboardingStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  /** Withdrawn before the destruction, by the operator or the tenant's administrator: kept as evidence, final. */
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(TenantOffboardingStatus, { name: 'TenantOffboardingStatus' });

/** Who withdrew a departure: the operator (withdrawn), or the tenant's administrator (declined, or its confirmation revoked). */
export enum TenantOffboardingParty {
  OPERATOR = 'OPERATOR',
  TENANT = 'TENANT',
}
registerEnumType(TenantOffboardingParty, { name: 'TenantOffboardingParty' });

/**
 * The tenant's administrators confirm and export; the operator files and destroys. The operator reads
 * these rows in its own scope only (row-level security), never a tenant's other rows.
 */
export const OFFBOARDING_READERS: readonly Grant[] = [ownTenant(Role.TENANT_ADMIN), { relation: 'anyone', roles: [Role.PLATFORM_ADMIN] }];
const WHY = 'the course of a tenant leaving the platform: dates, status, the export’s fingerprint';

/** A tenant leaving the platform: filed by the operator, confirmed by the tenant's administrator, exported, then destroyed after a waiting period. */
@ObjectType({ description: 'A tenant leaving the platform: its data is returned as an export, then destroyed.' })
@PolicyEntity<TenantOffboarding>({ name: 'TenantOffboarding', visibleTo: OFFBOARDING_READERS, relations: { tenantId: (o) => o.tenantId } })
@Entity({ name: 'tenant_offboarding' })
export class TenantOffboarding {
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => ID, { nullable: true }) @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => TenantOffboardingStatus, { nullable: true }) @Column('text') status: TenantOffboardingStatus;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'confirmed_by', nullable: true }) confirmedBy: string | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true, description: 'The end of the waiting period: no destruction before it.' })
  @Column('timestamptz', { name: 'destroy_not_before', nullable: true }) destroyNotBefore: Date | null;
  @Internal() @NotPersonalData('a hash of the export')
  @Column('bytea', { name: 'export_sha256', nullable: true }) exportSha256: Buffer | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'exported_at', nullable: true }) exportedAt: Date | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData('a count')
  @Field(() => Int, { nullable: true }) @Column('integer', { name: 'exported_records', nullable: true }) exportedRecords: number | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'withdrawn_by', nullable: true }) withdrawnBy: string | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => TenantOffboardingParty, { nullable: true, description: 'Who withdrew it: the operator, or the tenant’s administrator (declined or revoked).' })
  @Column('text', { name: 'withdrawn_by_party', nullable: true }) withdrawnByParty: TenantOffboardingParty | null;
  @Readable(...OFFBOARDING_READERS) @NotPersonalData(WHY)
  @Field(() => String, { nullable: true, description: 'Why it was withdrawn, as its author wrote it; shown to both parties.' })
  @Column('text', { name: 'withdrawal_reason', nullable: true }) withdrawalReason: string | null;
  /** Hex of exportSha256; not a column. */
  @Readable(...OFFBOARDING_READERS) @NotPersonalData('a hash of the export')
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the last archive handed to the tenant.' }) exportHash?: string | null;
}

/** Rows deleted from one table. */
@Envelope('TableRowCount')
@ObjectType('TableRowCount')
export class TableRowCount {
  @Field() table: string;
  @Field(() => Int) rows: number;
}

const PLATFORM_ONLY: readonly Grant[] = [{ relation: 'anyone', roles: [Role.PLATFORM_ADMIN] }];
const CERTIFICATE = 'the written justification of a destruction (COVER, fate of data): counts, times, hashes';

/**
 * The destruction certificate (COVER: "Once destroyed, … must justify in writing the destruction"),
 * kept by the platform after the tenant is gone. `certificateSha256` covers every other field (canonical
 * JSON), so a copy handed to the former tenant can be checked against the platform's at any time.
 */
@ObjectType({ description: 'The written justification of a tenant’s destruction: what, when, rows per table, the export’s hash.' })
@PolicyEntity<TenantDestructionCertificate>({ name: 'TenantDestructionCertificate', visibleTo: PLATFORM_ONLY, relations: {} })
@Entity({ name: 'tenant_destruction_certificate' })
export class TenantDestructionCertificate {
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => ID, { nullable: true }) @PrimaryGeneratedColumn('uuid') id: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => ID, { nullable: true }) @Column({ name: 'departed_tenant_id', type: 'uuid' }) departedTenantId: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true }) @Column({ name: 'tenant_slug' }) tenantSlug: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true }) @Column({ name: 'tenant_name' }) tenantName: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'confirmed_at' }) confirmedAt: Date;
  @Internal() @NotPersonalData(CERTIFICATE)
  @Column('bytea', { name: 'export_sha256' }) exportSha256: Buffer;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'exported_at' }) exportedAt: Date;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Int, { nullable: true }) @Column('integer', { name: 'exported_records' }) exportedRecords: number;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Date, { nullable: true }) @Column('timestamptz', { name: 'destroyed_at' }) destroyedAt: Date;
  @Internal() @PersonalData(STAFF_ACTING)
  @Column('uuid', { name: 'destroyed_by' }) destroyedBy: string;
  @Internal() @NotPersonalData(CERTIFICATE)
  @Column('jsonb', { name: 'deleted_rows' }) deletedRows: Record<string, number>;
  @Internal() @NotPersonalData(CERTIFICATE)
  @Column('bytea', { name: 'certificate_sha256' }) certificateSha256: Buffer;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'The platform attestation key that signed it (GET /platform/attestation-keys).' })
  @Column('text', { name: 'signing_key_id', nullable: true }) signingKeyId: string | null;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'Ed25519 signature (base64url) of `signedContent` by that key.' })
  @Column('text', { nullable: true }) signature: string | null;

  /** Not columns: the output forms of the hashes and counts. */
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the archive returned to the tenant.' }) exportHash?: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the canonical JSON of every other field.' }) certificateHash?: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => [TableRowCount], { nullable: true, description: 'Rows deleted, per table.' }) rowsDeleted?: TableRowCount[];
  @Readable(...PLATFORM_ONLY) @NotPersonalData('a count')
  @Field(() => Int, { nullable: true }) totalRowsDeleted?: number;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => String, { nullable: true, description: 'The canonical JSON the hash and the signature cover (what a verifier checks).' }) signedContent?: string;
  @Readable(...PLATFORM_ONLY) @NotPersonalData(CERTIFICATE)
  @Field(() => Boolean, { nullable: true, description: 'The stored hash matches the certificate’s fields recomputed now, and the signature verifies with the platform’s key.' }) intact?: boolean;
}

/** The archive returned to a departing tenant: every record of every table, through the output gate. */
@Envelope('TenantArchive')
@ObjectType('TenantArchive')
export class TenantArchive {
  @Field(() => ID) offboardingId: string;
  @Field(() => Int, { description: 'Records in the archive.' }) records: number;
  @Field(() => Int, { description: 'Rows of tables with no declared entity: not handed out (internal mechanics: counters, throttles).' }) withheld: number;
  @Field({ description: 'SHA-256 (hex) of `json`, as recorded for the destruction certificate.' }) sha256: string;
  @Field({ description: 'The archive (JSON): per table, its records as the tenant’s administrator may see them.' }) json: string;
}
