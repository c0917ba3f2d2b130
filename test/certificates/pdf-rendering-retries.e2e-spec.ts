import { Writable } from 'node:stream';
import { Role } from '@chancery/access';
import { CertificatePdfService, PDF_MAX_ATTEMPTS } from '@chancery/certificates';
import { RequestContext } from '@chancery/core';
import { retryDelayMs } from '@chancery/notifications';
import { CertificateFactory, signatureImage, TestCertificate, useTestApp, useTestWorker } from '@chancery/testing';
import { CertificatePdfRenderingLoop } from '../../apps/worker/src/jobs/certificates/certificate-pdf-rendering.loop';
import { WORKER_ACTOR } from '../../apps/worker/src/jobs/job-registry';

/**
 * A certificate whose PDF cannot be rendered (its signer's stored signature image is not an image the
 * PDF library can read: refused at upload today, stored here directly as the owner, as data written
 * before that check was) is tried again only after its back-off, does not hold back the others, is
 * given up after PDF_MAX_ATTEMPTS with one error line, and renders once repaired and due.
 */
describe('Certificate PDFs that fail to render', () => {
  const logLines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const started = useTestApp({ env: { LOG_LEVEL: 'warn' }, logDestination });
  const running = useTestWorker({ sharesDatabaseWith: () => started.app, env: { LOG_LEVEL: 'warn' }, logDestination });

  /** The log lines about one certificate, as {level, msg}. */
  const linesAbout = (certificateId: string) =>
    logLines.filter((line) => line.includes(certificateId)).map((line) => JSON.parse(line) as { level: number; msg: string });

  it('backs off, lets newer PDFs through, gives up after the maximum and renders once repaired', async () => {
    const { app, factory } = started;
    const { worker } = running;
    const certificates = new CertificateFactory(app);
    const chamber = await factory.tenant();
    const company = await factory.organisation(chamber);
    const people = {
      exporter: await factory.user({ tenant: chamber, organisation: company, roles: [Role.ORG_ADMIN] }),
      clerk: await factory.user({ tenant: chamber, roles: [Role.CLERK] }),
      badSigner: await factory.user({ tenant: chamber, roles: [Role.SIGNER] }),
      goodSigner: await factory.user({ tenant: chamber, roles: [Role.SIGNER] }),
    };
    const badSigner = people.badSigner;
    // A PNG header and nothing else: pdfkit throws on it at every try.
    await app.asOwner((db) => db.query(`UPDATE user_account SET signature_image = 'data:image/png;base64,iVBORw0KGgo=' WHERE id = $1`, [badSigner.id]));

    const round = () => worker.get(CertificatePdfRenderingLoop).runOnce();
    // Logged in at each issue: the clock jumps past sessions' lifetime.
    const issue = async (signer: typeof badSigner) =>
      certificates.issued((await factory.login(people.exporter)).accessToken, (await factory.login(people.clerk)).accessToken, (await factory.login(signer)).accessToken);
    const state = async (certificate: TestCertificate) =>
      (await app.asOwner((db) => db.query(`SELECT pdf_document_id IS NOT NULL AS "ready", pdf_attempts AS "attempts" FROM certificate WHERE id = $1`, [certificate.id]))).rows[0] as { ready: boolean; attempts: number };
    const storedPdfs = async () => Number((await app.asOwner((db) => db.query(`SELECT count(*) AS n FROM stored_document WHERE kind = 'CERTIFICATE_PDF'`))).rows[0].n);

    const failing = await issue(badSigner);
    expect(await round()).toBe(0);
    expect(await state(failing)).toEqual({ ready: false, attempts: 1 });
    // Nothing half-written: the failed transaction stored no document.
    expect(await storedPdfs()).toBe(0);
    expect(linesAbout(failing.id)).toHaveLength(1);

    // (a) The next rounds, before its back-off runs out, do not try it again.
    expect(await round()).toBe(0);
    app.clock.advance(retryDelayMs(1) - 1_000);
    expect(await round()).toBe(0);
    expect(await state(failing)).toEqual({ ready: false, attempts: 1 });
    expect(linesAbout(failing.id)).toHaveLength(1);

    // (b) Due again, it does not come before a newer certificate, even in a round of one.
    app.clock.advance(1_000);
    const newer = await issue(people.goodSigner);
    expect(await worker.get(RequestContext).runAs(WORKER_ACTOR, () => worker.get(CertificatePdfService).renderAwaiting(1))).toBe(1);
    expect(await state(newer)).toEqual({ ready: true, attempts: 0 });
    expect(await state(failing)).toEqual({ ready: false, attempts: 1 });

    // (c) Tried at each back-off until the maximum, then no more: one error line says it was given up.
    for (let attempts = 1; attempts < PDF_MAX_ATTEMPTS; attempts += 1) {
      app.clock.advance(retryDelayMs(attempts));
      await round();
      expect(await state(failing)).toEqual({ ready: false, attempts: attempts + 1 });
    }
    app.clock.advance(7 * 24 * 3_600_000);
    await round();
    await round();
    expect(await state(failing)).toEqual({ ready: false, attempts: PDF_MAX_ATTEMPTS });
    const lines = linesAbout(failing.id);
    expect(lines).toHaveLength(PDF_MAX_ATTEMPTS);
    expect(lines.filter((line) => line.level >= 50)).toEqual([expect.objectContaining({ msg: expect.stringMatching(/given up after 8 attempts/) })]);

    // (d) One more fails, is repaired (a readable signature image) while it waits, and renders once due...
    const repairable = await issue(badSigner);
    expect(await round()).toBe(0);
    await app.asOwner((db) => db.query(`UPDATE user_account SET signature_image = $2 WHERE id = $1`, [badSigner.id, signatureImage()]));
    expect(await round()).toBe(0);
    app.clock.advance(retryDelayMs(1));
    expect(await round()).toBe(1);
    expect(await state(repairable)).toEqual({ ready: true, attempts: 1 });
    // ...and the given-up one stays given up until an operator queues it again (the statement of docs/certificates.md), then renders.
    expect(await state(failing)).toEqual({ ready: false, attempts: PDF_MAX_ATTEMPTS });
    await app.asOwner((db) => db.query(`UPDATE certificate SET pdf_attempts = 0, pdf_next_attempt_at = NULL, pdf_given_up_at = NULL WHERE pdf_given_up_at IS NOT NULL AND id = $1`, [failing.id]));
    expect(await round()).toBe(1);
    expect(await state(failing)).toEqual({ ready: true, attempts: 0 });
    expect(await storedPdfs()).toBe(3);
  });
});
