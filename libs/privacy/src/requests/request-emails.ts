import { emailDay, emailTemplate, type Language } from '@chancery/notifications';
import { KeptOnErasure, RetentionUnit } from '@chancery/policy';
import { CONFIRMATION_LINK_LIFETIME_DAYS } from './confirmation-link';

/** A request's type as the e-mails name it, in each language. */
const TYPE_NAMES: Record<Language, Record<string, string>> = {
  en: { ACCESS: 'access to your data', RECTIFICATION: 'rectification', ERASURE: 'erasure', RESTRICTION: 'restriction of processing', OBJECTION: 'objection', PORTABILITY: 'a portable copy of your data', CONSENT_WITHDRAWAL: 'withdrawal of consent' },
  nl: { ACCESS: 'inzage in uw gegevens', RECTIFICATION: 'rectificatie', ERASURE: 'wissing', RESTRICTION: 'beperking van de verwerking', OBJECTION: 'bezwaar', PORTABILITY: 'een overdraagbare kopie van uw gegevens', CONSENT_WITHDRAWAL: 'intrekking van toestemming' },
  fr: { ACCESS: 'accès à vos données', RECTIFICATION: 'rectification', ERASURE: 'effacement', RESTRICTION: 'limitation du traitement', OBJECTION: 'opposition', PORTABILITY: 'copie portable de vos données', CONSENT_WITHDRAWAL: 'retrait du consentement' },
  de: { ACCESS: 'Auskunft über Ihre Daten', RECTIFICATION: 'Berichtigung', ERASURE: 'Löschung', RESTRICTION: 'Einschränkung der Verarbeitung', OBJECTION: 'Widerspruch', PORTABILITY: 'eine übertragbare Kopie Ihrer Daten', CONSENT_WITHDRAWAL: 'Widerruf der Einwilligung' },
};

interface AcknowledgementValues {
  /** The request's type (DataSubjectRequestType). */
  type: string;
  receivedOn: string;
  dueOn: string;
}

/** Sent in the transaction of the intake (SPEC §5: acknowledged at once), in the person's language. */
export const REQUEST_ACKNOWLEDGEMENT = emailTemplate<AcknowledgementValues>('privacy.request-acknowledged', {
  en: (v) => ({ subject: 'We received your privacy request', text: `We received your request (${TYPE_NAMES.en[v.type] ?? v.type}) on ${emailDay(v.receivedOn, 'en')}. We will answer by ${emailDay(v.dueOn, 'en')} at the latest.` }),
  nl: (v) => ({ subject: 'We ontvingen uw privacyverzoek', text: `We ontvingen uw verzoek (${TYPE_NAMES.nl[v.type] ?? v.type}) op ${emailDay(v.receivedOn, 'nl')}. We antwoorden uiterlijk op ${emailDay(v.dueOn, 'nl')}.` }),
  fr: (v) => ({ subject: 'Nous avons reçu votre demande relative à vos données', text: `Nous avons reçu votre demande (${TYPE_NAMES.fr[v.type] ?? v.type}) le ${emailDay(v.receivedOn, 'fr')}. Nous y répondrons au plus tard le ${emailDay(v.dueOn, 'fr')}.` }),
  de: (v) => ({ subject: 'Wir haben Ihre Datenschutzanfrage erhalten', text: `Wir haben Ihre Anfrage (${TYPE_NAMES.de[v.type] ?? v.type}) am ${emailDay(v.receivedOn, 'de')} erhalten. Wir antworten spätestens am ${emailDay(v.dueOn, 'de')}.` }),
}, { sentDuringRestriction: true });

interface ConfirmValues {
  link: string;
}

/** The public form: the address is confirmed before the request counts as the person's. */
export const REQUEST_CONFIRM_ADDRESS = emailTemplate<ConfirmValues>('privacy.request-confirm-address', {
  en: (v) => ({ subject: 'Confirm your privacy request', text: `Confirm that this request is yours (the link is valid for ${CONFIRMATION_LINK_LIFETIME_DAYS} days):\n${v.link}\n\nIf you did not send it, ignore this message.` }),
  nl: (v) => ({ subject: 'Bevestig uw privacyverzoek', text: `Bevestig dat dit verzoek van u komt (de link is ${CONFIRMATION_LINK_LIFETIME_DAYS} dagen geldig):\n${v.link}\n\nHebt u het niet verstuurd, negeer dan dit bericht.` }),
  fr: (v) => ({ subject: 'Confirmez votre demande', text: `Confirmez que cette demande vient de vous (le lien est valable ${CONFIRMATION_LINK_LIFETIME_DAYS} jours) :\n${v.link}\n\nSi vous ne l'avez pas envoyée, ignorez ce message.` }),
  de: (v) => ({ subject: 'Bestätigen Sie Ihre Anfrage', text: `Bestätigen Sie, dass diese Anfrage von Ihnen stammt (der Link ist ${CONFIRMATION_LINK_LIFETIME_DAYS} Tage gültig):\n${v.link}\n\nWenn Sie sie nicht gesendet haben, ignorieren Sie diese Nachricht.` }),
}, { sentDuringRestriction: true });

interface ExtensionValues {
  dueOn: string;
  reason: string;
}

/** Art. 12(3): the person is told of an extension and why, within the first month. */
export const REQUEST_EXTENDED = emailTemplate<ExtensionValues>('privacy.request-extended', {
  en: (v) => ({ subject: 'Your privacy request needs more time', text: `We need more time to answer your request: we will answer by ${emailDay(v.dueOn, 'en')}. Reason: ${v.reason}` }),
  nl: (v) => ({ subject: 'Uw privacyverzoek vraagt meer tijd', text: `We hebben meer tijd nodig voor uw verzoek: we antwoorden uiterlijk op ${emailDay(v.dueOn, 'nl')}. Reden: ${v.reason}` }),
  fr: (v) => ({ subject: 'Votre demande nécessite plus de temps', text: `Nous avons besoin de plus de temps : nous répondrons au plus tard le ${emailDay(v.dueOn, 'fr')}. Motif : ${v.reason}` }),
  de: (v) => ({ subject: 'Ihre Anfrage braucht mehr Zeit', text: `Wir brauchen mehr Zeit für Ihre Anfrage: Wir antworten spätestens am ${emailDay(v.dueOn, 'de')}. Grund: ${v.reason}` }),
}, { sentDuringRestriction: true });

/** Art. 18(3): the person is told before their restriction is lifted. */
export const RESTRICTION_LIFTED = emailTemplate<Record<string, never>>('privacy.restriction-lifted', {
  en: () => ({ subject: 'The restriction of your data ends', text: 'The restriction of the processing of your personal data that you asked for ends now: your data is processed again as before.' }),
  nl: () => ({ subject: 'De beperking van uw gegevens eindigt', text: 'De beperking van de verwerking van uw persoonsgegevens waarom u vroeg, eindigt nu: uw gegevens worden weer verwerkt zoals voordien.' }),
  fr: () => ({ subject: 'La limitation de vos données prend fin', text: 'La limitation du traitement de vos données personnelles que vous aviez demandée prend fin : vos données sont à nouveau traitées comme avant.' }),
  de: () => ({ subject: 'Die Einschränkung Ihrer Daten endet', text: 'Die Einschränkung der Verarbeitung Ihrer personenbezogenen Daten, um die Sie gebeten hatten, endet jetzt: Ihre Daten werden wieder wie zuvor verarbeitet.' }),
}, { sentDuringRestriction: true });

interface AnswerValues {
  /** The request's type (DataSubjectRequestType). */
  type: string;
  /** What the person is told: the officer's words, or null for the standard sentence of `kind`. */
  statement: string | null;
  kind: 'EXPORT' | 'ERASURE' | 'RESTRICTION' | 'STATEMENT';
  /** An export's download link (portal page; the secret in the fragment) and its last day. */
  link: string | null;
  validUntil: string | null;
  /** An erasure's records kept under a duty, by kind, with the tenant's period of the rule they are kept under. */
  kept: readonly KeptItem[];
}

export interface KeptItem {
  what: KeptOnErasure;
  records: number;
  /** In `unit`; null only for a rule without a period (none of the rules kept records are declared under). */
  period: number | null;
  unit: RetentionUnit;
}

const UNIT_WORDS: Record<Language, Record<RetentionUnit, [string, string]>> = {
  en: { DAYS: ['day', 'days'], MONTHS: ['month', 'months'], YEARS: ['year', 'years'] },
  nl: { DAYS: ['dag', 'dagen'], MONTHS: ['maand', 'maanden'], YEARS: ['jaar', 'jaar'] },
  fr: { DAYS: ['jour', 'jours'], MONTHS: ['mois', 'mois'], YEARS: ['an', 'ans'] },
  de: { DAYS: ['Tag', 'Tage'], MONTHS: ['Monat', 'Monate'], YEARS: ['Jahr', 'Jahre'] },
};

function periodWords(language: Language, item: KeptItem): string {
  const period = item.period ?? 0;
  const [one, many] = UNIT_WORDS[language][item.unit];
  return `${period} ${period === 1 ? one : many}`;
}

/**
 * What each kind of kept record is, in what form, for which duty and how long (`p`: the period; `n`:
 * how many), in the person's words: SPEC §5, "the answer says why".
 */
const KEPT_WORDS: Record<Language, Record<KeptOnErasure, (n: number, p: string) => string>> = {
  en: {
    ACCOUNT_REFERENCE: () => 'Your account’s identifier, without your name, contact details or password: the records kept here refer to it, so it is kept as long as they are.',
    AUDIT_TRAIL: (n, p) => `The audit trail of what you did in the application (${n} ${n === 1 ? 'entry' : 'entries'}), with your account’s identifier only: evidence of who did what, for disputes (DigiChambers §4.3), kept ${p} after each entry.`,
    CERTIFICATE_FILE: (n, p) => `The certificate applications you made or handled, the certificates of origin you signed and the copies you requested (${n}), with your account’s identifier only and their signed content unchanged: a certificate of origin is evidence the chamber must keep (DigiChambers §3.2c, §4.3), kept ${p} after issue.`,
    DATASHEET_VERSIONS: (n, p) => `The technical datasheet versions you completed (${n}), with your account’s identifier only: the record of a certified product’s declared characteristics in its certification file, kept ${p} after the datasheet is withdrawn.`,
    PROJECT_DISTRIBUTIONS: (n, p) => `The project certificates you sent to an external system (${n}), with your account’s identifier only as their sender: evidence kept with the certificate file, ${p} after the sending.`,
    PERSONAL_DATA_ACCESS_LOG: (n, p) => `The log of who read your personal data (${n} ${n === 1 ? 'entry' : 'entries'}), with identifiers only: accountability under the GDPR (Art. 5(2)), kept ${p} after each access.`,
    DATA_SUBJECT_REQUESTS: (n, p) => `Your requests about your data (${n}), this one included, without your name or address: evidence that they were answered in time (GDPR Art. 12), kept ${p} after the answer.`,
  },
  nl: {
    ACCOUNT_REFERENCE: () => 'De identificatiecode van uw account, zonder uw naam, contactgegevens of wachtwoord: de stukken die we hier bewaren verwijzen ernaar, dus ze blijft zolang die bewaard worden.',
    AUDIT_TRAIL: (n, p) => `Het auditspoor van wat u in de toepassing deed (${n} ${n === 1 ? 'registratie' : 'registraties'}), met alleen de identificatiecode van uw account: bewijs van wie wat deed, voor geschillen (DigiChambers §4.3), bewaard tot ${p} na elke registratie.`,
    CERTIFICATE_FILE: (n, p) => `De certificaataanvragen die u indiende of behandelde, de oorsprongscertificaten die u ondertekende en de kopieën die u aanvroeg (${n}), met alleen de identificatiecode van uw account en met ongewijzigde ondertekende inhoud: een oorsprongscertificaat is bewijs dat de kamer moet bewaren (DigiChambers §3.2c, §4.3), tot ${p} na de uitreiking.`,
    DATASHEET_VERSIONS: (n, p) => `De versies van technische fiches die u invulde (${n}), met alleen de identificatiecode van uw account: het verslag van de verklaarde kenmerken van een gecertificeerd product in zijn certificatiedossier, bewaard tot ${p} nadat de fiche is ingetrokken.`,
    PROJECT_DISTRIBUTIONS: (n, p) => `De projectcertificaten die u naar een extern systeem verstuurde (${n}), met alleen de identificatiecode van uw account als afzender: bewijs bij het certificaatdossier, bewaard tot ${p} na de verzending.`,
    PERSONAL_DATA_ACCESS_LOG: (n, p) => `Het logboek van wie uw persoonsgegevens las (${n} ${n === 1 ? 'registratie' : 'registraties'}), met alleen identificatiecodes: verantwoording volgens de AVG (art. 5, lid 2), bewaard tot ${p} na elke inzage.`,
    DATA_SUBJECT_REQUESTS: (n, p) => `Uw verzoeken over uw gegevens (${n}), dit verzoek inbegrepen, zonder uw naam of adres: bewijs dat ze tijdig beantwoord werden (AVG art. 12), bewaard tot ${p} na het antwoord.`,
  },
  fr: {
    ACCOUNT_REFERENCE: () => 'L’identifiant de votre compte, sans votre nom, vos coordonnées ni votre mot de passe : les pièces conservées ici y renvoient ; il est donc conservé aussi longtemps qu’elles.',
    AUDIT_TRAIL: (n, p) => `Le journal d’audit de ce que vous avez fait dans l’application (${n} ${n === 1 ? 'entrée' : 'entrées'}), avec le seul identifiant de votre compte : preuve de qui a fait quoi, en cas de litige (DigiChambers §4.3), conservé ${p} après chaque entrée.`,
    CERTIFICATE_FILE: (n, p) => `Les demandes de certificat que vous avez faites ou traitées, les certificats d’origine que vous avez signés et les copies que vous avez demandées (${n}), avec le seul identifiant de votre compte et leur contenu signé inchangé : un certificat d’origine est une preuve que la chambre doit conserver (DigiChambers §3.2c, §4.3), ${p} après sa délivrance.`,
    DATASHEET_VERSIONS: (n, p) => `Les versions de fiches techniques que vous avez complétées (${n}), avec le seul identifiant de votre compte : la trace des caractéristiques déclarées d’un produit certifié dans son dossier de certification, conservées ${p} après le retrait de la fiche.`,
    PROJECT_DISTRIBUTIONS: (n, p) => `Les certificats de projet que vous avez envoyés à un système externe (${n}), avec le seul identifiant de votre compte comme expéditeur : preuve jointe au dossier du certificat, conservée ${p} après l’envoi.`,
    PERSONAL_DATA_ACCESS_LOG: (n, p) => `Le registre des consultations de vos données personnelles (${n} ${n === 1 ? 'entrée' : 'entrées'}), avec des identifiants seulement : responsabilité au sens du RGPD (art. 5, § 2), conservé ${p} après chaque consultation.`,
    DATA_SUBJECT_REQUESTS: (n, p) => `Vos demandes relatives à vos données (${n}), celle-ci comprise, sans votre nom ni votre adresse : preuve qu’elles ont reçu une réponse dans les délais (RGPD art. 12), conservées ${p} après la réponse.`,
  },
  de: {
    ACCOUNT_REFERENCE: () => 'Die Kennung Ihres Kontos, ohne Ihren Namen, Ihre Kontaktdaten oder Ihr Passwort: Die hier aufbewahrten Unterlagen verweisen darauf; sie bleibt daher so lange wie diese.',
    AUDIT_TRAIL: (n, p) => `Das Prüfprotokoll Ihrer Handlungen in der Anwendung (${n} ${n === 1 ? 'Eintrag' : 'Einträge'}), nur mit der Kennung Ihres Kontos: Nachweis, wer was getan hat, für Streitfälle (DigiChambers §4.3), aufbewahrt bis ${p} nach jedem Eintrag.`,
    CERTIFICATE_FILE: (n, p) => `Die Zeugnisanträge, die Sie gestellt oder bearbeitet haben, die Ursprungszeugnisse, die Sie unterzeichnet haben, und die Kopien, die Sie angefordert haben (${n}), nur mit der Kennung Ihres Kontos und mit unverändertem signiertem Inhalt: Ein Ursprungszeugnis ist ein Nachweis, den die Kammer aufbewahren muss (DigiChambers §3.2c, §4.3), bis ${p} nach der Ausstellung.`,
    DATASHEET_VERSIONS: (n, p) => `Die Versionen technischer Datenblätter, die Sie ausgefüllt haben (${n}), nur mit der Kennung Ihres Kontos: der Nachweis der erklärten Eigenschaften eines zertifizierten Produkts in seiner Zertifizierungsakte, aufbewahrt bis ${p} nach dem Zurückziehen des Datenblatts.`,
    PROJECT_DISTRIBUTIONS: (n, p) => `Die Projektzertifikate, die Sie an ein externes System gesendet haben (${n}), nur mit der Kennung Ihres Kontos als Absender: Nachweis bei der Zertifikatsakte, aufbewahrt bis ${p} nach dem Versand.`,
    PERSONAL_DATA_ACCESS_LOG: (n, p) => `Das Protokoll, wer Ihre personenbezogenen Daten gelesen hat (${n} ${n === 1 ? 'Eintrag' : 'Einträge'}), nur mit Kennungen: Rechenschaftspflicht nach der DSGVO (Art. 5 Abs. 2), aufbewahrt bis ${p} nach jedem Zugriff.`,
    DATA_SUBJECT_REQUESTS: (n, p) => `Ihre Anfragen zu Ihren Daten (${n}), diese eingeschlossen, ohne Ihren Namen oder Ihre Adresse: Nachweis, dass sie fristgerecht beantwortet wurden (DSGVO Art. 12), aufbewahrt bis ${p} nach der Antwort.`,
  },
};

/** The erasure's answer when something was kept: the lead, then one line per kind kept. */
const ERASED_BUT_KEPT: Record<Language, string> = {
  en: 'Your personal data has been erased, except what the law obliges us to keep, which no longer names you:',
  nl: 'Uw persoonsgegevens zijn gewist, behalve wat de wet ons verplicht te bewaren; dat noemt u niet meer:',
  fr: 'Vos données personnelles ont été effacées, sauf ce que la loi nous oblige à conserver, qui ne vous nomme plus :',
  de: 'Ihre personenbezogenen Daten wurden gelöscht, außer dem, was wir gesetzlich aufbewahren müssen; das nennt Sie nicht mehr:',
};

function erasureAnswer(language: Language, kept: readonly KeptItem[]): string {
  return [ERASED_BUT_KEPT[language], ...kept.map((item) => `- ${KEPT_WORDS[language][item.what](item.records, periodWords(language, item))}`)].join('\n');
}


/** The standard sentence of an answer without the officer's words. */
const STANDARD: Record<Language, Record<AnswerValues['kind'], string>> = {
  en: {
    EXPORT: 'Your personal data is ready for you as a file (JSON, machine-readable).',
    ERASURE: 'Your personal data has been erased. Where the law obliges us to keep a record (for example an issued certificate), it no longer names you.',
    RESTRICTION: 'The processing of your personal data is restricted: from now on it is only stored. We will tell you before the restriction ends.',
    STATEMENT: 'Your request has been answered.',
  },
  nl: {
    EXPORT: 'Uw persoonsgegevens staan voor u klaar als bestand (JSON, machineleesbaar).',
    ERASURE: 'Uw persoonsgegevens zijn gewist. Waar de wet ons verplicht een stuk te bewaren (bijvoorbeeld een uitgereikt certificaat), noemt het u niet meer.',
    RESTRICTION: 'De verwerking van uw persoonsgegevens is beperkt: voortaan worden ze alleen nog bewaard. We laten het u weten voordat de beperking eindigt.',
    STATEMENT: 'Uw verzoek is beantwoord.',
  },
  fr: {
    EXPORT: 'Vos données personnelles sont prêtes sous forme de fichier (JSON, lisible par machine).',
    ERASURE: "Vos données personnelles ont été effacées. Là où la loi nous oblige à conserver une pièce (par exemple un certificat délivré), elle ne vous nomme plus.",
    RESTRICTION: 'Le traitement de vos données personnelles est limité : elles sont désormais seulement conservées. Nous vous préviendrons avant la fin de la limitation.',
    STATEMENT: 'Votre demande a reçu une réponse.',
  },
  de: {
    EXPORT: 'Ihre personenbezogenen Daten liegen als Datei für Sie bereit (JSON, maschinenlesbar).',
    ERASURE: 'Ihre personenbezogenen Daten wurden gelöscht. Wo das Gesetz uns verpflichtet, einen Beleg aufzubewahren (zum Beispiel ein ausgestelltes Zeugnis), nennt er Sie nicht mehr.',
    RESTRICTION: 'Die Verarbeitung Ihrer personenbezogenen Daten ist eingeschränkt: Sie werden ab jetzt nur noch gespeichert. Wir sagen Ihnen Bescheid, bevor die Einschränkung endet.',
    STATEMENT: 'Ihre Anfrage wurde beantwortet.',
  },
};

const DOWNLOAD: Record<Language, (link: string, until: string) => string> = {
  en: (link, until) => `Download it here, until ${until} (at most three times):\n${link}\n\nThe link is for you alone: do not forward this message.`,
  nl: (link, until) => `Download het hier, tot en met ${until} (hoogstens drie keer):\n${link}\n\nDe link is alleen voor u: stuur dit bericht niet door.`,
  fr: (link, until) => `Téléchargez-le ici, jusqu'au ${until} (trois fois au plus) :\n${link}\n\nCe lien est pour vous seul : ne transférez pas ce message.`,
  de: (link, until) => `Laden Sie sie hier herunter, bis zum ${until} (höchstens dreimal):\n${link}\n\nDer Link ist nur für Sie: Leiten Sie diese Nachricht nicht weiter.`,
};

function answerText(language: Language, lead: string, v: AnswerValues): string {
  const sentence = v.statement ?? (v.kind === 'ERASURE' && v.kept.length > 0 ? erasureAnswer(language, v.kept) : STANDARD[language][v.kind]);
  const download = v.link && v.validUntil ? `\n\n${DOWNLOAD[language](v.link, emailDay(v.validUntil, language))}` : '';
  return `${lead}\n\n${sentence}${download}`;
}

/**
 * Art. 12(3), 15(3), 20: the answer to the person's request, in their language: the outcome as a
 * sentence (the officer's words or the standard one), never their data (e-mail is no safe channel
 * for it); an export comes as a link to download it.
 */
export const REQUEST_ANSWERED = emailTemplate<AnswerValues>('privacy.request-answered', {
  en: (v) => ({ subject: 'Your privacy request has been answered', text: answerText('en', `Your request (${TYPE_NAMES.en[v.type] ?? v.type}) has been answered.`, v) }),
  nl: (v) => ({ subject: 'Uw privacyverzoek is beantwoord', text: answerText('nl', `Uw verzoek (${TYPE_NAMES.nl[v.type] ?? v.type}) is beantwoord.`, v) }),
  fr: (v) => ({ subject: 'Votre demande relative à vos données a reçu une réponse', text: answerText('fr', `Votre demande (${TYPE_NAMES.fr[v.type] ?? v.type}) a reçu une réponse.`, v) }),
  de: (v) => ({ subject: 'Ihre Datenschutzanfrage wurde beantwortet', text: answerText('de', `Ihre Anfrage (${TYPE_NAMES.de[v.type] ?? v.type}) wurde beantwortet.`, v) }),
}, { sentDuringRestriction: true });

interface RefusalValues {
  type: string;
  reason: string;
}

/** Art. 12(4): a refusal, with the reason; the person may complain to the supervisory authority or go to court. */
export const REQUEST_REFUSED = emailTemplate<RefusalValues>('privacy.request-refused', {
  en: (v) => ({
    subject: 'Your privacy request: our answer',
    text: `We cannot grant your request (${TYPE_NAMES.en[v.type] ?? v.type}).\n\nReason: ${v.reason}\n\nYou may lodge a complaint with the data protection authority or go to court.`,
  }),
  nl: (v) => ({
    subject: 'Uw privacyverzoek: ons antwoord',
    text: `We kunnen niet ingaan op uw verzoek (${TYPE_NAMES.nl[v.type] ?? v.type}).\n\nReden: ${v.reason}\n\nU kunt een klacht indienen bij de Gegevensbeschermingsautoriteit of naar de rechter stappen.`,
  }),
  fr: (v) => ({
    subject: 'Votre demande relative à vos données : notre réponse',
    text: `Nous ne pouvons pas donner suite à votre demande (${TYPE_NAMES.fr[v.type] ?? v.type}).\n\nMotif : ${v.reason}\n\nVous pouvez introduire une réclamation auprès de l'Autorité de protection des données ou saisir la justice.`,
  }),
  de: (v) => ({
    subject: 'Ihre Datenschutzanfrage: unsere Antwort',
    text: `Wir können Ihrer Anfrage (${TYPE_NAMES.de[v.type] ?? v.type}) nicht entsprechen.\n\nGrund: ${v.reason}\n\nSie können sich bei der Datenschutzbehörde beschweren oder den Rechtsweg beschreiten.`,
  }),
}, { sentDuringRestriction: true });
