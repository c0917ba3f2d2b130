import Negotiator from 'negotiator';
import { LANGUAGES, type Language } from '@chancery/notifications';
import { CertificateStatus, RevocationReason } from '../entities/certificate.entity';
import type { CertificateVerification } from '../entities/public-verification.types';
import { readerFormats } from '../reader-formats';

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', de: 'Deutsch', en: 'English' };
/** The product's languages, English first: a browser that takes any language (`*`) gets English. */
const NEGOTIATED = ['en', ...LANGUAGES.filter((language) => language !== 'en')];

/**
 * The QR link's page speaks the product's languages. A customs officer abroad scans the code with a
 * phone that says which language it reads (Accept-Language); `?lang=` chooses one from the page and
 * wins. Else English. Never refused: the QR link must always open.
 */
export function pageLanguageOf(chosen: unknown, acceptLanguage: string | undefined): Language {
  const asked = typeof chosen === 'string' ? chosen.toLowerCase() : '';
  if ((LANGUAGES as readonly string[]).includes(asked)) return asked as Language;
  const negotiated = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).language(NEGOTIATED);
  return (negotiated as Language | undefined) ?? 'en';
}

/** Why a browser's verification link could not be checked: a malformed link, or too many failed tries from its connection. */
export type VerificationProblem = 'malformed' | 'throttled';

interface PageTexts {
  title: string;
  heading: string;
  authenticValid: string;
  authenticRevoked: string;
  authenticSuperseded: string;
  notVerified: string;
  notVerifiedHint: string;
  destroyed: string;
  destroyedHint: string;
  number: string;
  status: string;
  revocationReason: string;
  supersededBy: string;
  issuingChamber: string;
  issuedAt: string;
  countryOfOrigin: string;
  goodsHash: string;
  keyId: string;
  recordDestroyedAt: string;
  statuses: Record<CertificateStatus, string>;
  reasons: Record<RevocationReason, string>;
  goods: string;
  goodsHint: string;
  /** With its colon, as the language writes it ("Autres langues :"). */
  otherLanguages: string;
  /** Description, HS code, quantity, gross kg, net kg, packages, marks and numbers. */
  goodsColumns: [string, string, string, string, string, string, string];
  verifyAnother: string;
  problems: Record<VerificationProblem, { title: string; text: string }>;
}

// The portal's wording (apps/web/src/i18n/locales, `verification`), and the printed certificate's for the code.
const TEXTS: Record<Language, PageTexts> = {
  en: {
    title: 'Certificate verification',
    heading: 'Certificate of origin',
    authenticValid: 'Authentic and valid',
    authenticRevoked: 'Authentic, but revoked',
    authenticSuperseded: 'Authentic, but replaced by another certificate',
    notVerified: 'Not verified: no certificate matches this number and code',
    notVerifiedHint: 'Check both against the paper. Each certificate has its own code.',
    destroyed: 'Record destroyed after its retention period',
    destroyedHint: 'The number and the code match a certificate this chamber issued, but at the end of its retention period its content (the goods, the exporter, the consignee) was destroyed: it can no longer be compared with the paper here.',
    number: 'Certificate number',
    status: 'Status',
    revocationReason: 'Reason for the revocation',
    supersededBy: 'Replaced by',
    issuingChamber: 'Issuing chamber',
    issuedAt: 'Issued on',
    countryOfOrigin: 'Country of origin',
    goodsHash: 'Fingerprint of the goods description (SHA-256)',
    keyId: 'Signing key',
    recordDestroyedAt: 'Record destroyed on',
    statuses: { ISSUED: 'Valid', REVOKED: 'Revoked', SUPERSEDED: 'Replaced' },
    reasons: { ISSUED_IN_ERROR: 'Issued in error', GOODS_NOT_EXPORTED: 'Goods not exported', FRAUDULENT_APPLICATION: 'Fraudulent application', AT_EXPORTER_REQUEST: "At the exporter's request", OTHER: 'Other reason' },
    goods: 'Goods certified',
    goodsHint: 'Compare them with the certificate you hold: a certificate whose goods differ from these has been altered.',
    goodsColumns: ['Description of the goods', 'HS code', 'Quantity', 'Gross weight (kg)', 'Net weight (kg)', 'Packages', 'Marks and numbers'],
    otherLanguages: 'Other languages:',
    verifyAnother: 'Verify another certificate by its number and code',
    problems: {
      malformed: {
        title: 'This verification link is not complete or not valid',
        text: 'Check that the whole link was scanned or copied, or type the certificate number and the verification code printed on the certificate into the form.',
      },
      throttled: {
        title: 'Too many verifications from your connection',
        text: 'Too many numbers or codes that did not match were tried from your connection. Try again in 15 minutes, or ask the chamber that issued the certificate.',
      },
    },
  },
  nl: {
    title: 'Controle van een certificaat',
    heading: 'Certificaat van oorsprong',
    authenticValid: 'Echt en geldig',
    authenticRevoked: 'Echt, maar ingetrokken',
    authenticSuperseded: 'Echt, maar vervangen door een ander certificaat',
    notVerified: 'Niet bevestigd: geen enkel certificaat past bij dit nummer en deze code',
    notVerifiedHint: 'Vergelijk beide met het papier. Elk certificaat heeft zijn eigen code.',
    destroyed: 'Dossier vernietigd na afloop van de bewaartermijn',
    destroyedHint: 'Nummer en code passen bij een certificaat dat deze kamer heeft uitgereikt, maar na afloop van de bewaartermijn werd de inhoud ervan (de goederen, de exporteur, de geadresseerde) vernietigd: het kan hier niet meer met het papier worden vergeleken.',
    number: 'Nummer van het certificaat',
    status: 'Status',
    revocationReason: 'Reden van de intrekking',
    supersededBy: 'Vervangen door',
    issuingChamber: 'Uitreikende kamer',
    issuedAt: 'Uitgereikt op',
    countryOfOrigin: 'Land van oorsprong',
    goodsHash: 'Vingerafdruk van de goederenomschrijving (SHA-256)',
    keyId: 'Ondertekeningssleutel',
    recordDestroyedAt: 'Dossier vernietigd op',
    statuses: { ISSUED: 'Geldig', REVOKED: 'Ingetrokken', SUPERSEDED: 'Vervangen' },
    reasons: { ISSUED_IN_ERROR: 'Verkeerdelijk uitgereikt', GOODS_NOT_EXPORTED: 'Goederen niet uitgevoerd', FRAUDULENT_APPLICATION: 'Frauduleuze aanvraag', AT_EXPORTER_REQUEST: 'Op vraag van de exporteur', OTHER: 'Andere reden' },
    goods: 'Gecertificeerde goederen',
    goodsHint: 'Vergelijk ze met het certificaat dat u in handen hebt: een certificaat met andere goederen werd vervalst.',
    goodsColumns: ['Omschrijving van de goederen', 'GS-code', 'Hoeveelheid', 'Brutogewicht (kg)', 'Nettogewicht (kg)', 'Aantal colli', 'Merken en nummers'],
    otherLanguages: 'Andere talen:',
    verifyAnother: 'Een ander certificaat controleren met zijn nummer en code',
    problems: {
      malformed: {
        title: 'Deze controlelink is onvolledig of ongeldig',
        text: 'Controleer of de hele link werd gescand of gekopieerd, of vul het nummer en de verificatiecode die op het certificaat staan in het formulier in.',
      },
      throttled: {
        title: 'Te veel controles vanaf uw verbinding',
        text: 'Vanaf uw verbinding werden te veel nummers of codes geprobeerd die niet overeenkwamen. Probeer het over 15 minuten opnieuw, of vraag het aan de kamer die het certificaat heeft uitgereikt.',
      },
    },
  },
  fr: {
    title: "Vérification d'un certificat",
    heading: "Certificat d'origine",
    authenticValid: 'Authentique et valide',
    authenticRevoked: 'Authentique, mais révoqué',
    authenticSuperseded: 'Authentique, mais remplacé par un autre certificat',
    notVerified: 'Non vérifié : aucun certificat ne correspond à ce numéro et à ce code',
    notVerifiedHint: 'Comparez les deux avec le papier. Chaque certificat a son propre code.',
    destroyed: 'Dossier détruit au terme de sa durée de conservation',
    destroyedHint: "Le numéro et le code correspondent à un certificat délivré par cette chambre, mais son contenu (les marchandises, l'exportateur, le destinataire) a été détruit au terme de sa durée de conservation : il ne peut plus être comparé ici avec le papier.",
    number: 'Numéro du certificat',
    status: 'Statut',
    revocationReason: 'Motif de la révocation',
    supersededBy: 'Remplacé par',
    issuingChamber: 'Chambre émettrice',
    issuedAt: 'Délivré le',
    countryOfOrigin: "Pays d'origine",
    goodsHash: 'Empreinte de la description des marchandises (SHA-256)',
    keyId: 'Clé de signature',
    recordDestroyedAt: 'Dossier détruit le',
    statuses: { ISSUED: 'Valide', REVOKED: 'Révoqué', SUPERSEDED: 'Remplacé' },
    reasons: { ISSUED_IN_ERROR: 'Délivré par erreur', GOODS_NOT_EXPORTED: 'Marchandises non exportées', FRAUDULENT_APPLICATION: 'Demande frauduleuse', AT_EXPORTER_REQUEST: "À la demande de l'exportateur", OTHER: 'Autre motif' },
    goods: 'Marchandises certifiées',
    goodsHint: 'Comparez-les avec le certificat que vous avez en main : un certificat dont les marchandises diffèrent a été falsifié.',
    goodsColumns: ['Description des marchandises', 'Code SH', 'Quantité', 'Poids brut (kg)', 'Poids net (kg)', 'Nombre de colis', 'Marques et numéros'],
    otherLanguages: 'Autres langues :',
    verifyAnother: 'Vérifier un autre certificat par son numéro et son code',
    problems: {
      malformed: {
        title: 'Ce lien de vérification est incomplet ou invalide',
        text: 'Vérifiez que le lien entier a été scanné ou copié, ou saisissez dans le formulaire le numéro du certificat et le code de vérification imprimés sur celui-ci.',
      },
      throttled: {
        title: 'Trop de vérifications depuis votre connexion',
        text: 'Trop de numéros ou de codes qui ne correspondaient pas ont été essayés depuis votre connexion. Réessayez dans 15 minutes, ou adressez-vous à la chambre qui a délivré le certificat.',
      },
    },
  },
  de: {
    title: 'Prüfung eines Zeugnisses',
    heading: 'Ursprungszeugnis',
    authenticValid: 'Echt und gültig',
    authenticRevoked: 'Echt, aber widerrufen',
    authenticSuperseded: 'Echt, aber durch ein anderes Zeugnis ersetzt',
    notVerified: 'Nicht bestätigt: kein Zeugnis passt zu dieser Nummer und diesem Code',
    notVerifiedHint: 'Vergleichen Sie beide mit dem Papier. Jedes Zeugnis hat seinen eigenen Code.',
    destroyed: 'Akte nach Ablauf der Aufbewahrungsfrist vernichtet',
    destroyedHint: 'Nummer und Code passen zu einem Zeugnis, das diese Kammer ausgestellt hat, aber sein Inhalt (die Waren, der Ausführer, der Empfänger) wurde nach Ablauf der Aufbewahrungsfrist vernichtet: Es kann hier nicht mehr mit dem Papier verglichen werden.',
    number: 'Nummer des Zeugnisses',
    status: 'Status',
    revocationReason: 'Grund des Widerrufs',
    supersededBy: 'Ersetzt durch',
    issuingChamber: 'Ausstellende Kammer',
    issuedAt: 'Ausgestellt am',
    countryOfOrigin: 'Ursprungsland',
    goodsHash: 'Fingerabdruck der Warenbezeichnung (SHA-256)',
    keyId: 'Signaturschlüssel',
    recordDestroyedAt: 'Akte vernichtet am',
    statuses: { ISSUED: 'Gültig', REVOKED: 'Widerrufen', SUPERSEDED: 'Ersetzt' },
    reasons: { ISSUED_IN_ERROR: 'Irrtümlich ausgestellt', GOODS_NOT_EXPORTED: 'Waren nicht ausgeführt', FRAUDULENT_APPLICATION: 'Betrügerischer Antrag', AT_EXPORTER_REQUEST: 'Auf Wunsch des Ausführers', OTHER: 'Anderer Grund' },
    goods: 'Bescheinigte Waren',
    goodsHint: 'Vergleichen Sie sie mit dem Zeugnis, das Sie in der Hand halten: Ein Zeugnis mit anderen Waren wurde verfälscht.',
    goodsColumns: ['Warenbezeichnung', 'HS-Code', 'Menge', 'Bruttogewicht (kg)', 'Nettogewicht (kg)', 'Anzahl der Packstücke', 'Zeichen und Nummern'],
    otherLanguages: 'Andere Sprachen:',
    verifyAnother: 'Ein anderes Zeugnis anhand seiner Nummer und seines Codes prüfen',
    problems: {
      malformed: {
        title: 'Dieser Prüflink ist unvollständig oder ungültig',
        text: 'Prüfen Sie, ob der ganze Link gescannt oder kopiert wurde, oder geben Sie die Nummer und den Prüfcode, die auf dem Zeugnis stehen, in das Formular ein.',
      },
      throttled: {
        title: 'Zu viele Prüfungen von Ihrer Verbindung',
        text: 'Von Ihrer Verbindung aus wurden zu viele Nummern oder Codes versucht, die nicht passten. Versuchen Sie es in 15 Minuten erneut, oder wenden Sie sich an die Kammer, die das Zeugnis ausgestellt hat.',
      },
    },
  },
};

/**
 * Read on a phone held over the paper: the verdict first, in a box of its colour (and its words: the
 * colour is not the message); hashes break anywhere and the goods table scrolls inside its frame, so
 * the page never scrolls sideways.
 */
const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:44rem;margin:1.5rem auto;padding:0 1rem;line-height:1.4}',
  'th,td{text-align:left;vertical-align:top;padding:.2rem 1rem .2rem 0}',
  'td.numeric{text-align:right}',
  'td.hash{overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:.9em}',
  '.scroll{overflow-x:auto}',
  '.verdict{padding:.75rem 1rem;border-left:.4rem solid;font-weight:bold}',
  '.verdict--valid{border-color:#1a7f37;background:#e6f4ea}',
  '.verdict--warning{border-color:#9a5b00;background:#fff4e0}',
  '.verdict--refused{border-color:#b42318;background:#fdecea}',
].join('');

/** The page's frame: its language, title and one heading; nothing loaded from elsewhere (the CSP allows inline style only). */
function page(language: Language, body: string): string {
  const t = TEXTS[language];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(t.title)}</title>
<style>${STYLE}</style></head>
<body><h1>${escape(t.heading)}</h1>
${body}
</body></html>`;
}

/**
 * The page a browser shows for the QR link, in the reader's language: the presented answer, nothing
 * more; links to the same page in the other languages (`selfPath`: the link's path and code, without
 * `lang`) and to the portal's verification form.
 */
export function renderVerificationPage(v: CertificateVerification, language: Language, selfPath: string): string {
  const t = TEXTS[language];
  const formats = readerFormats(language);
  const day = (at: Date | string | null | undefined) => (at ? new Date(at).toISOString().slice(0, 10) : null);
  const country = (code: string) => {
    const name = formats.country(code);
    return name !== code ? `${name} (${code})` : code;
  };
  const status = v.status ? (t.statuses[v.status] ?? v.status) : null;
  // Label, value, and 'hash' for a long code that may break anywhere.
  const rows: Array<[string, unknown, 'hash'?]> = [];
  if (v.authentic) {
    rows.push(
      [t.number, v.number],
      [t.status, status],
      [t.revocationReason, v.revocationReason ? (t.reasons[v.revocationReason] ?? v.revocationReason) : null],
      [t.supersededBy, v.supersededByNumber],
      [t.issuingChamber, v.issuingChamber],
      [t.issuedAt, day(v.issuedAt)],
      [t.countryOfOrigin, v.countryOfOrigin ? country(v.countryOfOrigin) : null],
      [t.goodsHash, v.goodsHash, 'hash'],
      [t.keyId, v.keyId, 'hash'],
    );
  } else if (v.recordDestroyedAt) {
    rows.push([t.number, v.number], [t.status, status], [t.issuingChamber, v.issuingChamber], [t.issuedAt, day(v.issuedAt)], [t.recordDestroyedAt, day(v.recordDestroyedAt)]);
  }
  const verdict = v.authentic
    ? v.status === CertificateStatus.REVOKED ? t.authenticRevoked : v.status === CertificateStatus.SUPERSEDED ? t.authenticSuperseded : t.authenticValid
    : v.recordDestroyedAt ? t.destroyed : t.notVerified;
  const tone = v.authentic ? (v.status === CertificateStatus.ISSUED ? 'valid' : 'warning') : v.recordDestroyedAt ? 'warning' : 'refused';
  const shown = rows.filter(([, value]) => value !== null && value !== undefined);
  const goods = v.authentic && v.goods?.length ? goodsTable(v.goods, t, formats.number) : '';
  const others = (Object.keys(LANGUAGE_NAMES) as Language[])
    .filter((other) => other !== language)
    .map((other) => `<a href="${escape(`${selfPath}&lang=${other}`)}" hreflang="${other}" lang="${other}">${LANGUAGE_NAMES[other]}</a>`)
    .join(' · ');
  return page(
    language,
    `<p class="verdict verdict--${tone}"><strong>${escape(verdict)}</strong></p>
${v.authentic ? '' : `<p>${escape(v.recordDestroyedAt ? t.destroyedHint : t.notVerifiedHint)}</p>`}
<table>${shown.map(([label, value, kind]) => `<tr><th scope="row">${escape(label)}</th><td${kind ? ` class="${kind}"` : ''}>${escape(value)}</td></tr>`).join('')}</table>
${goods}
<p>${escape(t.otherLanguages)} ${others}</p>
<p><a href="/verification">${escape(t.verifyAnother)}</a></p>`,
  );
}

/** The goods lines certified, as signed: what the reader compares with the paper in their hands. */
function goodsTable(goods: NonNullable<CertificateVerification['goods']>, t: PageTexts, number: (value: number) => string): string {
  const cells = (g: (typeof goods)[number]): Array<[unknown, boolean]> => [
    [g.description, false], [g.hsCode, false], [`${number(g.quantity)} ${g.unit}`, true], [number(g.grossWeightKg), true], [number(g.netWeightKg), true], [g.packages, true], [g.marksAndNumbers, false],
  ];
  return `<h2>${escape(t.goods)}</h2><p>${escape(t.goodsHint)}</p>
<div class="scroll"><table><tr>${t.goodsColumns.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr>${goods
    .map((g) => `<tr>${cells(g).map(([c, numeric]) => `<td${numeric ? ' class="numeric"' : ''}>${escape(c)}</td>`).join('')}</tr>`)
    .join('')}</table></div>`;
}

/**
 * The page a browser shows instead of the API's JSON error when the QR link cannot be checked (a
 * customs officer's phone): what went wrong, and the portal's verification form. Nothing of the link
 * is echoed back.
 */
export function renderVerificationProblemPage(problem: VerificationProblem, language: Language): string {
  const t = TEXTS[language];
  const { title, text } = t.problems[problem];
  return page(language, `<p class="verdict verdict--refused"><strong>${escape(title)}</strong></p><p>${escape(text)}</p>
<p><a href="/verification">${escape(t.verifyAnother)}</a></p>`);
}
