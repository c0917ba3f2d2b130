import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig, Clock, DAY_MS, sameHash, TransactionRunner } from '@chancery/core';
import { CertificateErrors } from '../certificates.errors';
import { CertificateVerification } from '../entities/public-verification.types';
import { PublicCertificateRow, VerificationRepository } from '../repositories/verification.repository';
import { SigningKeyRepository } from '../repositories/signing-key.repository';
import { certifiedGoodsOf, verificationCodeDigest } from '../signing/certificate-payload';
import { verifyEd25519 } from '@chancery/core';

/** Failed verifications allowed per client address in a window. */
export const VERIFICATION_WINDOW_MS = 15 * 60_000;
/** A counter outlives its window by this much, then the nightly retention sweep deletes it (it hashes a client address). */
export const COUNTER_KEPT_AFTER_WINDOW_MS = DAY_MS;

// No limit per number. Refusing a number after N failures let anyone keep any certificate (numbers are
// sequential) unverifiable for the holder of its code; refusing only the wrong codes of a closed
// number would answer 429 exactly when `authentic: false` would, so it would slow no guesser. What
// stops guessing is the code: 12 symbols of 32, 60 bits (1.15e18 codes). At 20 failures per address (VERIFICATION_FAILURES_PER_ADDRESS)
// per 15 minutes, 100,000 addresses make 7e10 guesses a year: a 6e-8 chance of hitting one code,
// and (each guess tests one code of one number) as many expected hits over all certificates.

// Checked when no certificate has the number, so an unknown number costs what a wrong code costs.
/** Compared against when there is no certificate, so a missing number costs the same work. */
const DUMMY_HASH = createHash('sha256').update('no such certificate').digest();
const DUMMY_KEY = 'F8w8T5yyckqeFLkxQttySQCbLlCE-PhP2TZlAsSG7gs';

/**
 * The public verification (no login; SPEC §2): by number and code, or by a signed certificate.
 * Proves authenticity (the signature checks with the tenant's public key) and status, and shows no
 * person. An unknown number and a wrong code get the same answer through the same work; failures are
 * counted per client address, and past the limit every attempt from that address is refused.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly verifications: VerificationRepository,
    private readonly keys: SigningKeyRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async verify(number: string, code: string, clientAddress: string): Promise<CertificateVerification> {
    const normalised = number.trim().toUpperCase();
    const throttleKeys = [throttleKey('address', clientAddress)];
    const now = this.clock.now();
    const windowStartAfter = new Date(now.getTime() - VERIFICATION_WINDOW_MS);
    // Counted as a failure before it is judged, given back when authentic: attempts sent together cannot all
    // be judged on the count from before them (60 at once let 43 through a limit of 20).
    const [byAddress] = await this.transactions.asSystem(null, () => this.verifications.countAttempt(throttleKeys, now, windowStartAfter));
    if (byAddress! > this.config.VERIFICATION_FAILURES_PER_ADDRESS) {
      throw CertificateErrors.VERIFICATION_THROTTLED('Too many failed verifications; try again later');
    }
    const row = await this.transactions.publicReading(() => this.verifications.findByNumber(normalised));
    const codeMatches = sameHash(row ? Buffer.from(row.verificationCodeHash, 'hex') : DUMMY_HASH, verificationCodeDigest(code)) && row !== null;
    const signatureChecks = verifyEd25519(row?.publicKey ?? DUMMY_KEY, row?.signedPayload ?? '{}', row?.signature ?? 'AAAA');
    if (!codeMatches || !row) return notAuthentic();
    await this.transactions.asSystem(null, () => this.verifications.giveBack(throttleKeys, windowStartAfter));
    if (row.destroyedAt) return destroyed(row);
    return answerFor(row, signatureChecks);
  }

  /** Checks a signed certificate (payload + signature + key id) against the published key, and tells its current status. */
  async verifySigned(payload: string, signature: string, keyId: string): Promise<CertificateVerification> {
    const key = await this.transactions.publicReading(() => this.keys.publicKey(keyId));
    if (!key || !verifyEd25519(key.publicKey, payload, signature)) return notAuthentic();
    let number: unknown;
    try {
      number = (JSON.parse(payload) as { number?: unknown }).number;
    } catch {
      return notAuthentic();
    }
    const row = typeof number === 'string' ? await this.transactions.publicReading(() => this.verifications.findByNumber(number as string)) : null;
    // A record destroyed after its retention period: the chamber's key still proves the signed copy the holder presents.
    if (row?.destroyedAt && row.keyId === keyId) return Object.assign(answerFor(row, true), { recordDestroyedAt: row.destroyedAt });
    if (!row || row.keyId !== keyId || row.signedPayload !== payload) return notAuthentic();
    return answerFor(row, true);
  }
}

function throttleKey(kind: string, value: string): Buffer {
  return createHash('sha256').update(`certificates.verification\u0000${kind}\u0000${value}`).digest();
}

function notAuthentic(): CertificateVerification {
  return Object.assign(new CertificateVerification(), {
    authentic: false, number: null, status: null, revocationReason: null, supersededByNumber: null, issuingChamber: null, issuedAt: null, countryOfOrigin: null,
    goodsHash: null, keyId: null, recordDestroyedAt: null, goods: null,
  });
}

/**
 * The number and code of a certificate whose record was destroyed after its retention period: said
 * plainly, with what the minimal record still holds (no person, no signed content to check).
 */
function destroyed(row: PublicCertificateRow): CertificateVerification {
  return Object.assign(notAuthentic(), {
    number: row.number, status: row.status, issuingChamber: row.issuingChamber, issuedAt: row.issuedAt, recordDestroyedAt: row.destroyedAt,
  });
}

function answerFor(row: PublicCertificateRow, authentic: boolean): CertificateVerification {
  if (!authentic) return notAuthentic();
  return Object.assign(new CertificateVerification(), {
    authentic: true, number: row.number, status: row.status, revocationReason: row.revocationReason, supersededByNumber: row.supersededByNumber,
    issuingChamber: row.issuingChamber, issuedAt: row.issuedAt, countryOfOrigin: row.countryOfOrigin, goodsHash: row.goodsHash, keyId: row.keyId,
    recordDestroyedAt: null, goods: certifiedGoodsOf(row.signedPayload),
  });
}
