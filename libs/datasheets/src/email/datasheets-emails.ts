import { emailDay, emailMoment, emailTemplate, type Language } from '@chancery/notifications';
import { DatasheetWithdrawalReason, WithdrawnDatasheet } from '../entities/withdrawn-datasheet.entity';

interface ContactObjectionValues {
  /** The datasheets that named the person as contact, now flagged (the objector's `datasheetsAffected`). */
  count: number;
  deadline: string;
}

/**
 * To the company's remaining administrators (or its general address): a contact person objected to the
 * disclosure of their details. Names no one (the objector's details are exactly what must not travel further).
 */
export const CONTACT_OBJECTION = emailTemplate<ContactObjectionValues>('datasheets.contact-objection', {
  en: (v) => ({ subject: 'Name a new contact for your datasheets', text: `A contact person of your company can no longer be published on your datasheets (they objected to the publication of their details, their account was closed, or they no longer hold their role). ${v.count} datasheet(s) named them as contact: they are flagged until you name a new contact, and those published show the company's general contact meanwhile. Name a new contact before ${emailMoment(v.deadline, 'en')}, or the published ones will be unpublished.` }),
  nl: (v) => ({ subject: 'Duid een nieuwe contactpersoon aan voor uw fiches', text: `Een contactpersoon van uw onderneming kan niet langer op uw fiches gepubliceerd worden (bezwaar tegen de publicatie van zijn of haar gegevens, account afgesloten, of de rol niet meer). ${v.count} fiche(s) vermeldden die persoon als contact: ze zijn gemarkeerd tot u een nieuwe contactpersoon aanduidt, en de gepubliceerde tonen intussen het algemene contact van de onderneming. Duid voor ${emailMoment(v.deadline, 'nl')} een nieuwe contactpersoon aan, anders worden de gepubliceerde niet langer gepubliceerd.` }),
  fr: (v) => ({ subject: 'Désignez un nouveau contact pour vos fiches', text: `Une personne de contact de votre entreprise ne peut plus être publiée sur vos fiches (opposition à la publication de ses coordonnées, compte fermé, ou rôle retiré). ${v.count} fiche(s) la désignaient comme contact : elles sont signalées jusqu'à ce que vous désigniez un nouveau contact, et celles qui sont publiées affichent entre-temps le contact général de l'entreprise. Désignez un nouveau contact avant le ${emailMoment(v.deadline, 'fr')}, sinon les fiches publiées seront dépubliées.` }),
  de: (v) => ({ subject: 'Benennen Sie einen neuen Kontakt für Ihre Datenblätter', text: `Eine Kontaktperson Ihres Unternehmens kann nicht mehr auf Ihren Datenblättern veröffentlicht werden (Widerspruch gegen die Veröffentlichung ihrer Daten, Konto geschlossen oder Rolle entzogen). ${v.count} Datenblatt/Datenblätter nannten sie als Kontakt: Sie sind markiert, bis Sie einen neuen Kontakt benennen, und die veröffentlichten zeigen bis dahin den allgemeinen Kontakt des Unternehmens. Benennen Sie vor dem ${emailMoment(v.deadline, 'de')} einen neuen Kontakt, sonst wird die Veröffentlichung der veröffentlichten zurückgezogen.` }),
});

interface DatasheetWithdrawnValues {
  /** The public notice, presented by the output gate for the e-mail channel (what anyone may read of it). */
  notice: WithdrawnDatasheet;
  /** The public page of the code, where the notice now stands. */
  link: string;
}

/** Why, in each language: the words the public notice uses. */
const WITHDRAWAL_REASONS: Record<Language, Record<DatasheetWithdrawalReason, string>> = {
  en: { PRODUCT_SUSPENDED: "the product's certificate is suspended", PRODUCT_WITHDRAWN: "the product's certificate has been withdrawn", PRODUCT_EXPIRED: "the product's certificate has expired", DATASHEET_WITHDRAWN: 'the certification body withdrew the datasheet' },
  nl: { PRODUCT_SUSPENDED: 'het certificaat van het product is geschorst', PRODUCT_WITHDRAWN: 'het certificaat van het product is ingetrokken', PRODUCT_EXPIRED: 'het certificaat van het product is verlopen', DATASHEET_WITHDRAWN: 'de certificatie-instelling heeft de fiche ingetrokken' },
  fr: { PRODUCT_SUSPENDED: 'le certificat du produit est suspendu', PRODUCT_WITHDRAWN: 'le certificat du produit a été retiré', PRODUCT_EXPIRED: 'le certificat du produit a expiré', DATASHEET_WITHDRAWN: "l'organisme de certification a retiré la fiche" },
  de: { PRODUCT_SUSPENDED: 'das Zertifikat des Produkts ist ausgesetzt', PRODUCT_WITHDRAWN: 'das Zertifikat des Produkts wurde zurückgezogen', PRODUCT_EXPIRED: 'das Zertifikat des Produkts ist abgelaufen', DATASHEET_WITHDRAWN: 'die Zertifizierungsstelle hat das Datenblatt zurückgezogen' },
};

/**
 * To the certificate holder's administrators: a published datasheet of theirs was withdrawn (by the
 * certification body, with its product's certificate, or at the contact deadline). Printed copies they
 * handed out with deliveries are no longer in force, and their customers who open the code are told so.
 */
export const DATASHEET_WITHDRAWN = emailTemplate<DatasheetWithdrawnValues>('datasheets.datasheet-withdrawn', {
  en: (v) => ({ subject: `Your datasheet of ${v.notice.productName} was withdrawn`, text: `The published datasheet of ${v.notice.productName} (code ${v.notice.publicCode}) was withdrawn on ${emailDay(v.notice.withdrawnAt, 'en')}: ${WITHDRAWAL_REASONS.en[v.notice.reason]}. It has left the public pages, the public API and the feed, and whoever opens its code is told it was withdrawn: ${v.link}. Copies printed with your deliveries are no longer in force.` }),
  nl: (v) => ({ subject: `Uw fiche van ${v.notice.productName} werd ingetrokken`, text: `De gepubliceerde fiche van ${v.notice.productName} (code ${v.notice.publicCode}) werd op ${emailDay(v.notice.withdrawnAt, 'nl')} ingetrokken: ${WITHDRAWAL_REASONS.nl[v.notice.reason]}. Ze staat niet meer op de publieke pagina's, in de publieke API en in de feed, en wie haar code opent, leest dat ze werd ingetrokken: ${v.link}. Exemplaren die met uw leveringen werden afgedrukt, zijn niet meer van kracht.` }),
  fr: (v) => ({ subject: `Votre fiche de ${v.notice.productName} a été retirée`, text: `La fiche publiée de ${v.notice.productName} (code ${v.notice.publicCode}) a été retirée le ${emailDay(v.notice.withdrawnAt, 'fr')} : ${WITHDRAWAL_REASONS.fr[v.notice.reason]}. Elle a quitté les pages publiques, l'API publique et le flux, et qui ouvre son code apprend qu'elle a été retirée : ${v.link}. Les exemplaires imprimés avec vos livraisons ne sont plus en vigueur.` }),
  de: (v) => ({ subject: `Ihr Datenblatt von ${v.notice.productName} wurde zurückgezogen`, text: `Das veröffentlichte Datenblatt von ${v.notice.productName} (Code ${v.notice.publicCode}) wurde am ${emailDay(v.notice.withdrawnAt, 'de')} zurückgezogen: ${WITHDRAWAL_REASONS.de[v.notice.reason]}. Es ist nicht mehr auf den öffentlichen Seiten, in der öffentlichen API und im Feed, und wer seinen Code öffnet, erfährt, dass es zurückgezogen wurde: ${v.link}. Mit Ihren Lieferungen gedruckte Exemplare sind nicht mehr gültig.` }),
});
