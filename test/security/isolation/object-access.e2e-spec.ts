import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { ThrottlerStorage } from '@nestjs/throttler';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { RequestContext, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { WebhookEvents } from '@chancery/webhooks';
import { LogCheckpointJob } from '@chancery/privacy';
import { TenantKind } from '@chancery/identity';
import {
  CertificateFactory,
  expectData,
  GraphQLRequestOptions,
  GraphQLResponse,
  IdentityFactory,
  reportFigure,
  SAMPLE_PDF,
  TestApp,
  TestOrganisation,
  TestTenant,
  TestUser,
  useTestApp,
} from '@chancery/testing';

/**
 * VERIFY T3 — object-level access (BOLA). Every query and mutation that takes an id (found by
 * introspecting the schema over HTTP, so an operation added later is covered or fails the suite) is
 * called by every role of tenant A with ids of tenant B, of the other company of tenant A, of records
 * outside the caller's scope in its own tenant, of a company whose registration is not confirmed yet
 * (nobody's company, its own tenant's staff included), of the platform operator, of deleted records, random
 * ids, and (by the roles that pass the operation's role rule, the only callers whose id is read at
 * all) malformed ids and other tenants' ids in upper case. Expected: 0 successes, and a record that exists but is not the caller's answers
 * exactly like one that does not exist (status, data and the whole errors array without
 * locations/path). A positive control per operation shows the same call works on the caller's own
 * records, so the table is not vacuous.
 */

// ---------------------------------------------------------------------------------------------
// Which records an operation takes, and how to call it. One entry per id-taking operation: a new
// operation without an entry fails 'every id-taking operation has a call template'.
// ---------------------------------------------------------------------------------------------

type RecordKind =
  | 'user' | 'apiKey' | 'organisation' | 'accessEntry' | 'session' | 'invitation'
  | 'processingActivity' | 'breach' | 'subProcessor' | 'subProcessorChange' | 'policyVersion'
  | 'application' | 'certificate' | 'dataSubjectRequest' | 'legalHold' | 'supportingDocument' | 'consignee'
  | 'product' | 'datasheet' | 'version' | 'attachment'
  | 'webhook' | 'webhookDelivery'
  | 'project'
  | 'supportGrant' | 'offboarding'
  | 'logCheckpoint';

interface Caller {
  label: string;
  tenantId: string;
  /** The company the caller acts for; null for tenant staff (and a tenant's feed key). */
  organisationId: string | null;
  roles: Role[];
  userId?: string;
  options: GraphQLRequestOptions;
}

interface KnownRecord {
  kind: RecordKind;
  id: string;
  label: string;
  tenantId: string | null;
  organisationId: string | null;
  /** For access-log entries: the person the entry is about; for sessions: whose session it is. */
  subjectId?: string;
  /** For datasheets: published (everyone may read it through the public API). */
  published?: boolean;
  /** For datasheets: withdrawn after publication (everyone may read its notice, and learns it is withdrawn). */
  withdrawn?: boolean;
  /** For companies: a registration not confirmed yet, nobody's company (but for the privacy office's duties: `pendingReach`). */
  pending?: boolean;
}

/**
 * Where a record of the caller's own tenant stands for one operation: `own` (the caller's scope),
 * `outside` (not the caller's: must answer like a missing id), or `skip` (the caller may legitimately
 * see it and the answer depends on field declarations: T1's matrix, not BOLA). Records of other
 * tenants and the platform operator are always outside.
 */
type Reach = 'own' | 'outside' | 'skip';

interface Variant {
  /** The id path of the operation this variant puts the id in (every path found must be covered). */
  path: string;
  takes: RecordKind;
  variables: (id: unknown, caller: Caller) => Record<string, unknown>;
}

interface CallTemplate {
  document: string;
  variants: Record<string, Variant>;
  /** The response field. */
  field: string;
  /** A single record (a missing id is NOT_FOUND) or a list (a missing id gives an empty page). */
  answers: 'record' | 'list';
  /** Who gets past the operation's role rule to the lookup (for the others every id is FORBIDDEN). */
  allowed: (caller: Caller) => boolean;
  reach: (caller: Caller, record: KnownRecord) => Reach;
  /**
   * For records of the platform (no tenant), which are otherwise always foreign: the callers whose
   * own they are (a tenant's administrator objects to the platform's sub-processor changes as its customer).
   */
  platformReach?: (caller: Caller) => Reach;
  /**
   * For a company whose registration is not confirmed yet, which is otherwise always foreign (it answers
   * as a missing id to everyone, its own tenant's staff included): the callers who may still name it (the
   * privacy office records a breach involving its records).
   */
  pendingReach?: (caller: Caller) => Reach;
  /** Where a control's answer names the record called with (default: the answer's `id`), for a mutation that returns another record. */
  returnedId?: (value: Record<string, unknown>) => unknown;
  /** The answer is another record than the one the id names (a datasheet made for a product): its id is not compared. */
  answersAnotherRecord?: boolean;
  /** The answer lists records belonging to the one the id names (a datasheet's earlier versions), each naming it; possibly none. */
  answersRecordsOf?: (value: unknown) => unknown[];
  /** Positive controls: [caller label, variant, record label] the call must work on. */
  controls: Array<[caller: string, variant: string, record: string]>;
}

const STAFF_ROLES: readonly Role[] = [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR];
const isStaff = (caller: Caller) => caller.roles.some((role) => STAFF_ROLES.includes(role));
const holds = (...roles: Role[]) => (caller: Caller) => caller.roles.some((role) => roles.includes(role));
const anyone = () => true;
const sameCompany = (caller: Caller, record: KnownRecord) => (caller.organisationId ?? null) === (record.organisationId ?? null);

/** User and key administration: a company's admin manages its company, a tenant's admin its staff. */
const administered = (caller: Caller, record: KnownRecord): Reach => (sameCompany(caller, record) ? 'own' : 'outside');
/** Single-record reads: own company's records; tenant staff see their tenant's records (field by field). */
const readable = (caller: Caller, record: KnownRecord): Reach =>
  caller.organisationId && record.organisationId === caller.organisationId ? 'own' : isStaff(caller) ? 'skip' : 'outside';
/** The tenant's privacy officer lists the whole tenant's access log. */
const wholeTenant = (): Reach => 'own';
/** Datasheets: a company's users work on its own; staff read the whole tenant's. */
const companyOnly = (caller: Caller, record: KnownRecord): Reach => (caller.organisationId && record.organisationId === caller.organisationId ? 'own' : 'outside');
const companyOrStaff = (caller: Caller, record: KnownRecord): Reach => (isStaff(caller) ? 'own' : companyOnly(caller, record));
/** Set when the datasheets are made: the datasheet nameDatasheetContact's person variant names a contact for. */
const DATASHEET_FIXTURE = { a1Published: '', a1Project: '' };

/** Each company's administrator's login address, so resetCompanyAdministratorSecondFactor names the right person for the id it is given. */
const COMPANY_ADMINISTRATORS: Record<string, string> = {};

/** A role the caller's kind may hand out, so changeUserRoles gets past its role check to the lookup. */
function roleGrantableBy(caller: Caller): Role {
  return caller.roles.includes(Role.TENANT_ADMIN) ? Role.CLERK : Role.ORG_MEMBER;
}

const CALL_TEMPLATES: Record<string, CallTemplate> = {
  // Data-subject requests: the tenant's privacy officers handle every request of their tenant.
  checkDataSubjectIdentity: {
    document: 'mutation($id: ID!) { checkDataSubjectIdentity(requestId: $id) { id } }',
    variants: { check: { path: 'requestId', takes: 'dataSubjectRequest', variables: (id) => ({ id }) } },
    field: 'checkDataSubjectIdentity',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'check', 'A request awaiting an identity check']],
  },
  extendDataSubjectRequest: {
    document: 'mutation($input: ExtendDataSubjectRequestInput!) { extendDataSubjectRequest(input: $input) { id } }',
    variants: { extend: { path: 'input.requestId', takes: 'dataSubjectRequest', variables: (id) => ({ input: { requestId: id, months: 1, reason: 'Archives to search first' } }) } },
    field: 'extendDataSubjectRequest',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'extend', 'A objection request']],
  },
  exportForDataSubjectRequest: {
    document: 'mutation($id: ID!) { exportForDataSubjectRequest(requestId: $id) { id } }',
    variants: { export: { path: 'requestId', takes: 'dataSubjectRequest', variables: (id) => ({ id }) } },
    field: 'exportForDataSubjectRequest',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'export', 'A access request']],
  },
  eraseForDataSubjectRequest: {
    document: 'mutation($id: ID!) { eraseForDataSubjectRequest(requestId: $id) { id } }',
    variants: { erase: { path: 'requestId', takes: 'dataSubjectRequest', variables: (id) => ({ id }) } },
    field: 'eraseForDataSubjectRequest',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'erase', 'A erasure request']],
  },
  restrictForDataSubjectRequest: {
    document: 'mutation($id: ID!) { restrictForDataSubjectRequest(requestId: $id) { id } }',
    variants: { restrict: { path: 'requestId', takes: 'dataSubjectRequest', variables: (id) => ({ id }) } },
    field: 'restrictForDataSubjectRequest',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'restrict', 'A restriction request']],
  },
  liftProcessingRestriction: {
    document: 'mutation($id: ID!) { liftProcessingRestriction(requestId: $id) { id } }',
    variants: { lift: { path: 'requestId', takes: 'dataSubjectRequest', variables: (id) => ({ id }) } },
    field: 'liftProcessingRestriction',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'lift', 'A restriction in force']],
  },
  closeDataSubjectRequest: {
    document: 'mutation($input: CloseDataSubjectRequestInput!) { closeDataSubjectRequest(input: $input) { id } }',
    variants: { close: { path: 'input.requestId', takes: 'dataSubjectRequest', variables: (id) => ({ input: { requestId: id, outcome: 'Rectified as asked' } }) } },
    field: 'closeDataSubjectRequest',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'close', 'A rectification request']],
  },
  upholdDataSubjectObjection: {
    document: 'mutation($input: UpholdDataSubjectObjectionInput!) { upholdDataSubjectObjection(input: $input) { id } }',
    variants: { uphold: { path: 'input.requestId', takes: 'dataSubjectRequest', variables: (id) => ({ input: { requestId: id, statement: 'Your objection is upheld.' } }) } },
    field: 'upholdDataSubjectObjection',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'uphold', 'A objection request of someone who is no caller']],
  },
  releaseLegalHold: {
    document: 'mutation($id: ID!) { releaseLegalHold(holdId: $id) }',
    variants: { release: { path: 'holdId', takes: 'legalHold', variables: (id) => ({ id }) } },
    field: 'releaseLegalHold',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
    reach: wholeTenant,
    // It answers the released hold's id.
    returnedId: (value) => value as unknown,
    controls: [['A staff PRIVACY_OFFICER', 'release', 'A legal hold']],
  },
  // A hold names a record by kind and id; one the tenant does not have is NOT_FOUND (a hold on it protected nothing).
  placeLegalHold: {
    document: 'mutation($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) }',
    variants: { hold: { path: 'input.record', takes: 'user', variables: (id) => ({ input: { record: `User:${String(id)}`, reason: 'Litigation pending' } }) } },
    field: 'placeLegalHold',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
    reach: wholeTenant,
    // It answers the new hold's id (a string, not an object).
    answersAnotherRecord: true,
    controls: [['A staff PRIVACY_OFFICER', 'hold', 'A1 ORG_ADMIN']],
  },
  user: {
    document: 'query($id: ID!) { user(id: $id) { id } }',
    variants: { read: { path: 'id', takes: 'user', variables: (id) => ({ id }) } },
    field: 'user',
    answers: 'record',
    allowed: (caller) => caller.userId !== undefined,
    reach: readable,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 ORG_ADMIN'], ['A staff CLERK', 'read', 'A2 ORG_MEMBER']],
  },
  organisation: {
    document: 'query($id: ID!) { organisation(id: $id) { id } }',
    variants: { read: { path: 'id', takes: 'organisation', variables: (id) => ({ id }) } },
    field: 'organisation',
    answers: 'record',
    allowed: anyone,
    reach: readable,
    controls: [['A1 ORG_MEMBER', 'read', 'company A1'], ['A staff CLERK', 'read', 'company A2']],
  },
  organisations: {
    document: 'query($ids: [ID!]) { organisations(ids: $ids) { id } }',
    variants: { name: { path: 'ids', takes: 'organisation', variables: (id) => ({ ids: [id] }) } },
    field: 'organisations',
    answers: 'list',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.AUDITOR),
    reach: wholeTenant,
    controls: [['A staff CLERK', 'name', 'company A2']],
  },
  managedUser: {
    document: 'query($id: ID!) { managedUser(userId: $id) { id } }',
    variants: { read: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'managedUser',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'read', "A1 ORG_ADMIN's target"], ['A staff TENANT_ADMIN', 'read', "A staff TENANT_ADMIN's target"]],
  },
  personalDataAccesses: {
    document: 'query($subjectId: ID, $before: ID) { personalDataAccesses(subjectId: $subjectId, before: $before) { id } }',
    variants: {
      person: { path: 'subjectId', takes: 'user', variables: (id) => ({ subjectId: id }) },
      company: { path: 'subjectId', takes: 'organisation', variables: (id) => ({ subjectId: id }) },
      cursor: { path: 'before', takes: 'accessEntry', variables: (id) => ({ before: id }) },
    },
    field: 'personalDataAccesses',
    answers: 'list',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'person', 'A1 ORG_MEMBER'], ['A staff PRIVACY_OFFICER', 'cursor', 'A newest access entry']],
  },
  // The signed heads of the tenant's logs: its administrators and auditors list the whole tenant's; an id only positions the page.
  logCheckpoints: {
    document: 'query($before: ID) { logCheckpoints(before: $before) { id } }',
    variants: { cursor: { path: 'before', takes: 'logCheckpoint', variables: (id) => ({ before: id }) } },
    field: 'logCheckpoints',
    answers: 'list',
    allowed: holds(Role.TENANT_ADMIN, Role.AUDITOR),
    reach: wholeTenant,
    controls: [['A staff AUDITOR', 'cursor', 'A newest checkpoint']],
  },
  myPersonalDataAccesses: {
    document: 'query($before: ID) { myPersonalDataAccesses(before: $before) { id } }',
    variants: { cursor: { path: 'before', takes: 'accessEntry', variables: (id) => ({ before: id }) } },
    field: 'myPersonalDataAccesses',
    answers: 'list',
    allowed: anyone,
    // Entries about oneself are one's own; another person's entry of the same tenant as a cursor
    // only positions one's own page (the rows returned are still one's own).
    reach: (caller, record) => (record.subjectId === caller.userId ? 'own' : 'skip'),
    controls: [['A1 ORG_MEMBER', 'cursor', "A1 ORG_MEMBER's newest access entry"]],
  },
  updateUserProfile: {
    document: 'mutation($input: UpdateUserProfileInput!) { updateUserProfile(input: $input) { id } }',
    variants: {
      name: { path: 'input.userId', takes: 'user', variables: (id) => ({ input: { userId: id, firstName: 'Mallory' } }) },
      contact: { path: 'input.userId', takes: 'user', variables: (id) => ({ input: { userId: id, phone: '+32470999999', jobTitle: 'Intruder' } }) },
    },
    field: 'updateUserProfile',
    answers: 'record',
    allowed: anyone,
    // Only oneself may change one's profile; colleagues' records are readable (FORBIDDEN, named: T1/T4).
    reach: (caller, record) => (caller.userId === record.id ? 'own' : readable(caller, record) === 'outside' ? 'outside' : 'skip'),
    controls: [['A1 ORG_MEMBER', 'name', 'A1 ORG_MEMBER'], ['A staff AUDITOR', 'name', 'A staff AUDITOR']],
  },
  updateOrganisation: {
    document: 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
    variants: {
      name: { path: 'input.organisationId', takes: 'organisation', variables: (id) => ({ input: { organisationId: id, name: 'Hijacked NV' } }) },
      bank: { path: 'input.organisationId', takes: 'organisation', variables: (id) => ({ input: { organisationId: id, iban: 'BE71096123456769', email: 'pay-here@example.test' } }) },
    },
    field: 'updateOrganisation',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN),
    reach: (caller, record) => (readable(caller, record) === 'own' ? 'skip' : readable(caller, record)),
    controls: [['A1 ORG_ADMIN', 'name', 'company A1']],
  },
  changeUserRoles: {
    document: 'mutation($input: ChangeUserRolesInput!) { changeUserRoles(input: $input) { id roles } }',
    variants: {
      grant: { path: 'input.userId', takes: 'user', variables: (id, caller) => ({ input: { userId: id, grant: [roleGrantableBy(caller)] } }) },
      withdraw: { path: 'input.userId', takes: 'user', variables: (id, caller) => ({ input: { userId: id, withdraw: [roleGrantableBy(caller)] } }) },
      nothing: { path: 'input.userId', takes: 'user', variables: (id) => ({ input: { userId: id } }) },
    },
    field: 'changeUserRoles',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'grant', "A1 ORG_ADMIN's target"], ['A staff TENANT_ADMIN', 'grant', "A staff TENANT_ADMIN's target"]],
  },
  revokeApiKey: {
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
    variants: { revoke: { path: 'id', takes: 'apiKey', variables: (id) => ({ id }) } },
    field: 'revokeApiKey',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'revoke', "A1 ORG_ADMIN's own key"], ['A staff TENANT_ADMIN', 'revoke', "A staff TENANT_ADMIN's own key"]],
  },
  sessionsOfUser: {
    document: 'query($id: ID!) { sessionsOfUser(userId: $id) { id } }',
    variants: { read: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'sessionsOfUser',
    answers: 'list',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'read', 'A1 ORG_MEMBER']],
  },
  endMySession: {
    document: 'mutation($id: ID!) { endMySession(sessionId: $id) { id } }',
    variants: { end: { path: 'sessionId', takes: 'session', variables: (id) => ({ id }) } },
    field: 'endMySession',
    answers: 'record',
    // People only (API keys are refused by the operation's rule), and only their own sessions.
    allowed: (caller) => caller.userId !== undefined,
    reach: (caller, record) => (record.subjectId === caller.userId ? 'skip' : 'outside'),
    controls: [['A1 ORG_MEMBER', 'end', "A1 ORG_MEMBER's spare session"]],
  },
  revokeInvitation: {
    document: 'mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt } }',
    variants: { revoke: { path: 'id', takes: 'invitation', variables: (id) => ({ id }) } },
    field: 'revokeInvitation',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'revoke', "A1 ORG_ADMIN's invitation"], ['A staff TENANT_ADMIN', 'revoke', "A staff TENANT_ADMIN's invitation"]],
  },
  resetSecondFactor: {
    document: 'mutation($id: ID!) { resetSecondFactor(userId: $id) { id } }',
    variants: { reset: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'resetSecondFactor',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'reset', "A1 ORG_ADMIN's target"], ['A staff TENANT_ADMIN', 'reset', "A staff TENANT_ADMIN's target"]],
  },
  enableUser: {
    document: 'mutation($id: ID!) { enableUser(userId: $id) { id } }',
    variants: { enable: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'enableUser',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'enable', "A1 ORG_ADMIN's disabled colleague"], ['A staff TENANT_ADMIN', 'enable', "A staff TENANT_ADMIN's disabled colleague"]],
  },
  // The privacy office (issue 18 items 5–8).
  breach: {
    document: 'query($id: ID!) { breach(breachId: $id) { id } }',
    variants: { read: { path: 'breachId', takes: 'breach', variables: (id) => ({ id }) } },
    field: 'breach',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
    reach: wholeTenant,
    controls: [['A staff TENANT_ADMIN', 'read', 'A breach']],
  },
  privacyPolicyResponses: {
    document: 'query($id: ID!) { privacyPolicyResponses(versionId: $id) { userId answer } }',
    variants: { read: { path: 'versionId', takes: 'policyVersion', variables: (id) => ({ id }) } },
    field: 'privacyPolicyResponses',
    answers: 'list',
    allowed: holds(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'read', 'A policy version']],
  },
  removeProcessingActivity: {
    document: 'mutation($id: ID!) { removeProcessingActivity(id: $id) { id } }',
    variants: { remove: { path: 'id', takes: 'processingActivity', variables: (id) => ({ id }) } },
    field: 'removeProcessingActivity',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'remove', 'A processing activity']],
  },
  registerBreach: {
    document: 'mutation($input: RegisterBreachInput!) { registerBreach(input: $input) { id involvedOrganisationIds } }',
    variants: {
      involved: {
        path: 'input.involvedOrganisationIds', takes: 'organisation',
        variables: (id) => ({ input: { reference: `BR-${randomUUID().slice(0, 8)}`, nature: 'x', becameAwareAt: new Date(0).toISOString(), dataCategories: ['contact'], involvedOrganisationIds: [id], likelyConsequences: 'x', measures: 'x', notifiable: true } }),
      },
    },
    field: 'registerBreach',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    // The registrant's data is held like anyone's: a breach may involve it.
    pendingReach: () => 'skip',
    returnedId: (value) => (value.involvedOrganisationIds as string[])[0],
    controls: [['A staff PRIVACY_OFFICER', 'involved', 'company A1']],
  },
  recordBreachAuthorityNotification: {
    document: 'mutation($input: RecordBreachAuthorityNotificationInput!) { recordBreachAuthorityNotification(input: $input) { id } }',
    variants: { record: { path: 'input.breachId', takes: 'breach', variables: (id) => ({ input: { breachId: id, delayReason: 'drill' } }) } },
    field: 'recordBreachAuthorityNotification',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'record', 'A breach']],
  },
  notifyBreachSubjects: {
    document: 'mutation($id: ID!) { notifyBreachSubjects(breachId: $id) { id } }',
    variants: { notify: { path: 'breachId', takes: 'breach', variables: (id) => ({ id }) } },
    field: 'notifyBreachSubjects',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER),
    reach: wholeTenant,
    controls: [['A staff PRIVACY_OFFICER', 'notify', 'A breach']],
  },
  announceSubProcessorChange: {
    document: 'mutation($input: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $input) { id subProcessorId } }',
    variants: {
      removal: {
        path: 'input.subProcessorId', takes: 'subProcessor',
        variables: (id) => ({ input: { kind: 'REMOVAL', description: 'x', effectiveAt: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString(), subProcessorId: id } }),
      },
    },
    field: 'announceSubProcessorChange',
    answers: 'record',
    allowed: holds(Role.PRIVACY_OFFICER, Role.TENANT_ADMIN),
    reach: wholeTenant,
    returnedId: (value) => value.subProcessorId,
    controls: [['A staff PRIVACY_OFFICER', 'removal', 'A sub-processor']],
  },
  objectToSubProcessorChange: {
    document: 'mutation($input: ObjectToSubProcessorChangeInput!) { objectToSubProcessorChange(input: $input) { id changeId } }',
    variants: { object: { path: 'input.changeId', takes: 'subProcessorChange', variables: (id) => ({ input: { changeId: id, reason: 'x' } }) } },
    field: 'objectToSubProcessorChange',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    // A company objects to its tenant's changes; the tenant's administrator (no company) to the platform's only.
    reach: (caller) => (caller.organisationId ? 'own' : 'outside'),
    platformReach: (caller) => (!caller.organisationId && caller.roles.includes(Role.TENANT_ADMIN) ? 'own' : 'outside'),
    returnedId: (value) => value.changeId,
    controls: [['A1 ORG_ADMIN', 'object', 'A sub-processor change'], ['A staff TENANT_ADMIN', 'object', 'platform sub-processor change']],
  },
  acceptPrivacyPolicy: {
    document: 'mutation($id: ID!) { acceptPrivacyPolicy(versionId: $id) { versionId answer } }',
    variants: { accept: { path: 'versionId', takes: 'policyVersion', variables: (id) => ({ id }) } },
    field: 'acceptPrivacyPolicy',
    answers: 'record',
    allowed: (caller) => caller.userId !== undefined,
    reach: wholeTenant,
    returnedId: (value) => value.versionId,
    controls: [['A1 ORG_MEMBER', 'accept', 'A policy version']],
  },
  objectToPrivacyPolicy: {
    document: 'mutation($input: ObjectToPrivacyPolicyInput!) { objectToPrivacyPolicy(input: $input) { versionId answer } }',
    variants: { object: { path: 'input.versionId', takes: 'policyVersion', variables: (id) => ({ input: { versionId: id } }) } },
    field: 'objectToPrivacyPolicy',
    answers: 'record',
    allowed: (caller) => caller.userId !== undefined,
    reach: wholeTenant,
    returnedId: (value) => value.versionId,
    controls: [['A1 ORG_ADMIN', 'object', 'A policy version']],
  },
  // Datasheets (#17). Products, datasheets and versions: a company's own for its users, the whole tenant's for staff.
  datasheetVersions: {
    document: 'query($id: ID!) { datasheetVersions(datasheetId: $id) { id } }',
    variants: { read: { path: 'datasheetId', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'datasheetVersions',
    answers: 'list',
    allowed: (caller) => caller.userId !== undefined && caller.roles.length > 0,
    reach: companyOrStaff,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 published datasheet'], ['A staff AUDITOR', 'read', 'A1 draft datasheet']],
  },
  datasheetVersionsOf: {
    document: 'query($ids: [ID!]!) { datasheetVersionsOf(datasheetIds: $ids) { id } }',
    variants: { read: { path: 'datasheetIds', takes: 'datasheet', variables: (id) => ({ ids: [id] }) } },
    field: 'datasheetVersionsOf',
    answers: 'list',
    allowed: (caller) => caller.userId !== undefined && caller.roles.length > 0,
    reach: companyOrStaff,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 published datasheet'], ['A staff AUDITOR', 'read', 'A1 draft datasheet']],
  },
  datasheets: {
    document: 'query($id: ID, $products: [ID!]) { datasheets(after: $id, certifiedProductIds: $products) { id } }',
    variants: {
      cursor: { path: 'after', takes: 'datasheet', variables: (id) => ({ id }) },
      products: { path: 'certifiedProductIds', takes: 'product', variables: (id) => ({ products: [id] }) },
    },
    field: 'datasheets',
    answers: 'list',
    allowed: (caller) => caller.userId !== undefined && caller.roles.length > 0,
    // A company's list holds its own datasheets, the staff's the tenant's: any other, as the position, is an empty page.
    reach: companyOrStaff,
    controls: [['A1 ORG_MEMBER', 'cursor', 'A1 approved datasheet'], ['A staff AUDITOR', 'cursor', 'A1 approved datasheet'], ['A1 ORG_MEMBER', 'products', 'A1 draft product']],
  },
  certifiedProducts: {
    document: 'query($id: ID, $ids: [ID!]) { certifiedProducts(after: $id, ids: $ids) { id } }',
    variants: {
      cursor: { path: 'after', takes: 'product', variables: (id) => ({ id }) },
      only: { path: 'ids', takes: 'product', variables: (id) => ({ ids: [id] }) },
    },
    field: 'certifiedProducts',
    answers: 'list',
    allowed: (caller) => caller.userId !== undefined && caller.roles.length > 0,
    reach: companyOrStaff,
    controls: [['A1 ORG_MEMBER', 'cursor', 'A1 approved product'], ['A staff CLERK', 'cursor', 'A1 approved product'], ['A1 ORG_MEMBER', 'only', 'A1 draft product']],
  },
  publishedDatasheet: {
    document: 'query($id: ID) { publishedDatasheet(id: $id) { id } }',
    variants: { read: { path: 'id', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'publishedDatasheet',
    answers: 'record',
    allowed: anyone,
    // Published datasheets are everyone's to read, and anyone learns that a withdrawn one is withdrawn
    // (DATASHEET_WITHDRAWN); anything else (a draft of one's own company included) is not found.
    reach: (_caller, record) => (record.published || record.withdrawn ? 'own' : 'outside'),
    controls: [['A2 ORG_MEMBER', 'read', 'A1 published datasheet']],
  },
  withdrawnDatasheet: {
    document: 'query($id: ID) { withdrawnDatasheet(id: $id) { id } }',
    variants: { read: { path: 'id', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'withdrawnDatasheet',
    answers: 'record',
    allowed: anyone,
    // A withdrawn datasheet's notice is everyone's to read; any other datasheet (published, a draft) has none.
    reach: (_caller, record) => (record.withdrawn ? 'own' : 'outside'),
    controls: [['A2 ORG_MEMBER', 'read', 'A1 withdrawn datasheet']],
  },
  publishedDatasheetHistory: {
    document: 'query($id: ID) { publishedDatasheetHistory(id: $id) { datasheetId } }',
    variants: { read: { path: 'id', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'publishedDatasheetHistory',
    answers: 'record',
    answersRecordsOf: (value) => (value as Array<{ datasheetId: string }>).map((version) => version.datasheetId),
    allowed: anyone,
    // As publishedDatasheet: a published datasheet's history is everyone's, a withdrawn one says so; anything else is not found.
    reach: (_caller, record) => (record.published || record.withdrawn ? 'own' : 'outside'),
    controls: [['A2 ORG_MEMBER', 'read', 'A1 published datasheet']],
  },
  createCertifiedProduct: {
    document: 'mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id: organisationId } }',
    variants: {
      create: {
        path: 'input.organisationId',
        takes: 'organisation',
        variables: (id) => ({ input: { organisationId: id, name: 'Kerbstone', productFamily: 'kerbstones', certificateReference: `BENOR-${randomUUID()}`, scheme: 'BENOR', productionUnit: 'Gent' } }),
      },
    },
    field: 'createCertifiedProduct',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff CLERK', 'create', 'company A2']],
  },
  changeCertifiedProductStatus: {
    document: 'mutation($id: ID!) { changeCertifiedProductStatus(id: $id, status: ACTIVE) { id } }',
    variants: { change: { path: 'id', takes: 'product', variables: (id) => ({ id }) } },
    field: 'changeCertifiedProductStatus',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'change', 'A1 product without datasheet']],
  },
  createDatasheet: {
    document: 'mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id datasheetId } }',
    variants: { create: { path: 'input.certifiedProductId', takes: 'product', variables: (id) => ({ input: { certifiedProductId: id, characteristics: '{"strength":"C30/37"}', texts: [] } }) } },
    field: 'createDatasheet',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'create', 'A1 product without datasheet']],
  },
  startDatasheetVersion: {
    document: 'mutation($id: ID!) { startDatasheetVersion(datasheetId: $id) { id: datasheetId } }',
    variants: { start: { path: 'datasheetId', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'startDatasheetVersion',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'start', 'A1 published datasheet']],
  },
  updateDatasheetDraft: {
    document: 'mutation($input: UpdateDatasheetDraftInput!) { updateDatasheetDraft(input: $input) { id } }',
    variants: { edit: { path: 'input.versionId', takes: 'version', variables: (id) => ({ input: { versionId: id, characteristics: '{"strength":"C35/45"}' } }) } },
    field: 'updateDatasheetDraft',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'edit', 'A1 draft version']],
  },
  // Attachments (#17 item 2): added over HTTP (test/datasheets/datasheet-attachments covers that route's ids); removed by id.
  removeDatasheetAttachment: {
    document: 'mutation($id: ID!) { removeDatasheetAttachment(attachmentId: $id) { id } }',
    variants: { remove: { path: 'attachmentId', takes: 'attachment', variables: (id) => ({ id }) } },
    field: 'removeDatasheetAttachment',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'remove', 'A1 draft attachment']],
  },
  submitDatasheetVersion: {
    document: 'mutation($id: ID!) { submitDatasheetVersion(versionId: $id) { id } }',
    variants: { submit: { path: 'versionId', takes: 'version', variables: (id) => ({ id }) } },
    field: 'submitDatasheetVersion',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'submit', 'A1 draft version']],
  },
  approveDatasheetVersion: {
    document: 'mutation($id: ID!) { approveDatasheetVersion(versionId: $id) { id } }',
    variants: { approve: { path: 'versionId', takes: 'version', variables: (id) => ({ id }) } },
    field: 'approveDatasheetVersion',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff CLERK', 'approve', 'A1 submitted version']],
  },
  requestDatasheetChanges: {
    document: 'mutation($id: ID!) { requestDatasheetChanges(versionId: $id, comment: "Add the French text") { id } }',
    variants: { request: { path: 'versionId', takes: 'version', variables: (id) => ({ id }) } },
    field: 'requestDatasheetChanges',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff CLERK', 'request', 'A1 second submitted version']],
  },
  publishDatasheetVersion: {
    document: 'mutation($id: ID!) { publishDatasheetVersion(versionId: $id) { id } }',
    variants: { publish: { path: 'versionId', takes: 'version', variables: (id) => ({ id }) } },
    field: 'publishDatasheetVersion',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'publish', 'A1 approved version']],
  },
  nameDatasheetContact: {
    document: 'mutation($d: ID!, $u: ID!) { nameDatasheetContact(datasheetId: $d, userId: $u) { id } }',
    variants: {
      datasheet: { path: 'datasheetId', takes: 'datasheet', variables: (id, caller) => ({ d: id, u: caller.userId ?? randomUUID() }) },
      person: { path: 'userId', takes: 'user', variables: (id) => ({ d: DATASHEET_FIXTURE.a1Published, u: id }) },
    },
    field: 'nameDatasheetContact',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'datasheet', 'A1 published datasheet'], ['A1 ORG_ADMIN', 'person', 'A1 ORG_ADMIN']],
  },
  // Support access and offboarding (#18 items 9, 10): the operator asks, the tenant's administrator decides on its own tenant's.
  approveSupportAccess: {
    document: 'mutation($id: ID!) { approveSupportAccess(grantId: $id) { id } }',
    variants: { approve: { path: 'grantId', takes: 'supportGrant', variables: (id) => ({ id }) } },
    field: 'approveSupportAccess',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'approve', 'A support grant to approve']],
  },
  refuseSupportAccess: {
    document: 'mutation($id: ID!) { refuseSupportAccess(grantId: $id, reason: "not now") { id } }',
    variants: { refuse: { path: 'grantId', takes: 'supportGrant', variables: (id) => ({ id }) } },
    field: 'refuseSupportAccess',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'refuse', 'A support grant to refuse']],
  },
  endSupportAccess: {
    document: 'mutation($id: ID!) { endSupportAccess(grantId: $id) { id } }',
    variants: { end: { path: 'grantId', takes: 'supportGrant', variables: (id) => ({ id }) } },
    field: 'endSupportAccess',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'end', 'A running support grant']],
  },
  confirmTenantOffboarding: {
    document: 'mutation($id: ID!) { confirmTenantOffboarding(offboardingId: $id) { id } }',
    variants: { confirm: { path: 'offboardingId', takes: 'offboarding', variables: (id) => ({ id }) } },
    field: 'confirmTenantOffboarding',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'confirm', 'A offboarding']],
  },
  exportTenantArchive: {
    document: 'mutation($id: ID!) { exportTenantArchive(offboardingId: $id) { offboardingId records } }',
    variants: { export: { path: 'offboardingId', takes: 'offboarding', variables: (id) => ({ id }) } },
    field: 'exportTenantArchive',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    returnedId: (value) => value.offboardingId,
    controls: [['A staff TENANT_ADMIN', 'export', 'A offboarding']],
  },
  // After the confirmation and the export above (the controls run in this order): revokes the confirmation during the wait.
  declineTenantOffboarding: {
    document: 'mutation($id: ID!) { declineTenantOffboarding(offboardingId: $id, reason: "We are staying") { id } }',
    variants: { decline: { path: 'offboardingId', takes: 'offboarding', variables: (id) => ({ id }) } },
    field: 'declineTenantOffboarding',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: () => 'own',
    controls: [['A staff TENANT_ADMIN', 'decline', 'A offboarding']],
  },
  // Project certificates (COPRO §5c): the companies party to the project, and the tenant's staff.
  projectCertificate: {
    document: 'query($id: ID!) { projectCertificate(projectId: $id) { id } }',
    variants: { read: { path: 'projectId', takes: 'project', variables: (id) => ({ id }) } },
    field: 'projectCertificate',
    answers: 'record',
    allowed: anyone,
    reach: companyOrStaff,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 project'], ['A staff AUDITOR', 'read', 'A1 project']],
  },
  createProjectCertificate: {
    document: 'mutation($input: CreateProjectCertificateInput!) { createProjectCertificate(input: $input) { id } }',
    variants: {
      create: {
        path: 'input.parties.organisationId',
        takes: 'organisation',
        // The company looked up first: the caller's own party is checked for the disclosure notice after it,
        // so a member who never acknowledged it still gets the lookup's answer.
        variables: (id, caller) => ({ input: { reference: 'N49 lot 3', site: 'Zelzate', material: 'tar-containing asphalt', quantityTonnes: 10, parties: [
          { role: 'CONTRACTOR', organisationId: id }, { role: 'CLIENT', organisationId: caller.organisationId ?? randomUUID() }, { role: 'INTERMEDIATE_STORAGE', organisationId: caller.organisationId ?? randomUUID() },
        ] } }),
      },
    },
    field: 'createProjectCertificate',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    // Any company of the caller's own tenant may be named a party; another tenant's is not found.
    reach: () => 'own',
    controls: [['A1 ORG_ADMIN', 'create', 'company A2']],
  },
  nameProjectContact: {
    document: 'mutation($id: ID!, $u: ID!) { nameProjectContact(projectId: $id, role: CLIENT, userId: $u) { id } }',
    variants: {
      project: { path: 'projectId', takes: 'project', variables: (id, caller) => ({ id, u: caller.userId ?? randomUUID() }) },
      person: { path: 'userId', takes: 'user', variables: (id) => ({ id: DATASHEET_FIXTURE.a1Project, u: id }) },
    },
    field: 'nameProjectContact',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'project', 'A1 project'], ['A1 ORG_ADMIN', 'person', 'A1 ORG_ADMIN']],
  },
  issueProjectCertificate: {
    document: 'mutation($id: ID!) { issueProjectCertificate(projectId: $id) { id } }',
    variants: { issue: { path: 'projectId', takes: 'project', variables: (id) => ({ id }) } },
    field: 'issueProjectCertificate',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff CLERK', 'issue', 'A1 project']],
  },
  distributeProjectCertificate: {
    document: 'mutation($id: ID!) { distributeProjectCertificate(projectId: $id, target: "Central register") { id } }',
    variants: { distribute: { path: 'projectId', takes: 'project', variables: (id) => ({ id }) } },
    field: 'distributeProjectCertificate',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN),
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'distribute', 'A1 issued project']],
  },
  withdrawProjectCertificate: {
    document: 'mutation($id: ID!) { withdrawProjectCertificate(projectId: $id, reason: "Issued in error") { id } }',
    variants: { withdraw: { path: 'projectId', takes: 'project', variables: (id) => ({ id }) } },
    field: 'withdrawProjectCertificate',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    // After distributeProjectCertificate's control (the order of the table): withdrawn once distributed.
    controls: [['A staff CLERK', 'withdraw', 'A1 issued project']],
  },
  deleteProjectCertificateDraft: {
    document: 'mutation($id: ID!) { deleteProjectCertificateDraft(projectId: $id) }',
    variants: { delete: { path: 'projectId', takes: 'project', variables: (id) => ({ id }) } },
    field: 'deleteProjectCertificateDraft',
    answers: 'record',
    // The deleted draft's id.
    returnedId: (value) => value as unknown,
    allowed: holds(Role.ORG_ADMIN),
    // Each project here is opened by the company that is every party of it.
    reach: companyOnly,
    controls: [['A1 ORG_ADMIN', 'delete', 'A1 spare project draft']],
  },
  unpublishDatasheet: {
    document: 'mutation($id: ID!) { unpublishDatasheet(datasheetId: $id) { id } }',
    variants: { unpublish: { path: 'datasheetId', takes: 'datasheet', variables: (id) => ({ id }) } },
    field: 'unpublishDatasheet',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK),
    reach: () => 'own',
    controls: [['A staff CLERK', 'unpublish', 'A1 published datasheet']],
  },
  // Webhook targets: a company's administrator manages its ERP's, a tenant's administrator the tenant's own.
  webhookDeliveries: {
    document: 'query($id: ID!) { webhookDeliveries(webhookId: $id) { id subscriptionId } }',
    variants: { read: { path: 'webhookId', takes: 'webhook', variables: (id) => ({ id }) } },
    field: 'webhookDeliveries',
    answers: 'record',
    returnedId: (value) => (value as unknown as Array<{ subscriptionId: string }>)[0]?.subscriptionId,
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'read', "A1 ORG_ADMIN's webhook"], ['A staff TENANT_ADMIN', 'read', "A staff TENANT_ADMIN's webhook"]],
  },
  rotateWebhookSecret: {
    document: 'mutation($id: ID!) { rotateWebhookSecret(webhookId: $id) { webhook { id } } }',
    variants: { rotate: { path: 'webhookId', takes: 'webhook', variables: (id) => ({ id }) } },
    field: 'rotateWebhookSecret',
    answers: 'record',
    returnedId: (value) => (value as { webhook: { id: string } }).webhook.id,
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'rotate', "A1 ORG_ADMIN's webhook"], ['A staff TENANT_ADMIN', 'rotate', "A staff TENANT_ADMIN's webhook"]],
  },
  redeliverWebhook: {
    document: 'mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { id } }',
    variants: { redeliver: { path: 'deliveryId', takes: 'webhookDelivery', variables: (id) => ({ id }) } },
    field: 'redeliverWebhook',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'redeliver', "A1 ORG_ADMIN's dead letter"], ['A staff TENANT_ADMIN', 'redeliver', "A staff TENANT_ADMIN's dead letter"]],
  },
  deleteWebhook: {
    document: 'mutation($id: ID!) { deleteWebhook(webhookId: $id) { id } }',
    variants: { delete: { path: 'webhookId', takes: 'webhook', variables: (id) => ({ id }) } },
    field: 'deleteWebhook',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'delete', "A1 ORG_ADMIN's spare webhook"], ['A staff TENANT_ADMIN', 'delete', "A staff TENANT_ADMIN's spare webhook"]],
  },
  resetCompanyAdministratorSecondFactor: {
    document: 'mutation($input: ResetCompanyAdministratorSecondFactorInput!) { resetCompanyAdministratorSecondFactor(input: $input) { organisationId } }',
    variants: {
      reset: {
        path: 'input.organisationId', takes: 'organisation',
        variables: (id) => ({ input: { organisationId: id, email: COMPANY_ADMINISTRATORS[String(id).toLowerCase()] ?? 'nobody@example.test', reference: 'T3-RESET' } }),
      },
    },
    field: 'resetCompanyAdministratorSecondFactor',
    answers: 'record',
    allowed: holds(Role.TENANT_ADMIN),
    reach: companyOrStaff,
    returnedId: (value) => value.organisationId,
    controls: [['A staff TENANT_ADMIN', 'reset', 'company A3, its administrator without a second factor']],
  },
  disableUser: {
    document: 'mutation($id: ID!) { disableUser(userId: $id) { id } }',
    variants: { disable: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'disableUser',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.TENANT_ADMIN),
    reach: administered,
    controls: [['A1 ORG_ADMIN', 'disable', "A1 ORG_ADMIN's target"], ['A staff TENANT_ADMIN', 'disable', "A staff TENANT_ADMIN's target"]],
  },
};

// Certificates of origin (#16): a draft is its company's alone; the tenant's staff reach every other
// application and certificate of their tenant (what of them: T1), the companies only their own.
const CERTIFICATE_READERS = [Role.ORG_ADMIN, Role.ORG_MEMBER, Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.AUDITOR];
const isDraft = (record: KnownRecord) => record.label.endsWith(' draft');
/** Company users: their company's records; staff: the tenant's, drafts excepted. */
const certificateReach = (caller: Caller, record: KnownRecord): Reach =>
  caller.organisationId ? (record.organisationId === caller.organisationId ? 'own' : 'outside') : isDraft(record) ? 'outside' : 'skip';
/** The records a company's list (its own) or the chamber's (all but drafts) holds. */
const listedRecord = (caller: Caller, record: KnownRecord): Reach =>
  caller.organisationId ? (record.organisationId === caller.organisationId ? 'own' : 'outside') : isDraft(record) ? 'outside' : 'own';
const ownCompanyOnly = (caller: Caller, record: KnownRecord): Reach => (record.organisationId === caller.organisationId ? 'own' : 'outside');
/**
 * Set when the applications are made: each company's draft holding two supporting documents (by
 * company), and the second one (by application), so a call names a document on the caller's own
 * draft, or a draft with its own document.
 */
const SUPPORTING_DOCUMENTS = { draftOf: {} as Record<string, string>, secondOn: {} as Record<string, string> };
const staffStep = (caller: Caller, record: KnownRecord): Reach => (isDraft(record) ? 'outside' : 'skip');
let billingMonth = '';
const step = (operation: string, by: Role, control: [string, string, string], extra = ''): CallTemplate => ({
  document: `mutation($id: ID!) { ${operation}(applicationId: $id${extra}) { id } }`,
  variants: { [control[1]]: { path: 'applicationId', takes: 'application', variables: (id) => ({ id }) } },
  field: operation,
  answers: 'record',
  allowed: by === Role.CLERK ? holds(Role.CLERK) : holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
  reach: by === Role.CLERK ? staffStep : ownCompanyOnly,
  controls: [control],
});
Object.assign(CALL_TEMPLATES, {
  certificateApplication: {
    document: 'query($id: ID!) { certificateApplication(applicationId: $id) { id } }',
    variants: { read: { path: 'applicationId', takes: 'application', variables: (id) => ({ id }) } },
    field: 'certificateApplication',
    answers: 'record',
    allowed: holds(...CERTIFICATE_READERS),
    reach: certificateReach,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 draft'], ['A staff CLERK', 'read', 'A2 submitted']],
  },
  certificateApplications: {
    document: 'query($after: ID, $organisationId: ID) { certificateApplications(after: $after, organisationId: $organisationId) { id } }',
    variants: {
      cursor: { path: 'after', takes: 'application', variables: (id) => ({ after: id }) },
      company: { path: 'organisationId', takes: 'organisation', variables: (id) => ({ organisationId: id }) },
    },
    field: 'certificateApplications',
    answers: 'list',
    allowed: holds(...CERTIFICATE_READERS),
    // A company's list holds its own applications; the chamber's every one but drafts. Any other, as
    // the cursor, must answer like a missing one (an empty page), not tell where it stands. By company:
    // staff any of the tenant's, a company user its own; another's is an empty page.
    reach: (caller, record) => (record.kind === 'organisation' ? (caller.organisationId ? ownCompanyOnly(caller, record) : 'own') : listedRecord(caller, record)),
    controls: [['A1 ORG_MEMBER', 'cursor', 'A1 approved'], ['A staff CLERK', 'cursor', 'A1 submitted'], ['A staff CLERK', 'company', 'company A1'], ['A1 ORG_MEMBER', 'company', 'company A1']],
  },
  certificatesOfOrigin: {
    document: 'query($id: ID) { certificatesOfOrigin(after: $id) { id } }',
    variants: { cursor: { path: 'after', takes: 'certificate', variables: (id) => ({ id }) } },
    field: 'certificatesOfOrigin',
    answers: 'list',
    allowed: holds(...CERTIFICATE_READERS),
    reach: listedRecord,
    controls: [['A1 ORG_MEMBER', 'cursor', 'A1 certificate'], ['A staff AUDITOR', 'cursor', 'A2 certificate']],
  },
  certificateOfOrigin: {
    document: 'query($id: ID!) { certificateOfOrigin(certificateId: $id) { id } }',
    variants: { read: { path: 'certificateId', takes: 'certificate', variables: (id) => ({ id }) } },
    field: 'certificateOfOrigin',
    answers: 'record',
    allowed: holds(...CERTIFICATE_READERS),
    reach: certificateReach,
    controls: [['A1 ORG_MEMBER', 'read', 'A1 certificate'], ['A staff AUDITOR', 'read', 'A2 certificate']],
  },
  certificateBillableLines: {
    document: 'query($id: ID!, $month: String!) { certificateBillableLines(month: $month, organisationId: $id) { id } }',
    variants: { company: { path: 'organisationId', takes: 'organisation', variables: (id) => ({ id, month: billingMonth }) } },
    field: 'certificateBillableLines',
    answers: 'list',
    allowed: holds(Role.TENANT_ADMIN, Role.AUDITOR),
    reach: wholeTenant,
    controls: [['A staff TENANT_ADMIN', 'company', 'company A1']],
  },
  certificateProcessingStatistics: {
    document: 'query($id: ID!) { certificateProcessingStatistics(userId: $id) { userId } }',
    variants: { person: { path: 'userId', takes: 'user', variables: (id) => ({ id }) } },
    field: 'certificateProcessingStatistics',
    answers: 'list',
    allowed: holds(Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER),
    // The person's own, or anyone's of the tenant for its administrator (SPEC §2).
    reach: (caller, record) => (caller.roles.includes(Role.TENANT_ADMIN) || record.id === caller.userId ? 'own' : 'outside'),
    controls: [['A staff TENANT_ADMIN', 'person', 'A staff CLERK']],
  },
  createCertificateApplication: {
    document: 'mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { id startedFromApplicationId } }',
    variants: { from: { path: 'input.fromApplicationId', takes: 'application', variables: (id) => ({ input: { fromApplicationId: id, declarationAccepted: true } }) } },
    field: 'createCertificateApplication',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_MEMBER', 'from', 'A1 submitted']],
    returnedId: (value) => value.startedFromApplicationId,
  },
  updateCertificateApplication: {
    document: 'mutation($input: UpdateCertificateApplicationInput!) { updateCertificateApplication(input: $input) { id } }',
    variants: { edit: { path: 'input.applicationId', takes: 'application', variables: (id) => ({ input: { applicationId: id, remarks: 'Hijacked' } }) } },
    field: 'updateCertificateApplication',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_ADMIN', 'edit', 'A1 draft']],
  },
  // A file attached by mistake comes off a draft: the document on the caller's own draft, or any application with its document.
  removeSupportingDocument: {
    document: 'mutation($a: ID!, $d: ID!) { removeSupportingDocument(applicationId: $a, documentId: $d) { id } }',
    variants: {
      application: { path: 'applicationId', takes: 'application', variables: (id) => ({ a: id, d: SUPPORTING_DOCUMENTS.secondOn[id as string] ?? randomUUID() }) },
      document: { path: 'documentId', takes: 'supportingDocument', variables: (id, caller) => ({ a: SUPPORTING_DOCUMENTS.draftOf[caller.organisationId ?? ''] ?? randomUUID(), d: id }) },
    },
    field: 'removeSupportingDocument',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_ADMIN', 'document', 'A1 draft document'], ['A1 ORG_MEMBER', 'application', 'A1 documents draft']],
  },
  deleteCertificateApplicationDraft: {
    document: 'mutation($id: ID!) { deleteCertificateApplicationDraft(applicationId: $id) }',
    variants: { delete: { path: 'applicationId', takes: 'application', variables: (id) => ({ id }) } },
    field: 'deleteCertificateApplicationDraft',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_ADMIN', 'delete', 'A1 spare draft']],
  },
  removeSavedConsignee: {
    document: 'mutation($id: ID!) { removeSavedConsignee(consigneeId: $id) }',
    variants: { remove: { path: 'consigneeId', takes: 'consignee', variables: (id) => ({ id }) } },
    field: 'removeSavedConsignee',
    answers: 'record',
    answersAnotherRecord: true,
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_MEMBER', 'remove', 'A1 consignee']],
  },
  submitCertificateApplication: step('submitCertificateApplication', Role.ORG_ADMIN, ['A1 ORG_ADMIN', 'submit', 'A1 draft']),
  withdrawCertificateApplication: step('withdrawCertificateApplication', Role.ORG_ADMIN, ['A1 ORG_MEMBER', 'withdraw', 'A1 withdrawable']),
  claimCertificateApplication: step('claimCertificateApplication', Role.CLERK, ['A staff CLERK', 'claim', 'A1 submitted']),
  requestCertificateApplicationChanges: step('requestCertificateApplicationChanges', Role.CLERK, ['A staff CLERK', 'changes', 'A1 in review 1'], ', comment: "Please add the invoice"'),
  rejectCertificateApplication: step('rejectCertificateApplication', Role.CLERK, ['A staff CLERK', 'reject', 'A1 in review 2'], ', reason: "Not of Belgian origin"'),
  approveCertificateApplication: step('approveCertificateApplication', Role.CLERK, ['A staff CLERK', 'approve', 'A1 in review 3']),
  // The claiming clerk releases their claim; the tenant admin releases anyone's (a clerk who is away).
  releaseCertificateApplication: {
    ...step('releaseCertificateApplication', Role.CLERK, ['A staff CLERK', 'release', 'A1 in review 4']),
    allowed: holds(Role.CLERK, Role.TENANT_ADMIN),
    controls: [['A staff CLERK', 'release', 'A1 in review 4'], ['A staff TENANT_ADMIN', 'release', 'A1 in review 5']],
  },
  signCertificate: {
    document: 'mutation($id: ID!, $key: String!) { signCertificate(applicationId: $id, idempotencyKey: $key) { id applicationId } }',
    variants: { sign: { path: 'applicationId', takes: 'application', variables: (id) => ({ id, key: `t3-${randomUUID()}` }) } },
    field: 'signCertificate',
    answers: 'record',
    allowed: holds(Role.SIGNER),
    reach: staffStep,
    controls: [['A staff SIGNER', 'sign', 'A1 approved']],
    returnedId: (value) => value.applicationId,
  },
  requestCertificateCopy: {
    document: 'mutation($id: ID!) { requestCertificateCopy(certificateId: $id) { id certificateId } }',
    variants: { copy: { path: 'certificateId', takes: 'certificate', variables: (id) => ({ id }) } },
    field: 'requestCertificateCopy',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_ADMIN', 'copy', 'A1 certificate']],
    returnedId: (value) => value.certificateId,
  },
  replaceCertificate: {
    document: 'mutation($id: ID!) { replaceCertificate(certificateId: $id) { id replacesCertificateId } }',
    variants: { replace: { path: 'certificateId', takes: 'certificate', variables: (id) => ({ id }) } },
    field: 'replaceCertificate',
    answers: 'record',
    allowed: holds(Role.ORG_ADMIN, Role.ORG_MEMBER),
    reach: ownCompanyOnly,
    controls: [['A1 ORG_ADMIN', 'replace', 'A1 certificate']],
    returnedId: (value) => value.replacesCertificateId,
  },
  revokeCertificate: {
    document: 'mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { id } }',
    variants: { revoke: { path: 'certificateId', takes: 'certificate', variables: (id) => ({ id }) } },
    field: 'revokeCertificate',
    answers: 'record',
    allowed: holds(Role.SIGNER),
    reach: () => 'skip',
    controls: [['A staff SIGNER', 'revoke', 'A1 certificate']],
  },
} satisfies Record<string, CallTemplate>);

/**
 * The platform operator's own operations: no tenant user passes their role rule, so the sweep above
 * (tenant A's users as callers) has nobody to try them with. Their object-level checks are tested
 * where the operator is the caller, named here; a new operator operation needs such a test and a line.
 */
const OPERATOR_OPERATIONS: Record<string, string> = {
  supportAccounts: "test/privacy/support-access.e2e-spec.ts: no grant, a pending, refused, ended or expired grant, another operator's grant and another tenant's grant open nothing",
  supportOrganisations: "test/privacy/support-access.e2e-spec.ts: before approval and after the end time nothing opens, and a grant of tenant B shows none of A's companies",
  supportCertificateApplications: "test/privacy/support-access.e2e-spec.ts: before approval and after the end time nothing opens, and a grant of tenant B lists none of A's applications",
  supportCertificateApplication: "test/privacy/support-access.e2e-spec.ts: under a grant of tenant B, A's application is NOT_FOUND, and a draft of the grant's own tenant is NOT_FOUND too",
  supportDatasheets: "test/privacy/support-access.e2e-spec.ts: before approval and after the end time nothing opens, and a grant of tenant B shows none of A's datasheets",
  requestSupportAccess: 'takes any tenant by design (the operator asks); test/privacy/support-access.e2e-spec.ts: an unknown tenant is refused, and nothing opens before that tenant approves',
  requestTenantOffboarding: "takes any tenant by design (the operator files); nothing happens before that tenant's administrator confirms (test/privacy/tenant-offboarding.e2e-spec.ts)",
  destroyTenant: 'test/privacy/tenant-offboarding.e2e-spec.ts: refused before confirmation, before the export and inside the waiting period',
  inviteTenantAdministrator: "takes any tenant by design (the operator invites an administrator where there is none); test/identity/tenant-directory.e2e-spec.ts: an unknown tenant is NOT_FOUND, and a tenant with an active administrator is refused (CONFLICT) with nothing written",
  resetTenantAdministratorSecondFactor: "takes any tenant by design (the operator resets the second factor of a tenant's only administrator); test/identity/administrator-second-factor-reset.e2e-spec.ts: another tenant's administrator or a clerk is NOT_FOUND, a tenant with another active administrator is refused (CONFLICT) with nothing changed",
  platformLogCheckpoints: "the platform's own checkpoints, listed in platform scope (row-level security); test/audit/platform-audit-log.e2e-spec.ts: a tenant's checkpoint id or an unknown id as cursor gives an empty page, and tenant admins and auditors are FORBIDDEN",
  withdrawTenantOffboarding: "takes any tenant's departure by design (the operator files and withdraws); test/privacy/tenant-offboarding-withdrawal.e2e-spec.ts: another tenant's administrator is refused, a withdrawn or destroyed one is refused with a stable reason",
};

/** Kinds whose ids are numbers (bigserial), not uuids. */
const NUMBERED_KINDS: readonly RecordKind[] = ['accessEntry', 'logCheckpoint'];

/** An id of the right shape that names nothing. */
function randomIdOf(kind: RecordKind): string {
  return NUMBERED_KINDS.includes(kind) ? String(9_000_000_000 + Math.floor(Math.random() * 1_000_000_000)) : randomUUID();
}

/** Ids that are not ids of that kind: refused by validation, never a 5xx, never a success. */
function malformedIdsOf(kind: RecordKind): unknown[] {
  const common = ["' OR '1'='1", '', 'x'.repeat(5000), '../../etc/passwd'];
  return NUMBERED_KINDS.includes(kind)
    ? [...common, 'not-a-number', '-1', '0', '1e3', '1'.repeat(30), randomUUID()]
    : [...common, 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', `{${randomUUID()}}`, 12345];
}

// ---------------------------------------------------------------------------------------------
// Introspection: every operation with an argument of type ID, or an input object holding one.
// ---------------------------------------------------------------------------------------------

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args?: Array<{ name: string; type: TypeRef }>;
  type?: TypeRef;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

function namedType(type: TypeRef): TypeRef {
  let current = type;
  while (current.ofType) current = current.ofType;
  return current;
}

async function idTakingOperations(app: TestApp): Promise<Array<{ operation: string; via: string }>> {
  const roots = expectData(
    await app.graphql<{ __schema: { queryType: { name: string }; mutationType: { name: string } | null } }>(
      '{ __schema { queryType { name } mutationType { name } } }',
    ),
  ).__schema;
  const inputTypes = expectData(
    await app.graphql<{ __schema: { types: Array<{ name: string; kind: string; inputFields: IntrospectedField[] | null }> } }>(
      `{ __schema { types { name kind inputFields { name type { ${TYPE_REF} } } } } }`,
    ),
  ).__schema.types.filter((t) => t.kind === 'INPUT_OBJECT');
  const inputs = new Map(inputTypes.map((t) => [t.name, t.inputFields ?? []]));

  // Every path to an ID inside an argument. Names that say "id" count too, whatever the scalar.
  const idPaths = (name: string, type: TypeRef, seen: Set<string>): string[] => {
    const named = namedType(type);
    if (named.name === 'ID' || /(^id$|Id$|Ids$)/.test(name)) return [name];
    if (named.kind === 'INPUT_OBJECT' && named.name && !seen.has(named.name)) {
      return (inputs.get(named.name) ?? []).flatMap((field) => idPaths(field.name, field.type!, new Set([...seen, named.name!])).map((inner) => `${name}.${inner}`));
    }
    return [];
  };

  const found: Array<{ operation: string; via: string }> = [];
  for (const root of [roots.queryType.name, roots.mutationType?.name].filter((n): n is string => Boolean(n))) {
    const fields = expectData(
      await app.graphql<{ __type: { fields: IntrospectedField[] } }>(
        `query($name: String!) { __type(name: $name) { fields { name args { name type { ${TYPE_REF} } } } } }`,
        { name: root },
      ),
    ).__type.fields;
    for (const field of fields) {
      for (const arg of field.args ?? []) {
        for (const via of idPaths(arg.name, arg.type, new Set())) found.push({ operation: field.name, via });
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

type Category = 'other tenant' | 'other tenant (upper-case id)' | 'other company' | 'own tenant, outside scope' | 'pending registration' | 'platform' | 'deleted' | 'random' | 'malformed';

function categoryFor(template: CallTemplate, caller: Caller, record: KnownRecord): Category | 'own' | 'skip' {
  if (record.tenantId === null) {
    const reach = template.platformReach?.(caller) ?? 'outside';
    return reach === 'outside' ? 'platform' : reach;
  }
  if (record.tenantId !== caller.tenantId) return 'other tenant';
  if (record.pending) {
    const reach = template.pendingReach?.(caller) ?? 'outside';
    return reach === 'outside' ? 'pending registration' : reach;
  }
  const reach = template.reach(caller, record);
  if (reach !== 'outside') return reach;
  return caller.organisationId && record.organisationId && record.organisationId !== caller.organisationId ? 'other company' : 'own tenant, outside scope';
}

/** The whole answer, minus where in the document the error points. */
function answerOf(response: GraphQLResponse): unknown {
  return {
    status: response.status,
    data: response.data ?? null,
    errors: (response.errors ?? []).map(({ locations: _l, path: _p, ...rest }: Record<string, unknown>) => rest),
  };
}

/** A record came back, or a non-empty page (a foreign id must give what a missing one gives: nothing). */
function succeeded(response: GraphQLResponse, field: string): boolean {
  const value = (response.data as Record<string, unknown> | null | undefined)?.[field];
  return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

/**
 * The per-address rate limit (600 operations a minute from one address) is not what this suite is
 * about — its own test covers it — and thousands of calls from 127.0.0.1 would otherwise be answered
 * TOO_MANY_REQUESTS, neither a success nor comparable. The limiter stays in place and counts nothing.
 */
const UNLIMITED_RATE = { increment: async () => ({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 }) };

describe('T3 object-level access: ids of other tenants, companies and scopes', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let tenantA: TestTenant;
  let tenantB: TestTenant;
  const companies: Record<string, TestOrganisation> = {};
  const records: KnownRecord[] = [];
  const callers: Caller[] = [];
  const deletedIds: Record<RecordKind, string[]> = { user: [], apiKey: [], organisation: [], accessEntry: [], session: [], invitation: [], processingActivity: [], breach: [], subProcessor: [], subProcessorChange: [], policyVersion: [], application: [], certificate: [], dataSubjectRequest: [], legalHold: [], supportingDocument: [], consignee: [], product: [], datasheet: [], version: [], attachment: [], webhook: [], webhookDelivery: [], project: [], supportGrant: [], offboarding: [], logCheckpoint: [] };
  /** Tenant B's people, who make tenant B's records (they are not callers). */
  const otherCallers: Caller[] = [];
  /** Every caller made, tenant B's too (only tenant A's call the operations). */
  const allCallers: Caller[] = [];
  let operations: string[];
  /** Every tenant's staff as callers (B's are not among `callers`: they make B's records). */
  const staffCallers: Record<string, Caller> = {};

  const addUser = (user: TestUser, label: string) =>
    records.push({ kind: 'user', id: user.id, label, tenantId: user.tenantId, organisationId: user.organisationId });
  const byLabel = (label: string) => callers.find((c) => c.label === label) ?? fail(`no caller ${label}`);
  const recordByLabel = (kind: RecordKind, label: string) => records.find((r) => r.kind === kind && r.label === label) ?? fail(`no ${kind} ${label}`);
  function fail(message: string): never {
    throw new Error(message);
  }

  async function createApiKey(caller: Caller, label: string): Promise<{ secret: string; record: KnownRecord }> {
    const { createApiKey: created } = expectData(
      await app.graphql<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
        { input: { name: label } },
        caller.options,
      ),
    );
    const [row] = await app.asOwner(async (db) => (await db.query('SELECT tenant_id, organisation_id FROM api_key WHERE id = $1', [created.apiKey.id])).rows);
    const record: KnownRecord = { kind: 'apiKey', id: created.apiKey.id, label, tenantId: row.tenant_id, organisationId: row.organisation_id };
    records.push(record);
    return { secret: created.secret, record };
  }

  async function userCaller(user: TestUser, label: string): Promise<Caller> {
    const session = await factory.login(user);
    return { label, tenantId: user.tenantId!, organisationId: user.organisationId, roles: user.roles, userId: user.id, options: { token: session.accessToken } };
  }

  /** Entries of the personal-data access log: staff reading people's data (written by the app itself). */
  async function recordAccessEntries(tenant: TestTenant, prefix: string, clerk: Caller): Promise<void> {
    const people = records.filter((r) => r.kind === 'user' && r.tenantId === tenant.id && r.organisationId !== null);
    for (const person of [...people, ...people]) {
      await app.graphql('query($id: ID!) { user(id: $id) { id email phone } }', { id: person.id }, clerk.options);
    }
    await app.asOwner(async (db) => {
      // Should the log not be written by reads (yet), the owner writes what it would hold.
      const { rowCount } = await db.query('SELECT 1 FROM personal_data_access WHERE tenant_id = $1', [tenant.id]);
      if (!rowCount) {
        for (const person of [...people, ...people]) {
          await db.query(
            `INSERT INTO personal_data_access (tenant_id, occurred_at, accessor_kind, accessor_id, accessor_roles, subject_type, subject_id, categories, fields, operation)
             VALUES ($1, clock_timestamp(), 'user', $2, '{CLERK}', 'user', $3, '{contact}', '{User.email}', 'user')`,
            [tenant.id, clerk.userId, person.id],
          );
        }
      }
      const rows = (await db.query('SELECT id::text AS id, subject_id FROM personal_data_access WHERE tenant_id = $1 ORDER BY occurred_at DESC, id DESC', [tenant.id])).rows as Array<{ id: string; subject_id: string }>;
      rows.forEach((row, i) =>
        records.push({ kind: 'accessEntry', id: row.id, label: i === 0 ? `${prefix} newest access entry` : `${prefix} access entry ${row.id}`, tenantId: tenant.id, organisationId: null, subjectId: row.subject_id }),
      );
    });
  }

  /** A pending invitation of a company (or of a tenant's staff), written as inviteUser writes it. */
  async function addInvitation(tenantId: string, organisationId: string | null, invitedBy: string, label: string): Promise<string> {
    const id = await app.asOwner(async (db) => (await db.query(
      `INSERT INTO invitation (tenant_id, organisation_id, email, roles, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, gen_random_bytes(32), $5, now() + interval '7 days') RETURNING id`,
      [tenantId, organisationId, `invitee-${randomUUID().slice(0, 8)}@example.test`, organisationId ? '{ORG_MEMBER}' : '{CLERK}', invitedBy],
    )).rows[0].id as string);
    records.push({ kind: 'invitation', id, label, tenantId, organisationId });
    return id;
  }

  const started = useTestApp({ env: { LOG_LEVEL: 'silent' }, customize: (builder) => builder.overrideProvider(ThrottlerStorage).useValue(UNLIMITED_RATE) });
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    // Chambers and certification bodies both (a tenant can be both): every kind of key and record exists in each.
    tenantA = await factory.tenant({ kinds: [TenantKind.CHAMBER_OF_COMMERCE, TenantKind.CERTIFICATION_BODY] });
    tenantB = await factory.tenant({ kinds: [TenantKind.CHAMBER_OF_COMMERCE, TenantKind.CERTIFICATION_BODY] });

    // Two tenants, two companies each, a user of every role; tenant A's users are the callers.
    for (const [tenant, prefix] of [[tenantA, 'A'], [tenantB, 'B']] as const) {
      for (const n of [1, 2]) {
        const company = await factory.organisation(tenant, { name: `Company ${prefix}${n}` });
        companies[`${prefix}${n}`] = company;
        records.push({ kind: 'organisation', id: company.id, label: `company ${prefix}${n}`, tenantId: tenant.id, organisationId: company.id });
        for (const role of [Role.ORG_ADMIN, Role.ORG_MEMBER]) {
          const user = await factory.user({ tenant, organisation: company, roles: [role] });
          if (role === Role.ORG_ADMIN) COMPANY_ADMINISTRATORS[company.id] = user.email;
          addUser(user, `${prefix}${n} ${role}`);
          const caller = await userCaller(user, `${prefix}${n} ${role}`);
          allCallers.push(caller);
          if (prefix === 'A') callers.push(caller);
          else otherCallers.push(caller);
          if (prefix === 'B' && role === Role.ORG_ADMIN) await createApiKey(caller, `B${n} ERP key`);
        }
      }
      let clerk: Caller | undefined;
      for (const role of [Role.TENANT_ADMIN, Role.CLERK, Role.SIGNER, Role.PRIVACY_OFFICER, Role.AUDITOR]) {
        const user = await factory.user({ tenant, roles: [role] });
        addUser(user, `${prefix} staff ${role}`);
        const caller = await userCaller(user, `${prefix} staff ${role}`);
        allCallers.push(caller);
        if (prefix === 'A') callers.push(caller);
        else otherCallers.push(caller);
        staffCallers[`${prefix} staff ${role}`] = caller;
        if (role === Role.TENANT_ADMIN && prefix === 'B') await createApiKey(caller, 'B feed key');
        if (role === Role.CLERK) clerk = caller;
      }
      await recordAccessEntries(tenant, prefix, clerk!);
    }
    addUser(await factory.user({ roles: [Role.PLATFORM_ADMIN] }), 'platform operator');
    // The signed heads of both tenants' logs (and the platform's), as the worker signs them.
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(LogCheckpointJob).handle());
    for (const [prefix, tenant] of [['A', tenantA], ['B', tenantB]] as const) {
      const rows = (await app.asOwner((db) => db.query('SELECT id::text AS id FROM log_checkpoint WHERE tenant_id = $1 ORDER BY id DESC', [tenant.id]))).rows as Array<{ id: string }>;
      rows.forEach((row, i) => records.push({ kind: 'logCheckpoint', id: row.id, label: i === 0 ? `${prefix} newest checkpoint` : `${prefix} checkpoint ${row.id}`, tenantId: tenant.id, organisationId: null }));
    }

    // Tenant A's keys, also used as callers (x-api-key): the ERP keys of A1 and A2, the tenant's feed key.
    for (const [label, keyLabel] of [['A1 ORG_ADMIN', 'A1 ERP key'], ['A2 ORG_ADMIN', 'A2 ERP key'], ['A staff TENANT_ADMIN', 'A feed key']] as const) {
      const { secret, record } = await createApiKey(byLabel(label), keyLabel);
      callers.push({ label: `${keyLabel} (x-api-key)`, tenantId: tenantA.id, organisationId: record.organisationId, roles: [], options: { headers: { 'x-api-key': secret } } });
    }
    // Own-scope targets of the positive controls (the changes happen to these, not to the callers).
    for (const [label, organisation, role] of [['A1 ORG_ADMIN', companies.A1, Role.ORG_MEMBER], ['A staff TENANT_ADMIN', undefined, Role.CLERK]] as const) {
      addUser(await factory.user({ tenant: tenantA, organisation, roles: [role] }), `${label}'s target`);
      await createApiKey(byLabel(label), `${label}'s own key`);
    }

    // A company whose only administrator lost their second factor: resetCompanyAdministratorSecondFactor's control resets it.
    const companyA3 = await factory.organisation(tenantA, { name: 'Company A3' });
    records.push({ kind: 'organisation', id: companyA3.id, label: 'company A3, its administrator without a second factor', tenantId: tenantA.id, organisationId: companyA3.id });
    COMPANY_ADMINISTRATORS[companyA3.id] = (await factory.user({ tenant: tenantA, organisation: companyA3, roles: [Role.ORG_ADMIN], withTotp: true })).email;

    // A company registered with tenant A and not confirmed yet: anyone can make one (its id is in the
    // tenant's audit log). Every operation answers its id as a missing one, to every caller.
    const registrant = `registrant-${randomUUID().slice(0, 8)}@example.test`;
    expectData(await app.graphql('mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { tenant { slug } } }', {
      input: {
        tenantSlug: tenantA.slug, vatNumber: 'BE0123.456.749', name: 'Pending Registration NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
        country: 'BE', phone: '+3232322219', email: 'info@pending.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD', acknowledgedContactDisclosureNotice: CONTACT_DISCLOSURE_NOTICE.version,
        administrator: { firstName: 'Rita', lastName: 'Registrant', email: registrant, password: 'a long enough passphrase 42', preferredLanguage: 'en' },
      },
    }));
    const pendingId = await app.asOwner(async (db) => (await db.query('SELECT organisation_id AS id FROM user_account WHERE email = $1', [registrant])).rows[0].id as string);
    records.push({ kind: 'organisation', id: pendingId, label: 'a pending registration', tenantId: tenantA.id, organisationId: pendingId, pending: true });
    COMPANY_ADMINISTRATORS[pendingId] = registrant;

    // Pending invitations of every company and of both tenants' staff; the own ones are revoked by the controls.
    for (const inviter of records.filter((r) => r.kind === 'user' && (r.label.endsWith(Role.ORG_ADMIN) || r.label.endsWith(Role.TENANT_ADMIN)))) {
      await addInvitation(inviter.tenantId!, inviter.organisationId, inviter.id, `${inviter.label}'s invitation`);
    }
    // Targets of enableUser's controls: disabled colleagues of the two administrators.
    for (const [label, organisation, role] of [['A1 ORG_ADMIN', companies.A1, Role.ORG_MEMBER], ['A staff TENANT_ADMIN', undefined, Role.CLERK]] as const) {
      const colleague = await factory.user({ tenant: tenantA, organisation, roles: [role] });
      await app.asOwner((db) => db.query(`UPDATE user_account SET status = 'DISABLED' WHERE id = $1`, [colleague.id]));
      addUser(colleague, `${label}'s disabled colleague`);
    }
    // The controls' targets have a second factor, which resetSecondFactor's controls remove (only its presence matters).
    await app.asOwner((db) => db.query(`UPDATE user_account SET totp_secret = 'not read by this test', totp_enrolled_at = now() WHERE id = ANY($1)`,
      [records.filter((r) => r.label.endsWith("'s target")).map((r) => r.id)]));

    // Records that existed once, in company A1 (the closest to the callers), then deleted.
    const doomedUser = await factory.user({ tenant: tenantA, organisation: companies.A1, roles: [Role.ORG_MEMBER] });
    const doomedKey = (await createApiKey(byLabel('A1 ORG_ADMIN'), 'doomed key')).record;
    records.splice(records.indexOf(doomedKey), 1);
    const doomedCompany = await factory.organisation(tenantA);
    await app.asOwner(async (db) => {
      await db.query('DELETE FROM user_role WHERE user_id = $1', [doomedUser.id]);
      await db.query('DELETE FROM user_account WHERE id = $1', [doomedUser.id]);
      await db.query('DELETE FROM api_key WHERE id = $1', [doomedKey.id]);
      await db.query('DELETE FROM organisation WHERE id = $1', [doomedCompany.id]);
      const [entry] = (await db.query(
        // Linked to the end of the tenant's chain (the log is chained), then removed.
        `INSERT INTO personal_data_access (tenant_id, occurred_at, accessor_kind, accessor_roles, subject_type, subject_id, categories, fields, operation, sequence, previous_hash, hash)
         SELECT $1, now(), 'user', '{CLERK}', 'user', $2, '{contact}', '{User.email}', 'user', coalesce(max(sequence), 0) + 1,
                (SELECT hash FROM personal_data_access WHERE tenant_id = $1 ORDER BY sequence DESC NULLS LAST LIMIT 1), sha256('doomed')
         FROM personal_data_access WHERE tenant_id = $1 RETURNING id::text AS id`,
        [tenantA.id, doomedUser.id],
      )).rows;
      await db.query('DELETE FROM personal_data_access WHERE id = $1', [entry.id]);
      deletedIds.accessEntry.push(entry.id);
      const [checkpoint] = (await db.query(
        `INSERT INTO log_checkpoint (tenant_id, chain, sequence, head_hash, checkpointed_at, signing_key_id, signature)
         SELECT tenant_id, chain, sequence + 1000, head_hash, now(), signing_key_id, signature FROM log_checkpoint WHERE tenant_id = $1 ORDER BY id DESC LIMIT 1 RETURNING id::text AS id`,
        [tenantA.id],
      )).rows;
      await db.query('DELETE FROM log_checkpoint WHERE id = $1', [checkpoint.id]);
      deletedIds.logCheckpoint.push(checkpoint.id);
    });
    deletedIds.user.push(doomedUser.id);
    deletedIds.apiKey.push(doomedKey.id);
    deletedIds.organisation.push(doomedCompany.id);
    const doomedInvitation = await addInvitation(tenantA.id, companies.A1!.id, byLabel('A1 ORG_ADMIN').userId!, 'doomed invitation');
    records.splice(records.findIndex((r) => r.id === doomedInvitation), 1);
    await app.asOwner((db) => db.query('DELETE FROM invitation WHERE id = $1', [doomedInvitation]));
    deletedIds.invitation.push(doomedInvitation);

    // A second session of one caller, which the positive control of endMySession ends.
    const a1Member = records.find((r) => r.kind === 'user' && r.label === 'A1 ORG_MEMBER')!;
    const spare = await app.asOwner(async (db) => (await db.query(`INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at) VALUES ($1, $2, now(), now(), now() + interval '1 day') RETURNING id`, [tenantA.id, a1Member.id])).rows[0].id as string);
    // The newest access-log entry about that caller, a cursor of their own log.
    const ownEntry = records.find((r) => r.kind === 'accessEntry' && r.subjectId === a1Member.id)!;
    ownEntry.label = "A1 ORG_MEMBER's newest access entry";
    // Every login session so far (the callers' own included): a session id is the target of endMySession.
    await app.asOwner(async (db) => {
      const sessions = (await db.query('SELECT s.id, s.tenant_id, s.user_id, u.organisation_id FROM auth_session s JOIN user_account u ON u.id = s.user_id')).rows as Array<{ id: string; tenant_id: string | null; user_id: string; organisation_id: string | null }>;
      sessions.forEach((row) => records.push({ kind: 'session', id: row.id, label: row.id === spare ? "A1 ORG_MEMBER's spare session" : `session ${row.id}`, tenantId: row.tenant_id, organisationId: row.organisation_id, subjectId: row.user_id }));
      const { rows } = await db.query(`INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at) SELECT tenant_id, id, now(), now(), now() FROM user_account WHERE tenant_id = $1 LIMIT 1 RETURNING id`, [tenantA.id]);
      await db.query('DELETE FROM auth_session WHERE id = $1', [rows[0].id]);
      deletedIds.session.push(rows[0].id);
    });

    // The privacy office's records of both tenants and the platform, made through the API.
    const as = async <T>(caller: Caller, query: string, variables: Record<string, unknown> = {}) => expectData(await app.graphql<T>(query, variables, caller.options));
    const operatorUser = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const operatorCaller = await userCaller(operatorUser, 'platform operator (privacy office)');
    const ACTIVITY = { name: 'Newsletter', purpose: 'x', legalBasis: 'consent', dataSubjects: ['subscribers'], dataCategories: ['contact'], transfers: 'None', retention: 'x', securityMeasures: 'x' };
    for (const prefix of ['A', 'B'] as const) {
      const officer = staffCallers[`${prefix} staff PRIVACY_OFFICER`]!;
      const tenantId = prefix === 'A' ? tenantA.id : tenantB.id;
      const push = (kind: RecordKind, id: string, label: string) => records.push({ kind, id, label: `${prefix} ${label}`, tenantId, organisationId: null });
      push('processingActivity', (await as<{ addProcessingActivity: { id: string } }>(officer, 'mutation($i: AddProcessingActivityInput!) { addProcessingActivity(input: $i) { id } }', { i: ACTIVITY })).addProcessingActivity.id, 'processing activity');
      push('breach', (await as<{ registerBreach: { id: string } }>(officer, 'mutation($i: RegisterBreachInput!) { registerBreach(input: $i) { id } }', {
        i: { reference: `${prefix}-1`, nature: 'x', becameAwareAt: new Date(0).toISOString(), dataCategories: ['contact'], involvesAllOrganisations: true, likelyConsequences: 'x', measures: 'x', notifiable: true, highRisk: true },
      })).registerBreach.id, 'breach');
      push('policyVersion', (await as<{ publishPrivacyPolicy: { id: string } }>(officer, 'mutation { publishPrivacyPolicy(input: { title: "t", summary: "s", body: "b" }) { id } }')).publishPrivacyPolicy.id, 'policy version');
    }
    // Support grants the operator asked of both tenants (A's: one to approve, one to refuse, one running), and an offboarding filed for each.
    for (const [prefix, tenantId, labels] of [['A', tenantA.id, ['support grant to approve', 'support grant to refuse', 'running support grant']], ['B', tenantB.id, ['support grant']]] as const) {
      for (const label of labels) {
        const { requestSupportAccess } = await as<{ requestSupportAccess: { id: string } }>(operatorCaller,
          'mutation($i: RequestSupportAccessInput!) { requestSupportAccess(input: $i) { id } }', { i: { tenantId, purpose: 'Diagnose a failed import of applications', durationMinutes: 60 } });
        records.push({ kind: 'supportGrant', id: requestSupportAccess.id, label: `${prefix} ${label}`, tenantId, organisationId: null });
      }
      const { requestTenantOffboarding } = await as<{ requestTenantOffboarding: { id: string } }>(operatorCaller, 'mutation($t: ID!) { requestTenantOffboarding(tenantId: $t) { id } }', { t: tenantId });
      records.push({ kind: 'offboarding', id: requestTenantOffboarding.id, label: `${prefix} offboarding`, tenantId, organisationId: null });
    }
    const running = records.find((r) => r.label === 'A running support grant')!;
    await as(staffCallers['A staff TENANT_ADMIN']!, 'mutation($id: ID!) { approveSupportAccess(grantId: $id) { id } }', { id: running.id });

    const announceAddition = (caller: Caller) => as<{ announceSubProcessorChange: { id: string; subProcessorId: string } }>(caller,
      'mutation($i: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $i) { id subProcessorId } }',
      { i: { kind: 'ADDITION', description: 'x', effectiveAt: new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString(), newSubProcessor: { name: 'ScanCo', service: 'scanning', location: 'NL' } } });
    for (const [label, caller, tenantId] of [['A', staffCallers['A staff PRIVACY_OFFICER']!, tenantA.id], ['B', staffCallers['B staff TENANT_ADMIN']!, tenantB.id], ['platform', operatorCaller, null]] as const) {
      const change = (await announceAddition(caller)).announceSubProcessorChange;
      records.push({ kind: 'subProcessorChange', id: change.id, label: `${label} sub-processor change`, tenantId, organisationId: null });
      records.push({ kind: 'subProcessor', id: change.subProcessorId, label: `${label} sub-processor`, tenantId, organisationId: null });
    }
    const gone = (await as<{ addProcessingActivity: { id: string } }>(staffCallers['A staff PRIVACY_OFFICER']!, 'mutation($i: AddProcessingActivityInput!) { addProcessingActivity(input: $i) { id } }', { i: ACTIVITY })).addProcessingActivity.id;
    await as(staffCallers['A staff PRIVACY_OFFICER']!, 'mutation($id: ID!) { removeProcessingActivity(id: $id) { id } }', { id: gone });
    deletedIds.processingActivity.push(gone);
    // Certificate applications in every state and certificates, of A1, A2 and B1, made by their people through the API.
    const certificatesOf = new CertificateFactory(app);
    const person = (label: string) => [...callers, ...otherCallers].find((c) => c.label === label)?.options.token ?? fail(`no token of ${label}`);
    billingMonth = app.clock.now().toISOString().slice(0, 7);
    for (const company of ['A1', 'A2', 'B1'] as const) {
      const tenantId = company.startsWith('A') ? tenantA.id : tenantB.id;
      const organisationId = companies[company]!.id;
      const [exporter, clerk, signer] = [person(`${company} ORG_ADMIN`), person(`${company[0]} staff CLERK`), person(`${company[0]} staff SIGNER`)];
      const add = (kind: RecordKind, id: string, label: string) => records.push({ kind, id, label: `${company} ${label}`, tenantId, organisationId });
      add('application', (await certificatesOf.create(exporter)).id, 'draft');
      // A draft with two supporting documents (removeSupportingDocument), a spare draft to delete, a saved consignee.
      const withDocuments = (await certificatesOf.create(exporter)).id;
      const attach = async (applicationId: string) => {
        const response = await app.http().post(`/certificate-applications/${applicationId}/documents`).set('authorization', `Bearer ${exporter}`)
          .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
        if (response.status !== 201) fail(`supporting document of ${company}: ${response.status} ${response.text}`);
        return (response.body as { supportingDocuments: Array<{ id: string }> }).supportingDocuments.at(-1)!.id;
      };
      add('application', withDocuments, 'documents draft');
      add('supportingDocument', await attach(withDocuments), 'draft document');
      SUPPORTING_DOCUMENTS.draftOf[organisationId] = withDocuments;
      SUPPORTING_DOCUMENTS.secondOn[withDocuments] = await attach(withDocuments);
      add('application', (await certificatesOf.create(exporter)).id, 'spare draft');
      const saved = await certificatesOf.gql<{ saveConsignee: { id: string } }>('mutation($i: ConsigneeInput!) { saveConsignee(input: $i) { id } }', { i: { name: `${company} Harbour Imports`, address: '1 Dock Road', country: 'GB' } }, exporter);
      add('consignee', expectData(saved).saveConsignee.id, 'consignee');
      if (company === 'A1') {
        // Removed ones: their ids answer as missing ones.
        const gone = await attach(withDocuments);
        expectData(await certificatesOf.gql('mutation($a: ID!, $d: ID!) { removeSupportingDocument(applicationId: $a, documentId: $d) { id } }', { a: withDocuments, d: gone }, exporter));
        deletedIds.supportingDocument.push(gone);
        const removed = expectData(await certificatesOf.gql<{ saveConsignee: { id: string } }>('mutation($i: ConsigneeInput!) { saveConsignee(input: $i) { id } }', { i: { name: 'Gone Ltd', address: '2 Dock Road', country: 'GB' } }, exporter)).saveConsignee.id;
        expectData(await certificatesOf.gql('mutation($id: ID!) { removeSavedConsignee(consigneeId: $id) }', { id: removed }, exporter));
        deletedIds.consignee.push(removed);
      }
      const submitted = await certificatesOf.create(exporter);
      await certificatesOf.step('submitCertificateApplication', submitted.id, exporter);
      add('application', submitted.id, 'submitted');
      // One the company withdraws (the positive control of withdrawCertificateApplication).
      const withdrawable = await certificatesOf.create(exporter);
      await certificatesOf.step('submitCertificateApplication', withdrawable.id, exporter);
      add('application', withdrawable.id, 'withdrawable');
      for (const n of [1, 2, 3, 4, 5]) {
        const inReview = await certificatesOf.create(exporter);
        await certificatesOf.step('submitCertificateApplication', inReview.id, exporter);
        await certificatesOf.step('claimCertificateApplication', inReview.id, clerk);
        add('application', inReview.id, `in review ${n}`);
      }
      // Later than the applications above, so a page after the approved one (newest first) holds them.
      app.clock.advance(1_000);
      add('application', (await certificatesOf.approved(exporter, clerk)).id, 'approved');
      // An older certificate first, so a page after the recorded one (newest first) is not empty.
      await certificatesOf.issued(exporter, clerk, signer);
      app.clock.advance(1_000);
      add('certificate', (await certificatesOf.issued(exporter, clerk, signer)).id, 'certificate');
    }
    const doomedApplication = await certificatesOf.create(person('A1 ORG_ADMIN'));
    await app.asOwner((db) => db.query('DELETE FROM certificate_application WHERE id = $1', [doomedApplication.id]));
    deletedIds.application.push(doomedApplication.id);
    // Data-subject requests in both tenants, about a person of each tenant's first company; the ones
    // of tenant A in the states the positive controls need.
    // The erasure's positive control erases someone who is no caller.
    const erasable = await factory.user({ tenant: tenantA, organisation: companies.A1, roles: [Role.ORG_MEMBER] });
    const liftable = await factory.user({ tenant: tenantA, organisation: companies.A1, roles: [Role.ORG_MEMBER] });
    const objector = await factory.user({ tenant: tenantA, organisation: companies.A1, roles: [Role.ORG_MEMBER] });
    await app.asOwner(async (db) => {
      const insert = `INSERT INTO data_subject_request (tenant_id, type, status, subject_user_id, requester_email, language, received_at, acknowledged_at, first_due_on, due_on, identity_verified_by)
        VALUES ($1, $2, $3, $4, 'person@example.test', 'en', now(), now(), (now() + interval '1 month')::date, (now() + interval '1 month')::date, $5) RETURNING id::text AS id`;
      for (const [tenant, prefix] of [[tenantA, 'A'], [tenantB, 'B']] as const) {
        const person = records.find((r) => r.kind === 'user' && r.label === `${prefix}1 ORG_MEMBER`)!;
        for (const [type, status, verified, label] of [
          ['ACCESS', 'AWAITING_IDENTITY_CHECK', null, 'request awaiting an identity check'],
          ['OBJECTION', 'IN_PROGRESS', 'LOGIN', 'objection request'],
          ['RESTRICTION', 'IN_PROGRESS', 'LOGIN', 'restriction request'],
          ['RECTIFICATION', 'IN_PROGRESS', 'LOGIN', 'rectification request'],
          ['ACCESS', 'IN_PROGRESS', 'LOGIN', 'access request'],
          ['ERASURE', 'IN_PROGRESS', 'LOGIN', 'erasure request'],
        ] as const) {
          const subjectId = type === 'ERASURE' && prefix === 'A' ? erasable.id : person.id;
          const [row] = (await db.query(insert, [tenant.id, type, status, subjectId, verified])).rows as Array<{ id: string }>;
          records.push({ kind: 'dataSubjectRequest', id: row!.id, label: `${prefix} ${label}`, tenantId: tenant.id, organisationId: person.organisationId, subjectId: person.id });
        }
      }
      // An objection of someone who is no caller, for the upholding's positive control (it may withdraw their roles).
      const [objection] = (await db.query(insert, [tenantA.id, 'OBJECTION', 'IN_PROGRESS', objector.id, 'LOGIN'])).rows as Array<{ id: string }>;
      records.push({ kind: 'dataSubjectRequest', id: objection!.id, label: 'A objection request of someone who is no caller', tenantId: tenantA.id, organisationId: companies.A1!.id, subjectId: objector.id });
      // A legal hold in each tenant, for the release (A's is released by its positive control); and one released already.
      for (const [tenant, prefix] of [[tenantA, 'A'], [tenantB, 'B']] as const) {
        const [hold] = (await db.query(`INSERT INTO legal_hold (tenant_id, record, reason, placed_at) VALUES ($1, $2, 'litigation', now()) RETURNING id::text AS id`, [tenant.id, `User:${randomUUID()}`])).rows as Array<{ id: string }>;
        records.push({ kind: 'legalHold', id: hold!.id, label: `${prefix} legal hold`, tenantId: tenant.id, organisationId: null });
      }
      const [released] = (await db.query(`INSERT INTO legal_hold (tenant_id, record, reason, placed_at, released_at) VALUES ($1, $2, 'litigation', now(), now()) RETURNING id::text AS id`, [tenantA.id, `User:${randomUUID()}`])).rows as Array<{ id: string }>;
      deletedIds.legalHold.push(released!.id);
      // A restriction in force (answered earlier), for the lifting's positive control: of someone who is no caller.
      const [restriction] = (await db.query(insert, [tenantA.id, 'RESTRICTION', 'COMPLETED', liftable.id, 'LOGIN'])).rows as Array<{ id: string }>;
      await db.query(`INSERT INTO processing_restriction (tenant_id, user_id, request_id, restricted_at) VALUES ($1, $2, $3, now())`, [tenantA.id, liftable.id, restriction!.id]);
      records.push({ kind: 'dataSubjectRequest', id: restriction!.id, label: 'A restriction in force', tenantId: tenantA.id, organisationId: companies.A1!.id, subjectId: liftable.id });
      const [gone] = (await db.query(insert, [tenantA.id, 'ACCESS', 'IN_PROGRESS', null, 'LOGIN'])).rows as Array<{ id: string }>;
      await db.query('DELETE FROM data_subject_request WHERE id = $1', [gone!.id]);
      deletedIds.dataSubjectRequest.push(gone!.id);
    });

    // Datasheets (#17): both tenants certify products; company A1's datasheets in each state, drafts of A2 and B1 (B's never
    // published: a published datasheet is everyone's to read, so it could not stand for "another tenant's").
    await app.asOwner((db) => db.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = ANY($1)`, [[tenantA.id, tenantB.id]]));
    const ok = async <T = Record<string, any>>(document: string, variables: Record<string, unknown>, caller: Caller): Promise<T> => expectData(await app.graphql<T>(document, variables, caller.options));
    const everyone = (label: string) => allCallers.find((c) => c.label === label) ?? fail(`no caller ${label}`);
    for (const label of ['A1 ORG_ADMIN', 'A2 ORG_ADMIN', 'B1 ORG_ADMIN']) await ok('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, everyone(label));
    for (const label of ['A staff TENANT_ADMIN', 'B staff TENANT_ADMIN']) {
      await ok('mutation($i: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $i) { id } }', { i: { family: 'kerbstones', jsonSchema: '{"type":"object","required":["strength"]}' } }, everyone(label));
    }
    const product = async (company: string, staff: string, label: string): Promise<string> => {
      const { createCertifiedProduct } = await ok('mutation($i: CreateCertifiedProductInput!) { createCertifiedProduct(input: $i) { id } }', {
        i: { organisationId: companies[company]!.id, name: `Kerbstone ${label}`, productFamily: 'kerbstones', certificateReference: `BENOR-${randomUUID()}`, scheme: 'BENOR', productionUnit: 'Gent' },
      }, everyone(staff));
      records.push({ kind: 'product', id: createCertifiedProduct.id, label, tenantId: companies[company]!.tenantId, organisationId: companies[company]!.id });
      return createCertifiedProduct.id as string;
    };
    const sheet = async (company: string, staff: string, label: string, steps: Array<'submit' | 'approve' | 'publish'>): Promise<{ datasheetId: string; versionId: string }> => {
      const completer = everyone(`${company} ORG_ADMIN`);
      const productId = await product(company, staff, `${label} product`);
      const { createDatasheet } = await ok('mutation($i: CreateDatasheetInput!) { createDatasheet(input: $i) { id datasheetId } }', { i: { certifiedProductId: productId, characteristics: '{"strength":"C30/37"}', texts: [{ language: 'nl', title: `${label} boordsteen`, description: 'Beton' }] } }, completer);
      const v = { v: createDatasheet.id };
      // One attachment each, added while a draft (frozen with it once published).
      const attached = await app.http().post(`/datasheet-versions/${createDatasheet.id}/attachments`).set('authorization', `Bearer ${completer.options.token}`)
        .set('content-type', 'application/pdf').set('x-file-name', 'dop.pdf').set('x-attachment-title', 'DoP').send(SAMPLE_PDF);
      if (attached.status !== 201) fail(`attachment of ${label}: ${attached.status} ${attached.text}`);
      if (steps.includes('submit')) await ok('mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id } }', v, completer);
      if (steps.includes('approve')) await ok('mutation($v: ID!) { approveDatasheetVersion(versionId: $v) { id } }', v, everyone(staff));
      if (steps.includes('publish')) await ok('mutation($v: ID!) { publishDatasheetVersion(versionId: $v) { id } }', v, everyone(staff));
      const where = { tenantId: companies[company]!.tenantId, organisationId: companies[company]!.id };
      records.push({ kind: 'datasheet', id: createDatasheet.datasheetId, label: `${label} datasheet`, ...where, published: steps.includes('publish') });
      records.push({ kind: 'version', id: createDatasheet.id, label: `${label} version`, ...where });
      records.push({ kind: 'attachment', id: (attached.body as { attachments: Array<{ id: string }> }).attachments[0]!.id, label: `${label} attachment`, ...where });
      return { datasheetId: createDatasheet.datasheetId, versionId: createDatasheet.id };
    };
    DATASHEET_FIXTURE.a1Published = (await sheet('A1', 'A staff CLERK', 'A1 published', ['submit', 'approve', 'publish'])).datasheetId;
    await sheet('A1', 'A staff CLERK', 'A1 draft', []);
    await sheet('A1', 'A staff CLERK', 'A1 submitted', ['submit']);
    await sheet('A1', 'A staff CLERK', 'A1 second submitted', ['submit']);
    await sheet('A1', 'A staff CLERK', 'A1 approved', ['submit', 'approve']);
    await sheet('A2', 'A staff CLERK', 'A2 draft', []);
    await sheet('B1', 'B staff CLERK', 'B1 draft', ['submit', 'approve']);
    await product('A1', 'A staff CLERK', 'A1 product without datasheet');
    // Published, then withdrawn: everyone may read its notice (withdrawnDatasheet), as they read a published one.
    const withdrawn = await sheet('A1', 'A staff CLERK', 'A1 withdrawn', ['submit', 'approve', 'publish']);
    await ok('mutation($d: ID!) { unpublishDatasheet(datasheetId: $d) { id } }', { d: withdrawn.datasheetId }, everyone('A staff CLERK'));
    Object.assign(recordByLabel('datasheet', 'A1 withdrawn datasheet'), { published: false, withdrawn: true });
    // A removed attachment: its id answers like a missing one.
    const removedAttachment = recordByLabel('attachment', 'A1 second submitted attachment');
    await app.asOwner((db) => db.query('DELETE FROM datasheet_attachment WHERE id = $1', [removedAttachment.id]));
    records.splice(records.indexOf(removedAttachment), 1);
    deletedIds.attachment.push(removedAttachment.id);

    // Project certificates (COPRO §5c): company A1 is every party of its projects (one draft, one issued), B1 of B's.
    const project = async (company: string, label: string, issuedBy?: string): Promise<string> => {
      const creator = everyone(`${company} ORG_ADMIN`);
      const parties = ['CLIENT', 'CONTRACTOR', 'INTERMEDIATE_STORAGE'].map((role) => ({ role, organisationId: companies[company]!.id }));
      const { createProjectCertificate } = await ok('mutation($i: CreateProjectCertificateInput!) { createProjectCertificate(input: $i) { id } }', {
        i: { reference: `Project ${label}`, site: 'Gent', material: 'tar-containing asphalt', quantityTonnes: 100, parties },
      }, creator);
      const id = createProjectCertificate.id as string;
      for (const role of ['CONTRACTOR', 'INTERMEDIATE_STORAGE']) {
        await ok('mutation($id: ID!, $r: ProjectPartyRole!, $u: ID!) { nameProjectContact(projectId: $id, role: $r, userId: $u) { id } }', { id, r: role, u: creator.userId }, creator);
      }
      if (issuedBy) await ok('mutation($id: ID!) { issueProjectCertificate(projectId: $id) { id } }', { id }, everyone(issuedBy));
      records.push({ kind: 'project', id, label, tenantId: companies[company]!.tenantId, organisationId: companies[company]!.id });
      return id;
    };
    DATASHEET_FIXTURE.a1Project = await project('A1', 'A1 project');
    await project('A1', 'A1 issued project', 'A staff CLERK');
    // A draft the company deletes (the positive control of deleteProjectCertificateDraft).
    await project('A1', 'A1 spare project draft');
    await project('B1', 'B1 project', 'B staff CLERK');

    // Webhook targets of every administrator, each with a dead letter; a spare one for deleteWebhook's control; a deleted one.
    const webhook = async (label: string, callerLabel: string): Promise<KnownRecord> => {
      const caller = everyone(callerLabel);
      const eventTypes = caller.organisationId ? ['certificate.issued'] : ['datasheet.published'];
      const { registerWebhook } = await ok('mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { webhook { id } } }', { i: { url: 'https://receiver.example.test/hooks', eventTypes } }, caller);
      const record: KnownRecord = { kind: 'webhook', id: registerWebhook.webhook.id, label, tenantId: caller.tenantId, organisationId: caller.organisationId };
      records.push(record);
      return record;
    };
    for (const label of ['A1 ORG_ADMIN', 'A2 ORG_ADMIN', 'B1 ORG_ADMIN', 'A staff TENANT_ADMIN', 'B staff TENANT_ADMIN']) {
      const target = await webhook(`${label}'s webhook`, label);
      await app.get(RequestContext).runAs(SYSTEM_ACTOR, () =>
        app.get(TransactionRunner).asSystem(target.tenantId!, () =>
          app.get(WebhookEvents).publish(target.organisationId
            ? { tenantId: target.tenantId!, organisationId: target.organisationId, type: 'certificate.issued', subject: {} }
            : { tenantId: target.tenantId!, type: 'datasheet.published', subject: {} }),
        ),
      );
      const [delivery] = await app.asOwner(async (db) => (await db.query(`UPDATE webhook_delivery SET dead_lettered_at = now(), attempts = 10 WHERE subscription_id = $1 RETURNING id`, [target.id])).rows);
      records.push({ kind: 'webhookDelivery', id: delivery.id, label: `${label}'s dead letter`, tenantId: target.tenantId, organisationId: target.organisationId });
    }
    await webhook("A1 ORG_ADMIN's spare webhook", 'A1 ORG_ADMIN');
    await webhook("A staff TENANT_ADMIN's spare webhook", 'A staff TENANT_ADMIN');
    const doomedWebhook = await webhook('doomed webhook', 'A1 ORG_ADMIN');
    records.splice(records.indexOf(doomedWebhook), 1);
    await app.asOwner((db) => db.query('DELETE FROM webhook_subscription WHERE id = $1', [doomedWebhook.id]));
    deletedIds.webhook.push(doomedWebhook.id);

    // Every template is called: placeLegalHold names its record inside a string (`User:<id>`), which the schema walk does not see as an id.
    operations = [...new Set([...(await idTakingOperations(app)).map((o) => o.operation), ...Object.keys(CALL_TEMPLATES)])].filter((name) => CALL_TEMPLATES[name]);
  }, 600_000);


  const call = (operation: string, variant: string, caller: Caller, id: unknown) => {
    const template = CALL_TEMPLATES[operation]!;
    return app.graphql(template.document, template.variants[variant]!.variables(id, caller), caller.options);
  };

  it('every id-taking operation has a call template for each of its id arguments (a new one needs a new case)', async () => {
    const found = (await idTakingOperations(app)).filter((o) => !(o.operation in OPERATOR_OPERATIONS));
    // The known ones are found (the discovery itself is not vacuous)…
    expect(found.map((o) => o.operation)).toEqual(expect.arrayContaining(['managedUser', 'disableUser', 'changeUserRoles', 'revokeApiKey', 'user', 'organisation']));
    // …and every id argument found is called below.
    const untested = found
      .filter((o) => !Object.values(CALL_TEMPLATES[o.operation]?.variants ?? {}).some((variant) => variant.path === o.via))
      .map((o) => `${o.operation} (${o.via})`);
    expect(untested).toEqual([]);
  });

  it('0 successes with foreign ids, and "exists but not yours" answers exactly like "does not exist"', async () => {
    // Whole rows, so a change that "failed" but stuck is caught (api_key.last_used_at moves with key callers).
    const snapshot = () =>
      app.asOwner(async (db) => ({
        users: (await db.query(`SELECT to_jsonb(u) AS row FROM user_account u ORDER BY id`)).rows,
        organisations: (await db.query('SELECT to_jsonb(o) AS row FROM organisation o ORDER BY id')).rows,
        roles: (await db.query('SELECT user_id, role FROM user_role ORDER BY user_id, role')).rows,
        keys: (await db.query(`SELECT to_jsonb(k) - 'last_used_at' AS row FROM api_key k ORDER BY id`)).rows,
        sessions: (await db.query('SELECT id, revoked_at FROM auth_session ORDER BY id')).rows,
        invitations: (await db.query('SELECT id, revoked_at FROM invitation ORDER BY id')).rows,
        webhooks: (await db.query('SELECT to_jsonb(w) AS row FROM webhook_subscription w ORDER BY id')).rows,
        webhookDeliveries: (await db.query('SELECT to_jsonb(d) AS row FROM webhook_delivery d ORDER BY id')).rows,
        attachments: (await db.query('SELECT to_jsonb(a) AS row FROM datasheet_attachment a ORDER BY id')).rows,
      }));
    const before = await snapshot();

    interface Call { operation: string; variant: string; caller: Caller; category: Category; label: string; id: unknown }
    const calls: Call[] = [];
    const references: Array<{ operation: string; variant: string; caller: Caller; ids: string[] }> = [];
    for (const operation of operations) {
      const template = CALL_TEMPLATES[operation]!;
      for (const [variant, { takes }] of Object.entries(template.variants)) {
        for (const caller of callers) {
          references.push({ operation, variant, caller, ids: [randomIdOf(takes), randomIdOf(takes)] });
          for (const record of records.filter((r) => r.kind === takes)) {
            const category = categoryFor(template, caller, record);
            if (category === 'own' || category === 'skip') continue;
            calls.push({ operation, variant, caller, category, label: record.label, id: record.id });
            // The id's spelling and shape matter only where the id is read: for a caller the role rule
            // lets through. Any other caller is refused before that (the categories above prove it).
            if (category === 'other tenant' && !NUMBERED_KINDS.includes(takes) && template.allowed(caller)) {
              calls.push({ operation, variant, caller, category: 'other tenant (upper-case id)', label: record.label, id: record.id.toUpperCase() });
            }
          }
          for (const id of deletedIds[takes]) calls.push({ operation, variant, caller, category: 'deleted', label: `deleted ${takes}`, id });
          if (template.allowed(caller)) {
            for (const id of malformedIdsOf(takes)) calls.push({ operation, variant, caller, category: 'malformed', label: JSON.stringify(id).slice(0, 40), id });
          }
        }
      }
    }

    // "Does not exist": two random ids per operation, variant and caller, answering identically.
    const missing = new Map<string, unknown>();
    const key = (operation: string, variant: string, caller: Caller) => `${operation}/${variant}/${caller.label}`;
    const successes: string[] = [];
    const differences: string[] = [];
    const serverErrors: string[] = [];
    const reachedLookup = new Map<string, number>();
    await inBatches(references, 8, async ({ operation, variant, caller, ids }) => {
      const template = CALL_TEMPLATES[operation]!;
      const [first, second] = await Promise.all(ids.map((id) => call(operation, variant, caller, id)));
      for (const response of [first!, second!]) {
        if (succeeded(response, template.field)) successes.push(`${key(operation, variant, caller)} random id`);
        if (response.status >= 500) serverErrors.push(`${key(operation, variant, caller)} random id → ${response.status}`);
      }
      if (JSON.stringify(answerOf(second!)) !== JSON.stringify(answerOf(first!))) differences.push(`${key(operation, variant, caller)}: two random ids answer differently`);
      missing.set(key(operation, variant, caller), answerOf(first!));
      // A caller the operation's role rule lets through reaches the lookup: "missing" must be its
      // NOT_FOUND (or empty page), not a refusal that would make every comparison trivially equal.
      const code = first!.errors?.[0]?.extensions?.code;
      const value = (first!.data as Record<string, unknown> | null | undefined)?.[template.field];
      const lookupAnswer = template.answers === 'record' ? code === 'NOT_FOUND' : Array.isArray(value) && value.length === 0 && !first!.errors?.length;
      if (template.allowed(caller)) {
        if (lookupAnswer) reachedLookup.set(`${operation}/${variant}`, (reachedLookup.get(`${operation}/${variant}`) ?? 0) + 1);
        else if (caller.options.token) differences.push(`${key(operation, variant, caller)}: a missing id answers ${JSON.stringify(answerOf(first!))}, not the lookup's answer`);
      }
    });

    const perCategory = new Map<Category, number>([['random', references.length * 2]]);
    const perOperation = new Map<string, number>();
    await inBatches(calls, 24, async ({ operation, variant, caller, category, label, id }) => {
      const response = await call(operation, variant, caller, id);
      perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
      perOperation.set(operation, (perOperation.get(operation) ?? 0) + 1);
      const where = `${operation}/${variant} as ${caller.label} with ${category} id of ${label}`;
      if (succeeded(response, CALL_TEMPLATES[operation]!.field)) successes.push(`${where}: ${response.text.slice(0, 300)}`);
      if (response.status >= 500) serverErrors.push(`${where} → HTTP ${response.status}`);
      if (category === 'malformed') {
        if (!response.errors?.length) differences.push(`${where}: no error`);
        return;
      }
      const expected = missing.get(key(operation, variant, caller));
      if (JSON.stringify(answerOf(response)) !== JSON.stringify(expected)) {
        differences.push(`${where}: ${JSON.stringify(answerOf(response))} ≠ missing id's ${JSON.stringify(expected)}`);
      }
    });

    const after = await snapshot();
    const total = [...perCategory.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `\nT3 calls by kind of id: ${[...perCategory.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}\n` +
        `T3 calls by operation: ${[...perOperation.entries()].map(([o, n]) => `${o} ${n}`).join(', ')}; ${callers.length} callers\n`,
    );
    reportFigure(`T3 object access: ${total} foreign-id calls, ${successes.length} successes`);

    expect(successes).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(differences).toEqual([]);
    // Nothing any of those calls did stuck: no profile or company changed, no user disabled, no role
    // granted or withdrawn, no key revoked, no session ended.
    expect(after).toEqual(before);
    // Not vacuous: every kind of foreign id was tried, and every operation reached its lookup for someone.
    for (const category of ['other tenant', 'other company', 'own tenant, outside scope', 'pending registration', 'platform', 'deleted', 'malformed'] as Category[]) {
      expect({ category, calls: (perCategory.get(category) ?? 0) > 0 }).toEqual({ category, calls: true });
    }
    for (const operation of operations) {
      for (const variant of Object.keys(CALL_TEMPLATES[operation]!.variants)) {
        expect({ operation: `${operation}/${variant}`, reachesLookup: (reachedLookup.get(`${operation}/${variant}`) ?? 0) > 0 }).toEqual({ operation: `${operation}/${variant}`, reachesLookup: true });
      }
    }
  }, 600_000);

  it("positive control: each operation works on the caller's own records, and that answer differs from a missing id's", async () => {
    // Reads first, then changes; disabling last (the order of the table).
    const order = Object.keys(CALL_TEMPLATES);
    const controlled = new Set<string>();
    for (const operation of [...operations].sort((x, y) => order.indexOf(x) - order.indexOf(y))) {
      const template = CALL_TEMPLATES[operation]!;
      for (const [callerLabel, variant, recordLabel] of template.controls) {
        const caller = byLabel(callerLabel);
        const record = recordByLabel(template.variants[variant]!.takes, recordLabel);
        // Within the caller's reach (its own, or legitimately visible to it), never one of the foreign ids above.
        expect({ operation, caller: callerLabel, reachable: ['own', 'skip'].includes(categoryFor(template, caller, record)) }).toEqual({ operation, caller: callerLabel, reachable: true });
        const missing = await call(operation, variant, caller, randomIdOf(template.variants[variant]!.takes));
        const own = await call(operation, variant, caller, record.id);
        expect({ operation, caller: callerLabel, errors: own.errors ?? [] }).toEqual({ operation, caller: callerLabel, errors: [] });
        const value = (own.data as Record<string, unknown>)[template.field];
        if (template.answersRecordsOf) expect({ operation, variant, foreign: template.answersRecordsOf(value).filter((id) => id !== record.id) }).toEqual({ operation, variant, foreign: [] });
        else if (template.answers === 'record' && template.answersAnotherRecord) expect({ operation, variant, returned: typeof (typeof value === 'string' ? value : (value as { id?: unknown } | null)?.id) }).toEqual({ operation, variant, returned: 'string' });
        else if (template.answers === 'record') expect((template.returnedId ?? ((v) => v.id))(value as Record<string, unknown>)).toBe(record.id);
        else expect({ operation, variant, returned: (value as unknown[]).length > 0 }).toEqual({ operation, variant, returned: true });
        expect(answerOf(own)).not.toEqual(answerOf(missing));
        controlled.add(`${operation}/${template.variants[variant]!.path}`);
      }
    }
    // Every id argument of every operation has a positive control.
    const paths = [...new Set(operations.flatMap((operation) => Object.values(CALL_TEMPLATES[operation]!.variants).map((v) => `${operation}/${v.path}`)))];
    expect([...controlled].sort()).toEqual(paths.sort());
    // The changes happened (the calls are not no-ops that merely answer).
    const targets = records.filter((r) => r.label.endsWith("'s target")).map((r) => r.id);
    const disabledColleagues = records.filter((r) => r.label.endsWith("'s disabled colleague")).map((r) => r.id);
    const ownInvitations = records.filter((r) => r.label === "A1 ORG_ADMIN's invitation" || r.label === "A staff TENANT_ADMIN's invitation").map((r) => r.id);
    const ownKeys = records.filter((r) => r.label.endsWith("'s own key")).map((r) => r.id);
    const state = await app.asOwner(async (db) => ({
      statuses: (await db.query(`SELECT status FROM user_account WHERE id = ANY($1)`, [targets])).rows.map((r: { status: string }) => r.status),
      revokedKeys: Number((await db.query(`SELECT count(*) FROM api_key WHERE id = ANY($1) AND revoked_at IS NOT NULL`, [ownKeys])).rows[0].count),
      renamed: (await db.query(`SELECT name FROM organisation WHERE id = $1`, [companies.A1!.id])).rows[0].name,
      secondFactors: Number((await db.query(`SELECT count(*) FROM user_account WHERE id = ANY($1) AND totp_enrolled_at IS NOT NULL`, [targets])).rows[0].count),
      enabled: (await db.query(`SELECT status FROM user_account WHERE id = ANY($1)`, [disabledColleagues])).rows.map((r: { status: string }) => r.status),
      revokedInvitations: Number((await db.query(`SELECT count(*) FROM invitation WHERE id = ANY($1) AND revoked_at IS NOT NULL`, [ownInvitations])).rows[0].count),
    }));
    expect(state).toEqual({
      statuses: ['DISABLED', 'DISABLED'], revokedKeys: 2, renamed: 'Hijacked NV', secondFactors: 0, enabled: ['ACTIVE', 'ACTIVE'], revokedInvitations: 2,
    });
  }, 300_000);

  it("the retention schedule takes no id: a tenant's period reaches its own schedule only, and no one outside the privacy office reads or sets it", async () => {
    const officerA = staffCallers['A staff PRIVACY_OFFICER']!;
    const adminB = staffCallers['B staff TENANT_ADMIN']!;
    const set = await app.graphql<{ setRetentionPeriod: unknown }>('mutation { setRetentionPeriod(input: { rule: LOGIN_SESSION, period: 2 }) { tenantId rule period } }', {}, officerA.options);
    expect(expectData(set).setRetentionPeriod).toEqual({ tenantId: tenantA.id, rule: 'LOGIN_SESSION', period: 2 });
    const readB = expectData(await app.graphql<{ retentionSchedule: Array<{ tenantId: string; rule: string; period: number | null }> }>('{ retentionSchedule { tenantId rule period } }', {}, adminB.options)).retentionSchedule;
    expect(readB.every((r) => r.tenantId === tenantB.id)).toBe(true);
    expect(readB.find((r) => r.rule === 'LOGIN_SESSION')!.period).toBe(12);
    const stored = await app.asOwner(async (db) => (await db.query('SELECT tenant_id::text AS tenant FROM retention_period')).rows.map((r: { tenant: string }) => r.tenant));
    expect(new Set(stored)).toEqual(new Set([tenantA.id]));
    // Every caller without the permission (company users of both tenants, other staff) is refused alike.
    for (const caller of allCallers.filter((c) => !c.roles.some((role) => role === Role.PRIVACY_OFFICER || role === Role.TENANT_ADMIN))) {
      for (const document of ['{ retentionSchedule { rule period } }', 'mutation { setRetentionPeriod(input: { rule: LOGIN_SESSION, period: 1 }) { period } }']) {
        const refused = await app.graphql(document, {}, caller.options);
        expect({ caller: caller.label, document, code: refused.errors?.[0]?.extensions?.code, data: refused.data ?? null }).toEqual({ caller: caller.label, document, code: 'FORBIDDEN', data: null });
      }
    }
  });
});
