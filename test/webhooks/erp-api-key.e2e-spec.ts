import { Role } from '@chancery/access';
import { APPLICATION_FIELDS, applicationInput, CertificateFactory, expectData, useTestApp } from '@chancery/testing';

/**
 * The ERP key of a company (#16 item 8, SPEC §1 integrations): it drafts and submits the company's
 * certificate applications and reads the company's applications and certificates, and nothing else —
 * no other company's records, no review or signing, no people, no webhook targets.
 */
describe('ERP API key scope', () => {
  const started = useTestApp();

  it("creates and submits its company's applications, reads its certificates, and nothing else", async () => {
    const { app, factory } = started;
    const certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const other = await factory.organisation(chamber);
    const admin = await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] });
    const otherAdmin = (await factory.login(await factory.user({ tenant: chamber, organisation: other, roles: [Role.ORG_ADMIN] }))).accessToken;
    const clerk = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.CLERK] }))).accessToken;
    const signer = (await factory.login(await factory.user({ tenant: chamber, roles: [Role.SIGNER] }))).accessToken;
    const key = { headers: { 'x-api-key': (await factory.apiKey({ tenant: chamber, organisation: company, createdBy: admin })).secret } };

    const created = expectData(
      await app.graphql<{ createCertificateApplication: { id: string; state: string; organisationId: string; consigneeName: string } }>(
        `mutation($input: CreateCertificateApplicationInput!) { createCertificateApplication(input: $input) { ${APPLICATION_FIELDS} } }`, { input: applicationInput() }, key),
    ).createCertificateApplication;
    expect(created).toEqual(expect.objectContaining({ state: 'DRAFT', organisationId: company.id, consigneeName: 'Harbour Imports Ltd' }));
    const submitted = expectData(await app.graphql<{ submitCertificateApplication: { state: string } }>('mutation($id: ID!) { submitCertificateApplication(applicationId: $id) { state } }', { id: created.id }, key)).submitCertificateApplication;
    expect(submitted.state).toBe('SUBMITTED');

    // The clerk and signer take it from there; the key reads the issued certificate.
    await certificates.step('claimCertificateApplication', created.id, clerk);
    await certificates.step('approveCertificateApplication', created.id, clerk);
    const issued = await certificates.sign(created.id, signer);
    const read = expectData(await app.graphql<{ certificatesOfOrigin: Array<{ id: string; number: string; status: string }> }>('{ certificatesOfOrigin(first: 10) { id number status } }', {}, key)).certificatesOfOrigin;
    expect(read).toEqual([{ id: issued.id, number: issued.number, status: 'ISSUED' }]);

    // Not another company's records.
    const foreign = await certificates.create(otherAdmin);
    expect((await app.graphql('query($id: ID!) { certificateApplication(applicationId: $id) { id } }', { id: foreign.id }, key)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = expectData(await app.graphql<{ certificateApplications: Array<{ id: string }> }>('{ certificateApplications(first: 50) { id } }', {}, key)).certificateApplications;
    expect(listed.map((a) => a.id)).toEqual([created.id]);

    // Nothing a person or the chamber does.
    const refused = await Promise.all([
      app.graphql('mutation($id: ID!) { claimCertificateApplication(applicationId: $id) { id } }', { id: created.id }, key),
      app.graphql('mutation($id: ID!, $k: String!) { signCertificate(applicationId: $id, idempotencyKey: $k) { id } }', { id: created.id, k: 'erp' }, key),
      app.graphql('mutation($id: ID!) { revokeCertificate(certificateId: $id, reason: "OTHER") { id } }', { id: issued.id }, key),
      app.graphql('query($id: ID!) { user(id: $id) { id } }', { id: admin.id }, key),
      app.graphql('{ webhooks { id } }', {}, key),
      app.graphql('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: 'more' } }, key),
      app.graphql('{ datasheetFeed { nextCursor } }', {}, key),
    ]);
    expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(Array(refused.length).fill('FORBIDDEN'));
  });
});
