import { AuditDetail, AuditEntry } from '@chancery/audit';
import { ApiKey, Invitation, Organisation, Tenant, UserAccount } from '@chancery/identity';
import { PostalCodeRange } from '@chancery/identity/entities/tenant.entity';
import type { EntityClass } from '@chancery/policy';
import { PersonalDataAccess } from '@chancery/privacy';

/**
 * Every record type the API outputs. The visibility matrix is generated from this list, and a test
 * checks that every object type of the GraphQL schema is in it or is a declared envelope.
 */
export const POLICY_ENTITIES: readonly EntityClass[] = [
  Tenant,
  PostalCodeRange,
  Organisation,
  UserAccount,
  Invitation,
  ApiKey,
  AuditEntry,
  AuditDetail,
  PersonalDataAccess,
];

export const VISIBILITY_MATRIX_FILE = 'docs/visibility-matrix.md';
