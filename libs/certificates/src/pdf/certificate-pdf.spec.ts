import { createHash } from 'node:crypto';
import { PdfPage, pdfContent, pdfPages } from '@chancery/testing';
import { CertificatePdfInput, renderCertificatePdf } from './certificate-pdf';

const NUMBER = 'BE-2026-000123';

const VOKA = 'Voka – Kamer van Koophandel Antwerpen-Waasland';

function certificate(language: string, consignee: string, { goodsLines = 1, chamber = VOKA, consigneeCountry = 'DE', weights = [120, 110] } = {}): CertificatePdfInput {
  const goods = Array.from({ length: goodsLines }, (_, i) =>
    i === 0
      ? { description: 'Bouten M8, verzinkt', hsCode: '731815', quantity: 1000, unit: 'pcs', grossWeightKg: weights[0], netWeightKg: weights[1], marksAndNumbers: 'EX-1', packages: 4 }
      : { description: `Centrifugal pumps model ${i}`, hsCode: '841370', quantity: 10, unit: 'pcs', grossWeightKg: 500, netWeightKg: 450, marksAndNumbers: 'SM', packages: 2 });
  const signedPayload = JSON.stringify({
    number: NUMBER,
    issuedAt: '2026-12-02T10:00:00.000Z',
    issuingChamber: { name: chamber, country: 'BE' },
    exporter: { name: 'Exporteur NV', address: 'Kaai 1, 2000 Antwerpen', country: 'BE' },
    consignee: { name: consignee, address: 'Hauptstraße 2, 50667 Köln', country: consigneeCountry },
    countryOfOrigin: 'BE',
    transportDetails: 'By sea from Antwerp',
    goods,
    invoiceReferences: ['INV-2026-1'],
    remarks: '',
    language,
    replaces: null,
  });
  return { signedPayload, verificationCode: 'ABCD-EFGH', verificationUrl: `https://chancery.example/verify/${NUMBER}?code=ABCD-EFGH`, signerName: 'An Peeters', signatureImage: null, copyNumber: 0 };
}

const digest = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

/** The renderer as a fresh process loads it (its module and pdfkit's anew: no font face parsed yet). */
async function freshRenderer(): Promise<typeof renderCertificatePdf> {
  let render: typeof renderCertificatePdf | undefined;
  await jest.isolateModulesAsync(async () => {
    ({ renderCertificatePdf: render } = await import('./certificate-pdf'));
  });
  return render!;
}

/** A4 with the renderer's 50 pt margins: the content ends here, the footer lies below. */
const CONTENT_BOTTOM = 841.89 - 50;

const contentOf = (page: PdfPage) => page.lines.filter((line) => line.baseline <= CONTENT_BOTTOM);
/** The lines printed in the bottom margin. */
const footerOf = (page: PdfPage) => page.lines.filter((line) => line.baseline > CONTENT_BOTTOM).map((line) => line.text);

describe('renderCertificatePdf', () => {
  // The font faces are parsed once and shared by every document of the process: a document must not
  // carry over anything of the ones rendered before it (each embeds its own subset of glyphs). The
  // reference is a fresh process's rendering (a renderer loaded anew: no face parsed yet). A capital Ö
  // is drawn as an O and a diaeresis (a composite glyph): rendered before any O, it left the O with no
  // text in the documents after it.
  it('renders a certificate to the same bytes as a fresh process does, whatever was rendered before', async () => {
    const alone = await (await freshRenderer())(certificate('NL', 'Oostende Logistics BV'));
    const render = await freshRenderer();
    await render(certificate('DE', 'Größenwahn & Söhne ÄÖÜ', { chamber: 'Wirtschaftskammer Österreich' }));
    await render(certificate('FR', 'Société Générale d’Import — Œuvre Ærø'));
    const after = await render(certificate('NL', 'Oostende Logistics BV'));
    await render(certificate('EN', 'Österreich Import GmbH'));
    const again = await render(certificate('NL', 'Oostende Logistics BV'));
    expect(alone.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect([digest(after), digest(again)]).toEqual([digest(alone), digest(alone)]);
  });

  // The file's text (copying, search, screen readers, customs software) is read through each font's
  // ToUnicode map: a letter without an entry there is printed but missing from the text.
  it('keeps the text of every letter after a certificate with a composed letter (Ö) was rendered', async () => {
    const render = await freshRenderer();
    // Ö in regular type (the consignee) and in bold (the chamber's name in the stamp), no O in either.
    await render(certificate('DE', 'Österreich Import GmbH', { chamber: 'Wirtschaftskammer Österreich' }));
    const { text } = pdfContent(await render(certificate('EN', 'Oostende Logistics BV — Oberhausen Office')));
    expect(text).toContain('Oostende Logistics BV — Oberhausen Office');
    expect(text).toContain('CERTIFICATE OF ORIGIN');
  });

  // With 11–17 goods lines the signature block reaches past the first page (it was scattered over up
  // to 6 pages, its ring and QR code cut at the edge); with 1, 40 and 200 it fits below the goods.
  describe.each([1, 11, 14, 17, 40, 200])('with %i goods lines', (goodsLines) => {
    let pages: PdfPage[];
    beforeAll(async () => {
      pages = pdfPages(await renderCertificatePdf(certificate('EN', 'Importeur GmbH', { goodsLines })));
    });

    it('keeps the certification, stamp, signature, QR code and verification together on the last page', () => {
      const last = pages.length - 1;
      const pageWith = (matches: (text: string) => boolean) => pages.findIndex((page) => contentOf(page).some((line) => matches(line.text)));
      const block = {
        certification: pageWith((text) => text.startsWith('The undersigned authority certifies')),
        stampDate: pageWith((text) => text === '2026-12-02'),
        signatory: pageWith((text) => text.startsWith('Authorised signatory: An Peeters')),
        issued: pageWith((text) => text.startsWith('Issued on: 2026-12-02')),
        verificationCode: pageWith((text) => text.startsWith('Verification code: ABCD-EFGH')),
        verificationUrl: pageWith((text) => text.startsWith('https://chancery.example/verify/')),
      };
      expect(block).toEqual(Object.fromEntries(Object.keys(block).map((key) => [key, last])));
      // The stamp's ring and the QR code, the only graphics, are drawn there too.
      expect(pages.map((page) => page.graphics.map((graphic) => graphic.kind).sort())).toEqual(pages.map((_, i) => (i === last ? ['image', 'path'] : [])));
    });

    it('takes the pages its content needs: a page for the block only when it does not fit below the goods', () => {
      const goodsPages = pages.map((page) => contentOf(page).some((line) => /^\d+\. /.test(line.text)));
      expect(goodsPages.slice(0, -1).every(Boolean)).toBe(true);
      if (goodsPages.at(-1) || pages.length === 1) return;
      // Moved to a page of its own: the block would not have fitted below the previous page's last
      // line (40 pt: the space before the certification text and its first line).
      const lastPage = pages.at(-1)!;
      const blockTop = Math.min(...lastPage.lines.map((line) => line.baseline));
      const blockBottom = Math.max(...contentOf(lastPage).map((line) => line.baseline), ...lastPage.graphics.map((graphic) => graphic.bottom));
      const previousEnd = Math.max(...contentOf(pages.at(-2)!).map((line) => line.baseline));
      expect(CONTENT_BOTTOM - previousEnd).toBeLessThan(blockBottom - blockTop + 40);
    });

    it('draws nothing below the bottom margin but the footer', () => {
      for (const page of pages) {
        for (const graphic of page.graphics) expect(graphic.bottom).toBeLessThanOrEqual(CONTENT_BOTTOM);
        for (const line of page.lines) expect(line.baseline).toBeLessThan(page.height);
        expect(footerOf(page)).toHaveLength(1);
      }
    });

    it('prints the certificate number and "Page n of N" on every page', () => {
      expect(pages.map(footerOf)).toEqual(pages.map((_, i) => [`Certificate number ${NUMBER} — Page ${i + 1} of ${pages.length}`]));
    });
  });

  it('writes the page numbers in the certificate\'s language', async () => {
    const footers = async (language: string) => pdfPages(await renderCertificatePdf(certificate(language, 'Importeur GmbH', { goodsLines: 40 }))).map(footerOf);
    expect(await footers('NL')).toEqual([[`Certificaatnummer ${NUMBER} — Pagina 1 van 2`], [`Certificaatnummer ${NUMBER} — Pagina 2 van 2`]]);
    expect(await footers('FR')).toEqual([[`Numéro du certificat ${NUMBER} — Page 1 sur 2`], [`Numéro du certificat ${NUMBER} — Page 2 sur 2`]]);
    expect(await footers('DE')).toEqual([[`Zeugnisnummer ${NUMBER} — Seite 1 von 2`], [`Zeugnisnummer ${NUMBER} — Seite 2 von 2`]]);
  });

  // A certificate printed "Country of origin: BE" and "10.5" in French: codes and decimal points a
  // customs officer abroad had to decode. The signed content keeps the codes and numbers.
  it('names the countries and writes the decimal mark in the certificate\'s language', async () => {
    const textOf = async (language: string, consigneeCountry: string) =>
      pdfPages(await renderCertificatePdf(certificate(language, 'Importeur', { consigneeCountry, weights: [1250.5, 1180.125] })))[0]!.lines.map((line) => line.text).join('\n');
    const french = await textOf('FR', 'CI');
    expect(french).toContain("Pays d'origine\nBelgique");
    expect(french).toContain('Kaai 1, 2000 Antwerpen, Belgique');
    expect(french).toContain('Hauptstraße 2, 50667 Köln, Côte d’Ivoire');
    expect(french).toContain('Poids brut / net (kg) 1250,5 / 1180,125');
    const dutch = await textOf('NL', 'DE');
    expect(dutch).toContain('Land van oorsprong\nBelgië');
    expect(dutch).toContain('Köln, Duitsland');
    expect(dutch).toContain('Bruto- / nettogewicht (kg) 1250,5 / 1180,125');
    const german = await textOf('DE', 'US');
    expect(german).toContain('Ursprungsland\nBelgien');
    expect(german).toContain('Köln, Vereinigte Staaten');
    const english = await textOf('EN', 'CN');
    expect(english).toContain('Country of origin\nBelgium');
    expect(english).toContain('Köln, China');
    expect(english).toContain('Gross / net weight (kg) 1250.5 / 1180.125');
  });

  // A chamber's name of three lines ran into the issue date below it inside the ring.
  describe('the stamp', () => {
    const stampOf = async (chamber: string) => {
      const [page] = pdfPages(await renderCertificatePdf(certificate('EN', 'Importeur GmbH', { chamber })));
      const ring = page!.graphics.find((graphic) => graphic.kind === 'path')!;
      const lines = page!.lines.filter((line) => line.x < 170 && line.baseline > ring.top && line.baseline < ring.bottom);
      return { lines, texts: lines.map((line) => line.text.trim()), centre: (ring.top + ring.bottom) / 2 };
    };

    it('sets the chamber\'s name and the issue date under it without overlap', async () => {
      const { lines, texts } = await stampOf(VOKA);
      expect(texts).toEqual(['Voka – Kamer van', 'Koophandel Antwerpen-', 'Waasland', '2026-12-02']);
      // 7 pt type (about 9.5 pt a line): the lines must lie at least that far apart.
      for (const [above, below] of lines.slice(0, -1).map((line, i) => [line, lines[i + 1]!])) expect(below!.baseline - above!.baseline).toBeGreaterThanOrEqual(9);
    });

    // The name may be 200 characters long (a tenant's name).
    it.each([
      ['a long name', 'Chambre de Commerce et d’Industrie Métropolitaine Bretagne Ouest – Délégation de Quimper Cornouaille'],
      ['a name of 200 characters', `Chamber ${'of Commerce and Industry '.repeat(8)}`.slice(0, 200)],
    ])('keeps %s and the date inside the ring, the date under the name', async (_, chamber) => {
      const { lines, texts, centre } = await stampOf(chamber);
      expect(texts.at(-1)).toBe('2026-12-02');
      // A 90 pt wide line is inside the ring up to 20 pt above or below its centre.
      for (const line of lines) expect(Math.abs(line.baseline - centre)).toBeLessThanOrEqual(20);
      // The smallest type, 5 pt, takes about 6.8 pt a line.
      for (const [above, below] of lines.slice(0, -1).map((line, i) => [line, lines[i + 1]!])) expect(below!.baseline - above!.baseline).toBeGreaterThanOrEqual(6.5);
    });
  });
});
