import { emailTemplate } from '@chancery/notifications';

interface ContactObjectionValues {
  count: number;
  deadline: string;
}

/**
 * To the company's remaining administrators: a contact person objected to the disclosure of their
 * details. Names no one (the objector's details are exactly what must not travel further).
 */
export const CONTACT_OBJECTION = emailTemplate<ContactObjectionValues>('datasheets.contact-objection', {
  en: (v) => ({ subject: 'Name a new contact for your datasheets', text: `A contact person of your company can no longer be published on your datasheets (they objected to the publication of their details, their account was closed, or they no longer hold their role). ${v.count} published datasheet(s) now show the company's general contact. Name a new contact before ${v.deadline} (UTC), or they will be unpublished.` }),
  nl: (v) => ({ subject: 'Duid een nieuwe contactpersoon aan voor uw fiches', text: `Een contactpersoon van uw onderneming kan niet langer op uw fiches gepubliceerd worden (bezwaar tegen de publicatie van zijn of haar gegevens, account afgesloten, of de rol niet meer). ${v.count} gepubliceerde fiche(s) tonen nu het algemene contact van de onderneming. Duid voor ${v.deadline} (UTC) een nieuwe contactpersoon aan, anders worden ze niet langer gepubliceerd.` }),
  fr: (v) => ({ subject: 'Désignez un nouveau contact pour vos fiches', text: `Une personne de contact de votre entreprise ne peut plus être publiée sur vos fiches (opposition à la publication de ses coordonnées, compte fermé, ou rôle retiré). ${v.count} fiche(s) publiée(s) affichent désormais le contact général de l'entreprise. Désignez un nouveau contact avant le ${v.deadline} (UTC), sinon elles seront dépubliées.` }),
  de: (v) => ({ subject: 'Benennen Sie einen neuen Kontakt für Ihre Datenblätter', text: `Eine Kontaktperson Ihres Unternehmens kann nicht mehr auf Ihren Datenblättern veröffentlicht werden (Widerspruch gegen die Veröffentlichung ihrer Daten, Konto geschlossen oder Rolle entzogen). ${v.count} veröffentlichte(s) Datenblatt/Datenblätter zeigen nun den allgemeinen Kontakt des Unternehmens. Benennen Sie vor dem ${v.deadline} (UTC) einen neuen Kontakt, sonst wird die Veröffentlichung zurückgezogen.` }),
});
