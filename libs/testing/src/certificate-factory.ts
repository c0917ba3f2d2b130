import { randomUUID } from 'node:crypto';
import { expectData, GraphQLResponse, TestApp } from './test-app';

export const APPLICATION_FIELDS = `id organisationId state language exporterName exporterAddress exporterCountry consigneeName consigneeAddress consigneeCountry countryOfOrigin transportDetails
  goods { description hsCode quantity unit grossWeightKg netWeightKg marksAndNumbers packages } invoiceReferences remarks declarationAccepted
  supportingDocuments { id kind fileName mediaType sizeBytes sha256 uploadedBy createdAt } createdBy claimedBy reviewedBy reviewComment companyReply companyRepliedAt rejectionReason
  replacesCertificateId startedFromApplicationId certificateId createdAt updatedAt submittedAt destroyedAt`;

export const CERTIFICATE_FIELDS = `id organisationId applicationId number status language countryOfOrigin goodsHash issuingChamber signedPayload signature keyId
  verificationCode signedBy issuedAt revokedAt revocationReason supersededAt supersededByCertificateId supersededByNumber pdfReady destroyedAt
  copies { id certificateId copyNumber requestedBy createdAt pdfReady }`;

export const VERIFICATION_FIELDS = 'authentic number status revocationReason supersededByNumber issuingChamber issuedAt countryOfOrigin goodsHash keyId recordDestroyedAt';

export interface TestApplication {
  id: string;
  state: string;
  [field: string]: unknown;
}

export interface TestCertificate {
  id: string;
  number: string;
  status: string;
  verificationCode: string;
  signedPayload: string;
  signature: string;
  keyId: string;
  [field: string]: unknown;
}

/** A valid application input: two goods lines, the declaration accepted. */
export function applicationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    language: 'EN',
    consignee: { name: 'Harbour Imports Ltd', address: '12 Dock Road, Felixstowe IP11 3SY', country: 'GB' },
    countryOfOrigin: 'BE',
    transportDetails: 'By sea, Antwerp to Felixstowe, vessel MSC Anna',
    goods: [
      { description: 'Belgian chocolate pralines', hsCode: '180690', quantity: 1200, unit: 'kg', grossWeightKg: 1350, netWeightKg: 1200, marksAndNumbers: 'HI-2026/1-40', packages: 40 },
      { description: 'Waffle irons, electric', hsCode: '8516790000', quantity: 300, unit: 'pcs', grossWeightKg: 900.5, netWeightKg: 810.25, marksAndNumbers: 'HI-2026/41-60', packages: 20 },
    ],
    invoiceReferences: [`INV-${randomUUID().slice(0, 8)}`],
    remarks: '',
    declarationAccepted: true,
    ...overrides,
  };
}

/** A tiny but real PDF file's bytes (enough for the type check, which reads the signature). */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Drives certificates through the real GraphQL API with the tokens of the people who would act:
 * the company's user applies, a clerk reviews, a signer signs.
 */
export class CertificateFactory {
  constructor(private readonly app: TestApp) {}

  gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> {
    return this.app.graphql<T>(query, variables, { token });
  }

  async create(orgToken: string, overrides: Record<string, unknown> = {}): Promise<TestApplication> {
    const data = expectData(
      await this.gql<{ createCertificateApplication: TestApplication }>(
        `mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
        { input: applicationInput(overrides) },
        orgToken,
      ),
    );
    return data.createCertificateApplication;
  }

  async step(operation: string, applicationId: string, token: string, extra: Record<string, unknown> = {}): Promise<TestApplication> {
    return expectData(await this.stepResponse(operation, applicationId, token, extra))[operation] as TestApplication;
  }

  stepResponse(operation: string, applicationId: string, token: string, extra: Record<string, unknown> = {}): Promise<GraphQLResponse<Record<string, unknown>>> {
    const params = Object.keys(extra).map((k) => `, $${k}: String!`).join('');
    const args = Object.keys(extra).map((k) => `, ${k}: $${k}`).join('');
    return this.gql(`mutation($id: ID!${params}) { ${operation}(applicationId: $id${args}) { ${APPLICATION_FIELDS} } }`, { id: applicationId, ...extra }, token);
  }

  /** An application created, submitted, claimed and approved. */
  async approved(orgToken: string, clerkToken: string, overrides: Record<string, unknown> = {}): Promise<TestApplication> {
    const application = await this.create(orgToken, overrides);
    await this.step('submitCertificateApplication', application.id, orgToken);
    await this.step('claimCertificateApplication', application.id, clerkToken);
    return this.step('approveCertificateApplication', application.id, clerkToken);
  }

  signResponse(applicationId: string, signerToken: string, idempotencyKey = `sign-${randomUUID()}`): Promise<GraphQLResponse<{ signCertificate: TestCertificate }>> {
    return this.gql<{ signCertificate: TestCertificate }>(
      `mutation($id: ID!, $key: String!) { signCertificate(applicationId: $id, idempotencyKey: $key) { ${CERTIFICATE_FIELDS} } }`,
      { id: applicationId, key: idempotencyKey },
      signerToken,
    );
  }

  async sign(applicationId: string, signerToken: string, idempotencyKey?: string): Promise<TestCertificate> {
    return expectData(await this.signResponse(applicationId, signerToken, idempotencyKey)).signCertificate;
  }

  /** An issued certificate, from a new application. */
  async issued(orgToken: string, clerkToken: string, signerToken: string, overrides: Record<string, unknown> = {}): Promise<TestCertificate> {
    const application = await this.approved(orgToken, clerkToken, overrides);
    return this.sign(application.id, signerToken);
  }

  verify(number: string, code: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<{ verifyCertificate: Record<string, unknown> }>> {
    return this.app.graphql(`query($n: String!, $c: String!) { verifyCertificate(number: $n, code: $c) { ${VERIFICATION_FIELDS} } }`, { n: number, c: code }, { headers });
  }
}
