import { AuditDetail, AuditEntry } from '@chancery/audit';
import { AuthSession } from '@chancery/auth';
import { ApiKey, Invitation, Organisation, Tenant, UserAccount, UserRole } from '@chancery/identity';
import { PostalCodeRange } from '@chancery/identity/entities/tenant.entity';
import type { EntityClass } from '@chancery/policy';
import { PersonalDataAccess } from '@chancery/privacy';

/**
 * Every record type the application holds or outputs. The visibility matrix and the log redactions
 * are generated from this list; tests check that every object type of the GraphQL schema and every
 * database entity is in it, and that every field is declared.
 */
export const POLICY_ENTITIES: readonly EntityClass[] = [
  Tenant,
  PostalCodeRange,
  Organisation,
  UserAccount,
  UserRole,
  Invitation,
  ApiKey,
  AuthSession,
  AuditEntry,
  AuditDetail,
  PersonalDataAccess,
];

export const VISIBILITY_MATRIX_FILE = 'docs/visibility-matrix.md';
