import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@chancery/core';
import { Role } from '@chancery/access';
import { ChainBreakReason } from '@chancery/audit';
import { Envelope, Internal, NotPersonalData, ownTenant, PersonalData, PersonalDataDeclaration, PolicyEntity, Readable, self, RetentionRuleKey } from '@chancery/policy';
import type { StoredPersonalDataAccess } from '../personal-data-access.repository';

/** The tenant's privacy officer, and the person the entry is about. */
const ACCESS_LOG_READERS = [ownTenant(Role.PRIVACY_OFFICER), self()];

const ACCOUNTABILITY = {
  subject: 'user',
  purpose: 'Account for who read whose personal data (access accountability)',
  legalBasis: 'legitimateInterest',
  retention: RetentionRuleKey.PERSONAL_DATA_ACCESS,
} as const;
const ACCESSOR_ID: PersonalDataDeclaration = { category: 'electronicIdentification', ...ACCOUNTABILITY };
const ACCESSOR_ROLES: PersonalDataDeclaration = { category: 'employment', ...ACCOUNTABILITY };
const SUBJECT_ID: PersonalDataDeclaration = { category: 'electronicIdentification', ...ACCOUNTABILITY };

@ObjectType({
  description:
    "One request's read of one person's (or company's) personal data by tenant staff or the operator: " +
    'categories and fields, never values. The privacy officer and the data subject.',
})
@PolicyEntity<PersonalDataAccess>({
  name: 'PersonalDataAccess',
  visibleTo: ACCESS_LOG_READERS,
  relations: {
    tenantId: (a) => a.tenantId,
    selfUserId: (a) => (a.subjectType === 'user' ? a.subjectId : null),
  },
})
export class PersonalDataAccess {
  @Internal() @NotPersonalData('bookkeeping of the record')
  tenantId: string;

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('position in the log')
  @Field(() => ID, { nullable: true })
  id: string;

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('time of the access')
  @Field(() => DateTimeScalar, { nullable: true })
  occurredAt: Date;

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('kind of caller')
  @Field(() => String, { nullable: true, description: 'user, apiKey or system.' })
  accessorKind: string;

  @Readable(...ACCESS_LOG_READERS) @PersonalData(ACCESSOR_ID)
  @Field(() => ID, { nullable: true, description: 'The user or API key that read.' })
  accessorId: string | null;

  // Strings, not the Role enum: the log keeps the roles as they were, even ones later renamed.
  @Readable(...ACCESS_LOG_READERS) @PersonalData(ACCESSOR_ROLES)
  @Field(() => [String], { nullable: true, description: 'The roles the accessor held when reading.' })
  accessorRoles: string[];

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('kind of data subject')
  @Field(() => String, { nullable: true, description: 'Whose data: user or organisation.' })
  subjectType: string;

  @Readable(...ACCESS_LOG_READERS) @PersonalData(SUBJECT_ID)
  @Field(() => ID, { nullable: true, description: 'The user or company whose data was read.' })
  subjectId: string;

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('names of declared categories, never values')
  @Field(() => [String], { nullable: true, description: 'Personal-data categories read, sorted.' })
  categories: string[];

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('names of declared fields, never values')
  @Field(() => [String], { nullable: true, description: 'Entity.field names read, sorted.' })
  fields: string[];

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('name of an API operation')
  @Field(() => String, { nullable: true, description: "The API operation that read, e.g. 'user'." })
  operation: string;

  @Readable(...ACCESS_LOG_READERS) @NotPersonalData('random id of the request, to find its service log lines')
  @Field(() => String, { nullable: true })
  requestId: string | null;
}

export function toPersonalDataAccessType(stored: StoredPersonalDataAccess): PersonalDataAccess {
  return Object.assign(new PersonalDataAccess(), stored);
}

@Envelope('PersonalDataAccessChainStatus')
@ObjectType({ description: "Result of recomputing the tenant's personal-data access log chain from its first row." })
export class PersonalDataAccessChainStatus {
  @Field(() => Int, { description: 'Chained rows (rows written before the log was chained are not counted).' })
  entries: number;

  @Field()
  valid: boolean;

  @Field(() => Int, { nullable: true, description: 'The first position where the stored chain differs from the recomputed one.' })
  firstBrokenSequence?: number;

  @Field(() => Int, { description: 'Entries pruned after their retention period (PERSONAL_DATA_ACCESS); checkpoints stand for them in the chain.' })
  prunedEntries: number;

  @Field(() => ChainBreakReason, { nullable: true, description: 'Why it is broken; null when valid.' })
  reason?: ChainBreakReason;

  @Field(() => Int, { nullable: true, description: 'The newest signed head (log checkpoint) the chain was checked against; null when none was signed yet.' })
  checkpointSequence?: number;
}
