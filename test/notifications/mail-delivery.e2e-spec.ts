import { once } from 'node:events';
import { createServer, Server } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Role } from '@chancery/access';
import { RequestContext, SYSTEM_ACTOR, TransactionRunner } from '@chancery/core';
import { emailTemplate, Mailer, MAX_ATTEMPTS, OutboxDelivery, retryDelayMs } from '@chancery/notifications';
import { expectData, reportFigure, rowsContaining, TestApp, useTestApp, useTestWorker } from '@chancery/testing';

/**
 * #14, "E-mail that arrives": the worker delivers the outbox (retries, each message once however
 * many workers run); in development every message is a `.eml` file in DATA_DIR/mail with its link in
 * the log; links use PUBLIC_BASE_URL and carry the token in the fragment. Prints
 *   mail: <n> messages delivered to .data/mail in development, 0 tokens at rest in clear
 */
jest.setTimeout(60_000);

const PORTAL = 'https://portal.example.test';

async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms; last read: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function emlFiles(folder: string): string[] {
  try {
    return readdirSync(folder).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    return [];
  }
}

/** The decoded text part of an .eml file as nodemailer writes it (7bit, quoted-printable or base64). */
function textOf(eml: string): string {
  const [head, ...rest] = eml.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  if (!/quoted-printable/i.test(head!)) return body;
  return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

const PROBE = emailTemplate<{ n: number }>('test.probe', {
  en: (v) => ({ subject: `probe ${v.n}`, text: `probe ${v.n}` }),
  nl: (v) => ({ subject: `probe ${v.n}`, text: `probe ${v.n}` }),
  fr: (v) => ({ subject: `probe ${v.n}`, text: `probe ${v.n}` }),
  de: (v) => ({ subject: `probe ${v.n}`, text: `probe ${v.n}` }),
});

async function queueProbes(app: TestApp, count: number, to: (n: number) => string = (n) => `probe-${n}@example.test`): Promise<void> {
  await app.get(RequestContext).runAs(SYSTEM_ACTOR, () =>
    app.get(TransactionRunner).asSystem(null, async () => {
      for (let n = 0; n < count; n += 1) await app.get(Mailer).queue(PROBE, { tenantId: null, to: to(n), language: 'en', values: { n } });
    }),
  );
}

/**
 * The SMTP server of a provider, which we cannot run here: the few commands nodemailer sends, over a
 * real socket. Refuses recipients whose address starts with `unknown` (550), keeps what it accepts.
 */
function fakeSmtpServer(): { received: string[]; server: Server; url: () => string } {
  const received: string[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let data: string | null = null;
    socket.write('220 smtp.example.test ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(data + buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          data = null;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 smtp.example.test\r\n');
        else if (verb === 'RCPT') socket.write(/<unknown/i.test(line) ? '550 5.1.1 no such mailbox\r\n' : '250 2.1.5 ok\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  // A free port the system picks (a random one could be an outgoing connection's, and be taken).
  server.listen(0, '127.0.0.1');
  const url = () => {
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the fake SMTP server is not listening yet');
    return `smtp://127.0.0.1:${address.port}`;
  };
  return { received, server, url };
}

describe('e-mail that arrives: development delivery to .eml files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chancery-mail-'));
  const mailDir = join(dataDir, 'mail');
  const logLines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  // The worker's lines go to the same destination as the app's (as both go to stdout when `npm start`
  // runs the worker in-process).
  const started = useTestApp({ env: { PUBLIC_BASE_URL: PORTAL, LOG_LEVEL: 'info' }, logDestination });
  useTestWorker({ sharesDatabaseWith: () => started.app, env: { NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'info' }, logDestination });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes every message to DATA_DIR/mail as .eml, prints its link, and its link works; no live token stays at rest in clear', async () => {
    const { app, factory } = started;
    const tenant = await factory.tenant();
    const organisation = await factory.organisation(tenant);
    const admin = await factory.user({ tenant, organisation, roles: [Role.ORG_ADMIN] });
    const session = await factory.login(admin);
    const invitee = `invitee-${Date.now()}@example.test`;
    const registrant = `registrant-${Date.now()}@example.test`;

    expectData(await app.graphql('mutation($e: String!, $t: String) { requestPasswordReset(email: $e, tenant: $t) }', { e: admin.email, t: tenant.slug }));
    expectData(await app.graphql('mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }', { i: { email: invitee, roles: ['ORG_MEMBER'] } }, { token: session.accessToken }));
    expectData(
      await app.graphql('mutation($i: RegisterOrganisationInput!) { registerOrganisation(input: $i) { tenant { slug } } }', {
        i: {
          tenantSlug: tenant.slug, vatNumber: 'BE0123.456.749', name: 'Exporter NV', legalForm: 'NV', street: 'Kaai 1', postalCode: '2000', city: 'Antwerpen',
          country: 'BE', phone: '+3232322219', email: 'info@exporter.example.test', iban: 'BE71096123456769', loginMethod: 'PASSWORD',
          administrator: { firstName: 'Rita', lastName: 'Registrant', email: registrant, phone: '+32470112233', password: 'a long enough password 14' },
        },
      }),
    );
    await app.settled();
    const queued = await app.asOwner(async (db) => (await db.query<{ template: string }>(`SELECT template FROM outbox_message`)).rows);
    expect(queued.map((message) => message.template).sort()).toEqual(['auth.password-reset', 'identity.confirm-email', 'identity.invitation']);

    // Nobody calls the worker: it polls, and the files appear.
    const files = await eventually(() => emlFiles(mailDir), (names) => names.length === queued.length);
    const emails = files.map((name) => ({ name, eml: readFileSync(join(mailDir, name), 'utf8') }));
    for (const { name, eml } of emails) {
      expect(eml).toMatch(/^Message-ID: <[0-9a-f-]{36}@/m);
      expect(name).toMatch(/\.eml$/);
    }
    const byRoute = (route: string) => {
      const found = emails.map(({ eml }) => new RegExp(`${PORTAL.replace(/\./g, '\\.')}${route}#token=(\\S+)`).exec(textOf(eml))).find(Boolean);
      return found ? decodeURIComponent(found[1]!) : undefined;
    };
    const reset = byRoute('/reset-password');
    const invitation = byRoute('/accept-invitation');
    const confirmation = byRoute('/confirm-email');
    expect([reset, invitation, confirmation].every(Boolean)).toBe(true);
    expect(emails.some(({ eml }) => new RegExp(`^To: ${registrant}`, 'm').test(eml))).toBe(true);

    // The log names each file and prints its link.
    const printed = logLines.filter((line) => /e-mail [\w.-]+ written to .*\.eml/.test(line));
    expect(printed).toHaveLength(files.length);
    expect(printed.some((line) => line.includes(`${PORTAL}/confirm-email#token=`))).toBe(true);

    // The links work.
    expectData(await app.graphql('mutation($t: String!) { confirmEmail(token: $t) }', { t: confirmation }));
    expectData(await app.graphql('mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) }', { i: { token: invitation, firstName: 'Ine', lastName: 'Vitee', password: 'another long password 15' } }));

    // Delivered: marked sent, texts erased; no live token anywhere in the database.
    const rows = await app.asOwner(async (db) => (await db.query<{ sent: boolean; body: string }>(`SELECT sent_at IS NOT NULL AS sent, body FROM outbox_message`)).rows);
    expect(rows.every((row) => row.sent && row.body === '')).toBe(true);
    const atRest = await rowsContaining(app, [reset!, invitation!, confirmation!]);
    expect(atRest).toEqual([]);
    const rowsWithTokens = atRest.reduce((sum, table) => sum + table.rows, 0);
    reportFigure(`mail: ${files.length} messages delivered to .data/mail in development, ${rowsWithTokens} tokens at rest in clear`);
  });
});

describe('e-mail that arrives: two workers, retries', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chancery-mail-'));
  const started = useTestApp();
  const first = useTestWorker({ sharesDatabaseWith: () => started.app, env: { DATA_DIR: dataDir }, outboxPollingMs: 0 });
  const second = useTestWorker({ sharesDatabaseWith: () => started.app, env: { DATA_DIR: dataDir }, outboxPollingMs: 0 });
  const failing = useTestWorker({ sharesDatabaseWith: () => started.app, env: { SMTP_URL: 'smtp://127.0.0.1:9' }, outboxPollingMs: 0 });
  const smtp = fakeSmtpServer();
  beforeAll(() => (smtp.server.listening ? undefined : once(smtp.server, 'listening')));
  // Read when the worker starts (after the server listens): the port is the one it was given.
  const sendingEnv = {
    get SMTP_URL() {
      return smtp.url();
    },
    MAIL_FROM: 'Chancery <no-reply@chamber.example.test>',
  };
  const sending = useTestWorker({ sharesDatabaseWith: () => started.app, env: sendingEnv, outboxPollingMs: 0 });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    smtp.server.close();
  });

  it('sends each message once when two workers deliver at the same time (claims with SKIP LOCKED)', async () => {
    const { app } = started;
    await queueProbes(app, 60);
    const sentBy: string[][] = [[], []];
    for (;;) {
      const rounds = await Promise.all([first.worker.get(OutboxDelivery).deliverDue(7), second.worker.get(OutboxDelivery).deliverDue(7)]);
      rounds.forEach((round, i) => sentBy[i]!.push(...round.sent));
      if (rounds.every((round) => round.sent.length === 0)) break;
    }
    const all = [...sentBy[0]!, ...sentBy[1]!];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(60);
    expect(sentBy[0]!.length).toBeGreaterThan(0);
    expect(sentBy[1]!.length).toBeGreaterThan(0);
    expect(emlFiles(join(dataDir, 'mail'))).toHaveLength(60);
  });

  it('retries a message the server did not take, later and later, and gives it up after the last try', async () => {
    const { app } = started;
    await queueProbes(app, 1);
    const delivery = failing.worker.get(OutboxDelivery);
    const state = async () =>
      (await app.asOwner((db) => db.query<{ attempts: number; last_error: string; failed: boolean; body: string }>(
        `SELECT attempts, last_error, failed_at IS NOT NULL AS failed, body FROM outbox_message WHERE sent_at IS NULL`,
      ))).rows;
    expect((await delivery.deliverDue()).retrying).toHaveLength(1);
    expect(await state()).toEqual([{ attempts: 1, last_error: 'ESOCKET', failed: false, body: expect.stringMatching(/^v1\./) }]);
    // Not due again before its delay.
    expect(await delivery.deliverDue()).toEqual({ sent: [], retrying: [], givenUp: [], held: [], released: 0 });
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
      app.clock.advance(retryDelayMs(attempt));
      const round = await delivery.deliverDue();
      expect(round[attempt + 1 === MAX_ATTEMPTS ? 'givenUp' : 'retrying']).toHaveLength(1);
    }
    expect(await state()).toEqual([{ attempts: MAX_ATTEMPTS, last_error: 'ESOCKET', failed: true, body: '' }]);
    app.clock.advance(24 * 3_600_000);
    expect(await delivery.deliverDue()).toEqual({ sent: [], retrying: [], givenUp: [], held: [], released: 0 });
  });

  it('sends through SMTP_URL with the outbox id as Message-ID; a 5xx refusal is final', async () => {
    const { app } = started;
    await app.asOwner((db) => db.query(`UPDATE outbox_message SET failed_at = now() WHERE sent_at IS NULL AND failed_at IS NULL`));
    await queueProbes(app, 2, (n) => (n === 0 ? 'someone@example.test' : 'unknown@example.test'));
    const [accepted, refused] = (await app.asOwner((db) => db.query<{ id: string }>(`SELECT id FROM outbox_message WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY recipient`))).rows;
    const round = await sending.worker.get(OutboxDelivery).deliverDue();
    expect(round).toEqual({ sent: [accepted!.id], retrying: [], givenUp: [refused!.id], held: [], released: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatch(new RegExp(`^Message-ID: <${accepted!.id}@chamber\\.example\\.test>`, 'm'));
    expect(smtp.received[0]).toMatch(/^To: someone@example\.test/m);
    expect(smtp.received[0]).toContain('probe 0');
    const [row] = (await app.asOwner((db) => db.query(`SELECT last_error, body FROM outbox_message WHERE id = $1`, [refused!.id]))).rows;
    expect(row).toEqual({ last_error: 'SMTP_550', body: '' });
  });
});
