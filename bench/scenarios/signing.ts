import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { demoSignatureImage } from '../../apps/api/src/demo/demo-signature';
import { CertificatePdfRenderingLoop } from '../../apps/worker/src/jobs/certificates/certificate-pdf-rendering.loop';
import { configureWorkerContext, WORKER_CONTEXT_OPTIONS } from '../../apps/worker/src/worker-application';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadAppConfig, sealSecret } from '@chancery/core';
import { newTotpSecret, totpCodeAt } from '@chancery/identity';
import { inTenant, withOwner } from '../database';
import type { BenchCaller } from '../fixture';
import { cpuSeconds } from '../proc';
import { tenantSlug } from '../seed';
import { BENCH_SECRETS_KEY } from '../seed-certificates';
import type { ThroughputContext, ThroughputResult, ThroughputScenario } from './scenario';

// Issue #16's signing throughput: one signer of a seeded chamber signs N approved applications one
// after the other through the API (GraphQL signCertificate, an idempotency key each, after one
// second-factor step-up), then the worker's rendering (CertificatePdfRenderingLoop.runOnce, rounds of
// CertificatePdfService.renderAwaiting) makes and stores their PDFs. Over the 1,000,000-certificate
// database: the number counter, the idempotency index and the PDF queue are the seeded ones.

/** The chamber that signs: not tenant 1, whose records the other scenarios read. */
const SIGNING_TENANT = 2;
const PLACEHOLDER_PDF = Buffer.from('%PDF-1.4\n% bench placeholder: the seeded certificates were printed long ago\n%%EOF\n');
const PLACEHOLDER_NAME = 'bench-seeded-certificate.pdf';

/** The seeded people of the chamber: its first signer, first clerk (the reviewer: four eyes) and a company user. */
async function peopleOf(owner: Client, tenantId: string) {
  const { rows } = await owner.query<{ signer: string; clerk: string; applicant: string; organisation: string }>(
    `SELECT (SELECT user_id FROM user_role WHERE tenant_id = $1 AND role = 'SIGNER' ORDER BY user_id LIMIT 1) AS signer,
            (SELECT user_id FROM user_role WHERE tenant_id = $1 AND role = 'CLERK' ORDER BY user_id LIMIT 1) AS clerk,
            u.id AS applicant, u.organisation_id AS organisation
       FROM user_account u JOIN organisation o ON o.id = u.organisation_id
      WHERE u.tenant_id = $1 AND u.email LIKE 'user1@%' ORDER BY o.company_number LIMIT 1`,
    [tenantId],
  );
  if (!rows[0]?.signer || !rows[0].clerk) throw new Error(`the seeded chamber ${tenantSlug(SIGNING_TENANT)} has no signer or clerk: drop chancery_bench and run again`);
  return rows[0];
}

/**
 * The seeded certificates have no PDF (they were never rendered): as printed long ago they get a
 * shared placeholder, so the worker's queue holds only what this scenario signs. Idempotent: only
 * certificates still without one; the first run updates the million rows once.
 */
async function placeholderPdfs(owner: Client): Promise<number> {
  const { rows: tenants } = await owner.query<{ id: string }>(`SELECT id FROM tenant WHERE slug LIKE 'bench-chamber-%' ORDER BY slug`);
  let updated = 0;
  for (const { id } of tenants) {
    updated += await inTenant(owner, id, async () => {
      const { rows: existing } = await owner.query<{ id: string }>(`SELECT id FROM stored_document WHERE tenant_id = $1 AND file_name = $2 AND kind = 'CERTIFICATE_PDF'`, [id, PLACEHOLDER_NAME]);
      let documentId = existing[0]?.id;
      if (!documentId) {
        documentId = randomUUID();
        await owner.query(
          `INSERT INTO stored_document (id, tenant_id, organisation_id, kind, file_name, media_type, size_bytes, sha256, storage, storage_key)
           VALUES ($1::uuid, $2, NULL, 'CERTIFICATE_PDF', $3, 'application/pdf', $4, encode(sha256($5), 'hex'), 'postgres', $1::text)`,
          [documentId, id, PLACEHOLDER_NAME, PLACEHOLDER_PDF.length, PLACEHOLDER_PDF],
        );
        await owner.query(`INSERT INTO document_content (tenant_id, document_id, bytes) VALUES ($1, $2, $3)`, [id, documentId, PLACEHOLDER_PDF]);
      }
      const result = await owner.query(`UPDATE certificate SET pdf_document_id = $2 WHERE tenant_id = $1 AND pdf_document_id IS NULL`, [id, documentId]);
      await owner.query(`UPDATE certificate_copy SET pdf_document_id = $2 WHERE tenant_id = $1 AND pdf_document_id IS NULL`, [id, documentId]);
      return result.rowCount ?? 0;
    });
  }
  return updated;
}

/** N applications approved by the chamber's clerk, as the review would leave them, in one statement. */
async function approvedApplications(owner: Client, tenantId: string, people: Awaited<ReturnType<typeof peopleOf>>, count: number): Promise<string[]> {
  return inTenant(owner, tenantId, async () => {
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO certificate_application (tenant_id, organisation_id, state, language, consignee_name, consignee_address, consignee_country,
                                            country_of_origin, transport_details, goods, invoice_references, remarks, declaration_accepted,
                                            created_by, claimed_by, reviewed_by, created_at, updated_at, submitted_at,
                                            exporter_name, exporter_address, exporter_country)
       SELECT $1, $2, 'APPROVED', (ARRAY['NL', 'FR', 'DE', 'EN'])[1 + s % 4], format('Signing Bench Importer %s Ltd', s), format('%s Dock Road, Felixstowe', s), 'GB',
              'BE', 'By sea, Antwerp to Felixstowe',
              jsonb_build_array(jsonb_build_object('description', format('Belgian chocolate pralines, lot %s', s), 'hsCode', '180690', 'quantity', 100 + s,
                                                   'unit', 'kg', 'grossWeightKg', 120.5, 'netWeightKg', 100, 'marksAndNumbers', format('SB-%s', s), 'packages', 4),
                                jsonb_build_object('description', 'Waffle irons, electric', 'hsCode', '8516790000', 'quantity', 10, 'unit', 'pcs',
                                                   'grossWeightKg', 30, 'netWeightKg', 25.5, 'marksAndNumbers', format('SB-%s-W', s), 'packages', 1)),
              ARRAY[format('INV-SB-%s', s)], '', true, $3, $4, $4, now(), now(), now(),
              -- The exporter as submitted (the signature prints it): the company profile, as the submission copies it.
              o.name, o.street || ', ' || o.postal_code || ' ' || o.city, o.country
         FROM generate_series(1, $5::int) s CROSS JOIN organisation o
        WHERE o.id = $2
       RETURNING id`,
      [tenantId, people.organisation, people.applicant, people.clerk, count],
    );
    return rows.map((r) => r.id);
  });
}

/** The signer with a second factor (sealed with the bench's SECRETS_KEY), a stored signature and a fresh session, not yet stepped up. */
async function signerSession(owner: Client, tenantId: string, signerId: string): Promise<{ caller: BenchCaller; totpSecret: string }> {
  const totpSecret = newTotpSecret();
  return inTenant(owner, tenantId, async () => {
    // A signature stored (signing needs one; the PDFs carry it, as a real signer's do).
    await owner.query(`UPDATE user_account SET totp_secret = $2, totp_enrolled_at = now(), totp_last_step = NULL, signature_image = $3 WHERE id = $1`, [
      signerId,
      sealSecret(Buffer.from(BENCH_SECRETS_KEY, 'base64'), totpSecret),
      demoSignatureImage(),
    ]);
    const { rows } = await owner.query<Omit<BenchCaller, 'sessionId'>>(
      `SELECT u.id AS "userId", u.email, u.first_name AS "firstName", u.tenant_id AS "tenantId", u.organisation_id AS "organisationId", u.token_version AS "tokenVersion",
              ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
         FROM user_account u WHERE u.id = $1`,
      [signerId],
    );
    const { rows: session } = await owner.query<{ id: string }>(
      `INSERT INTO auth_session (tenant_id, user_id, created_at, last_refreshed_at, absolute_expires_at, ip_address, user_agent)
       VALUES ($1, $2, now(), now(), now() + interval '1 day', '127.0.0.1', 'chancery-bench-signing') RETURNING id`,
      [tenantId, signerId],
    );
    return { caller: { ...rows[0]!, sessionId: session[0]!.id }, totpSecret };
  });
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }>;
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

const SIGN = 'mutation Sign($id: ID!, $key: String!) { signCertificate(applicationId: $id, idempotencyKey: $key) { id number } }';
const STEP_UP = 'mutation StepUp($code: String!) { stepUp(code: $code) }';

/** A code of a time step the account has not used yet (a second step-up waits for the next one). */
async function stepUp(url: string, token: string, secret: string, lastStep: { value: number }): Promise<void> {
  let step = Math.floor(Date.now() / 30_000);
  if (step <= lastStep.value) {
    await new Promise((resolve) => setTimeout(resolve, (lastStep.value + 1) * 30_000 - Date.now() + 50));
    step = Math.floor(Date.now() / 30_000);
  }
  const answer = await graphql(url, token, STEP_UP, { code: totpCodeAt(secret, new Date()) });
  if (answer.errors?.length) throw new Error(`the signer's step-up failed: ${JSON.stringify(answer.errors)}`);
  lastStep.value = step;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const signingThroughput: ThroughputScenario = {
  name: 'signing throughput (signatures and PDFs per second, one signer)',
  key: 'signing',
  async run({ settings, database, api, tokens, say }: ThroughputContext): Promise<ThroughputResult> {
    const count = settings.signatures;
    const prepared = await withOwner(database.ownerUrl, async (owner) => {
      {
        const placed = await placeholderPdfs(owner);
        if (placed > 0) {
          // A million rows changed: the planner's statistics must say so, or the queue's partial index looks useless to it.
          await owner.query('ANALYZE certificate');
          say(`signing: ${placed.toLocaleString('en')} seeded certificates given their (placeholder) printed PDF`);
        }
        const { rows } = await owner.query<{ id: string }>('SELECT id FROM tenant WHERE slug = $1', [tenantSlug(SIGNING_TENANT)]);
        const tenantId = rows[0]!.id;
        const people = await peopleOf(owner, tenantId);
        const applications = await approvedApplications(owner, tenantId, people, count);
        const signer = await signerSession(owner, tenantId, people.signer);
        return { tenantId, applications, ...signer };
      }
    });
    say(`signing: ${count} applications approved for one signer of ${tenantSlug(SIGNING_TENANT)}`);

    // The step-up once (the second factor's code, through the API), then every signature in turn.
    const token = tokens.accessToken(prepared.caller);
    const lastStep = { value: 0 };
    await stepUp(api.url, token, prepared.totpSecret, lastStep);
    let stepUps = 1;
    const latencies: number[] = [];
    const numbers: string[] = [];
    const cpuBefore = cpuSeconds(api.pid);
    const signingStarted = process.hrtime.bigint();
    for (const applicationId of prepared.applications) {
      const key = `bench-signing-${randomUUID()}`;
      const started = process.hrtime.bigint();
      let answer = await graphql(api.url, token, SIGN, { id: applicationId, key });
      if (answer.errors?.[0]?.extensions?.code === 'FORBIDDEN' && /STEP_UP/.test(answer.errors[0].extensions.reason ?? '')) {
        // Past the five-minute window on a slow machine: step up again, then the same key (idempotent).
        await stepUp(api.url, token, prepared.totpSecret, lastStep);
        stepUps += 1;
        answer = await graphql(api.url, token, SIGN, { id: applicationId, key });
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      const signed = answer.data?.signCertificate as { number?: string } | undefined;
      if (answer.errors?.length || !signed?.number) throw new Error(`signing ${applicationId} failed: ${JSON.stringify(answer.errors ?? answer)}`);
      numbers.push(signed.number);
    }
    const signingSeconds = Number(process.hrtime.bigint() - signingStarted) / 1e9;
    const cpuAfter = cpuSeconds(api.pid);
    if (new Set(numbers).size !== count) throw new Error(`signing: ${count} signatures gave ${new Set(numbers).size} distinct numbers`);
    say(`signing: ${count} signed in ${signingSeconds.toFixed(1)} s (${numbers[0]} … ${numbers.at(-1)}), ${stepUps} step-up(s)`);

    // The worker's rendering, in this process: rounds of the PDF loop until nothing awaits a PDF.
    const config = loadAppConfig({
      NODE_ENV: 'production',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      DATABASE_POOL_SIZE: String(settings.poolSize),
      JWT_PRIVATE_KEY: tokens.privateKeyPem,
      SECRETS_KEY: BENCH_SECRETS_KEY,
      PUBLIC_BASE_URL: 'https://chancery.bench.test',
      LOG_LEVEL: 'warn',
    });
    // The worker's composition, its loops not polling (this scenario drives the PDF rounds; mail and
    // webhooks wait in their tables), its log lines to stderr: stdout holds the figure lines.
    const worker = configureWorkerContext(
      await NestFactory.createApplicationContext(
        WorkerModule.register({
          config,
          database: { ownerUrl: database.ownerUrl, appUrl: database.appUrl },
          jobQueue: { fireSchedules: false },
          outboxPolling: { intervalMs: 0 },
          webhookPolling: { intervalMs: 0 },
          pdfPolling: { intervalMs: 0 },
          logDestination: pino.destination(2),
        }),
        WORKER_CONTEXT_OPTIONS,
      ),
    );
    let rendered = 0;
    let rounds = 0;
    let renderingSeconds = 0;
    let renderCpuMs = 0;
    try {
      const loop = worker.get(CertificatePdfRenderingLoop);
      const cpu = process.cpuUsage();
      const renderingStarted = process.hrtime.bigint();
      // Rounds until the last signed certificate has its PDF (a round that finds nothing ends it too).
      for (let done = -1; rendered < count && done !== 0; rounds += 1) {
        done = await loop.runOnce();
        rendered += done;
      }
      renderingSeconds = Number(process.hrtime.bigint() - renderingStarted) / 1e9;
      const used = process.cpuUsage(cpu);
      renderCpuMs = (used.user + used.system) / 1000;
    } finally {
      await worker.close();
    }
    const waiting = await withOwner(database.ownerUrl, (owner) =>
      inTenant(owner, prepared.tenantId, async () =>
        Number((await owner.query<{ n: string }>(`SELECT count(*) AS n FROM certificate WHERE application_id = ANY($1::uuid[]) AND pdf_document_id IS NULL`, [prepared.applications])).rows[0]!.n),
      ),
    );
    if (waiting > 0 || rendered < count) throw new Error(`signing: ${rendered} PDFs rendered, ${waiting} of the ${count} signed certificates still without one`);
    say(`signing: ${rendered} PDFs rendered and stored in ${renderingSeconds.toFixed(1)} s (${rounds} rounds)`);

    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      count,
      signaturesPerSecond: count / signingSeconds,
      signatureP50: percentile(sorted, 50),
      signatureP99: percentile(sorted, 99),
      apiCpuMsPerSignature: cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / count,
      pdfs: rendered,
      pdfsPerSecond: rendered / renderingSeconds,
      workerCpuMsPerPdf: renderCpuMs / rendered,
      stepUps,
    };
  },
};
