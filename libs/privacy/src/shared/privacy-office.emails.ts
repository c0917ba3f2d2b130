import { emailMoment, emailTemplate } from '@chancery/notifications';

interface SubProcessorChangeValues {
  announcer: string;
  change: string;
  subProcessor: string;
  objectionDeadline: string;
  effectiveAt: string;
}

/** To every customer of the announcer: the planned change, and until when they may object. */
export const SUB_PROCESSOR_CHANGE_ANNOUNCED = emailTemplate<SubProcessorChangeValues>('privacy.sub-processor-change-announced', {
  en: (v) => ({ subject: `${v.announcer}: planned change of sub-processors`, text: `${v.announcer} plans a change of its sub-processors: ${v.change} (${v.subProcessor}), effective ${emailMoment(v.effectiveAt, 'en')}.\nYou may object in the application until ${emailMoment(v.objectionDeadline, 'en')}.` }),
  nl: (v) => ({ subject: `${v.announcer}: geplande wijziging van subverwerkers`, text: `${v.announcer} plant een wijziging van zijn subverwerkers: ${v.change} (${v.subProcessor}), van kracht op ${emailMoment(v.effectiveAt, 'nl')}.\nU kunt in de toepassing bezwaar maken tot ${emailMoment(v.objectionDeadline, 'nl')}.` }),
  fr: (v) => ({ subject: `${v.announcer} : changement prévu des sous-traitants`, text: `${v.announcer} prévoit un changement de ses sous-traitants : ${v.change} (${v.subProcessor}), en vigueur le ${emailMoment(v.effectiveAt, 'fr')}.\nVous pouvez vous y opposer dans l'application jusqu'au ${emailMoment(v.objectionDeadline, 'fr')}.` }),
  de: (v) => ({ subject: `${v.announcer}: geplante Änderung der Unterauftragsverarbeiter`, text: `${v.announcer} plant eine Änderung seiner Unterauftragsverarbeiter: ${v.change} (${v.subProcessor}), wirksam am ${emailMoment(v.effectiveAt, 'de')}.\nSie können in der Anwendung bis zum ${emailMoment(v.objectionDeadline, 'de')} widersprechen.` }),
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

interface SupportAccessRequestedValues {
  purpose: string;
  durationMinutes: number;
}

/**
 * From the platform to the tenant's privacy contact: the operator asks to read the tenant's data for
 * support. Nothing is readable before an administrator approves; the notice says where to decide.
 */
export const SUPPORT_ACCESS_REQUESTED = emailTemplate<SupportAccessRequestedValues>('privacy.support-access-requested', {
  en: (v) => ({ subject: 'Chancery support asks for access to your data', text: `The Chancery operator asks for support access to your organisation's data for ${v.durationMinutes} minutes, for this purpose: ${v.purpose}\nNothing can be read until one of your administrators approves it in the application (Privacy, support access); you may also refuse it, or end it early once approved. Every read is in your access log.` }),
  nl: (v) => ({ subject: 'Chancery-ondersteuning vraagt toegang tot uw gegevens', text: `De beheerder van Chancery vraagt ondersteuningstoegang tot de gegevens van uw organisatie gedurende ${v.durationMinutes} minuten, met dit doel: ${v.purpose}\nNiets kan gelezen worden voordat een van uw beheerders de toegang in de toepassing goedkeurt (Privacy, ondersteuningstoegang); u kunt ze ook weigeren, of na goedkeuring vroeger beëindigen. Elke lezing staat in uw toegangslogboek.` }),
  fr: (v) => ({ subject: 'Le support de Chancery demande un accès à vos données', text: `L'opérateur de Chancery demande un accès de support aux données de votre organisation pendant ${v.durationMinutes} minutes, dans ce but : ${v.purpose}\nRien ne peut être lu avant qu'un de vos administrateurs ne l'approuve dans l'application (Vie privée, accès de support) ; vous pouvez aussi le refuser, ou y mettre fin plus tôt une fois approuvé. Chaque lecture figure dans votre journal des accès.` }),
  de: (v) => ({ subject: 'Der Chancery-Support bittet um Zugriff auf Ihre Daten', text: `Der Betreiber von Chancery bittet um Support-Zugriff auf die Daten Ihrer Organisation für ${v.durationMinutes} Minuten, zu diesem Zweck: ${v.purpose}\nNichts kann gelesen werden, bevor einer Ihrer Administratoren ihn in der Anwendung genehmigt (Datenschutz, Support-Zugriff); Sie können ihn auch ablehnen oder nach der Genehmigung vorzeitig beenden. Jeder Lesezugriff steht in Ihrem Zugriffsprotokoll.` }),
});

interface OffboardingRequestedValues {
  waitingDays: number;
}

/**
 * From the platform to the tenant's privacy contact: the operator has filed the tenant's departure.
 * Nothing is destroyed before an administrator confirms it, takes the archive, and the wait has run.
 */
export const TENANT_OFFBOARDING_REQUESTED = emailTemplate<OffboardingRequestedValues>('privacy.offboarding-requested', {
  en: (v) => ({ subject: "Chancery: your organisation's departure has been filed", text: `The Chancery operator has filed the end of your organisation's use of Chancery. Nothing happens until one of your administrators confirms it in the application; after the confirmation you take the archive of all your data, and ${v.waitingDays} days later every row of it is destroyed, with a destruction certificate. If you did not ask to leave, tell us before confirming anything.` }),
  nl: (v) => ({ subject: 'Chancery: het vertrek van uw organisatie is ingediend', text: `De beheerder van Chancery heeft het einde van het gebruik van Chancery door uw organisatie ingediend. Er gebeurt niets tot een van uw beheerders het in de toepassing bevestigt; na de bevestiging neemt u het archief van al uw gegevens, en ${v.waitingDays} dagen later wordt elke rij ervan vernietigd, met een vernietigingsattest. Vroeg u niet om te vertrekken, laat het ons dan weten voordat u iets bevestigt.` }),
  fr: (v) => ({ subject: 'Chancery : le départ de votre organisation a été introduit', text: `L'opérateur de Chancery a introduit la fin de l'utilisation de Chancery par votre organisation. Rien ne se passe tant qu'un de vos administrateurs ne l'a pas confirmée dans l'application ; après la confirmation vous prenez l'archive de toutes vos données, et ${v.waitingDays} jours plus tard chacune de ses lignes est détruite, avec un certificat de destruction. Si vous n'avez pas demandé à partir, dites-le-nous avant de confirmer quoi que ce soit.` }),
  de: (v) => ({ subject: 'Chancery: der Austritt Ihrer Organisation wurde eingereicht', text: `Der Betreiber von Chancery hat das Ende der Nutzung von Chancery durch Ihre Organisation eingereicht. Es geschieht nichts, bis einer Ihrer Administratoren es in der Anwendung bestätigt; nach der Bestätigung nehmen Sie das Archiv all Ihrer Daten, und ${v.waitingDays} Tage später wird jede Zeile davon vernichtet, mit einem Vernichtungszertifikat. Haben Sie nicht um den Austritt gebeten, sagen Sie es uns, bevor Sie etwas bestätigen.` }),
});

interface OffboardingWithdrawnValues {
  reason: string;
}

/**
 * From the platform to the tenant's privacy contact: the operator has withdrawn the departure it
 * filed (filed or confirmed). Nothing will be destroyed; the reason is the operator's own words.
 */
export const TENANT_OFFBOARDING_WITHDRAWN = emailTemplate<OffboardingWithdrawnValues>('privacy.offboarding-withdrawn', {
  en: (v) => ({ subject: "Chancery: your organisation's departure has been withdrawn", text: `The Chancery operator has withdrawn the departure of your organisation from Chancery. Nothing will be destroyed, and your organisation keeps using Chancery as before.\nReason given: ${v.reason}` }),
  nl: (v) => ({ subject: 'Chancery: het vertrek van uw organisatie is ingetrokken', text: `De beheerder van Chancery heeft het vertrek van uw organisatie uit Chancery ingetrokken. Er wordt niets vernietigd, en uw organisatie gebruikt Chancery verder zoals voorheen.\nOpgegeven reden: ${v.reason}` }),
  fr: (v) => ({ subject: 'Chancery : le départ de votre organisation a été retiré', text: `L'opérateur de Chancery a retiré le départ de votre organisation de Chancery. Rien ne sera détruit, et votre organisation continue d'utiliser Chancery comme avant.\nMotif donné : ${v.reason}` }),
  de: (v) => ({ subject: 'Chancery: der Austritt Ihrer Organisation wurde zurückgezogen', text: `Der Betreiber von Chancery hat den Austritt Ihrer Organisation aus Chancery zurückgezogen. Es wird nichts vernichtet, und Ihre Organisation nutzt Chancery weiter wie bisher.\nAngegebener Grund: ${v.reason}` }),
});

interface OffboardingDeclinedValues {
  tenantName: string;
  tenantSlug: string;
  /** The administrator had confirmed it and revokes that confirmation (else: declines a filed one). */
  revoked: boolean;
  reason: string;
}

/**
 * From a tenant to the operator's contact address: its administrator declined the departure the
 * operator filed, or revoked the confirmation during the waiting period. Nothing will be destroyed.
 */
export const TENANT_OFFBOARDING_DECLINED = emailTemplate<OffboardingDeclinedValues>('privacy.offboarding-declined', {
  en: (v) => ({ subject: `${v.tenantName} (${v.tenantSlug}): departure ${v.revoked ? 'confirmation revoked' : 'declined'}`, text: `An administrator of ${v.tenantName} (${v.tenantSlug}) ${v.revoked ? 'revoked the confirmation of' : 'declined'} the departure filed for it. It is withdrawn: nothing will be destroyed.\nReason given: ${v.reason}` }),
  nl: (v) => ({ subject: `${v.tenantName} (${v.tenantSlug}): vertrek ${v.revoked ? 'bevestiging herroepen' : 'geweigerd'}`, text: `Een beheerder van ${v.tenantName} (${v.tenantSlug}) heeft ${v.revoked ? 'de bevestiging herroepen van' : 'geweigerd'} het vertrek dat ervoor werd ingediend. Het is ingetrokken: er wordt niets vernietigd.\nOpgegeven reden: ${v.reason}` }),
  fr: (v) => ({ subject: `${v.tenantName} (${v.tenantSlug}) : départ ${v.revoked ? 'confirmation révoquée' : 'refusé'}`, text: `Un administrateur de ${v.tenantName} (${v.tenantSlug}) a ${v.revoked ? 'révoqué la confirmation du' : 'refusé le'} départ introduit pour lui. Il est retiré : rien ne sera détruit.\nMotif donné : ${v.reason}` }),
  de: (v) => ({ subject: `${v.tenantName} (${v.tenantSlug}): Austritt ${v.revoked ? 'Bestätigung widerrufen' : 'abgelehnt'}`, text: `Ein Administrator von ${v.tenantName} (${v.tenantSlug}) hat ${v.revoked ? 'die Bestätigung des für ihn eingereichten Austritts widerrufen' : 'den für ihn eingereichten Austritt abgelehnt'}. Er ist zurückgezogen: es wird nichts vernichtet.\nAngegebener Grund: ${v.reason}` }),
});

interface TenantDestroyedValues {
  tenantName: string;
  destroyedAt: string;
  keyId: string;
  signature: string;
  content: string;
}

/**
 * To the departed tenant's privacy contact, once its data is destroyed (COVER: "justify in writing the
 * destruction"): the certificate as signed, with what it takes to check it without an account.
 */
export const TENANT_DESTROYED = emailTemplate<TenantDestroyedValues>('privacy.tenant-destroyed', {
  en: (v) => ({ subject: `${v.tenantName}: certificate of destruction of your data`, text: `Every record of ${v.tenantName} was destroyed on ${emailMoment(v.destroyedAt, 'en')}. The certificate below is signed by the platform (Ed25519, key ${v.keyId}, published at /platform/attestation-keys).\n\nSignature: ${v.signature}\n\nCertificate:\n${v.content}` }),
  nl: (v) => ({ subject: `${v.tenantName}: attest van vernietiging van uw gegevens`, text: `Alle gegevens van ${v.tenantName} werden vernietigd op ${emailMoment(v.destroyedAt, 'nl')}. Het attest hieronder is ondertekend door het platform (Ed25519, sleutel ${v.keyId}, gepubliceerd op /platform/attestation-keys).\n\nHandtekening: ${v.signature}\n\nAttest:\n${v.content}` }),
  fr: (v) => ({ subject: `${v.tenantName} : certificat de destruction de vos données`, text: `Toutes les données de ${v.tenantName} ont été détruites le ${emailMoment(v.destroyedAt, 'fr')}. Le certificat ci-dessous est signé par la plateforme (Ed25519, clé ${v.keyId}, publiée sur /platform/attestation-keys).\n\nSignature : ${v.signature}\n\nCertificat :\n${v.content}` }),
  de: (v) => ({ subject: `${v.tenantName}: Vernichtungsbescheinigung Ihrer Daten`, text: `Alle Daten von ${v.tenantName} wurden am ${emailMoment(v.destroyedAt, 'de')} vernichtet. Die Bescheinigung unten ist von der Plattform signiert (Ed25519, Schlüssel ${v.keyId}, veröffentlicht unter /platform/attestation-keys).\n\nSignatur: ${v.signature}\n\nBescheinigung:\n${v.content}` }),
});

interface PolicyObjectionValues {
  version: number;
  title: string;
}

/**
 * To the tenant's privacy contact: someone objected to a version of its privacy policy (DigiChambers
 * 004 §1.2). Only the version: who objected and why are read in the application, where each read is logged.
 */
export const POLICY_OBJECTION = emailTemplate<PolicyObjectionValues>('privacy.policy-objection', {
  en: (v) => ({ subject: `An objection to version ${v.version} of your privacy policy`, text: `A user objected to version ${v.version} of your privacy policy ("${v.title}"). Who objected and why are in the application, under Privacy, Privacy policy.` }),
  nl: (v) => ({ subject: `Een bezwaar tegen versie ${v.version} van uw privacybeleid`, text: `Een gebruiker maakte bezwaar tegen versie ${v.version} van uw privacybeleid ("${v.title}"). Wie bezwaar maakte en waarom, staat in de toepassing, onder Privacy, Privacybeleid.` }),
  fr: (v) => ({ subject: `Une opposition à la version ${v.version} de votre politique de confidentialité`, text: `Un utilisateur s'est opposé à la version ${v.version} de votre politique de confidentialité (« ${v.title} »). Qui s'y est opposé et pourquoi figurent dans l'application, sous Vie privée, Politique de confidentialité.` }),
  de: (v) => ({ subject: `Ein Widerspruch gegen Fassung ${v.version} Ihrer Datenschutzerklärung`, text: `Ein Benutzer hat Fassung ${v.version} Ihrer Datenschutzerklärung („${v.title}“) widersprochen. Wer widersprochen hat und warum, steht in der Anwendung unter Datenschutz, Datenschutzerklärung.` }),
});
