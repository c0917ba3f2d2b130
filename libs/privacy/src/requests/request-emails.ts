import { emailTemplate } from '@chancery/notifications';

interface AcknowledgementValues {
  type: string;
  receivedOn: string;
  dueOn: string;
}

/** Sent in the transaction of the intake (SPEC §5: acknowledged at once), in the person's language. */
export const REQUEST_ACKNOWLEDGEMENT = emailTemplate<AcknowledgementValues>('privacy.request-acknowledged', {
  en: (v) => ({ subject: 'We received your privacy request', text: `We received your ${v.type} request on ${v.receivedOn}. We will answer by ${v.dueOn} at the latest.` }),
  nl: (v) => ({ subject: 'We ontvingen uw privacyverzoek', text: `We ontvingen uw verzoek (${v.type}) op ${v.receivedOn}. We antwoorden uiterlijk op ${v.dueOn}.` }),
  fr: (v) => ({ subject: 'Nous avons reçu votre demande relative à vos données', text: `Nous avons reçu votre demande (${v.type}) le ${v.receivedOn}. Nous y répondrons au plus tard le ${v.dueOn}.` }),
  de: (v) => ({ subject: 'Wir haben Ihre Datenschutzanfrage erhalten', text: `Wir haben Ihre Anfrage (${v.type}) am ${v.receivedOn} erhalten. Wir antworten spätestens am ${v.dueOn}.` }),
}, { sentDuringRestriction: true });

interface ConfirmValues {
  link: string;
}

/** The public form: the address is confirmed before the request counts as the person's. */
export const REQUEST_CONFIRM_ADDRESS = emailTemplate<ConfirmValues>('privacy.request-confirm-address', {
  en: (v) => ({ subject: 'Confirm your privacy request', text: `Confirm that this request is yours:\n${v.link}\n\nIf you did not send it, ignore this message.` }),
  nl: (v) => ({ subject: 'Bevestig uw privacyverzoek', text: `Bevestig dat dit verzoek van u komt:\n${v.link}\n\nHebt u het niet verstuurd, negeer dan dit bericht.` }),
  fr: (v) => ({ subject: 'Confirmez votre demande', text: `Confirmez que cette demande vient de vous :\n${v.link}\n\nSi vous ne l'avez pas envoyée, ignorez ce message.` }),
  de: (v) => ({ subject: 'Bestätigen Sie Ihre Anfrage', text: `Bestätigen Sie, dass diese Anfrage von Ihnen stammt:\n${v.link}\n\nWenn Sie sie nicht gesendet haben, ignorieren Sie diese Nachricht.` }),
}, { sentDuringRestriction: true });

interface ExtensionValues {
  dueOn: string;
  reason: string;
}

/** Art. 12(3): the person is told of an extension and why, within the first month. */
export const REQUEST_EXTENDED = emailTemplate<ExtensionValues>('privacy.request-extended', {
  en: (v) => ({ subject: 'Your privacy request needs more time', text: `We need more time to answer your request: we will answer by ${v.dueOn}. Reason: ${v.reason}` }),
  nl: (v) => ({ subject: 'Uw privacyverzoek vraagt meer tijd', text: `We hebben meer tijd nodig voor uw verzoek: we antwoorden uiterlijk op ${v.dueOn}. Reden: ${v.reason}` }),
  fr: (v) => ({ subject: 'Votre demande nécessite plus de temps', text: `Nous avons besoin de plus de temps : nous répondrons au plus tard le ${v.dueOn}. Motif : ${v.reason}` }),
  de: (v) => ({ subject: 'Ihre Anfrage braucht mehr Zeit', text: `Wir brauchen mehr Zeit für Ihre Anfrage: Wir antworten spätestens am ${v.dueOn}. Grund: ${v.reason}` }),
}, { sentDuringRestriction: true });

/** Art. 18(3): the person is told before their restriction is lifted. */
export const RESTRICTION_LIFTED = emailTemplate<Record<string, never>>('privacy.restriction-lifted', {
  en: () => ({ subject: 'The restriction of your data ends', text: 'The restriction of the processing of your personal data that you asked for ends now: your data is processed again as before.' }),
  nl: () => ({ subject: 'De beperking van uw gegevens eindigt', text: 'De beperking van de verwerking van uw persoonsgegevens waarom u vroeg, eindigt nu: uw gegevens worden weer verwerkt zoals voordien.' }),
  fr: () => ({ subject: 'La limitation de vos données prend fin', text: 'La limitation du traitement de vos données personnelles que vous aviez demandée prend fin : vos données sont à nouveau traitées comme avant.' }),
  de: () => ({ subject: 'Die Einschränkung Ihrer Daten endet', text: 'Die Einschränkung der Verarbeitung Ihrer personenbezogenen Daten, um die Sie gebeten hatten, endet jetzt: Ihre Daten werden wieder wie zuvor verarbeitet.' }),
}, { sentDuringRestriction: true });
