import { countryName } from '../country-names';
import type { CertificateVerification } from '../entities/public-verification.types';

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page a browser shows for the QR link: the presented answer, nothing more, and a link to the
 * same verification on the portal (`portalPath`), which speaks the reader's language.
 */
export function renderVerificationPage(v: CertificateVerification, portalPath?: string): string {
  const rows: Array<[string, unknown]> = v.authentic
    ? [
        ['Certificate number', v.number],
        ['Status', v.status],
        ['Revocation reason', v.revocationReason],
        ['Superseded by', v.supersededByNumber],
        ['Issuing chamber', v.issuingChamber],
        ['Issued on', v.issuedAt ? new Date(v.issuedAt).toISOString().slice(0, 10) : null],
        ['Country of origin', v.countryOfOrigin ? countryInEnglish(v.countryOfOrigin) : null],
        ['Goods description hash (SHA-256)', v.goodsHash],
        ['Signing key', v.keyId],
      ].filter(([, value]) => value !== null && value !== undefined) as Array<[string, unknown]>
    : [];
  if (!v.authentic && v.recordDestroyedAt) {
    rows.push(['Certificate number', v.number], ['Issuing chamber', v.issuingChamber], ['Issued on', v.issuedAt ? new Date(v.issuedAt).toISOString().slice(0, 10) : null],
      ['Record destroyed on', new Date(v.recordDestroyedAt).toISOString().slice(0, 10)]);
  }
  const verdict = !v.authentic && v.recordDestroyedAt
    ? "Record destroyed after its retention period: the chamber's register no longer holds this certificate's content, so it cannot be verified by number and code"
    : v.authentic ? (v.status === 'ISSUED' ? 'Authentic and valid' : `Authentic, ${String(v.status).toLowerCase()}`) : 'Not verified: no certificate matches this number and code';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Certificate verification</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}th{text-align:left;padding-right:1rem}</style></head>
<body><h1>Certificate of origin</h1><p><strong>${escape(verdict)}</strong></p>
<table>${rows.map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`).join('')}</table>
${v.authentic && v.goods?.length ? goodsTable(v.goods) : ''}
${portalPath ? `<p><a href="${escape(portalPath)}">View in your language: Nederlands · Français · Deutsch · English</a></p>` : ''}
</body></html>`;
}

/** "Belgium (BE)": the name for the reader, the code as the certificate's signed content holds it. */
function countryInEnglish(code: string): string {
  const name = countryName(code, 'en');
  return name !== code ? `${name} (${code})` : code;
}

/** The goods lines certified, as signed: what the reader compares with the paper in their hands. */
function goodsTable(goods: NonNullable<CertificateVerification['goods']>): string {
  const head = ['Description', 'HS code', 'Quantity', 'Gross kg', 'Net kg', 'Packages', 'Marks and numbers'];
  const cells = (g: (typeof goods)[number]) => [g.description, g.hsCode, `${g.quantity} ${g.unit}`, g.grossWeightKg, g.netWeightKg, g.packages, g.marksAndNumbers];
  return `<h2>Goods certified</h2><p>Compare them with the certificate you hold.</p>
<table><tr>${head.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr>${goods.map((g) => `<tr>${cells(g).map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table>`;
}

/** Why a browser's verification link could not be checked: a malformed link, or too many failed tries from its connection. */
export type VerificationProblem = 'malformed' | 'throttled';

const PROBLEM_TEXT: Record<VerificationProblem, { title: string; text: string }> = {
  malformed: {
    title: 'This verification link is not complete or not valid',
    text: 'Check that the whole link was scanned or copied, or type the certificate number and the verification code printed on the certificate into the form.',
  },
  throttled: {
    title: 'Too many verifications from your connection',
    text: 'Too many numbers or codes that did not match were tried from your connection. Try again in 15 minutes, or ask the chamber that issued the certificate.',
  },
};

/**
 * The page a browser shows instead of the API's JSON error when the QR link cannot be checked (a
 * customs officer's phone): what went wrong, and the portal's verification form. Nothing of the link
 * is echoed back.
 */
export function renderVerificationProblemPage(problem: VerificationProblem): string {
  const { title, text } = PROBLEM_TEXT[problem];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Certificate verification</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><h1>Certificate of origin</h1><p><strong>${escape(title)}</strong></p><p>${escape(text)}</p>
<p><a href="/verification">Verify a certificate by its number and code: Nederlands · Français · Deutsch · English</a></p>
</body></html>`;
}
