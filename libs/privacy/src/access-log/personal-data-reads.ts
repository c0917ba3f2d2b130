import { Logger } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import { Role, TENANT_STAFF_ROLES } from '@chancery/access';
import { Actor, ActorKind } from '@chancery/core';
import { EntityPolicy, FieldPolicy, OutputPurpose, PersonalDataDeclaration, relationsOf } from '@chancery/policy';

/** Whose reads of other people's personal data are accounted for: the tenant's staff and the operator. */
export const ACCOUNTABLE_ROLES: readonly Role[] = [...TENANT_STAFF_ROLES, Role.PLATFORM_ADMIN];

/**
 * Entities whose reads are not recorded. The access log itself: its `accessorId` is personal data of
 * the accessor, so every look at the log by the privacy officer would add rows about the staff it
 * lists, and the log would grow by being read. It is readable only by the privacy officer (the
 * person overseeing the log) and by the data subject about themself. The one bypass; keep it small.
 */
export const ENTITIES_NOT_RECORDED: ReadonlySet<string> = new Set(['PersonalDataAccess']);

/** Who read, as recorded: never more than the actor's kind, id and roles. */
export interface Accessor {
  kind: ActorKind;
  /** Null for an actor without a uuid (a system job). */
  id: string | null;
  roles: string[];
}

/** What one request read of one person (or company) in one tenant; names only, never values. */
export interface PendingPersonalDataAccess {
  tenantId: string;
  accessor: Accessor;
  subjectType: string;
  subjectId: string;
  categories: Set<string>;
  /** `Entity.field`. */
  fields: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The reads of one request, grouped by (tenant, accessor, subject) so the log gets one row per
 * person read, however many fields, records or aliases touched them.
 */
export class PersonalDataReads {
  private readonly pending = new Map<string, PendingPersonalDataAccess>();
  /** Set when the request reads a tenant under a support grant: its rows then name the grant and purpose. */
  supportGrant?: { id: string; purpose: string };

  add(
    viewer: Actor,
    tenantId: string,
    subject: { type: string; id: string },
    category: string,
    field: string,
  ): void {
    const accessor = accessorOf(viewer);
    const key = [tenantId, accessor.kind, accessor.id, subject.type, subject.id].join('|');
    let access = this.pending.get(key);
    if (!access) {
      access = { tenantId, accessor, subjectType: subject.type, subjectId: subject.id, categories: new Set(), fields: new Set() };
      this.pending.set(key, access);
    }
    access.categories.add(category);
    access.fields.add(field);
  }

  /** Everything recorded so far, emptying the buffer so nothing is written twice. */
  take(): PendingPersonalDataAccess[] {
    const all = [...this.pending.values()];
    this.pending.clear();
    return all;
  }

  get size(): number {
    return this.pending.size;
  }
}

/** The buffer's key in the request's store (a symbol: no other code can reach it by name). */
const READS_KEY = Symbol('personalDataReads');
const logger = new Logger('PersonalDataAccessLog');

/**
 * The current request's buffer, created on first use. Nested contexts (units of work) copy the store
 * shallowly, so a buffer created at the request's root is shared with them; the GraphQL plugin
 * therefore creates it when the request starts, before any resolver opens a nested context.
 */
export function personalDataReadsOfRequest(): PersonalDataReads | undefined {
  // The store as a plain object: one AsyncLocalStorage lookup (see RequestContext.store).
  const store = ClsServiceManager.getClsService().get() as { [READS_KEY]?: PersonalDataReads } | undefined;
  if (!store) return undefined;
  return (store[READS_KEY] ??= new PersonalDataReads());
}

/**
 * The listener the output gate calls for every record it presents with personal-data fields in it,
 * on every output path (GraphQL, e-mail, exports, PDFs, feeds). Records the read when the viewer is
 * staff or the operator and the record is about someone else. Synchronous and allocation-light.
 */
export function collectPersonalDataPresented(
  viewer: Actor,
  policy: EntityPolicy,
  record: object,
  fields: readonly FieldPolicy[],
  purpose: OutputPurpose,
): void {
  if (purpose === 'log' || !isAccountable(viewer)) return;
  if (ENTITIES_NOT_RECORDED.has(policy.name)) return;
  if (relationsOf(viewer, policy.cls, record).has('self')) return;
  // The row belongs to the tenant whose record was read; a record of no tenant (the operator's own
  // accounts) has no privacy officer to account to.
  const tenantId = policy.relations.tenantId?.(record);
  if (!tenantId) return;
  const reads = personalDataReadsOfRequest();
  for (const field of fields) {
    const subject = subjectOf(policy, field.personalData!, record);
    if (!subject) continue;
    if (!reads) {
      // Outside any request context there is no buffer to flush; say so rather than lose it quietly.
      logger.error(`personal data presented outside a request context was not recorded: ${policy.name}.${field.name}`);
      return;
    }
    reads.add(viewer, tenantId, subject, field.personalData!.category, `${policy.name}.${field.name}`);
  }
}

/**
 * Staff and the operator account for what they read of others; so does every API key: an integration
 * reads on nobody's behalf that a person could answer for, and has no roles (#14 defect 12).
 */
function isAccountable(viewer: Actor): boolean {
  return viewer.kind === 'apiKey' || viewer.roles.some((role) => (ACCOUNTABLE_ROLES as readonly string[]).includes(role));
}

/**
 * Whose data a record is: the person it is about (its `selfUserId`) when it has one, else the company
 * it belongs to. A record with neither cannot be attributed to a data subject and is not recorded.
 */
function subjectOf(
  policy: EntityPolicy,
  declaration: PersonalDataDeclaration,
  record: object,
): { type: string; id: string } | undefined {
  const userId = policy.relations.selfUserId?.(record);
  if (userId) return { type: policy.subject ?? declaration.subject, id: userId };
  const organisationId = policy.relations.organisationId?.(record);
  if (organisationId) return { type: 'organisation', id: organisationId };
  return undefined;
}

function accessorOf(viewer: Actor): Accessor {
  return {
    kind: viewer.kind,
    id: viewer.id && UUID.test(viewer.id) ? viewer.id.toLowerCase() : null,
    roles: [...viewer.roles].sort(),
  };
}
