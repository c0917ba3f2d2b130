import { randomUUID } from 'node:crypto';
import { Role } from '@chancery/access';
import { CONTACT_DISCLOSURE_NOTICE } from '@chancery/datasheets';
import { TenantKind } from '@chancery/identity';
import { IdentityFactory, TestOrganisation, TestTenant, TestUser } from './identity-factory';
import { expectData, GraphQLResponse, type TestApp } from './test-app';

export const KERBSTONE_SCHEMA = {
  type: 'object',
  required: ['compressiveStrength', 'dimensions'],
  properties: {
    compressiveStrength: { type: 'string', enum: ['C25/30', 'C30/37', 'C35/45'] },
    dimensions: { type: 'object', required: ['lengthMm'], properties: { lengthMm: { type: 'integer', minimum: 100 } } },
    freezeThawResistant: { type: 'boolean' },
  },
  additionalProperties: false,
};

export const KERBSTONE_CHARACTERISTICS = { compressiveStrength: 'C30/37', dimensions: { lengthMm: 1000 }, freezeThawResistant: true };

export const TEXTS = [
  { language: 'nl', title: 'Boordsteen', description: 'Betonnen boordsteen voor wegenbouw.' },
  { language: 'en', title: 'Kerbstone', description: 'Concrete kerbstone for road works.' },
];

export interface CertificationBody {
  tenant: TestTenant;
  admin: TestUser;
  adminToken: string;
  clerk: TestUser;
  clerkToken: string;
}

export interface CertificateHolder {
  organisation: TestOrganisation;
  admin: TestUser;
  adminToken: string;
}

const VERSION_FIELDS = 'id datasheetId number state characteristics completedBy texts { language title description } submittedAt approvedAt publishedAt supersededAt unpublishedAt';

/** Certification bodies, certificate holders, products and datasheets through the real GraphQL flows. */
export class DatasheetsFactory {
  constructor(
    private readonly app: TestApp,
    private readonly identity: IdentityFactory,
  ) {}

  private async call<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    return expectData(await this.app.graphql<T>(query, variables, { token }));
  }

  gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    return this.app.graphql<T>(query, variables, { token });
  }

  /** A certification body (or the tenant given, already one) with its tenant admin and a clerk (logged in), and the kerbstone family's schema. */
  async certificationBody(existing?: TestTenant): Promise<CertificationBody> {
    const tenant = existing ?? (await this.identity.tenant({ kinds: [TenantKind.CERTIFICATION_BODY], name: `Certification body ${randomUUID().slice(0, 4)}` }));
    const admin = await this.identity.user({ tenant, roles: [Role.TENANT_ADMIN] });
    const clerk = await this.identity.user({ tenant, roles: [Role.CLERK] });
    const adminToken = (await this.identity.login(admin)).accessToken;
    const clerkToken = (await this.identity.login(clerk)).accessToken;
    await this.call('mutation($input: SetProductFamilySchemaInput!) { setProductFamilySchema(input: $input) { id } }', { input: { family: 'kerbstones', jsonSchema: JSON.stringify(KERBSTONE_SCHEMA) } }, adminToken);
    return { tenant, admin, adminToken, clerk, clerkToken };
  }

  /** A company of the body with an administrator who acknowledged the disclosure notice. */
  async holder(body: CertificationBody, name?: string): Promise<CertificateHolder> {
    const organisation = await this.identity.organisation(body.tenant, { name });
    const { user: admin, token: adminToken } = await this.orgUser(body, organisation, Role.ORG_ADMIN);
    return { organisation, admin, adminToken };
  }

  async orgUser(body: CertificationBody, organisation: TestOrganisation, role: Role, acknowledge = true): Promise<{ user: TestUser; token: string }> {
    const user = await this.identity.user({ tenant: body.tenant, organisation, roles: [role] });
    const token = (await this.identity.login(user)).accessToken;
    if (acknowledge) await this.acknowledge(token);
    return { user, token };
  }

  acknowledge(token: string): Promise<unknown> {
    return this.call('mutation($v: String!) { acknowledgeContactDisclosureNotice(version: $v) { id } }', { v: CONTACT_DISCLOSURE_NOTICE.version }, token);
  }

  async product(body: CertificationBody, holder: { organisation: TestOrganisation }, overrides: Partial<{ name: string; certificateReference: string }> = {}): Promise<{ id: string }> {
    const input = {
      organisationId: holder.organisation.id, name: overrides.name ?? `Kerbstone ${randomUUID().slice(0, 6)}`, productFamily: 'kerbstones',
      certificateReference: overrides.certificateReference ?? `BENOR-${randomUUID().slice(0, 8)}`, scheme: 'BENOR', productionUnit: 'Plant Gent',
    };
    return (await this.call<{ createCertifiedProduct: { id: string } }>('mutation($input: CreateCertifiedProductInput!) { createCertifiedProduct(input: $input) { id } }', { input }, body.clerkToken)).createCertifiedProduct;
  }

  async draft(token: string, productId: string, characteristics: object = KERBSTONE_CHARACTERISTICS): Promise<{ id: string; datasheetId: string; number: number; state: string }> {
    return (await this.call<{ createDatasheet: { id: string; datasheetId: string; number: number; state: string } }>(
      `mutation($input: CreateDatasheetInput!) { createDatasheet(input: $input) { ${VERSION_FIELDS} } }`,
      { input: { certifiedProductId: productId, characteristics: JSON.stringify(characteristics), texts: TEXTS } },
      token,
    )).createDatasheet;
  }

  /** Submit (organisation), approve and publish (staff). */
  async publish(body: CertificationBody, orgToken: string, versionId: string): Promise<Record<string, unknown>> {
    await this.call('mutation($v: ID!) { submitDatasheetVersion(versionId: $v) { id } }', { v: versionId }, orgToken);
    await this.call('mutation($v: ID!) { approveDatasheetVersion(versionId: $v) { id } }', { v: versionId }, body.clerkToken);
    return (await this.call<{ publishDatasheetVersion: Record<string, unknown> }>(`mutation($v: ID!) { publishDatasheetVersion(versionId: $v) { ${VERSION_FIELDS} } }`, { v: versionId }, body.clerkToken)).publishDatasheetVersion;
  }

  /** A datasheet published by the holder's admin: returns its id, public code and version. */
  async published(body: CertificationBody, holder: CertificateHolder, overrides: Partial<{ name: string }> = {}): Promise<{ datasheetId: string; versionId: string; publicCode: string }> {
    const product = await this.product(body, holder, overrides);
    const draft = await this.draft(holder.adminToken, product.id);
    await this.publish(body, holder.adminToken, draft.id);
    const { datasheets } = await this.call<{ datasheets: Array<{ id: string; publicCode: string }> }>('{ datasheets { id publicCode } }', {}, holder.adminToken);
    return { datasheetId: draft.datasheetId, versionId: draft.id, publicCode: datasheets.find((d) => d.id === draft.datasheetId)!.publicCode };
  }
}
