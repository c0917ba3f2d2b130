import { emailTemplate } from '@chancery/notifications';

interface SubProcessorChangeValues {
  announcer: string;
  change: string;
  subProcessor: string;
  objectionDeadline: string;
  effectiveAt: string;
}

/** To every customer of the announcer: the planned change, and until when they may object. */
export const SUB_PROCESSOR_CHANGE_ANNOUNCED = emailTemplate<SubProcessorChangeValues>('privacy.sub-processor-change-announced', {
  en: (v) => ({ subject: `${v.announcer}: planned change of sub-processors`, text: `${v.announcer} plans a change of its sub-processors: ${v.change} (${v.subProcessor}), effective ${v.effectiveAt}.\nYou may object in the application until ${v.objectionDeadline}.` }),
  nl: (v) => ({ subject: `${v.announcer}: geplande wijziging van subverwerkers`, text: `${v.announcer} plant een wijziging van zijn subverwerkers: ${v.change} (${v.subProcessor}), van kracht op ${v.effectiveAt}.\nU kunt in de toepassing bezwaar maken tot ${v.objectionDeadline}.` }),
  fr: (v) => ({ subject: `${v.announcer} : changement prévu des sous-traitants`, text: `${v.announcer} prévoit un changement de ses sous-traitants : ${v.change} (${v.subProcessor}), en vigueur le ${v.effectiveAt}.\nVous pouvez vous y opposer dans l'application jusqu'au ${v.objectionDeadline}.` }),
  de: (v) => ({ subject: `${v.announcer}: geplante Änderung der Unterauftragsverarbeiter`, text: `${v.announcer} plant eine Änderung seiner Unterauftragsverarbeiter: ${v.change} (${v.subProcessor}), wirksam am ${v.effectiveAt}.\nSie können in der Anwendung bis zum ${v.objectionDeadline} widersprechen.` }),
});

interface BreachValues {
  controller: string;
  reference: string;
  nature: string;
  consequences: string;
  measures: string;
  contact: string;
}

/** To each person affected by a breach of high risk to them (Art. 34(2)): plain language, the contact point. */
export const BREACH_NOTICE = emailTemplate<BreachValues>('privacy.breach-notice', {
  en: (v) => ({ subject: `${v.controller}: a security incident concerns your personal data`, text: `Reference ${v.reference}.\nWhat happened: ${v.nature}\nLikely consequences: ${v.consequences}\nWhat we did and what you can do: ${v.measures}\nQuestions: ${v.contact}` }),
  nl: (v) => ({ subject: `${v.controller}: een beveiligingsincident betreft uw persoonsgegevens`, text: `Referentie ${v.reference}.\nWat er gebeurde: ${v.nature}\nWaarschijnlijke gevolgen: ${v.consequences}\nWat wij deden en wat u kunt doen: ${v.measures}\nVragen: ${v.contact}` }),
  fr: (v) => ({ subject: `${v.controller} : un incident de sécurité concerne vos données personnelles`, text: `Référence ${v.reference}.\nCe qui s'est passé : ${v.nature}\nConséquences probables : ${v.consequences}\nCe que nous avons fait et ce que vous pouvez faire : ${v.measures}\nQuestions : ${v.contact}` }),
  de: (v) => ({ subject: `${v.controller}: ein Sicherheitsvorfall betrifft Ihre personenbezogenen Daten`, text: `Referenz ${v.reference}.\nWas geschah: ${v.nature}\nWahrscheinliche Folgen: ${v.consequences}\nWas wir getan haben und was Sie tun können: ${v.measures}\nFragen: ${v.contact}` }),
}, { sentDuringRestriction: true });

/** The change, in the recipient's language. */
export const CHANGE_WORDS = {
  ADDITION: { en: 'a new sub-processor', nl: 'een nieuwe subverwerker', fr: 'un nouveau sous-traitant', de: 'ein neuer Unterauftragsverarbeiter' },
  REMOVAL: { en: 'a sub-processor leaves', nl: 'een subverwerker vertrekt', fr: 'un sous-traitant part', de: 'ein Unterauftragsverarbeiter entfällt' },
} as const;
