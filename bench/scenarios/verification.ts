import { createHash } from 'node:crypto';
import { sameHash } from '@chancery/core';
import {
  PublicCertificateRow,
  VerificationRepository,
} from '@chancery/certificates/repositories/verification.repository';
import { VERIFICATION_WINDOW_MS } from '@chancery/certificates/services/verification.service';
import { certifiedGoodsOf, verificationCodeDigest } from '@chancery/certificates/signing/certificate-payload';
import { verifyEd25519 } from '@chancery/core';
import type { BaselineCall } from '../baseline/call';
import { Scenario } from './scenario';

// Issue #16's public verification by number and code (no login), through GraphQL and the plain GET
// the QR code opens (asked for JSON). The same work as VerificationService.verify: the throttle's
// read as the system, the certificate with its chamber's public key in the public scope, the
// constant-time code comparison and the Ed25519 check of the signed canonical JSON.

/** The API's setting of the same name (the bench raises it for both servers: every request comes from one address). */
const VERIFICATION_FAILURES_PER_ADDRESS = Number(process.env.VERIFICATION_FAILURES_PER_ADDRESS ?? 20);

/** VerificationService's throttle key (per client address). */
function throttleKey(kind: string, value: string): Buffer {
  return createHash('sha256').update(`certificates.verification\u0000${kind}\u0000${value}`).digest();
}

interface Verification {
  authentic: boolean;
  number: string | null;
  status: string | null;
  revocationReason: string | null;
  supersededByNumber: string | null;
  issuingChamber: string | null;
  issuedAt: Date | null;
  countryOfOrigin: string | null;
  goodsHash: string | null;
  keyId: string | null;
}

async function inUnit<T>(
  call: BaselineCall,
  scope: Parameters<BaselineCall['open']>[0],
  work: (verifications: VerificationRepository) => Promise<T>,
): Promise<T> {
  const unit = await call.open(scope);
  try {
    const result = await work(new VerificationRepository(unit.sql));
    await unit.commit();
    return result;
  } catch (error) {
    await unit.rollback();
    throw error;
  }
}

/** The bench asks with the right code of an authentic certificate: the answer that is not `authentic: false`. */
async function verify(call: BaselineCall, number: string, code: string): Promise<{ answer: Verification; signedPayload: string }> {
  const normalised = number.trim().toUpperCase();
  const address = call.request.socket.remoteAddress ?? 'unknown';
  const keys = [throttleKey('address', address)];
  const windowStartAfter = new Date(Date.now() - VERIFICATION_WINDOW_MS);
  // As the API: the attempt counted before it is judged, given back once authentic.
  const [byAddress] = await inUnit(
    call,
    { mode: 'platform', tenantId: null, actorId: null, readOnly: false },
    (v) => v.countAttempt(keys, new Date(), windowStartAfter),
  );
  if (byAddress! > VERIFICATION_FAILURES_PER_ADDRESS)
    throw new Error('throttled: the bench asks with the right code');
  const row: PublicCertificateRow | null = await inUnit(
    call,
    { mode: 'public', tenantId: null, actorId: null, readOnly: true },
    (v) => v.findByNumber(normalised),
  );
  if (!row) throw new Error('no such certificate: the bench asks for a seeded one');
  const codeMatches = sameHash(Buffer.from(row.verificationCodeHash, 'hex'), verificationCodeDigest(code));
  const signatureChecks = verifyEd25519(row.publicKey, row.signedPayload, row.signature);
  if (!codeMatches || !signatureChecks) throw new Error('the seeded certificate does not verify');
  await inUnit(call, { mode: 'platform', tenantId: null, actorId: null, readOnly: false }, (v) => v.giveBack(keys, windowStartAfter));
  const answer: Verification = {
    authentic: true,
    number: row.number,
    status: row.status,
    revocationReason: row.revocationReason,
    supersededByNumber: row.supersededByNumber,
    issuingChamber: row.issuingChamber,
    issuedAt: row.issuedAt,
    countryOfOrigin: row.countryOfOrigin,
    goodsHash: row.goodsHash,
    keyId: row.keyId,
  };
  return { answer, signedPayload: row.signedPayload };
}

export const verifyCertificate: Scenario = {
  name: 'verification',
  key: 'verify',
  statementsInFigure: false,
  load: 'default',
  operationName: 'VerifyCertificate',
  document: `query VerifyCertificate($number: String!, $code: String!) { verifyCertificate(number: $number, code: $code) {
    authentic number status revocationReason supersededByNumber issuingChamber issuedAt countryOfOrigin goodsHash keyId } }`,
  variables: (fixture) => ({ ...fixture.certificate }),
  caller: () => null,
  async baseline(call, variables) {
    return { verifyCertificate: (await verify(call, String(variables.number), String(variables.code))).answer };
  },
};

export const verifyCertificateGet: Scenario = {
  name: 'verification (GET)',
  key: 'verify.get',
  statementsInFigure: false,
  load: 'default',
  operationName: '',
  document: '',
  baseline: () => Promise.reject(new Error('a GET scenario')),
  caller: () => null,
  get: {
    path: ({ certificate }) =>
      `/verify/${encodeURIComponent(certificate.number)}?code=${encodeURIComponent(certificate.code)}`,
    route: /^\/verify\/[^/]+$/,
    accept: 'application/json',
    async baseline(call, url) {
      const number = decodeURIComponent(url.pathname.slice('/verify/'.length)).toUpperCase();
      const { answer, signedPayload } = await verify(call, number, url.searchParams.get('code') ?? '');
      return {
        // The plain GET answers every field of the verification, the destruction date and the goods
        // certified (from the signed content) included; the GraphQL document above selects neither.
        body: { ...answer, recordDestroyedAt: null, goods: certifiedGoodsOf(signedPayload) },
        headers: {
          'cache-control': 'public, max-age=300',
          vary: 'Accept, Accept-Language',
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        },
      };
    },
  },
};
