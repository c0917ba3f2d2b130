import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@chancery/core';
import { Role } from '@chancery/access';
import { anyone, Envelope, Grant, Internal, NotPersonalData, ownPlatform, ownTenant, PersonalData, PolicyEntity, Readable, RetentionRuleKey } from '@chancery/policy';
import type { StoredAuditEntry } from '../audit-entry.repository';

/**
 * A tenant's administrators and auditors read its chain; the operator reads the platform's own chain
 * (tenant_id NULL) and no tenant's: the grant holds on records of no tenant only, whatever a unit of
 * work might show (its queries also read in platform scope, where row-level security shows no other).
 */
export const AUDIT_READERS: readonly Grant[] = [ownTenant(Role.TENANT_ADMIN, Role.AUDITOR), ownPlatform(Role.PLATFORM_ADMIN)];

@ObjectType({ description: 'One detail of an audit entry: an id, a code or a count, never personal data.' })
// Reachable only through AuditEntry.details, which is policed itself.
@PolicyEntity<AuditDetail>({ name: 'AuditDetail', visibleTo: [anyone()], relations: {} })
export class AuditDetail {
  @Readable(anyone()) @NotPersonalData('ids and codes only, checked when recorded')
  @Field(() => String)
  key: string;

  @Readable(anyone()) @NotPersonalData('ids and codes only, checked when recorded')
  @Field(() => String, {
    nullable: true,
    description: 'The value as text (numbers and booleans too); null when null.',
  })
  value: string | null;
}

@ObjectType({ description: "An entry of a tamper-evident audit log: the tenant's (tenant admins and auditors), or the platform's own (the platform operator)." })
// The person an entry is about, for the access log, is its acting user: `actorId` is their personal
// data (an auditor reading it reads that person's). Grants no access: no rule here names `self`.
@PolicyEntity<AuditEntry>({
  name: 'AuditEntry',
  visibleTo: AUDIT_READERS,
  relations: { tenantId: (e) => e.tenantId, selfUserId: (e) => (e.actorKind === 'user' ? e.actorId : null) },
})
export class AuditEntry {
  @Internal() @NotPersonalData()
  tenantId: string | null;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => ID, { nullable: true })
  id: string;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => Int, { nullable: true, description: 'Position in its chain (the tenant’s, or the platform’s), from 1, without gaps.' })
  sequence: number;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => DateTimeScalar, { nullable: true })
  occurredAt: Date;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => String, { nullable: true, description: 'anonymous, user, apiKey or system.' })
  actorKind: string;

  @Readable(...AUDIT_READERS) @PersonalData({ category: 'electronicIdentification', subject: 'user', purpose: 'Evidence of who did what, for disputes and security', legalBasis: 'legitimateInterest', retention: RetentionRuleKey.CERTIFICATE_FILE })
  @Field(() => ID, { nullable: true, description: 'The user or API key that acted.' })
  actorId: string | null;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => String, { nullable: true, description: 'What happened, e.g. auth.login.succeeded.' })
  action: string;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => String, { nullable: true })
  subjectType: string | null;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Readable(...AUDIT_READERS) @NotPersonalData()
  @Field(() => [AuditDetail], { nullable: true, description: 'Sorted by key.' })
  details: AuditDetail[];
}

/** Why a log's chain is broken (see `ChainBreak` in libs/core). */
export enum ChainBreakReason {
  /** A record changed, removed or moved within the chain. */
  LINK_BROKEN = 'LINK_BROKEN',
  /** The chain ends before a head the platform signed: its newest records were removed. */
  TRUNCATED = 'TRUNCATED',
  /** The record at a signed head's position is not the one signed: the chain was rewritten from there. */
  CHECKPOINT_MISMATCH = 'CHECKPOINT_MISMATCH',
}
registerEnumType(ChainBreakReason, { name: 'ChainBreakReason', description: 'Why a tamper-evident log’s chain is broken.' });

@Envelope('AuditChainStatus')
@ObjectType({ description: "Result of recomputing an audit chain (the tenant's, or the platform's) from its first entry." })
export class AuditChainStatus {
  @Field(() => Int)
  entries: number;

  @Field()
  valid: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'The first position where the stored chain differs from the recomputed one (changed, missing or moved entry).',
  })
  firstBrokenSequence?: number;

  @Field(() => ChainBreakReason, { nullable: true, description: 'Why it is broken; null when valid.' })
  reason?: ChainBreakReason;

  @Field(() => Int, { nullable: true, description: 'The newest signed head (checkpoint) the chain was checked against; null when none was signed yet.' })
  checkpointSequence?: number;
}

/** The GraphQL shape of a stored entry: details as sorted key/value pairs, no hashes. */
export function toAuditEntryType(entry: StoredAuditEntry): AuditEntry {
  return Object.assign(new AuditEntry(), {
    tenantId: entry.tenantId,
    id: entry.id,
    sequence: entry.sequence,
    occurredAt: entry.occurredAt,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: Object.keys(entry.details)
      .sort()
      .map((key) => Object.assign(new AuditDetail(), { key, value: entry.details[key] === null ? null : String(entry.details[key]) })),
  });
}
