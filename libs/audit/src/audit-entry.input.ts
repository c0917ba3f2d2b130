import { AuditDetails } from './audit-chain';

/** What a service says happened. Actor, request id, time and position in the chain are added by AuditLog. */
export interface AuditEntryInput {
  /** Dotted, lower-camel words: `auth.login.succeeded`, `identity.role.granted`, `apiKey.revoked`. */
  action: string;
  /** The kind of record acted on, in the domain's words: `User`, `ApiKey`, `Invitation`. */
  subjectType?: string;
  subjectId?: string;
  /** Ids, codes and counts only: an entry cannot be erased, so it must never hold personal data. */
  details?: AuditDetails;
  /**
   * The chain to write to: a tenant id, or null for a platform-level event. Absent: the tenant of the
   * open unit of work, or the actor's when there is none.
   */
  tenantId?: string | null;
}

/**
 * A programming error in a caller of AuditLog (an audit entry that cannot be recorded as given). Not a
 * DomainError: the client must not see it; the GraphQL formatter reports it as an internal error.
 */
export class InvalidAuditEntryError extends Error {
  override readonly name = 'InvalidAuditEntryError';
}

const ACTION = /^[a-z][A-Za-z0-9_]*(\.[a-z][A-Za-z0-9_]*)+$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DETAILS = 32;
const MAX_NAME_LENGTH = 64;
/** Long enough for any id or code; short enough that free text (a name, an address) does not fit. */
export const MAX_AUDIT_VALUE_LENGTH = 200;

/** Refuses what the log cannot hold faithfully or should not hold at all. */
export function checkAuditEntryInput(entry: AuditEntryInput): void {
  if (!ACTION.test(entry.action) || entry.action.length > 100) {
    refuse(`action "${entry.action}" is not dotted lower-camel words (e.g. auth.login.succeeded)`);
  }
  if (entry.subjectType !== undefined) checkName('subjectType', entry.subjectType);
  if (entry.subjectId !== undefined) checkText('subjectId', entry.subjectId);
  if (entry.tenantId !== undefined && entry.tenantId !== null) checkUuid('tenantId', entry.tenantId);
  const details = entry.details ?? {};
  const keys = Object.keys(details);
  if (keys.length > MAX_DETAILS) refuse(`details: more than ${MAX_DETAILS} keys`);
  for (const key of keys) {
    checkName(`details key`, key);
    const value = details[key];
    if (typeof value === 'string') checkText(`details.${key}`, value);
    else if (typeof value === 'number' && !Number.isFinite(value))
      refuse(`details.${key}: not a finite number`);
    else if (value !== null && typeof value !== 'number' && typeof value !== 'boolean') {
      refuse(`details.${key}: only strings, numbers, booleans and null`);
    }
  }
}

export function checkUuid(field: string, value: string): void {
  if (!UUID.test(value)) refuse(`${field}: not a uuid`);
}

function checkName(field: string, value: string): void {
  if (!NAME.test(value) || value.length > MAX_NAME_LENGTH) refuse(`${field} "${value}": not an identifier`);
}

function checkText(field: string, value: string): void {
  if (value.length === 0 || value.length > MAX_AUDIT_VALUE_LENGTH) {
    refuse(`${field}: between 1 and ${MAX_AUDIT_VALUE_LENGTH} characters`);
  }
  if (hasControlCharacter(value)) refuse(`${field}: control characters`);
}

// Control characters cannot be stored in text (NUL) or make log lines ambiguous.
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function refuse(reason: string): never {
  throw new InvalidAuditEntryError(`Audit entry refused: ${reason}`);
}
