// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the `pdf` output channel (registered in certificate-pdf.service.ts): it prints the gate-presented certificate only
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { Font, FontCollection, create } from 'fontkit';
import QRCode from 'qrcode';
import type { CertificateLanguage } from '../entities/certificate-application.entity';
import { languageOf } from '@chancery/notifications';
import { readerFormats } from '../reader-formats';
import { CERTIFICATE_FONT_FILES } from './certificate-fonts';

/**
 * A face's file and its tables, parsed once per process. Handed a file path, pdfkit parses the font's
 * tables again for every document: two thirds of a certificate's rendering time (154 ms of CPU per
 * PDF, 47 ms with the parsed tables).
 *
 * Each document still gets a font object of its own (`faceForDocument`), sharing only the tables: a
 * fontkit font caches its glyph objects by glyph id, each with the characters it was first made for
 * (`codePoints`), and pdfkit writes a document's ToUnicode map (the text of the file: copying, search,
 * screen readers, customs software) from them. Embedding a subset makes the parts of a composite glyph
 * with no characters (the O of an Ö, in `TTFSubset._addGlyph`): with one font object for the process,
 * every later document printed that O with no text, and its bytes depended on what the process had
 * rendered before. A document's own font object starts as a freshly parsed one does; what it shares is
 * read only (fontkit decodes a table once into `_tables`; a subset copies the tables it changes).
 */
interface ParsedFace {
  file: Buffer;
  /** fontkit's decoded tables, by tag: filled by the first font object to read each one. */
  tables: Record<string, unknown>;
}

let faces: { regular: ParsedFace; bold: ParsedFace } | undefined;

function parsedFaces(): { regular: ParsedFace; bold: ParsedFace } {
  return (faces ??= { regular: { file: readFileSync(CERTIFICATE_FONT_FILES.regular), tables: {} }, bold: { file: readFileSync(CERTIFICATE_FONT_FILES.bold), tables: {} } });
}

/** A font object for one document: its own glyph cache and layout state, the face's parsed tables. */
function faceForDocument(face: ParsedFace): Font {
  const font = singleFace(create(face.file)) as Font & { _tables?: Record<string, unknown> };
  // fontkit's own cache of decoded tables (its `getVariation` shares it the same way). A fontkit that
  // kept them elsewhere would quietly parse them per document again: it is refused instead.
  if (typeof font._tables !== 'object' || font._tables === null) throw new Error('fontkit no longer keeps its decoded tables in _tables: the certificate fonts cannot share them');
  font._tables = face.tables;
  return font;
}

function singleFace(font: Font | FontCollection): Font {
  if ('fonts' in font) throw new Error('expected a single font face, found a collection');
  return font;
}

interface Labels {
  title: string;
  exporter: string;
  consignee: string;
  origin: string;
  transport: string;
  goods: string;
  hs: string;
  quantity: string;
  weights: string;
  marks: string;
  invoices: string;
  remarks: string;
  certification: string;
  number: string;
  verification: string;
  issued: string;
  copy: string;
  signedBy: string;
  replaces: string;
  /** "Page 2 of 3": `${page} 2 ${of} 3`. */
  page: string;
  of: string;
}

const LABELS: Record<CertificateLanguage, Labels> = {
  EN: {
    title: 'CERTIFICATE OF ORIGIN', exporter: 'Exporter', consignee: 'Consignee', origin: 'Country of origin', transport: 'Transport details', goods: 'Goods',
    hs: 'HS code', quantity: 'Quantity', weights: 'Gross / net weight (kg)', marks: 'Marks and numbers; packages', invoices: 'Invoices', remarks: 'Remarks',
    certification: 'The undersigned authority certifies that the goods described above originate in the country shown.', number: 'Certificate number',
    verification: 'Verification code', issued: 'Issued on', copy: 'COPY', signedBy: 'Authorised signatory', replaces: 'Replaces certificate',
    page: 'Page', of: 'of',
  },
  NL: {
    title: 'CERTIFICAAT VAN OORSPRONG', exporter: 'Exporteur', consignee: 'Geadresseerde', origin: 'Land van oorsprong', transport: 'Vervoer', goods: 'Goederen',
    hs: 'GS-code', quantity: 'Hoeveelheid', weights: 'Bruto- / nettogewicht (kg)', marks: 'Merken en nummers; colli', invoices: 'Facturen', remarks: 'Opmerkingen',
    certification: 'De ondergetekende instantie verklaart dat de hierboven omschreven goederen van oorsprong zijn uit het vermelde land.', number: 'Certificaatnummer',
    verification: 'Verificatiecode', issued: 'Uitgereikt op', copy: 'AFSCHRIFT', signedBy: 'Gemachtigde ondertekenaar', replaces: 'Vervangt certificaat',
    page: 'Pagina', of: 'van',
  },
  FR: {
    title: "CERTIFICAT D'ORIGINE", exporter: 'Exportateur', consignee: 'Destinataire', origin: "Pays d'origine", transport: 'Transport', goods: 'Marchandises',
    hs: 'Code SH', quantity: 'Quantité', weights: 'Poids brut / net (kg)', marks: 'Marques et numéros ; colis', invoices: 'Factures', remarks: 'Remarques',
    certification: "L'autorité soussignée certifie que les marchandises désignées ci-dessus sont originaires du pays indiqué.", number: 'Numéro du certificat',
    verification: 'Code de vérification', issued: 'Délivré le', copy: 'COPIE', signedBy: 'Signataire autorisé', replaces: 'Remplace le certificat',
    page: 'Page', of: 'sur',
  },
  DE: {
    title: 'URSPRUNGSZEUGNIS', exporter: 'Ausführer', consignee: 'Empfänger', origin: 'Ursprungsland', transport: 'Beförderung', goods: 'Waren',
    hs: 'HS-Code', quantity: 'Menge', weights: 'Roh- / Eigengewicht (kg)', marks: 'Zeichen und Nummern; Packstücke', invoices: 'Rechnungen', remarks: 'Bemerkungen',
    certification: 'Die unterzeichnende Stelle bescheinigt, dass die oben bezeichneten Waren ihren Ursprung in dem angegebenen Land haben.', number: 'Zeugnisnummer',
    verification: 'Prüfcode', issued: 'Ausgestellt am', copy: 'ABSCHRIFT', signedBy: 'Zeichnungsberechtigte Person', replaces: 'Ersetzt Zeugnis',
    page: 'Seite', of: 'von',
  },
};

/** Where the signature block's parts lie, from the block's top and the page's left edge (points). */
const BLOCK = {
  // A 90 pt wide line keeps inside the ring 20 pt above or below its centre: the name and the date
  // together take at most 40 pt, the name at most 30 (three lines of 7 pt type).
  stamp: { x: 120, y: 55, radius: 50, textLeft: 75, textWidth: 90, nameMaxHeight: 30, nameSizes: [7, 6.5, 6, 5.5, 5], dateSize: 7 },
  signature: { x: 200, y: 10, fit: [150, 60] as [number, number] },
  signatory: { x: 200, y: 75 },
  issued: { x: 200, y: 88 },
  qr: { x: 420, y: 0, size: 120 },
  verification: { x: 380, codeY: 125, urlY: 140, width: 180 },
};

/** The signature block's height: the verification URL under the QR code is its lowest part (it may wrap). */
function signatureBlockHeight(doc: PDFKit.PDFDocument, verificationUrl: string): number {
  const urlHeight = doc.font('regular').fontSize(7).heightOfString(verificationUrl, { width: BLOCK.verification.width, align: 'center' });
  return Math.max(BLOCK.stamp.y + BLOCK.stamp.radius, BLOCK.qr.y + BLOCK.qr.size, BLOCK.verification.urlY + urlHeight);
}

/**
 * The chamber's stamp, the signatory, the issue date, the QR code and the verification code, placed
 * from `top` (the caller has made room for `signatureBlockHeight`).
 */
function drawSignatureBlock(
  doc: PDFKit.PDFDocument,
  top: number,
  block: { chamber: string; issuedOn: string; labels: Labels; qr: Buffer; signerName: string; signatureImage: string | null; verificationCode: string; verificationUrl: string },
): void {
  const { stamp, signature, signatory, issued, qr, verification } = BLOCK;
  const l = block.labels;
  // The chamber's digital stamp: its name in a ring, with the issue date under it, the two centred
  // in the ring together (a name of three lines ran into a date at a fixed place). A long name is set
  // smaller, and past the smallest size cut with an ellipsis: the heading prints it in full.
  doc.save().lineWidth(2).strokeColor('#1a3d7c').circle(stamp.x, top + stamp.y, stamp.radius).stroke().restore();
  const inRing = { width: stamp.textWidth, align: 'center' as const };
  const nameHeightAt = (size: number) => doc.font('bold').fontSize(size).heightOfString(block.chamber, inRing);
  const nameSize = stamp.nameSizes.find((size) => nameHeightAt(size) <= stamp.nameMaxHeight) ?? stamp.nameSizes.at(-1)!;
  const nameHeight = Math.min(nameHeightAt(nameSize), stamp.nameMaxHeight);
  const dateHeight = doc.font('regular').fontSize(stamp.dateSize).currentLineHeight(true);
  const nameTop = top + stamp.y - (nameHeight + dateHeight) / 2;
  doc.font('bold').fontSize(nameSize).fillColor('#1a3d7c').text(block.chamber, stamp.textLeft, nameTop, { ...inRing, height: stamp.nameMaxHeight, ellipsis: true });
  doc.font('regular').fontSize(stamp.dateSize).text(block.issuedOn, stamp.textLeft, nameTop + nameHeight, inRing).fillColor('black');
  if (block.signatureImage) {
    const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(block.signatureImage);
    if (match) doc.image(Buffer.from(match[2]!, 'base64'), signature.x, top + signature.y, { fit: signature.fit });
  }
  doc.font('regular').fontSize(9).text(`${l.signedBy}: ${block.signerName}`, signatory.x, top + signatory.y);
  doc.text(`${l.issued}: ${block.issuedOn}`, issued.x, top + issued.y);
  doc.image(block.qr, qr.x, top + qr.y, { width: qr.size });
  doc.font('bold').fontSize(9).text(`${l.verification}: ${block.verificationCode}`, verification.x, top + verification.codeY, { width: verification.width, align: 'center' });
  doc.font('regular').fontSize(7).text(block.verificationUrl, verification.x, top + verification.urlY, { width: verification.width, align: 'center' });
}

/**
 * The certificate number and "Page n of N" at the foot of every page, so that a page cannot be swapped
 * or left out unnoticed. Written once the content is laid out (the pages are buffered: N is known).
 */
function drawPageFooters(doc: PDFKit.PDFDocument, footer: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // In the bottom margin, below the content; `height` keeps pdfkit from starting a page for it.
    doc.font('regular').fontSize(8).fillColor('black').text(footer(i - range.start + 1, range.count), margins.left, height - margins.bottom + 15, {
      width: width - margins.left - margins.right, height: 20, align: 'center',
    });
  }
}

/** The signed content as `certificatePayload` wrote it. */
interface SignedContent {
  number: string;
  issuedAt: string;
  issuingChamber: { name: string; country: string };
  exporter: { name: string; address: string; country: string };
  consignee: { name: string; address: string; country: string };
  countryOfOrigin: string;
  transportDetails: string;
  goods: Array<{ description: string; hsCode: string; quantity: number; unit: string; grossWeightKg: number; netWeightKg: number; marksAndNumbers: string; packages: number }>;
  invoiceReferences: string[];
  remarks: string;
  language: CertificateLanguage;
  replaces: string | null;
}

export interface CertificatePdfInput {
  signedPayload: string;
  verificationCode: string;
  verificationUrl: string;
  signerName: string;
  /** A data: URL (PNG or JPEG) of the signer's signature, if they stored one. */
  signatureImage: string | null;
  /** 0 for the original. */
  copyNumber: number;
}

/**
 * Renders the certificate from its signed content (what was signed is what is printed), in its
 * language, with the chamber's digital stamp, the signer's name and signature, the number, the
 * verification code and a QR code to the public verification. Deterministic apart from the date
 * pdfkit writes into the file's info, which is fixed to the issue date.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const c = JSON.parse(input.signedPayload) as SignedContent;
  const l = LABELS[c.language] ?? LABELS.EN;
  const printed = readerFormats(languageOf(c.language?.toLowerCase()));
  const qr = await QRCode.toBuffer(input.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const issuedAt = new Date(c.issuedAt);
  // Pages are kept until the end, for the footers that count them (the PDF is one buffer anyway).
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: true, info: { Title: `${l.title} ${c.number}`, Author: c.issuingChamber.name, CreationDate: issuedAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a fontkit font object as it is (its types only name paths and buffers).
  const { regular, bold } = parsedFaces();
  doc.registerFont('regular', faceForDocument(regular) as unknown as string);
  doc.registerFont('bold', faceForDocument(bold) as unknown as string);

  doc.font('bold').fontSize(18).text(l.title, { align: 'center' });
  doc.font('regular').fontSize(10).text(c.issuingChamber.name, { align: 'center' });
  if (input.copyNumber > 0) doc.font('bold').fontSize(14).fillColor('#b00000').text(`${l.copy} ${input.copyNumber}`, { align: 'center' }).fillColor('black');
  doc.moveDown();
  const field = (label: string, value: string) => {
    doc.font('bold').fontSize(9).text(label);
    doc.font('regular').fontSize(10).text(value || '—');
    doc.moveDown(0.4);
  };
  field(l.number, c.number);
  field(l.exporter, `${c.exporter.name}\n${c.exporter.address}, ${printed.country(c.exporter.country)}`);
  field(l.consignee, `${c.consignee.name}\n${c.consignee.address}, ${printed.country(c.consignee.country)}`);
  field(l.origin, printed.country(c.countryOfOrigin));
  field(l.transport, c.transportDetails);
  doc.font('bold').fontSize(9).text(l.goods);
  for (const [i, g] of c.goods.entries()) {
    doc.font('regular').fontSize(9).text(
      `${i + 1}. ${g.description} — ${l.hs} ${g.hsCode} — ${l.quantity} ${printed.number(g.quantity)} ${g.unit} — ${l.weights} ${printed.number(g.grossWeightKg)} / ${printed.number(g.netWeightKg)} — ${l.marks} ${g.marksAndNumbers || '—'}; ${g.packages}`,
    );
  }
  doc.moveDown(0.4);
  field(l.invoices, c.invoiceReferences.join(', '));
  if (c.remarks) field(l.remarks, c.remarks);
  if (c.replaces) field(l.replaces, c.replaces);
  doc.moveDown();
  // The certification and the signature block are one statement: if they do not fit in what is
  // left of the page, they go to the next one together (pdfkit would break the page under each
  // absolutely placed part on its own, and draw the ring and the QR code past the edge).
  doc.font('regular').fontSize(10);
  const certificationHeight = doc.heightOfString(l.certification) + doc.currentLineHeight(true);
  if (doc.y + certificationHeight + signatureBlockHeight(doc, input.verificationUrl) > doc.page.maxY()) doc.addPage();
  doc.font('regular').fontSize(10).text(l.certification);
  doc.moveDown();
  drawSignatureBlock(doc, doc.y, { chamber: c.issuingChamber.name, issuedOn: issuedAt.toISOString().slice(0, 10), labels: l, qr, ...input });
  drawPageFooters(doc, (page, pages) => `${l.number} ${c.number} — ${l.page} ${page} ${l.of} ${pages}`);
  doc.end();
  return done;
}
