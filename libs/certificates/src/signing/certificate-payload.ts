import { createHash, randomInt } from 'node:crypto';
import { canonicalJson, JsonValue } from '@chancery/core';
import { type CertificateApplication, GoodsLine } from '../entities/certificate-application.entity';

/** What is signed: the certificate's content as the form shows it, frozen at signing. */
export interface CertificatePayloadParts {
  number: string;
  issuedAt: Date;
  keyId: string;
  chamber: { name: string; slug: string; country: string };
  exporter: { name: string; address: string; country: string };
  application: CertificateApplication;
  replacesNumber: string | null;
}

/** The goods lines as a JSON value, in their given order (the order printed). */
export function goodsJson(goods: readonly GoodsLine[]): JsonValue {
  return goods.map((g) => ({
    description: g.description, hsCode: g.hsCode, quantity: g.quantity, unit: g.unit, grossWeightKg: g.grossWeightKg, netWeightKg: g.netWeightKg,
    marksAndNumbers: g.marksAndNumbers, packages: g.packages,
  }));
}

/** The goods lines of a signed payload (the public verification shows them), in the order printed; null when it holds none. */
export function certifiedGoodsOf(signedPayload: string | null): GoodsLine[] | null {
  if (!signedPayload) return null;
  const goods = (JSON.parse(signedPayload) as { goods?: unknown }).goods;
  if (!Array.isArray(goods)) return null;
  return goods.map((g: GoodsLine) =>
    Object.assign(new GoodsLine(), {
      description: g.description, hsCode: g.hsCode, quantity: g.quantity, unit: g.unit, grossWeightKg: g.grossWeightKg, netWeightKg: g.netWeightKg,
      marksAndNumbers: g.marksAndNumbers, packages: g.packages,
    }),
  );
}

/** SHA-256 (hex) of the canonical JSON of the goods lines: the public answer shows it, so paper and register can be compared. */
export function goodsHash(goods: readonly GoodsLine[]): string {
  return createHash('sha256').update(canonicalJson(goodsJson(goods))).digest('hex');
}

/**
 * The canonical JSON (RFC 8785, the same implementation as the audit log's) that the chamber's key
 * signs. Anyone with it, the signature and the published key can check it offline
 * (docs/verify-certificate.mjs).
 */
export function certificatePayload(p: CertificatePayloadParts): string {
  const a = p.application;
  return canonicalJson({
    type: 'CertificateOfOrigin',
    version: 1,
    number: p.number,
    issuedAt: p.issuedAt.toISOString(),
    keyId: p.keyId,
    issuingChamber: p.chamber,
    exporter: p.exporter,
    consignee: { name: a.consigneeName, address: a.consigneeAddress, country: a.consigneeCountry },
    countryOfOrigin: a.countryOfOrigin,
    transportDetails: a.transportDetails,
    goods: goodsJson(a.goods),
    goodsHash: goodsHash(a.goods),
    invoiceReferences: [...a.invoiceReferences],
    remarks: a.remarks,
    language: a.language,
    replaces: p.replacesNumber,
  });
}

/**
 * What a certificate number looks like where one is asked for (verification): its prefix (at most 60
 * characters, a default one; 51 saved), `-YYYY-`, six digits or more. One pattern, so no chamber's
 * numbers can be longer than what verification takes (a 63-character number was refused).
 */
export const CERTIFICATE_NUMBER = /^[A-Z0-9-]{6,80}$/;

/** e.g. BE-ANT-2026-000123: gapless per tenant and year. */
export function certificateNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

// Crockford's base32 without I, L, O, U: nothing to misread on paper.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A verification code printed on the certificate: 12 characters (60 bits), in groups of four. */
export function newVerificationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

export function verificationCodeHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^0-9A-Z]/g, '')).digest('hex');
}

/** The hash as bytes, for core's constant-time `sameHash`. */
export function verificationCodeDigest(code: string): Buffer {
  return Buffer.from(verificationCodeHash(code), 'hex');
}
