import { Injectable } from '@nestjs/common';
import { PartyDirectoryService } from '@chancery/identity';
import { AppConfig } from '@chancery/core';
import { canSee } from '@chancery/policy';
import { emailDay, emailTemplate, EmailContent, type Language, Mailer } from '@chancery/notifications';
import { WebhookEvents } from '@chancery/webhooks';
import { ApplicationState, CertificateApplication } from '../entities/certificate-application.entity';
import { RevocationReason } from '../entities/certificate.entity';
import { readerFormats } from '../reader-formats';

/** The states a company is told of (an application never moves back to DRAFT). */
type ToldState = Exclude<ApplicationState, ApplicationState.DRAFT>;

interface StateChangeValues {
  /** The application, presented by the output gate for the applicant (what they may read of it). */
  application: CertificateApplication;
  /** The application's page in the portal. */
  link: string;
  /** The certificate's number, once issued ('' before). */
  number: string;
}

/** What a sentence needs: the day (subjects say no more: the subject line is stored in clear) and the whole reference. */
interface Told {
  day: string;
  /** e.g. "of 7 December 2026 for Belgian chocolate pralines and 1 other line, destination United Kingdom, invoice INV-1". */
  ref: string;
  number: string;
  link: string;
}

interface ReferenceWords {
  of: (day: string) => string;
  goods: (first: string, more: number) => string;
  destination: string;
  invoices: (references: string[]) => string;
}

const REFERENCE_WORDS: Record<Language, ReferenceWords> = {
  en: { of: (d) => `of ${d}`, goods: (g, n) => `for ${g}${n > 0 ? ` and ${n} other ${n > 1 ? 'lines' : 'line'}` : ''}`, destination: 'destination', invoices: (r) => `${r.length > 1 ? 'invoices' : 'invoice'} ${r.join(', ')}` },
  nl: { of: (d) => `van ${d}`, goods: (g, n) => `voor ${g}${n > 0 ? ` en ${n} andere ${n > 1 ? 'lijnen' : 'lijn'}` : ''}`, destination: 'bestemming', invoices: (r) => `${r.length > 1 ? 'facturen' : 'factuur'} ${r.join(', ')}` },
  fr: { of: (d) => `du ${d}`, goods: (g, n) => `pour ${g}${n > 0 ? ` et ${n} ${n > 1 ? 'autres lignes' : 'autre ligne'}` : ''}`, destination: 'destination', invoices: (r) => `${r.length > 1 ? 'factures' : 'facture'} ${r.join(', ')}` },
  de: { of: (d) => `vom ${d}`, goods: (g, n) => `für ${g}${n > 0 ? ` und ${n} weitere ${n > 1 ? 'Positionen' : 'Position'}` : ''}`, destination: 'Bestimmungsland', invoices: (r) => `${r.length > 1 ? 'Rechnungen' : 'Rechnung'} ${r.join(', ')}` },
};

/**
 * The application as the company knows it, never by its id: the day it was submitted (or made), its
 * goods, the consignee's country and its invoices. Only fields declared not personal data: the text
 * is the recipient's message, handed to them as theirs in a data-subject export, which holds nothing of
 * anyone else; so neither the consignee's name (often a person's) nor the clerk's comment or reason
 * (it may name the clerk) travels: the link leads to them.
 */
function toldOf(v: StateChangeValues, language: Language): Told {
  const a = v.application;
  const words = REFERENCE_WORDS[language];
  const day = words.of(emailDay(a.submittedAt ?? a.createdAt, language));
  const goods = a.goods ?? [];
  const parts = [
    day,
    goods.length > 0 ? ` ${words.goods(goods[0]!.description, goods.length - 1)}` : '',
    a.consigneeCountry ? `, ${words.destination} ${readerFormats(language).country(a.consigneeCountry)}` : '',
    a.invoiceReferences?.length ? `, ${words.invoices(a.invoiceReferences)}` : '',
  ];
  return { day, ref: parts.join(''), number: v.number, link: v.link };
}

/** One sentence per state, each language's own: subject and body. */
const SENTENCES: Record<Language, Record<ToldState, (t: Told) => EmailContent>> = {
  en: {
    SUBMITTED: (t) => ({ subject: `The chamber received your application ${t.day}`, text: `The chamber received your application ${t.ref}. A clerk will review it; you will be told of the decision.\nYour application: ${t.link}` }),
    IN_REVIEW: (t) => ({ subject: `The chamber is reviewing your application ${t.day}`, text: `The chamber is now reviewing your application ${t.ref}.\nYour application: ${t.link}` }),
    CHANGES_REQUESTED: (t) => ({ subject: `The chamber asks for changes to your application ${t.day}`, text: `The chamber asks for changes to your application ${t.ref}.\nRead the chamber’s comment, change the application and submit it again: ${t.link}` }),
    REJECTED: (t) => ({ subject: `The chamber rejected your application ${t.day}`, text: `The chamber rejected your application ${t.ref}.\nThe reason is in the application: ${t.link}` }),
    APPROVED: (t) => ({ subject: `The chamber approved your application ${t.day}`, text: `The chamber approved your application ${t.ref}. An authorised official will now sign the certificate; you will be told when it is issued.\nYour application: ${t.link}` }),
    ISSUED: (t) => ({ subject: `Certificate of origin ${t.number} issued for your application ${t.day}`, text: `The chamber issued certificate of origin ${t.number} for your application ${t.ref}.\nDownload it in the portal: ${t.link}` }),
    WITHDRAWN: (t) => ({ subject: `Your application ${t.day} is withdrawn`, text: `The chamber confirms the withdrawal of your application ${t.ref}. It will not be reviewed.\nYour application: ${t.link}` }),
  },
  nl: {
    SUBMITTED: (t) => ({ subject: `De kamer ontving uw aanvraag ${t.day}`, text: `De kamer ontving uw aanvraag ${t.ref}. Een medewerker behandelt ze; u hoort het wanneer er een beslissing is.\nUw aanvraag: ${t.link}` }),
    IN_REVIEW: (t) => ({ subject: `De kamer behandelt uw aanvraag ${t.day}`, text: `De kamer behandelt nu uw aanvraag ${t.ref}.\nUw aanvraag: ${t.link}` }),
    CHANGES_REQUESTED: (t) => ({ subject: `De kamer vraagt wijzigingen aan uw aanvraag ${t.day}`, text: `De kamer vraagt wijzigingen aan uw aanvraag ${t.ref}.\nLees de opmerking van de kamer, pas de aanvraag aan en dien ze opnieuw in: ${t.link}` }),
    REJECTED: (t) => ({ subject: `De kamer weigert uw aanvraag ${t.day}`, text: `De kamer weigert uw aanvraag ${t.ref}.\nDe reden staat in de aanvraag: ${t.link}` }),
    APPROVED: (t) => ({ subject: `De kamer keurde uw aanvraag ${t.day} goed`, text: `De kamer gaf haar goedkeuring aan uw aanvraag ${t.ref}. Een gemachtigde ondertekenaar ondertekent nu het certificaat; u hoort het wanneer het is uitgereikt.\nUw aanvraag: ${t.link}` }),
    ISSUED: (t) => ({ subject: `Oorsprongscertificaat ${t.number} uitgereikt voor uw aanvraag ${t.day}`, text: `De kamer reikte oorsprongscertificaat ${t.number} uit voor uw aanvraag ${t.ref}.\nDownload het in het portaal: ${t.link}` }),
    WITHDRAWN: (t) => ({ subject: `Uw aanvraag ${t.day} is ingetrokken`, text: `De kamer bevestigt de intrekking van uw aanvraag ${t.ref}. Ze wordt niet behandeld.\nUw aanvraag: ${t.link}` }),
  },
  fr: {
    SUBMITTED: (t) => ({ subject: `La chambre a reçu votre demande ${t.day}`, text: `La chambre a reçu votre demande ${t.ref}. Un agent l’examinera ; vous serez informé de la décision.\nVotre demande : ${t.link}` }),
    IN_REVIEW: (t) => ({ subject: `La chambre examine votre demande ${t.day}`, text: `La chambre examine maintenant votre demande ${t.ref}.\nVotre demande : ${t.link}` }),
    CHANGES_REQUESTED: (t) => ({ subject: `La chambre demande des modifications à votre demande ${t.day}`, text: `La chambre demande des modifications à votre demande ${t.ref}.\nLisez le commentaire de la chambre, modifiez la demande et soumettez-la à nouveau : ${t.link}` }),
    REJECTED: (t) => ({ subject: `La chambre a refusé votre demande ${t.day}`, text: `La chambre a refusé votre demande ${t.ref}.\nLe motif figure dans la demande : ${t.link}` }),
    APPROVED: (t) => ({ subject: `La chambre a approuvé votre demande ${t.day}`, text: `La chambre a approuvé votre demande ${t.ref}. Un signataire habilité va maintenant signer le certificat ; vous serez informé de sa délivrance.\nVotre demande : ${t.link}` }),
    ISSUED: (t) => ({ subject: `Certificat d’origine ${t.number} délivré pour votre demande ${t.day}`, text: `La chambre a délivré le certificat d’origine ${t.number} pour votre demande ${t.ref}.\nTéléchargez-le dans le portail : ${t.link}` }),
    WITHDRAWN: (t) => ({ subject: `Votre demande ${t.day} est retirée`, text: `La chambre confirme le retrait de votre demande ${t.ref}. Elle ne sera pas examinée.\nVotre demande : ${t.link}` }),
  },
  de: {
    SUBMITTED: (t) => ({ subject: `Die Kammer hat Ihren Antrag ${t.day} erhalten`, text: `Die Kammer bestätigt den Eingang Ihres Antrags ${t.ref}. Ein Sachbearbeiter prüft ihn; Sie erfahren die Entscheidung.\nIhr Antrag: ${t.link}` }),
    IN_REVIEW: (t) => ({ subject: `Die Kammer prüft Ihren Antrag ${t.day}`, text: `Die Kammer prüft jetzt Ihren Antrag ${t.ref}.\nIhr Antrag: ${t.link}` }),
    CHANGES_REQUESTED: (t) => ({ subject: `Die Kammer bittet um Änderungen an Ihrem Antrag ${t.day}`, text: `Die Kammer bittet um Änderungen an Ihrem Antrag ${t.ref}.\nLesen Sie den Kommentar der Kammer, ändern Sie den Antrag und reichen Sie ihn erneut ein: ${t.link}` }),
    REJECTED: (t) => ({ subject: `Die Kammer hat Ihren Antrag ${t.day} abgelehnt`, text: `Die Kammer verweigert das Ursprungszeugnis zu Ihrem Antrag ${t.ref}.\nDen Grund finden Sie im Antrag: ${t.link}` }),
    APPROVED: (t) => ({ subject: `Die Kammer hat Ihren Antrag ${t.day} genehmigt`, text: `Die Kammer genehmigt Ihren Antrag ${t.ref}. Ein Zeichnungsberechtigter unterzeichnet jetzt das Zeugnis; Sie erfahren, wann es ausgestellt ist.\nIhr Antrag: ${t.link}` }),
    ISSUED: (t) => ({ subject: `Ursprungszeugnis ${t.number} zu Ihrem Antrag ${t.day} ausgestellt`, text: `Die Kammer erteilt das Ursprungszeugnis ${t.number} zu Ihrem Antrag ${t.ref}.\nLaden Sie es im Portal herunter: ${t.link}` }),
    WITHDRAWN: (t) => ({ subject: `Ihr Antrag ${t.day} ist zurückgezogen`, text: `Die Kammer bestätigt die Rücknahme Ihres Antrags ${t.ref}. Er wird nicht geprüft.\nIhr Antrag: ${t.link}` }),
  },
};

function stateChangeContent(language: Language): (v: StateChangeValues) => EmailContent {
  return (v) => SENTENCES[language][v.application.state as ToldState](toldOf(v, language));
}

/**
 * The applicant reads what happened to the application in one sentence naming it as the company knows
 * it, and a link to it (where the chamber's comment or reason is). The application comes through the
 * output gate as the applicant may read it; the text reads only what is not personal data (see toldOf).
 */
export const APPLICATION_STATE_CHANGED = emailTemplate<StateChangeValues>('certificates.application-state-changed', {
  en: stateChangeContent('en'),
  nl: stateChangeContent('nl'),
  fr: stateChangeContent('fr'),
  de: stateChangeContent('de'),
});

interface RevocationValues {
  number: string;
  reason: string;
}

const REVOCATION_WORDS: Record<Language, Record<RevocationReason, string>> = {
  en: { ISSUED_IN_ERROR: 'issued in error', GOODS_NOT_EXPORTED: 'the goods were not exported', FRAUDULENT_APPLICATION: 'fraudulent application', AT_EXPORTER_REQUEST: 'at the exporter’s request', OTHER: 'other reason' },
  nl: { ISSUED_IN_ERROR: 'ten onrechte uitgereikt', GOODS_NOT_EXPORTED: 'de goederen werden niet uitgevoerd', FRAUDULENT_APPLICATION: 'frauduleuze aanvraag', AT_EXPORTER_REQUEST: 'op verzoek van de exporteur', OTHER: 'andere reden' },
  fr: { ISSUED_IN_ERROR: 'délivré par erreur', GOODS_NOT_EXPORTED: 'les marchandises n’ont pas été exportées', FRAUDULENT_APPLICATION: 'demande frauduleuse', AT_EXPORTER_REQUEST: 'à la demande de l’exportateur', OTHER: 'autre motif' },
  de: { ISSUED_IN_ERROR: 'irrtümlich ausgestellt', GOODS_NOT_EXPORTED: 'die Waren wurden nicht ausgeführt', FRAUDULENT_APPLICATION: 'betrügerischer Antrag', AT_EXPORTER_REQUEST: 'auf Wunsch des Exporteurs', OTHER: 'anderer Grund' },
};

/** The number and the reason only: a revoked certificate must no longer be presented, and the company must know at once. */
export const CERTIFICATE_REVOKED = emailTemplate<RevocationValues>('certificates.certificate-revoked', {
  en: (v) => ({ subject: `Certificate of origin ${v.number} has been revoked`, text: `The chamber has revoked certificate of origin ${v.number} (${REVOCATION_WORDS.en[v.reason as RevocationReason]}).\nIt is no longer valid: do not present it. Public verification now shows it as revoked.\nOpen the portal to see the details.` }),
  nl: (v) => ({ subject: `Oorsprongscertificaat ${v.number} is ingetrokken`, text: `De kamer heeft oorsprongscertificaat ${v.number} ingetrokken (${REVOCATION_WORDS.nl[v.reason as RevocationReason]}).\nHet is niet langer geldig: leg het niet meer voor. De openbare controle toont het nu als ingetrokken.\nOpen het portaal voor de details.` }),
  fr: (v) => ({ subject: `Le certificat d’origine ${v.number} a été révoqué`, text: `La chambre a révoqué le certificat d’origine ${v.number} (${REVOCATION_WORDS.fr[v.reason as RevocationReason]}).\nIl n’est plus valable : ne le présentez plus. La vérification publique l’indique désormais comme révoqué.\nOuvrez le portail pour les détails.` }),
  de: (v) => ({ subject: `Ursprungszeugnis ${v.number} wurde widerrufen`, text: `Die Kammer hat das Ursprungszeugnis ${v.number} widerrufen (${REVOCATION_WORDS.de[v.reason as RevocationReason]}).\nEs ist nicht mehr gültig: legen Sie es nicht mehr vor. Die öffentliche Prüfung zeigt es jetzt als widerrufen.\nÖffnen Sie das Portal für die Einzelheiten.` }),
});

/**
 * Tells the company user who applied, in their language, when the application changes state: through
 * the outbox (the notifications context's Mailer), in the transaction of the change.
 */
@Injectable()
export class ApplicationNotices {
  constructor(
    private readonly mailer: Mailer,
    private readonly parties: PartyDirectoryService,
    private readonly webhooks: WebhookEvents,
    private readonly config: AppConfig,
  ) {}

  /**
   * `tellCompany` false: the ERP hears of the state as of any change, but no one is mailed (a claim
   * released is the chamber's own hand-over: the company has nothing to read or do).
   */
  async stateChanged(application: CertificateApplication, number?: string, { tellCompany = true }: { tellCompany?: boolean } = {}): Promise<void> {
    // The company's ERP hears of it too (ids, state and number; it reads the rest with its key).
    await this.webhooks.publish({
      tenantId: application.tenantId, organisationId: application.organisationId, type: 'certificate_application.state_changed',
      subject: { applicationId: application.id, state: application.state, certificateId: application.certificateId ?? null, certificateNumber: number ?? null },
    });
    if (!tellCompany || application.state === ApplicationState.DRAFT) return;
    const to = application.createdBy ? await this.parties.mailingAddress(application.createdBy) : null;
    // Only someone who may still read the application is told of it.
    if (!to || !canSee(to.reader, CertificateApplication, application)) return;
    await this.mailer.queue(APPLICATION_STATE_CHANGED, {
      tenantId: application.tenantId,
      to: to.email,
      language: to.language,
      viewer: to.reader,
      values: { application, link: `${this.config.publicBaseUrl}/app/certificates/${application.id}`, number: number ?? '' },
    });
  }

  /** Tells the company user who applied that their certificate was revoked, in their language (the ERP hears it by the webhook). */
  async certificateRevoked(application: CertificateApplication, number: string, reason: RevocationReason): Promise<void> {
    const to = application.createdBy ? await this.parties.mailingAddress(application.createdBy) : null;
    if (!to) return;
    await this.mailer.queue(CERTIFICATE_REVOKED, { tenantId: application.tenantId, to: to.email, language: to.language, values: { number, reason } });
  }
}
