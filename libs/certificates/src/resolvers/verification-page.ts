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
        ['Country of origin', v.countryOfOrigin],
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
${portalPath ? `<p><a href="${escape(portalPath)}">View in your language: Nederlands · Français · Deutsch · English</a></p>` : ''}
</body></html>`;
}
