import { Injectable } from '@nestjs/common';
import { PartyDirectoryService } from '@chancery/identity';
import { emailTemplate, Mailer } from '@chancery/notifications';
import { WebhookEvents } from '@chancery/webhooks';
import { ApplicationState, CertificateApplication } from '../entities/certificate-application.entity';
import { RevocationReason } from '../entities/certificate.entity';

interface StateChangeValues {
  state: string;
  applicationId: string;
  number: string;
}

const STATE_WORDS: Record<'en' | 'nl' | 'fr' | 'de', Record<ApplicationState, string>> = {
  en: { DRAFT: 'draft', SUBMITTED: 'submitted', IN_REVIEW: 'in review', CHANGES_REQUESTED: 'changes requested', REJECTED: 'rejected', APPROVED: 'approved', ISSUED: 'issued', WITHDRAWN: 'withdrawn' },
  nl: { DRAFT: 'ontwerp', SUBMITTED: 'ingediend', IN_REVIEW: 'in behandeling', CHANGES_REQUESTED: 'aanpassingen gevraagd', REJECTED: 'geweigerd', APPROVED: 'goedgekeurd', ISSUED: 'uitgereikt', WITHDRAWN: 'ingetrokken door de onderneming' },
  fr: { DRAFT: 'brouillon', SUBMITTED: 'soumise', IN_REVIEW: 'en cours d’examen', CHANGES_REQUESTED: 'modifications demandées', REJECTED: 'refusée', APPROVED: 'approuvée', ISSUED: 'délivrée', WITHDRAWN: 'retirée' },
  de: { DRAFT: 'Entwurf', SUBMITTED: 'eingereicht', IN_REVIEW: 'in Prüfung', CHANGES_REQUESTED: 'Änderungen angefordert', REJECTED: 'abgelehnt', APPROVED: 'genehmigt', ISSUED: 'ausgestellt', WITHDRAWN: 'zurückgezogen' },
};

/** Only ids and states: the company reads the details in the application (e-mail is not a safe place for them). */
export const APPLICATION_STATE_CHANGED = emailTemplate<StateChangeValues>('certificates.application-state-changed', {
  en: (v) => ({ subject: `Your certificate application is ${STATE_WORDS.en[v.state as ApplicationState]}`, text: `Application ${v.applicationId} is now ${STATE_WORDS.en[v.state as ApplicationState]}.${v.number ? `\nCertificate number: ${v.number}` : ''}\nOpen the portal to see the details.` }),
  nl: (v) => ({ subject: `Uw aanvraag voor een oorsprongscertificaat is ${STATE_WORDS.nl[v.state as ApplicationState]}`, text: `Aanvraag ${v.applicationId} is nu ${STATE_WORDS.nl[v.state as ApplicationState]}.${v.number ? `\nCertificaatnummer: ${v.number}` : ''}\nOpen het portaal voor de details.` }),
  fr: (v) => ({ subject: `Votre demande de certificat d’origine est ${STATE_WORDS.fr[v.state as ApplicationState]}`, text: `La demande ${v.applicationId} est maintenant ${STATE_WORDS.fr[v.state as ApplicationState]}.${v.number ? `\nNuméro du certificat : ${v.number}` : ''}\nOuvrez le portail pour les détails.` }),
  de: (v) => ({ subject: `Ihr Antrag auf ein Ursprungszeugnis: ${STATE_WORDS.de[v.state as ApplicationState]}`, text: `Antrag ${v.applicationId} ist jetzt: ${STATE_WORDS.de[v.state as ApplicationState]}.${v.number ? `\nZeugnisnummer: ${v.number}` : ''}\nÖffnen Sie das Portal für die Einzelheiten.` }),
});

interface RevocationValues {
  number: string;
  reason: string;
}

const REVOCATION_WORDS: Record<'en' | 'nl' | 'fr' | 'de', Record<RevocationReason, string>> = {
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
    if (!tellCompany) return;
    const to = application.createdBy ? await this.parties.mailingAddress(application.createdBy) : null;
    if (!to) return;
    await this.mailer.queue(APPLICATION_STATE_CHANGED, {
      tenantId: application.tenantId,
      to: to.email,
      language: to.language,
      values: { state: application.state, applicationId: application.id, number: number ?? '' },
    });
  }

  /** Tells the company user who applied that their certificate was revoked, in their language (the ERP hears it by the webhook). */
  async certificateRevoked(application: CertificateApplication, number: string, reason: RevocationReason): Promise<void> {
    const to = application.createdBy ? await this.parties.mailingAddress(application.createdBy) : null;
    if (!to) return;
    await this.mailer.queue(CERTIFICATE_REVOKED, { tenantId: application.tenantId, to: to.email, language: to.language, values: { number, reason } });
  }
}
