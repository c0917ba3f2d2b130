import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR, TransactionRunner, verifyEd25519 } from '@chancery/core';
import { DocumentsService } from '@chancery/documents';
import { certificateContent, LogCheckpointJob } from '@chancery/privacy';
import {
  CertificateFactory, expectData, IdentityFactory, queuedEmails, reportFigure, SAMPLE_PDF, TestApp, TestObjectStore, TestTenant, TestUser, useTestApp,
} from '@chancery/testing';

/**
 * SPEC §5 offboarding (COVER "fate of data"; issue 18 item 10): a departing tenant's data is returned
 * as an archive (every table, through the output gate, purpose `export`) and then destroyed: two
 * parties (the operator files, the tenant's administrator confirms), a waiting period (simulated
 * clock), then every row of the tenant in every table is deleted and a destruction certificate is kept
 * at platform level with counts per table, the archive's hash and a hash over all of it. Prints
 *   offboarding: <n> records exported, <m> rows deleted in <t> tables, 0 rows of the tenant left, <k> rows of other tenants unchanged
 */
const DAY = 24 * 60 * 60 * 1000;
const OFFBOARDING_FIELDS = 'id tenantId status requestedAt confirmedAt destroyNotBefore exportedAt exportedRecords exportHash';
const CERTIFICATE_FIELDS = 'id departedTenantId tenantSlug tenantName destroyedAt exportHash certificateHash totalRowsDeleted intact rowsDeleted { table rows } signedContent signingKeyId signature';

/** Every base table of the schema with a tenant_id column. */
async function tenantTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`);
  return rows.map((r) => r.table_name);
}

/** Per table, the rows of tenants other than `departing` as their exact text, and how many. */
async function otherTenantsRows(db: Client, departing: string): Promise<{ digest: Record<string, string>; rows: number }> {
  const digest: Record<string, string> = {};
  let rows = 0;
  for (const table of [...(await tenantTables(db)), 'tenant']) {
    const key = table === 'tenant' ? 'id' : 'tenant_id';
    const { rows: [found] } = await db.query<{ n: number; text: string | null }>(
      `SELECT count(*)::int AS n, string_agg(to_jsonb(x)::text, E'\\n' ORDER BY to_jsonb(x)::text) AS text FROM "${table}" x WHERE x.${key} IS NOT NULL AND x.${key} <> $1`, [departing]);
    digest[table] = createHash('sha256').update(found!.text ?? '').digest('hex');
    rows += found!.n;
  }
  return { digest, rows };
}

describe('Offboarding: the departing tenant gets its archive, then every row of it is destroyed and certified', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let departing: TestTenant;
  let staying: TestTenant;
  let adminA: TestUser;
  let adminB: TestUser;
  let operator: TestUser;
  const peopleOfA: TestUser[] = [];
  const peopleOfB: TestUser[] = [];
  /** A supporting document's id per tenant (its bytes are the archive's too). */
  const documentOf = new Map<string, string>();
  const figures = { exported: 0, deleted: 0, tables: 0, left: -1, unchanged: 0 };

  const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
    app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
  const destroy = (offboardingId: string, by: TestUser = operator) =>
    gql<{ destroyTenant: Record<string, unknown> & { rowsDeleted: Array<{ table: string; rows: number }>; totalRowsDeleted: number; exportHash: string; intact: boolean } }>(
      `mutation($o: ID!) { destroyTenant(offboardingId: $o) { ${CERTIFICATE_FIELDS} } }`, { o: offboardingId }, by);

  const started = useTestApp();
  beforeAll(async () => {
    app = started.app;
    factory = started.factory;
    const certificates = new CertificateFactory(app);
    for (const [tenant, people] of [[(departing = await factory.tenant()), peopleOfA], [(staying = await factory.tenant()), peopleOfB]] as const) {
      const admin = await factory.user({ tenant, roles: [Role.TENANT_ADMIN] });
      const company = await factory.organisation(tenant);
      const orgAdmin = await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] });
      people.push(admin, orgAdmin, await factory.user({ tenant, roles: [Role.CLERK] }), await factory.user({ tenant, organisation: company, roles: [Role.ORG_MEMBER] }));
      await factory.invitation({ tenant, organisation: company, invitedBy: orgAdmin, roles: [Role.ORG_MEMBER] });
      await factory.apiKey({ tenant, organisation: company, createdBy: orgAdmin });
      const orgToken = (await factory.login(orgAdmin)).accessToken;
      const application = await certificates.create(orgToken);
      const uploaded = await app.http().post(`/certificate-applications/${application.id}/documents`).set('authorization', `Bearer ${orgToken}`)
        .set('content-type', 'application/octet-stream').set('x-file-name', 'invoice.pdf').send(SAMPLE_PDF);
      expect(uploaded.status).toBe(201);
      documentOf.set(tenant.id, (uploaded.body as { supportingDocuments: Array<{ id: string }> }).supportingDocuments[0]!.id);
    }
    adminA = peopleOfA[0]!;
    adminB = peopleOfB[0]!;
    operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
  });

  it('runs: filed by the operator, confirmed by the administrator, exported, destroyed after the wait, certified', async () => {

    const filed = expectData(await gql<{ requestTenantOffboarding: { id: string; status: string } }>(
      `mutation($t: ID!) { requestTenantOffboarding(tenantId: $t) { ${OFFBOARDING_FIELDS} } }`, { t: departing.id }, operator)).requestTenantOffboarding;
    expect(filed.status).toBe('REQUESTED');
    // The departing tenant is told at its privacy contact at once; the staying one is not.
    const notices = await queuedEmails(app, { template: 'privacy.offboarding-requested' });
    expect(notices.map((n) => [n.recipient, n.tenantId])).toEqual([[`privacy@${departing.slug}.test`, null]]);
    // Only the departing tenant's administrator confirms; nothing is destroyed on the operator's word alone.
    const confirm = (user: TestUser) => gql<{ confirmTenantOffboarding: { status: string; destroyNotBefore: string } }>(
      `mutation($o: ID!) { confirmTenantOffboarding(offboardingId: $o) { ${OFFBOARDING_FIELDS} } }`, { o: filed.id }, user);
    expect((await confirm(adminB)).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await confirm(operator)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await destroy(filed.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DESTRUCTION_NOT_DUE' });
    const confirmed = expectData(await confirm(adminA)).confirmTenantOffboarding;
    expect(confirmed.status).toBe('CONFIRMED');
    expect(new Date(confirmed.destroyNotBefore).getTime()).toBe(app.clock.now().getTime() + 30 * DAY);
    // Confirmed but no archive taken yet: refused. (Asked by another operator: the main one's second-factor
    // codes must not be spent a month ahead, the server takes no code of a step before one already used.)
    const aMonthAhead = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    app.clock.advance(31 * DAY);
    expect((await destroy(filed.id, aMonthAhead)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DESTRUCTION_NOT_DUE' });
    app.clock.advance(-31 * DAY);

    // The worker signed the heads of its logs (log_checkpoint rows of the tenant).
    await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(LogCheckpointJob).handle());
    // The archive: every table's records, as the administrator may see them; the departing tenant's people, no one else.
    const archive = expectData(await gql<{ exportTenantArchive: { records: number; withheld: number; sha256: string; json: string } }>(
      'mutation($o: ID!) { exportTenantArchive(offboardingId: $o) { records withheld sha256 json } }', { o: filed.id }, adminA)).exportTenantArchive;
    expect(createHash('sha256').update(archive.json).digest('hex')).toBe(archive.sha256);
    const parsed = JSON.parse(archive.json) as { tenantId: string; tables: Record<string, { entity: string | null; records: Array<Record<string, unknown>> }> };
    expect(parsed.tenantId).toBe(departing.id);
    for (const person of peopleOfA) expect(archive.json).toContain(person.email);
    for (const person of peopleOfB) expect(archive.json).not.toContain(person.email);
    expect(archive.json).not.toContain(staying.id);
    expect(Object.keys(parsed.tables)).toEqual(expect.arrayContaining(['user_account', 'organisation', 'invitation', 'api_key', 'certificate_application', 'audit_entry']));
    expect(archive.json).not.toMatch(/password_hash|passwordHash|\$argon2/);
    // The audit trail goes with the tenant (its evidence for disputes, 004 §4.3): the whole chain, none withheld.
    const auditTrail = (parsed.tables as Record<string, { entity: string | null; records: Array<Record<string, unknown>>; withheld: number }>).audit_entry!;
    expect({ entity: auditTrail.entity, withheld: auditTrail.withheld }).toEqual({ entity: 'AuditEntry', withheld: 0 });
    const sequences = auditTrail.records.map((entry) => entry.sequence as number).sort((x, y) => x - y);
    expect(sequences.length).toBeGreaterThan(3);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    expect(auditTrail.records.map((entry) => entry.action)).toContain('privacy.offboarding.confirmed');
    // So do the signed heads of its logs (positions and hashes, no personal data): what its kept checkpoints match.
    const checkpoints = (parsed.tables as Record<string, { entity: string | null; records: Array<Record<string, unknown>>; withheld: number }>).log_checkpoint!;
    expect({ entity: checkpoints.entity, withheld: checkpoints.withheld }).toEqual({ entity: 'LogCheckpoint', withheld: 0 });
    expect(checkpoints.records).toContainEqual(expect.objectContaining({ chain: 'AUDIT', sequence: expect.any(Number), headHash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.any(String) }));
    // And who held which role, since when, granted by whom (who could sign): every grant, none withheld.
    const grants = (parsed.tables as Record<string, { entity: string | null; records: Array<Record<string, unknown>>; withheld: number }>).user_role!;
    expect({ entity: grants.entity, withheld: grants.withheld }).toEqual({ entity: 'UserRole', withheld: 0 });
    expect(grants.records.length).toBeGreaterThanOrEqual(peopleOfA.length);
    expect(grants.records[0]).toEqual(expect.objectContaining({ userId: expect.any(String), role: expect.any(String), grantedAt: expect.any(String) }));
    figures.exported = archive.records;

    // The stored files come back too: the archive lists each document with where to fetch its bytes
    // (checked against its SHA-256); only the departing tenant's administrator, only its own documents.
    const documentA = documentOf.get(departing.id)!;
    const listed = (parsed as unknown as { documents: Array<{ id: string; sha256: string; download: string }> }).documents;
    expect(listed.map((d) => d.id)).toEqual([documentA]);
    const fetch = async (path: string, user: TestUser) => {
      const response = await app.http().get(path).set('authorization', `Bearer ${(await factory.login(user)).accessToken}`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      return { status: response.status, bytes: response.body as Buffer, disposition: response.headers['content-disposition'] as string | undefined };
    };
    const file = await fetch(listed[0]!.download, adminA);
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(listed[0]!.sha256);
    expect(Buffer.compare(file.bytes, SAMPLE_PDF)).toBe(0);
    expect(file.disposition).toMatch(/^attachment;/);
    expect((await fetch(listed[0]!.download, adminB)).status).toBe(404);
    expect((await fetch(listed[0]!.download, operator)).status).toBe(403);
    expect((await fetch(listed[0]!.download, peopleOfA[1]!)).status).toBe(403);
    expect((await fetch(`/tenant-offboardings/${filed.id}/documents/${documentOf.get(staying.id)!}`, adminA)).status).toBe(404);
    const malformed = await fetch(`/tenant-offboardings/${filed.id}/documents/not-an-id%00`, adminA);
    expect({ status: malformed.status, body: JSON.parse(malformed.bytes.toString()) }).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'documentId' }] } }] } });
    expect((await fetch(`/tenant-offboardings/${filed.id}/documents/not-an-id`, adminA)).status).toBe(404);

    // Still inside the waiting period: refused, by the database itself.
    expect((await destroy(filed.id)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DESTRUCTION_NOT_DUE' });
    app.clock.advance(30 * DAY);
    // The tenant works on during the wait (review F1): what it did after its archive was taken would be
    // destroyed unseen. Refused, nothing deleted, until its administrator takes the archive again.
    const late = `late-colleague@${departing.slug}.test`;
    expectData(await gql('mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }', { i: { email: late, roles: ['CLERK'] } }, adminA));
    const rowsOfDeparting = () => app.asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM invitation WHERE tenant_id = $1`, [departing.id])).rows[0].n as number);
    const invitationsBefore = await rowsOfDeparting();
    expect((await destroy(filed.id)).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT', reason: 'ARCHIVE_STALE', details: { offboardingId: filed.id, changes: 1, lastChange: app.clock.now().toISOString() },
    });
    expect(await rowsOfDeparting()).toBe(invitationsBefore);
    const again = expectData(await gql<{ exportTenantArchive: { sha256: string; json: string } }>(
      'mutation($o: ID!) { exportTenantArchive(offboardingId: $o) { sha256 json } }', { o: filed.id }, adminA)).exportTenantArchive;
    expect(again.json).toContain(late);
    const before = await app.asOwner((db) => otherTenantsRows(db, departing.id));
    const certificate = expectData(await destroy(filed.id)).destroyTenant;
    // The certificate names the archive the tenant last took, the one that holds everything destroyed.
    expect(certificate).toMatchObject({ departedTenantId: departing.id, tenantSlug: departing.slug, exportHash: again.sha256, intact: true });
    expect(certificate.rowsDeleted.find((r) => r.table === 'user_account')?.rows).toBe(peopleOfA.length);
    expect(certificate.rowsDeleted.find((r) => r.table === 'tenant')?.rows).toBe(1);
    // Signed by the platform: anyone verifies it with the published key alone; a changed byte does not verify.
    const signed = certificate as unknown as { signedContent: string; signingKeyId: string; signature: string; certificateHash: string };
    const keySet = await app.http().get('/platform/attestation-keys');
    expect(keySet.status).toBe(200);
    const key = (keySet.body as { keys: Array<{ kid: string; x: string; kty: string; crv: string }> }).keys.find((k) => k.kid === signed.signingKeyId)!;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(keySet.text).not.toMatch(/sealed|private/i);
    expect(verifyEd25519(key.x, signed.signedContent, signed.signature)).toBe(true);
    expect(verifyEd25519(key.x, signed.signedContent.replace(departing.slug, `${departing.slug}x`), signed.signature)).toBe(false);
    expect(createHash('sha256').update(signed.signedContent).digest('hex')).toBe(signed.certificateHash);
    expect(JSON.parse(signed.signedContent)).toMatchObject({ departedTenantId: departing.id, exportSha256: again.sha256 });
    // And it is sent, signed, to the departed tenant's privacy contact (it has no account left to read it with).
    const sent = await queuedEmails(app, { template: 'privacy.tenant-destroyed' });
    expect(sent.map((m) => [m.recipient, m.tenantId])).toEqual([[`privacy@${departing.slug}.test`, null]]);
    expect(sent[0]!.body).toContain(signed.signature);
    expect(sent[0]!.body).toContain(signed.signedContent);
    figures.deleted = certificate.totalRowsDeleted;
    figures.tables = certificate.rowsDeleted.filter((r) => r.rows > 0).length;
    // The signed heads of its logs are destroyed with it, and counted.
    expect(certificate.rowsDeleted.find((r) => r.table === 'log_checkpoint')?.rows).toBeGreaterThan(0);

    // Every table scanned for the tenant: 0 rows; the other tenants' rows byte for byte as before.
    const left = await app.asOwner(async (db) => {
      let n = 0;
      for (const table of await tenantTables(db)) n += (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, [departing.id])).rows[0]!.n;
      n += (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tenant WHERE id = $1', [departing.id])).rows[0]!.n;
      return n;
    });
    figures.left = left;
    expect(left).toBe(0);
    const after = await app.asOwner((db) => otherTenantsRows(db, departing.id));
    expect(after.digest).toEqual(before.digest);
    figures.unchanged = after.rows;
    // The departed tenant's people can no longer log in; the staying tenant's can.
    expect((await app.graphql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email: adminA.email, password: adminA.password, tenant: adminA.tenantSlug } })).errors?.[0]).toBeDefined();
    expect(expectData(await gql<{ tenantOffboardings: unknown[] }>('{ tenantOffboardings { id } }', {}, adminB)).tenantOffboardings).toEqual([]);
  });

  /** A stored certificate's fields, as the owner reads them. */
  const rowOf = async (departedTenantId: string) => {
    const { rows: [row] } = await app.asOwner((db) => db.query(`SELECT * FROM tenant_destruction_certificate WHERE departed_tenant_id = $1`, [departedTenantId]));
    return {
      departedTenantId: row.departed_tenant_id as string, tenantSlug: row.tenant_slug as string, tenantName: row.tenant_name as string, requestedAt: row.requested_at as Date,
      confirmedAt: row.confirmed_at as Date, exportSha256: row.export_sha256 as Buffer, exportedAt: row.exported_at as Date, exportedRecords: row.exported_records as number,
      destroyedAt: row.destroyed_at as Date, destroyedBy: row.destroyed_by as string, deletedRows: row.deleted_rows as Record<string, number>,
    };
  };

  it('the certificate is kept at platform level and can be checked later: a changed field no longer matches its hash nor its signature', async () => {
    const list = async () => expectData(await gql<{ tenantDestructionCertificates: Array<{ departedTenantId: string; intact: boolean }> }>(
      `{ tenantDestructionCertificates { ${CERTIFICATE_FIELDS} } }`, {}, operator)).tenantDestructionCertificates;
    expect((await list()).find((c) => c.departedTenantId === departing.id)?.intact).toBe(true);
    expect((await gql('{ tenantDestructionCertificates { id } }', {}, adminB)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const original = (await rowOf(departing.id)).deletedRows;
    await app.asOwner((db) => db.query(`UPDATE tenant_destruction_certificate SET deleted_rows = deleted_rows || '{"user_account": 0}' WHERE departed_tenant_id = $1`, [departing.id]));
    expect((await list()).find((c) => c.departedTenantId === departing.id)?.intact).toBe(false);
    await app.asOwner((db) => db.query(`UPDATE tenant_destruction_certificate SET deleted_rows = $2 WHERE departed_tenant_id = $1`, [departing.id, JSON.stringify(original)]));
    expect((await list()).find((c) => c.departedTenantId === departing.id)?.intact).toBe(true);
    // A field changed and the hash recomputed by someone with the database: the signature still gives it away.
    const forged = createHash('sha256').update(certificateContent({ ...(await rowOf(departing.id)), tenantName: 'Someone else' })).digest();
    await app.asOwner((db) => db.query(`UPDATE tenant_destruction_certificate SET tenant_name = 'Someone else', certificate_sha256 = $2 WHERE departed_tenant_id = $1`, [departing.id, forged]));
    expect((await list()).find((c) => c.departedTenantId === departing.id)?.intact).toBe(false);
    // Nor can the signature be stripped to pass the certificate off as one written before the platform signed them.
    const stripped = await app.asOwner((db) => db.query(`UPDATE tenant_destruction_certificate SET signature = NULL, signing_key_id = NULL WHERE departed_tenant_id = $1`, [departing.id])
      .then(() => 'stripped', (error: { code?: string }) => error.code));
    expect(stripped).toBe('23514');
  });

  afterAll(() => {
    reportFigure(
      `offboarding: ${figures.exported} records exported, ${figures.deleted} rows deleted in ${figures.tables} tables, ${figures.left} rows of the tenant left, ${figures.unchanged} rows of other tenants unchanged`,
    );
  });
});

/**
 * Issue 18 item 10: with the S3 storage, a destroyed tenant's stored files go from the bucket too,
 * not only its rows. The application runs its real S3 storage and the AWS SDK against an
 * S3-compatible store on 127.0.0.1 that keeps each object as a file (`TestObjectStore`): the
 * departing tenant's files are gone from the disk, one DELETE per object, the staying tenant's stay
 * and still read back intact. Prints
 *   offboarding (object store): <n> objects of the tenant deleted, <m> left; <k> objects of other tenants unchanged
 */
describe('Offboarding with the S3 storage: the departing tenant’s objects are deleted from the bucket', () => {
  const BUCKET = 'chancery-test-documents';
  const store = new TestObjectStore();
  const env: Record<string, string> = { DOCUMENT_STORAGE: 's3', S3_BUCKET: BUCKET, S3_REGION: 'eu-west-1' };
  const credentials = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    await store.start();
    env.S3_ENDPOINT = store.base;
    // The SDK's usual credential chain: from the environment (the store does not check signatures).
    process.env.AWS_ACCESS_KEY_ID = 'test-access-key';
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret-key';
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(credentials)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await store.stop();
  });
  const started = useTestApp({ env });

  it('deletes each object of the departing tenant (the file is gone), keeps the other tenant’s', async () => {
    const app = started.app;
    const factory = started.factory;
    const certificates = new CertificateFactory(app);
    const gql = async <T>(query: string, variables: Record<string, unknown>, user: TestUser) =>
      app.graphql<T>(query, variables, { token: (await factory.login(user)).accessToken });
    const documents = new Map<string, string[]>();
    const admins = new Map<string, TestUser>();
    const departing = await factory.tenant();
    const staying = await factory.tenant();
    for (const tenant of [departing, staying]) {
      admins.set(tenant.id, await factory.user({ tenant, roles: [Role.TENANT_ADMIN] }));
      const company = await factory.organisation(tenant);
      const orgToken = (await factory.login(await factory.user({ tenant, organisation: company, roles: [Role.ORG_ADMIN] }))).accessToken;
      const application = await certificates.create(orgToken);
      for (const name of ['invoice.pdf', 'packing-list.pdf']) {
        const uploaded = await app.http().post(`/certificate-applications/${application.id}/documents`).set('authorization', `Bearer ${orgToken}`)
          .set('content-type', 'application/octet-stream').set('x-file-name', name).send(SAMPLE_PDF);
        expect(uploaded.status).toBe(201);
      }
      documents.set(tenant.id, (await app.asOwner((db) => db.query<{ id: string }>(`SELECT id::text FROM stored_document WHERE tenant_id = $1 ORDER BY id`, [tenant.id]))).rows.map((r) => r.id));
    }
    const keysOf = (tenantId: string) => documents.get(tenantId)!.map((id) => `${tenantId}/${id}`).sort();
    // The bytes are files in the bucket, none in the database.
    expect(store.keys(BUCKET)).toEqual([...keysOf(departing.id), ...keysOf(staying.id)].sort());
    expect((await app.asOwner((db) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM document_content`))).rows[0]!.n).toBe(0);
    expect((await app.asOwner((db) => db.query<{ storage: string }>(`SELECT DISTINCT storage FROM stored_document`))).rows).toEqual([{ storage: 's3' }]);

    const operator = await factory.user({ roles: [Role.PLATFORM_ADMIN] });
    const filed = expectData(await gql<{ requestTenantOffboarding: { id: string } }>(`mutation($t: ID!) { requestTenantOffboarding(tenantId: $t) { id } }`, { t: departing.id }, operator)).requestTenantOffboarding;
    expectData(await gql(`mutation($o: ID!) { confirmTenantOffboarding(offboardingId: $o) { id } }`, { o: filed.id }, admins.get(departing.id)!));
    expectData(await gql('mutation($o: ID!) { exportTenantArchive(offboardingId: $o) { sha256 } }', { o: filed.id }, admins.get(departing.id)!));
    app.clock.advance(31 * DAY);
    const deletesBefore = store.requests.filter((r) => r.method === 'DELETE').length;
    expectData(await gql(`mutation($o: ID!) { destroyTenant(offboardingId: $o) { id } }`, { o: filed.id }, operator));

    // One DELETE per object of the departing tenant, and its files are gone from the disk; the other tenant's stay.
    const deletes = store.requests.filter((r) => r.method === 'DELETE').slice(deletesBefore);
    expect(deletes.map((r) => [r.bucket, r.key]).sort()).toEqual(keysOf(departing.id).map((key) => [BUCKET, key]));
    expect(store.keys(BUCKET)).toEqual(keysOf(staying.id));
    // The staying tenant's documents still read back intact (checksum checked) from the bucket.
    for (const id of documents.get(staying.id)!) {
      const read = await app.get(RequestContext).runAs(SYSTEM_ACTOR, () => app.get(TransactionRunner).asSystem(staying.id, () => app.get(DocumentsService).read(id)));
      expect(Buffer.compare(read.bytes, SAMPLE_PDF)).toBe(0);
    }
    const [entry] = (await app.asOwner((db) => db.query<{ details: { objects: number } }>(`SELECT details FROM audit_entry WHERE action = 'privacy.offboarding.destroyed' ORDER BY id DESC LIMIT 1`))).rows;
    expect(entry!.details.objects).toBe(keysOf(departing.id).length);
    reportFigure(`offboarding (object store): ${deletes.length} objects of the tenant deleted, ${store.keys(BUCKET).filter((k) => k.startsWith(departing.id)).length} left; ${store.keys(BUCKET).length} objects of other tenants unchanged`);
  });
});
