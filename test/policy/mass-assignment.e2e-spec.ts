// Decorator metadata is recorded only if reflect-metadata is loaded before the first decorated class.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  GraphQLInputObjectType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { Role } from '@chancery/access';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { policedEntities, getPolicy } from '@chancery/policy';
import { applicationInput, CertificateFactory, expectData, lastLinkToken, reportFigure, SAMPLE_PDF, TestApp, useTestApp } from '@chancery/testing';
import { buildWorld, identityDigest, POLICY_TEST_APP_OPTIONS, Viewer, World } from '@chancery/testing/policy/policy-world';

/**
 * VERIFY T4 — mass assignment. Every input type of the served schema, wherever a mutation takes it
 * (as its argument or nested in another input), is sent each property a client may not set: the
 * brief's list (tenantId, organisationId, role, roles, status, id, passwordHash, tokenVersion,
 * totpSecret, emailConfirmedAt, signatureImage, isMember, loginMethod, createdBy, keyHash) plus every
 * field of the record the mutation returns that no declaration lets anyone write. Each is sent as an
 * extra property in the variables (refused by variable coercion: BAD_USER_INPUT) and inline in the
 * document (GRAPHQL_VALIDATION_FAILED), by a caller with the right role, on a valid base input; and
 * every mutation is sent each of them as an extra argument. Expected: refused, no 5xx, nothing
 * written (a digest of the identity tables, taken as the database owner); the base input then
 * succeeds, so the refusals are not explained by a bad base.
 *
 * Prints `T4 mass assignment: <N> attempts, <accepted> accepted`.
 */

/** Properties a client may never set (the brief's list). */
const FORBIDDEN = [
  'tenantId', 'organisationId', 'role', 'roles', 'status', 'id', 'passwordHash', 'tokenVersion', 'totpSecret',
  'emailConfirmedAt', 'signatureImage', 'isMember', 'loginMethod', 'createdBy', 'keyHash',
  // A password is only ever set by the person whose account it opens: no one chooses another's.
  'password',
];

/** Input fields of those names that are there by design. Any other input field of a forbidden name fails the suite. */
const LEGITIMATE: Record<string, string> = {
  'UpdateOrganisationInput.organisationId': 'the id of the company to update (the target, checked by the policy)',
  'InviteUserInput.roles': 'the roles offered, limited to what the inviter may grant',
  'LoginInput.password': 'the password of the person logging in',
  'AcceptInvitationInput.password': 'the invited person chooses their own password',
  'PersonDetailsInput.password': 'the registrant of a company chooses their own password (registerOrganisation only)',
  'RegisterOrganisationInput.loginMethod': 'chosen once, at registration',
  'CreateCertifiedProductInput.organisationId': 'the certificate holder the staff certify the product of (the target, checked in the tenant)',
  'RequestSupportAccessInput.tenantId': 'the tenant the operator asks for a support grant (its administrator decides)',
  'InviteTenantAdministratorInput.tenantId': 'the tenant without an active administrator whose administrator the operator invites (refused while it has one)',
  'ResetTenantAdministratorSecondFactorInput.tenantId': 'the tenant whose only active administrator lost their second factor (refused while it has another)',
  'ResetCompanyAdministratorSecondFactorInput.organisationId': 'the company of the tenant whose only active administrator lost their second factor (refused while it has another)',
  'ProjectPartyInput.organisationId': 'a company named as a party to the project (checked in the tenant; the caller’s own must be one)',
  'ProjectPartyInput.role': 'the status of that company in the project (client, contractor, intermediate storage), not a user role',
};

/** A value of the property's kind, so a schema that accepted it would really write something. */
function extraValue(name: string, world: World): unknown {
  const values: Record<string, unknown> = {
    tenantId: world.tenants.B.id,
    organisationId: world.orgs.B1.id,
    role: 'PLATFORM_ADMIN',
    roles: ['PLATFORM_ADMIN'],
    status: 'ACTIVE',
    password: 'Operator-chosen-pass-2026',
    passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
    tokenVersion: 0,
    totpSecret: 'JBSWY3DPEHPK3PXP',
    signatureImage: 'data:image/png;base64,iVBORw0KGgo=',
    isMember: true,
    loginMethod: 'PASSWORD',
    keyHash: 'deadbeef',
    scopes: ['DATASHEET_FEED'],
    kinds: ['CERTIFICATION_BODY'],
  };
  if (name in values) return values[name];
  if (name === 'id' || name.endsWith('Id') || name.endsWith('By')) return randomUUID();
  if (name.endsWith('At')) return new Date().toISOString();
  return `value of ${name}`;
}

/** A GraphQL literal of the value, enums bare where the type says so. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`).join(', ')} }`;
  }
  if (inner && isEnumType(inner)) return String(value);
  return JSON.stringify(value);
}

interface MutationTemplate {
  caller: string;
  /** Valid variables; fresh values each call (e-mail addresses, slugs, VAT numbers). */
  base: (world: World) => Promise<Record<string, unknown>>;
}

let serial = 0;
const next = () => ++serial;

function belgianVat(n: number): string {
  const base = String(2_000_000 + n * 7919 + Math.floor(Math.random() * 1000) * 1_000).padStart(8, '0').slice(0, 8);
  return `BE${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
}

const PASSWORD = 'a long enough passphrase 42';

/** How to call each mutation that takes an input object validly. A new one fails the suite until it is added. */
/** A request of A1's member, for the privacy officer's mutations to act on. */
async function memberRequest(world: World): Promise<string> {
  const response = await world.app.graphql<{ requestMyDataSubjectRight: { id: string } }>(
    'mutation { requestMyDataSubjectRight(input: { type: RECTIFICATION }) { id } }', {}, { token: world.viewer('a1Member').token },
  );
  return expectData(response).requestMyDataSubjectRight.id;
}

/** An objection of a member made for it: upholding it may withdraw the person's roles, so never one of the world's callers. */
async function objectionRequest(world: World): Promise<string> {
  const person = await world.factory.user({ tenant: world.tenants.A, organisation: { id: world.orgs.A1.id, tenantId: world.tenants.A.id, name: 'A1' }, roles: [Role.ORG_MEMBER] });
  const { accessToken } = await world.factory.login(person);
  const response = await world.app.graphql<{ requestMyDataSubjectRight: { id: string } }>('mutation { requestMyDataSubjectRight(input: { type: OBJECTION }) { id } }', {}, { token: accessToken });
  return expectData(response).requestMyDataSubjectRight.id;
}

const TEMPLATES: Record<string, MutationTemplate> = {
  requestMyDataSubjectRight: { caller: 'a1Member', base: async () => ({ input: { type: 'RECTIFICATION', details: 'My job title changed' } }) },
  submitDataSubjectRequest: { caller: 'anonymous', base: async () => ({ input: { email: `t4-dsr-${next()}@example.test`, type: 'ACCESS', language: 'en' } }) },
  extendDataSubjectRequest: { caller: 'aPrivacyOfficer', base: async (world) => ({ input: { requestId: await memberRequest(world), months: 1, reason: 'Waiting for the archives' } }) },
  closeDataSubjectRequest: { caller: 'aPrivacyOfficer', base: async (world) => ({ input: { requestId: await memberRequest(world), outcome: 'Job title rectified' } }) },
  setRetentionPeriod: { caller: 'aPrivacyOfficer', base: async () => ({ input: { rule: 'LOGIN_SESSION', period: 6 } }) },
  upholdDataSubjectObjection: { caller: 'aPrivacyOfficer', base: async (world) => ({ input: { requestId: await objectionRequest(world), statement: 'Your objection is upheld.' } }) },
  placeLegalHold: { caller: 'aPrivacyOfficer', base: async (world) => ({ input: { record: `User:${world.users.a1Colleague!.id}`, reason: 'Litigation about logins' } }) },
  acceptInvitation: {
    caller: 'anonymous',
    base: async (world) => {
      const email = `t4-invitee-${next()}-${randomUUID().slice(0, 6)}@example.test`;
      expectData(await world.app.graphql('mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }', { input: { email, roles: ['ORG_MEMBER'] } }, { token: world.viewer('a1Admin').token }));
      const token = (await lastLinkToken(world.app, email, 'identity.invitation', world.owner))!;
      return { input: { token, firstName: 'Ine', lastName: 'Vitee', password: PASSWORD, preferredLanguage: 'nl' } };
    },
  },
  changeUserRoles: {
    caller: 'a1Admin',
    base: async (world) => ({ input: { userId: world.users.a1Colleague!.id, grant: ['ORG_MEMBER'] } }),
  },
  appointCompanyAdministrator: {
    caller: 'aTenantAdmin',
    // A company of tenant A with a member and no administrator: the tenant appoints the member.
    base: async (world) => {
      const company = await world.factory.organisation(world.tenants.A);
      const member = await world.factory.user({ tenant: world.tenants.A, organisation: company, roles: [Role.ORG_MEMBER] });
      return { input: { email: member.email } };
    },
  },
  createApiKey: { caller: 'a1Admin', base: async () => ({ input: { name: `T4 key ${next()}` } }) },
  registerWebhook: { caller: 'a1Admin', base: async () => ({ input: { url: `https://erp.example.test/hooks/${next()}`, eventTypes: ['certificate.issued'] } }) },
  createTenant: {
    caller: 'platformAdmin',
    base: async () => {
      const slug = `t4-tenant-${next()}-${randomUUID().slice(0, 6)}`;
      return {
        input: {
          slug, name: `Chamber ${slug}`, kinds: ['CHAMBER_OF_COMMERCE'], legalEntityNumber: '0123.456.749', street: 'Markt 1', postalCode: '3000', city: 'Leuven',
          country: 'BE', phone: '+3216000000', email: `info@${slug}.test`, languages: ['nl'], privacyContactEmail: `privacy@${slug}.test`,
          servedPostalCodes: [{ from: '3000', to: '3099' }],
          administrator: { firstName: 'Ada', lastName: 'Admin', email: `admin@${slug}.test`, preferredLanguage: 'nl' },
        },
      };
    },
  },
  inviteTenantAdministrator: {
    caller: 'platformAdmin',
    // A tenant just opened, so it has no administrator yet: the operator may invite one again.
    base: async (world) => {
      const slug = `t4-again-${next()}-${randomUUID().slice(0, 6)}`;
      const { createTenant } = expectData(await world.app.graphql<{ createTenant: { tenant: { id: string } } }>(
        'mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }',
        { input: { slug, name: `Chamber ${slug}`, kinds: ['CHAMBER_OF_COMMERCE'], legalEntityNumber: '0123.456.749', street: 'Markt 1', postalCode: '3000', city: 'Leuven',
          country: 'BE', languages: ['nl'], privacyContactEmail: `privacy@${slug}.test`, administrator: { firstName: 'Ada', lastName: 'Admin', email: `admin@${slug}.test`, preferredLanguage: 'nl' } } },
        { token: world.viewer('platformAdmin').token }));
      return { input: { tenantId: createTenant.tenant.id, administrator: { firstName: 'Ada', lastName: 'Admin', email: `ada@${slug}.test`, preferredLanguage: 'nl' } } };
    },
  },
  resetTenantAdministratorSecondFactor: {
    caller: 'platformAdmin',
    // A tenant whose only administrator lost their second factor: the operator resets it.
    base: async (world) => {
      const tenant = await world.factory.tenant();
      const administrator = await world.factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
      return { input: { tenantId: tenant.id, email: administrator.email, reference: `T4-${next()}` } };
    },
  },
  resetCompanyAdministratorSecondFactor: {
    caller: 'aTenantAdmin',
    // A company of tenant A whose only administrator lost their second factor: the tenant's administrator resets it.
    base: async (world) => {
      const company = await world.factory.organisation(world.tenants.A);
      const administrator = await world.factory.user({ tenant: world.tenants.A, organisation: company, roles: [Role.ORG_ADMIN], withTotp: true });
      return { input: { organisationId: company.id, email: administrator.email, reference: `T4-${next()}` } };
    },
  },
  // The privacy office (issue 18 items 5–8).
  addProcessingActivity: {
    caller: 'aPrivacyOfficer',
    base: async () => ({ input: { name: `T4 activity ${next()}`, purpose: 'x', legalBasis: 'consent', dataSubjects: ['subscribers'], dataCategories: ['contact'], transfers: 'None', retention: 'x', securityMeasures: 'x' } }),
  },
  announceSubProcessorChange: {
    caller: 'aPrivacyOfficer',
    base: async (world) => ({ input: { kind: 'ADDITION', description: `T4 change ${next()}`, effectiveAt: new Date(world.app.clock.now().getTime() + 40 * 24 * 3600 * 1000).toISOString(), newSubProcessor: { name: 'ScanCo', service: 'scanning', location: 'NL' } } }),
  },
  objectToSubProcessorChange: {
    caller: 'a1Admin',
    base: async (world) => {
      const { announceSubProcessorChange: change } = expectData(await world.app.graphql<{ announceSubProcessorChange: { id: string } }>(
        'mutation($i: AnnounceSubProcessorChangeInput!) { announceSubProcessorChange(input: $i) { id } }',
        { i: { kind: 'ADDITION', description: 'x', effectiveAt: new Date(world.app.clock.now().getTime() + 40 * 24 * 3600 * 1000).toISOString(), newSubProcessor: { name: 'ScanCo', service: 'scanning', location: 'NL' } } },
        { token: world.viewer('aPrivacyOfficer').token }));
      return { input: { changeId: change.id, reason: 'x' } };
    },
  },
  publishPrivacyPolicy: { caller: 'aPrivacyOfficer', base: async () => ({ input: { title: `T4 ${next()}`, summary: 's', body: 'b' } }) },
  objectToPrivacyPolicy: {
    caller: 'a1Member',
    base: async (world) => {
      const { publishPrivacyPolicy: version } = expectData(await world.app.graphql<{ publishPrivacyPolicy: { id: string } }>(
        `mutation { publishPrivacyPolicy(input: { title: "t", summary: "s", body: "b ${next()}" }) { id } }`, {}, { token: world.viewer('aPrivacyOfficer').token }));
      return { input: { versionId: version.id, reason: 'x' } };
    },
  },
  registerBreach: {
    caller: 'aPrivacyOfficer',
    base: async (world) => ({ input: { reference: `T4-${next()}-${randomUUID().slice(0, 6)}`, nature: 'x', becameAwareAt: new Date(0).toISOString(), dataCategories: ['contact'], involvedOrganisationIds: [world.orgs.A1.id], likelyConsequences: 'x', measures: 'x', notifiable: true } }),
  },
  recordBreachAuthorityNotification: {
    caller: 'aPrivacyOfficer',
    base: async (world) => {
      const { registerBreach: breach } = expectData(await world.app.graphql<{ registerBreach: { id: string } }>(
        'mutation($i: RegisterBreachInput!) { registerBreach(input: $i) { id } }',
        { i: { reference: `T4-${next()}-${randomUUID().slice(0, 6)}`, nature: 'x', becameAwareAt: new Date(0).toISOString(), dataCategories: ['contact'], likelyConsequences: 'x', measures: 'x', notifiable: true } },
        { token: world.viewer('aPrivacyOfficer').token }));
      return { input: { breachId: breach.id, delayReason: 'drill' } };
    },
  },
  inviteUser: { caller: 'a1Admin', base: async () => ({ input: { email: `t4-invite-${next()}@example.test`, roles: ['ORG_MEMBER'] } }) },
  login: {
    caller: 'anonymous',
    // A fresh account: the world's accounts are marked second-factor enrolled after their logins.
    base: async (world) => {
      const user = await world.factory.user({ tenant: world.tenants.A, organisation: { id: world.orgs.A1.id, tenantId: world.orgs.A1.tenantId, name: 'A1' }, roles: [Role.ORG_MEMBER] });
      return { input: { email: user.email, password: user.password, tenant: world.tenants.A.slug } };
    },
  },
  registerOrganisation: {
    caller: 'anonymous',
    base: async (world) => {
      const n = next();
      return {
        input: {
          tenantSlug: world.tenants.A.slug, vatNumber: belgianVat(n), name: `T4 Company ${n}`, legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
          country: 'BE', phone: '+3232322219', email: `info-${n}@t4.test`, iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Anna', lastName: 'Peeters', email: `anna-${n}-${randomUUID().slice(0, 6)}@t4.test`, password: PASSWORD, preferredLanguage: 'nl' },
        },
      };
    },
  },
  // Datasheets (#17), in tenant B (a certification body too; tenant A stays a chamber for the registrations above).
  createCertifiedProduct: { caller: 'bTenantAdmin', base: async (world) => ({ input: await productInput(world) }) },
  setProductFamilySchema: {
    caller: 'bTenantAdmin',
    base: async (world) => {
      await certifyingB(world);
      return { input: { family: `family-${next()}`, jsonSchema: '{"type":"object"}' } };
    },
  },
  createDatasheet: {
    caller: 'b1Admin',
    base: async (world) => ({ input: { certifiedProductId: await productOfB1(world), characteristics: '{"strength":"C30/37"}', texts: [{ language: 'en', title: 'Kerb', description: 'Concrete' }] } }),
  },
  updateDatasheetDraft: {
    caller: 'b1Admin',
    base: async (world) => {
      const { createDatasheet } = expectData(await world.app.graphql<{ createDatasheet: { id: string } }>('mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }', {
        input: { certifiedProductId: await productOfB1(world), characteristics: '{}', texts: [] },
      }, { token: world.viewer('b1Admin').token }));
      return { input: { versionId: createDatasheet.id, characteristics: `{"strength":"C${next()}"}`, texts: [{ language: 'nl', title: 'Boordsteen', description: 'Beton' }] } };
    },
  },
  // An attachment is added over HTTP (raw bytes; test/datasheets/datasheet-attachments sends it foreign headers); removal takes its id only.
  removeDatasheetAttachment: {
    caller: 'b1Admin',
    base: async (world) => {
      const { createDatasheet } = expectData(await world.app.graphql<{ createDatasheet: { id: string } }>('mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { id } }', {
        input: { certifiedProductId: await productOfB1(world), characteristics: '{}', texts: [] },
      }, { token: world.viewer('b1Admin').token }));
      const uploaded = await world.app.http().post(`/datasheet-versions/${createDatasheet.id}/attachments`).set('authorization', `Bearer ${world.viewer('b1Admin').token}`)
        .set('content-type', 'application/pdf').set('x-file-name', 'dop.pdf').set('x-attachment-title', 'DoP').send(SAMPLE_PDF);
      return { attachmentId: (uploaded.body as { attachments: Array<{ id: string }> }).attachments[0]!.id };
    },
  },
  requestSupportAccess: { caller: 'platformAdmin', base: async (world) => ({ input: { tenantId: world.tenants.B.id, purpose: `Support ticket ${next()}: a datasheet does not render`, durationMinutes: 30 } }) },
  // Project certificates (COPRO §5c), in tenant B: company B1 in every role.
  createProjectCertificate: {
    caller: 'b1Admin',
    base: async (world) => {
      await certifyingB(world);
      const parties = ['CLIENT', 'CONTRACTOR', 'INTERMEDIATE_STORAGE'].map((role) => ({ role, organisationId: world.orgs.B1.id }));
      return { input: { reference: `Works contract ${next()}`, site: 'N49, km 12', material: 'tar-containing asphalt', quantityTonnes: 100, parties } };
    },
  },
  updateOrganisation: { caller: 'a1Admin', base: async (world) => ({ input: { organisationId: world.orgs.A1.id, city: `City ${next()}` } }) },
  createCertificateApplication: { caller: 'a1Admin', base: async () => ({ input: applicationInput() }) },
  updateCertificateApplication: {
    caller: 'a1Admin',
    base: async (world) => {
      const created = await new CertificateFactory(world.app).create(world.viewer('a1Admin').token!);
      const { consignee, goods } = applicationInput();
      return { input: { applicationId: created.id, remarks: `Remark ${next()}`, consignee, goods } };
    },
  },
  saveConsignee: { caller: 'a1Admin', base: async () => ({ input: { name: `Consignee ${next()}`, address: '1 Dock Road, Leeds', country: 'GB' } }) },
  setCertificateSettings: {
    caller: 'aTenantAdmin',
    base: async () => ({ input: { numberPrefix: 'BE-T4', memberFeeCents: 2500, nonMemberFeeCents: 4000, copyMemberFeeCents: 500, copyNonMemberFeeCents: 800, currency: 'EUR' } }),
  },
  updateUserProfile: { caller: 'a1Member', base: async (world) => ({ input: { userId: world.users.a1Member!.id, jobTitle: `Title ${next()}` } }) },
};

/** Tenant B certifies products, and company B1's administrator acknowledged the contact-disclosure notice. */
async function certifyingB(world: World): Promise<void> {
  await world.owner.query(`UPDATE tenant SET kinds = '{CHAMBER_OF_COMMERCE,CERTIFICATION_BODY}' WHERE id = $1`, [world.tenants.B.id]);
  expectData(await world.app.graphql('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, { token: world.viewer('b1Admin').token }));
}

async function productInput(world: World): Promise<Record<string, unknown>> {
  await certifyingB(world);
  return { organisationId: world.orgs.B1.id, name: `Kerbstone ${next()}`, productFamily: 'kerbstones', certificateReference: `T4-${randomUUID()}`, scheme: 'BENOR', productionUnit: 'Gent' };
}

async function productOfB1(world: World): Promise<string> {
  const { createCertifiedProduct } = expectData(await world.app.graphql<{ createCertifiedProduct: { id: string } }>('mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id } }', { input: await productInput(world) }, { token: world.viewer('bTenantAdmin').token }));
  return createCertifiedProduct.id;
}

/**
 * The input fields that take several lines (`@MultiLine()` on the server): descriptions, reasons, statements,
 * an address printed on a certificate, JSON documents. Every other String of an input is one line.
 */
const MULTI_LINE_FIELDS = [
  'ConsigneeInput.address', 'GoodsLineInput.description', 'GoodsLineInput.marksAndNumbers', 'CreateCertificateApplicationInput.transportDetails',
  'CreateCertificateApplicationInput.remarks', 'UpdateCertificateApplicationInput.transportDetails', 'UpdateCertificateApplicationInput.remarks',
  'SetProductFamilySchemaInput.jsonSchema', 'CreateDatasheetInput.characteristics', 'UpdateDatasheetDraftInput.characteristics', 'DatasheetTextInput.description',
  'MyDataSubjectRequestInput.details', 'PublicDataSubjectRequestInput.details', 'ExtendDataSubjectRequestInput.reason', 'CloseDataSubjectRequestInput.outcome',
  'UpholdDataSubjectObjectionInput.statement', 'PlaceLegalHoldInput.reason', 'AddProcessingActivityInput.purpose', 'AddProcessingActivityInput.transfers',
  'AddProcessingActivityInput.retention', 'AddProcessingActivityInput.securityMeasures', 'AnnounceSubProcessorChangeInput.description',
  'ObjectToSubProcessorChangeInput.reason', 'PublishPrivacyPolicyInput.summary', 'PublishPrivacyPolicyInput.body', 'ObjectToPrivacyPolicyInput.reason',
  'RegisterBreachInput.nature', 'RegisterBreachInput.likelyConsequences', 'RegisterBreachInput.measures', 'RegisterBreachInput.notNotifiableReason',
  'RecordBreachAuthorityNotificationInput.delayReason', 'RequestSupportAccessInput.purpose',
];

interface TextLeaf {
  /** `InputType.field` (`mutation.argument` for an argument). */
  name: string;
  path: Array<string | number>;
}

/** Every String the variables hold or could hold (optional ones left out) in these fields, nested inputs and lists walked. */
function textLeaves(fields: Array<{ name: string; type: GraphQLInputType }>, value: unknown, path: Array<string | number>, owner: string): TextLeaf[] {
  const leaves: TextLeaf[] = [];
  for (const field of fields) {
    const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
    const list = isListType(inner);
    const named = getNamedType(field.type);
    const given = (value as Record<string, unknown> | undefined)?.[field.name];
    const here = [...path, field.name];
    if (isInputObjectType(named)) {
      const items = list ? (Array.isArray(given) ? given : []) : given === undefined || given === null ? [] : [given];
      items.forEach((item, i) => leaves.push(...textLeaves(Object.values(named.getFields()), item, list ? [...here, i] : here, named.name)));
    } else if (named.name === 'String') {
      leaves.push({ name: `${owner}.${field.name}`, path: list ? [...here, 0] : here });
    }
  }
  return leaves;
}

/** A copy of the variables with `value` at `path` (lists and objects made where missing). */
function withValueAt(root: Record<string, unknown>, path: Array<string | number>, value: unknown): Record<string, unknown> {
  const copy = structuredClone(root);
  let target: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, i) => {
    target[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    target = target[key] as Record<string | number, unknown>;
  });
  target[path[path.length - 1]!] = value;
  return copy;
}

/** Where an input type occurs: the mutation, and the path from the variables to the object. */
interface Site {
  mutation: string;
  argument: string;
  path: Array<string | number>;
  inputType: GraphQLInputObjectType;
}

describe('T4 mass assignment', () => {
  let app: TestApp;
  let world: World;
  let attempts = 0;
  let accepted = 0;
  const problems: string[] = [];
  const codes = new Map<string, number>();

  const started = useTestApp(POLICY_TEST_APP_OPTIONS);
  beforeAll(async () => {
    app = started.app;
    world = await buildWorld(app, { apiKeys: false });
  });
  afterAll(async () => {
    await world?.close();
  });

  function sitesOf(): Site[] {
    const sites: Site[] = [];
    const walk = (mutation: string, argument: string, type: GraphQLInputType, path: Array<string | number>, seen: Set<string>) => {
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) return walk(mutation, argument, inner.ofType as GraphQLInputType, [...path, 0], seen);
      if (!isInputObjectType(inner) || seen.has(inner.name)) return;
      sites.push({ mutation, argument, path, inputType: inner });
      for (const field of Object.values(inner.getFields())) walk(mutation, argument, field.type, [...path, field.name], new Set([...seen, inner.name]));
    };
    for (const field of Object.values(world.schema.getMutationType()!.getFields())) {
      for (const arg of field.args) walk(field.name, arg.name, arg.type, [arg.name], new Set());
    }
    return sites;
  }

  /** Fields of the records a mutation returns (directly or in an envelope) that no grant lets anyone write. */
  function unwritableFieldsOf(mutation: string): string[] {
    const recordNames = new Set(policedEntities().map((p) => p.name));
    const returned = getNamedType(world.schema.getMutationType()!.getFields()[mutation]!.type);
    const records = recordNames.has(returned.name)
      ? [returned.name]
      : isObjectType(returned) ? Object.values(returned.getFields()).map((f) => getNamedType(f.type).name).filter((n) => recordNames.has(n)) : [];
    const fields: string[] = [];
    for (const name of records) {
      const policy = getPolicy(policedEntities().find((p) => p.name === name)!.cls)!;
      for (const [field, fp] of policy.fields) if (fp.write.length === 0) fields.push(field);
    }
    return fields;
  }

  function setAt(root: Record<string, unknown>, path: Array<string | number>, extra: Record<string, unknown>): Record<string, unknown> {
    const copy = structuredClone(root);
    let target: Record<string | number, unknown> = copy;
    for (const key of path) target = target[key] as Record<string | number, unknown>;
    Object.assign(target, extra);
    return copy;
  }

  /** The mutation with its declared arguments as variables (and `extraArgument` inline), or everything inline. */
  function document(mutation: string, args: Record<string, unknown> | null, extraArgument?: string): string {
    const field = world.schema.getMutationType()!.getFields()[mutation]!;
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    if (args === null) {
      const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const passed = [...field.args.map((a) => `${a.name}: $${a.name}`), ...(extraArgument ? [extraArgument] : [])].join(', ');
      return `mutation${declared ? `(${declared})` : ''} { ${mutation}${passed ? `(${passed})` : ''}${selection} }`;
    }
    const literalArgs = Object.entries(args).map(([name, value]) => `${name}: ${literal(value, field.args.find((a) => a.name === name)?.type)}`).join(', ');
    return `mutation { ${mutation}${literalArgs ? `(${literalArgs})` : ''}${selection} }`;
  }

  async function attempt(label: string, caller: Viewer, query: string, variables: Record<string, unknown> | undefined, expectedCode: string): Promise<void> {
    attempts += 1;
    const before = await identityDigest(world);
    const response = await app.graphql(query, variables, { token: caller.token });
    const after = await identityDigest(world);
    const code = response.errors?.length ? String(response.errors[0]?.extensions?.code) : 'ACCEPTED';
    codes.set(code, (codes.get(code) ?? 0) + 1);
    if (code === 'ACCEPTED' || before !== after) {
      accepted += 1;
      problems.push(`ACCEPTED ${label}: ${code}, identity tables ${before === after ? 'unchanged' : 'CHANGED'}`);
    } else if (response.status >= 500 || code !== expectedCode) {
      problems.push(`${label}: HTTP ${response.status} ${code}, expected ${expectedCode}`);
    }
  }

  it('every input type is taken by a mutation this suite can call, and has no field of a forbidden name except by design', () => {
    const inputTypes = Object.values(world.schema.getTypeMap()).filter((t): t is GraphQLInputObjectType => isInputObjectType(t) && !t.name.startsWith('__'));
    const sites = sitesOf();
    const untaken = inputTypes.filter((t) => !sites.some((s) => s.inputType === t)).map((t) => t.name);
    const noTemplate = [...new Set(sites.map((s) => s.mutation))].filter((m) => !TEMPLATES[m]);
    const offered = inputTypes.flatMap((t) => Object.keys(t.getFields()).filter((f) => FORBIDDEN.includes(f)).map((f) => `${t.name}.${f}`)).filter((f) => !LEGITIMATE[f]);
    expect({ untaken, noTemplate, offered }).toEqual({ untaken: [], noTemplate: [], offered: [] });
    expect(inputTypes.length).toBeGreaterThanOrEqual(10);
  });

  it('every input type, wherever a mutation takes it, refuses every property a client may not set', async () => {
    const byMutation = new Map<string, Site[]>();
    for (const site of sitesOf()) byMutation.set(site.mutation, [...(byMutation.get(site.mutation) ?? []), site]);
    const covered = new Set<string>();
    for (const [mutation, sites] of byMutation) {
      const template = TEMPLATES[mutation];
      if (!template) continue; // reported by the previous test
      const caller = world.viewer(template.caller);
      // One base for every attempt on this mutation, then used once for real: it must succeed, which
      // also shows no attempt consumed it (an invitation token, a VAT number, a slug).
      const base = await template.base(world);
      for (const site of sites) {
        const own = new Set(Object.keys(site.inputType.getFields()));
        const extras = [...new Set([...FORBIDDEN, ...(site.path.length === 1 ? unwritableFieldsOf(mutation) : [])])].filter((p) => !own.has(p));
        for (const property of extras) {
          const variables = setAt(base, site.path, { [property]: extraValue(property, world) });
          const where = `${mutation} ${site.path.join('.')} (${site.inputType.name}) + ${property}`;
          await attempt(`${where} [variables]`, caller, document(mutation, null), variables, 'BAD_USER_INPUT');
          await attempt(`${where} [inline]`, caller, document(mutation, variables), undefined, 'GRAPHQL_VALIDATION_FAILED');
        }
        covered.add(site.inputType.name);
      }
      const control = await app.graphql(document(mutation, null), base, { token: caller.token });
      if (control.errors?.length) problems.push(`control ${mutation}: the base input was refused (${JSON.stringify(control.errors)}), so its refusals prove nothing`);
    }
    expect(covered.size).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  it('every mutation refuses every such property as an extra argument', async () => {
    const before = problems.length;
    for (const field of Object.values(world.schema.getMutationType()!.getFields())) {
      const template = TEMPLATES[field.name];
      const caller = world.viewer(template?.caller ?? 'a1Admin');
      const declared = new Set(field.args.map((a) => a.name));
      const base = template ? await template.base(world) : {};
      for (const property of FORBIDDEN.filter((p) => !declared.has(p))) {
        // The declared arguments as variables (valid ones when a template gives them), plus the extra one inline.
        const extra = `${property}: ${literal(extraValue(property, world), undefined)}`;
        await attempt(`${field.name}(${property}: …) [argument]`, caller, document(field.name, null, extra), base, 'GRAPHQL_VALIDATION_FAILED');
      }
    }
    expect(problems.slice(before)).toEqual([]);
  });

  /**
   * Review M6: a line break in a name, an e-mail, a title or a code would split an e-mail header, a CSV
   * row or a printed box. Every String of every input a template can send (present in the base, or an
   * optional one left out) is sent with a line break: refused, naming the field, unless it is one of
   * MULTI_LINE_FIELDS, which must take it. Mutations with scalar arguments only have no template; the
   * rule is the same pipe (libs/core validation.spec.ts checks it on its own).
   */
  it('every text field of every input is one line, except the fields declared multi-line, which take several (review M6)', async () => {
    const found: string[] = [];
    const tested = new Set<string>();
    let refusedCount = 0;
    for (const field of Object.values(world.schema.getMutationType()!.getFields())) {
      const template = TEMPLATES[field.name];
      if (!template) continue;
      const caller = world.viewer(template.caller);
      const base = await template.base(world);
      const leaves = textLeaves(field.args.map((a) => ({ name: a.name, type: a.type })), base, [], field.name);
      // One-line fields first: refused before anything is written, so the base stays valid for the rest.
      const ordered = [...leaves.filter((l) => !MULTI_LINE_FIELDS.includes(l.name)), ...leaves.filter((l) => MULTI_LINE_FIELDS.includes(l.name))];
      for (const leaf of ordered) {
        tested.add(leaf.name);
        const current = leaf.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], base);
        const variables = withValueAt(base, leaf.path, typeof current === 'string' ? `${current}\nline two` : 'line one\nline two');
        const response = await app.graphql(document(field.name, null), variables, { token: caller.token });
        // A list's item is named with its index, or the list is (class-validator's `each` rules name the list).
        const names = [leaf.path.join('.'), ...(typeof leaf.path[leaf.path.length - 1] === 'number' ? [leaf.path.slice(0, -1).join('.')] : [])];
        const named = (response.errors?.[0]?.extensions?.fields as Array<{ field: string; constraint: string }> | undefined)?.filter((f) => names.includes(f.field)) ?? [];
        if (MULTI_LINE_FIELDS.includes(leaf.name)) {
          if (named.some((f) => f.constraint === 'singleLine')) found.push(`${field.name} ${leaf.path.join('.')} (${leaf.name}): multi-line, refused as one line`);
        } else if (response.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT' && named.length > 0) {
          refusedCount += 1;
        } else {
          found.push(`${field.name} ${leaf.path.join('.')} (${leaf.name}): a line break ${response.errors?.length ? `answered ${String(response.errors[0]?.extensions?.code)} without naming the field` : 'was accepted'}`);
        }
      }
    }
    process.stdout.write(`M6 one-line fields: ${refusedCount} line breaks refused naming the field, ${MULTI_LINE_FIELDS.length} multi-line fields\n`);
    expect({ found, untested: MULTI_LINE_FIELDS.filter((f) => !tested.has(f)) }).toEqual({ found: [], untested: [] });
    expect(refusedCount).toBeGreaterThan(50);
  });

  it('prints the figure: 0 accepted', () => {
    reportFigure(`T4 mass assignment: ${attempts} attempts, ${accepted} accepted`);
    process.stdout.write(`T4 refusal codes: ${JSON.stringify(Object.fromEntries(codes))}\n`);
    expect(attempts).toBeGreaterThan(300);
    expect(accepted).toBe(0);
  });
});
