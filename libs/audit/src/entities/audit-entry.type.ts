import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StoredAuditEntry } from '../audit-entry.store';

@ObjectType({ description: 'One detail of an audit entry: an id, a code or a count, never personal data.' })
export class AuditDetail {
  @Field()
  key: string;

  @Field(() => String, {
    nullable: true,
    description: 'The value as text (numbers and booleans too); null when null.',
  })
  value: string | null;
}

@ObjectType({ description: "An entry of the tenant's tamper-evident audit log. Tenant admins and auditors." })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "Position in the tenant's chain, from 1, without gaps." })
  sequence: number;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field({ description: 'anonymous, user, apiKey or system.' })
  actorKind: string;

  @Field(() => ID, { nullable: true, description: 'The user or API key that acted.' })
  actorId: string | null;

  @Field({ description: 'What happened, e.g. auth.login.succeeded.' })
  action: string;

  @Field(() => String, { nullable: true })
  subjectType: string | null;

  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Field(() => [AuditDetail], { description: 'Sorted by key.' })
  details: AuditDetail[];
}

@ObjectType({ description: "Result of recomputing the tenant's audit chain from its first entry." })
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
}

/** The GraphQL shape of a stored entry: details as sorted key/value pairs, no hashes. */
export function toAuditEntryType(entry: StoredAuditEntry): AuditEntry {
  return {
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
      .map((key) => ({ key, value: entry.details[key] === null ? null : String(entry.details[key]) })),
  };
}
