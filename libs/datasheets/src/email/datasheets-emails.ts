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
  en: (v) => ({ subject: 'A datasheet contact objected: name a new contact', text: `A contact person of your company objected to the publication of their details and no longer holds their role. ${v.count} published datasheet(s) now show the company's general contact. Name a new contact before ${v.deadline} (UTC), or they will be unpublished.` }),
  nl: (v) => ({ subject: 'Een contactpersoon van een fiche maakte bezwaar: duid een nieuwe contactpersoon aan', text: `Een contactpersoon van uw onderneming maakte bezwaar tegen de publicatie van zijn of haar gegevens en heeft de rol niet meer. ${v.count} gepubliceerde fiche(s) tonen nu het algemene contact van de onderneming. Duid voor ${v.deadline} (UTC) een nieuwe contactpersoon aan, anders worden ze niet langer gepubliceerd.` }),
  fr: (v) => ({ subject: "Un contact d'une fiche s'est opposé : désignez un nouveau contact", text: `Une personne de contact de votre entreprise s'est opposée à la publication de ses coordonnées et n'a plus son rôle. ${v.count} fiche(s) publiée(s) affichent désormais le contact général de l'entreprise. Désignez un nouveau contact avant le ${v.deadline} (UTC), sinon elles seront dépubliées.` }),
  de: (v) => ({ subject: 'Ein Kontakt eines Datenblatts hat widersprochen: Benennen Sie einen neuen Kontakt', text: `Eine Kontaktperson Ihres Unternehmens hat der Veröffentlichung ihrer Daten widersprochen und hat ihre Rolle nicht mehr. ${v.count} veröffentlichte(s) Datenblatt/Datenblätter zeigen nun den allgemeinen Kontakt des Unternehmens. Benennen Sie vor dem ${v.deadline} (UTC) einen neuen Kontakt, sonst wird die Veröffentlichung zurückgezogen.` }),
});
