import { createHash } from 'node:crypto';
import { CertificatePdfInput, renderCertificatePdf } from './certificate-pdf';

function certificate(language: string, consignee: string): CertificatePdfInput {
  const signedPayload = JSON.stringify({
    number: 'BE-2026-000123',
    issuedAt: '2026-12-02T10:00:00.000Z',
    issuingChamber: { name: 'Voka – Kamer van Koophandel Antwerpen-Waasland', country: 'BE' },
    exporter: { name: 'Exporteur NV', address: 'Kaai 1, 2000 Antwerpen', country: 'BE' },
    consignee: { name: consignee, address: 'Hauptstraße 2, 50667 Köln', country: 'DE' },
    countryOfOrigin: 'BE',
    transportDetails: 'By sea from Antwerp',
    goods: [{ description: 'Bouten M8, verzinkt', hsCode: '731815', quantity: 1000, unit: 'pcs', grossWeightKg: 120, netWeightKg: 110, marksAndNumbers: 'EX-1', packages: 4 }],
    invoiceReferences: ['INV-2026-1'],
    remarks: '',
    language,
    replaces: null,
  });
  return { signedPayload, verificationCode: 'ABCD-EFGH', verificationUrl: 'https://chancery.example/verify/BE-2026-000123', signerName: 'An Peeters', signatureImage: null, copyNumber: 0 };
}

const digest = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

describe('renderCertificatePdf', () => {
  // The font faces are parsed once and shared by every document of the process: a document must not
  // carry over anything of the ones rendered before it (each embeds its own subset of glyphs).
  it('renders the same certificate to the same bytes, whatever was rendered in between', async () => {
    const first = await renderCertificatePdf(certificate('NL', 'Importeur GmbH'));
    await renderCertificatePdf(certificate('FR', 'Société Générale d’Import — Œuvre Ærø'));
    await renderCertificatePdf(certificate('DE', 'Größenwahn & Söhne ÄÖÜ'));
    const again = await renderCertificatePdf(certificate('NL', 'Importeur GmbH'));
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(digest(again)).toBe(digest(first));
  });
});
