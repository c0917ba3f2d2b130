import { emailMoment, emailTemplate } from '@chancery/notifications';

interface ConfirmEmailValues {
  tenantName: string;
  link: string;
}

export const CONFIRM_EMAIL = emailTemplate<ConfirmEmailValues>('identity.confirm-email', {
  en: (v) => ({ subject: `Confirm your e-mail address for ${v.tenantName}`, text: `Confirm your address to activate your account:\n${v.link}\n\nThe link works once, within 48 hours. A registration not confirmed by then lapses: the company can then be registered again.` }),
  nl: (v) => ({ subject: `Bevestig uw e-mailadres voor ${v.tenantName}`, text: `Bevestig uw adres om uw account te activeren:\n${v.link}\n\nDe link werkt één keer, binnen 48 uur. Een registratie die dan niet bevestigd is, vervalt: de onderneming kan daarna opnieuw geregistreerd worden.` }),
  fr: (v) => ({ subject: `Confirmez votre adresse e-mail pour ${v.tenantName}`, text: `Confirmez votre adresse pour activer votre compte :\n${v.link}\n\nLe lien fonctionne une fois, dans les 48 heures. Une inscription non confirmée dans ce délai devient caduque : l'entreprise peut ensuite être inscrite à nouveau.` }),
  de: (v) => ({ subject: `Bestätigen Sie Ihre E-Mail-Adresse für ${v.tenantName}`, text: `Bestätigen Sie Ihre Adresse, um Ihr Konto zu aktivieren:\n${v.link}\n\nDer Link funktioniert einmal, innerhalb von 48 Stunden. Eine bis dahin nicht bestätigte Registrierung verfällt: Das Unternehmen kann danach erneut registriert werden.` }),
});

interface InvitationValues {
  tenantName: string;
  link: string;
  /** The invitee's name, as the platform operator gave it for a tenant's first administrator. */
  inviteeName?: string;
  /** Invited as the tenant's first administrator: they set up a second factor at their first login. */
  firstAdministrator?: boolean;
}

const greeting = (salutation: string, name?: string) => (name ? `${salutation} ${name},\n\n` : '');

export const INVITATION = emailTemplate<InvitationValues>('identity.invitation', {
  en: (v) => ({
    subject: `You are invited to ${v.tenantName} on Chancery`,
    text: `${greeting('Dear', v.inviteeName)}${v.firstAdministrator ? `${v.tenantName} is open on Chancery, with you as its administrator. ` : ''}Accept the invitation and choose your password:\n${v.link}\n\n${v.firstAdministrator ? 'At your first login you set up a second factor (an authenticator app).\n\n' : ''}The invitation works once, within 7 days.`,
  }),
  nl: (v) => ({
    subject: `U bent uitgenodigd bij ${v.tenantName} op Chancery`,
    text: `${greeting('Beste', v.inviteeName)}${v.firstAdministrator ? `${v.tenantName} is geopend op Chancery, met u als beheerder. ` : ''}Aanvaard de uitnodiging en kies uw wachtwoord:\n${v.link}\n\n${v.firstAdministrator ? 'Bij uw eerste aanmelding stelt u een tweede factor in (een authenticator-app).\n\n' : ''}De uitnodiging werkt één keer, binnen 7 dagen.`,
  }),
  fr: (v) => ({
    subject: `Vous êtes invité(e) chez ${v.tenantName} sur Chancery`,
    text: `${greeting('Bonjour', v.inviteeName)}${v.firstAdministrator ? `${v.tenantName} est ouvert sur Chancery, avec vous comme administrateur. ` : ''}Acceptez l'invitation et choisissez votre mot de passe :\n${v.link}\n\n${v.firstAdministrator ? 'À votre première connexion, vous configurez un second facteur (une application d\'authentification).\n\n' : ''}L'invitation fonctionne une fois, dans les 7 jours.`,
  }),
  de: (v) => ({
    subject: `Sie sind zu ${v.tenantName} auf Chancery eingeladen`,
    text: `${greeting('Guten Tag', v.inviteeName)}${v.firstAdministrator ? `${v.tenantName} ist auf Chancery eröffnet, mit Ihnen als Administrator. ` : ''}Nehmen Sie die Einladung an und wählen Sie Ihr Passwort:\n${v.link}\n\n${v.firstAdministrator ? 'Bei Ihrer ersten Anmeldung richten Sie einen zweiten Faktor ein (eine Authenticator-App).\n\n' : ''}Die Einladung funktioniert einmal, innerhalb von 7 Tagen.`,
  }),
});

interface AddressInUseValues {
  tenantName: string;
  loginLink: string;
}

/** A security notice, sent even during a restriction: someone used the person's address to register. */
export const REGISTRATION_ADDRESS_IN_USE = emailTemplate<AddressInUseValues>('identity.registration-address-in-use', {
  en: (v) => ({ subject: `A registration with ${v.tenantName} used your e-mail address`, text: `Someone tried to register a company with ${v.tenantName} using this address, which already has an account. If it was you, log in (or reset your password) at ${v.loginLink}; if you registered in the last 48 hours and have not confirmed yet, use the link we sent you then (or register again once it has expired). Otherwise you can ignore this message.` }),
  nl: (v) => ({ subject: `Een registratie bij ${v.tenantName} gebruikte uw e-mailadres`, text: `Iemand probeerde een onderneming te registreren bij ${v.tenantName} met dit adres, dat al een account heeft. Was u het, meld u dan aan (of stel uw wachtwoord opnieuw in) op ${v.loginLink}; registreerde u in de laatste 48 uur en bevestigde u nog niet, gebruik dan de link die we u toen stuurden (of registreer opnieuw zodra die verlopen is). Anders kunt u dit bericht negeren.` }),
  fr: (v) => ({ subject: `Une inscription auprès de ${v.tenantName} a utilisé votre adresse e-mail`, text: `Quelqu'un a tenté d'inscrire une entreprise auprès de ${v.tenantName} avec cette adresse, qui a déjà un compte. Si c'était vous, connectez-vous (ou réinitialisez votre mot de passe) sur ${v.loginLink} ; si vous vous êtes inscrit(e) dans les dernières 48 heures sans confirmer, utilisez le lien que nous vous avons alors envoyé (ou inscrivez-vous à nouveau une fois qu'il a expiré). Sinon, ignorez ce message.` }),
  de: (v) => ({ subject: `Eine Registrierung bei ${v.tenantName} hat Ihre E-Mail-Adresse verwendet`, text: `Jemand hat versucht, ein Unternehmen bei ${v.tenantName} mit dieser Adresse zu registrieren, die bereits ein Konto hat. Wenn Sie es waren, melden Sie sich an (oder setzen Sie Ihr Passwort zurück) unter ${v.loginLink}; wenn Sie sich in den letzten 48 Stunden registriert und noch nicht bestätigt haben, verwenden Sie den Link, den wir Ihnen damals gesendet haben (oder registrieren Sie sich erneut, sobald er abgelaufen ist). Andernfalls können Sie diese Nachricht ignorieren.` }),
}, { sentDuringRestriction: true });

interface PasswordChangedValues {
  at: string;
}

/** A security notice: the account's password was changed (by its holder, logged in). Sent even during a restriction: it protects the account. */
export const PASSWORD_CHANGED = emailTemplate<PasswordChangedValues>('identity.password-changed', {
  en: (v) => ({ subject: 'Your Chancery password was changed', text: `The password of your account was changed on ${emailMoment(v.at, 'en')}, and every other session was logged out. If it was not you, reset your password at once and tell your administrator.` }),
  nl: (v) => ({ subject: 'Uw Chancery-wachtwoord werd gewijzigd', text: `Het wachtwoord van uw account werd gewijzigd op ${emailMoment(v.at, 'nl')} en alle andere sessies werden afgemeld. Was u het niet, stel dan meteen een nieuw wachtwoord in en verwittig uw beheerder.` }),
  fr: (v) => ({ subject: 'Votre mot de passe Chancery a été modifié', text: `Le mot de passe de votre compte a été modifié le ${emailMoment(v.at, 'fr')} et toutes les autres sessions ont été fermées. Si ce n'était pas vous, réinitialisez immédiatement votre mot de passe et prévenez votre administrateur.` }),
  de: (v) => ({ subject: 'Ihr Chancery-Passwort wurde geändert', text: `Das Passwort Ihres Kontos wurde am ${emailMoment(v.at, 'de')} geändert, und alle anderen Sitzungen wurden abgemeldet. Wenn Sie es nicht waren, setzen Sie Ihr Passwort sofort zurück und informieren Sie Ihren Administrator.` }),
}, { sentDuringRestriction: true });

interface SecondFactorEnrolledValues {
  at: string;
}

/**
 * A security notice: a second factor was added to the account. Whoever added it decides every login
 * from now on; if it was not the owner, the owner must hear of it before their next login fails.
 * Sent even during a restriction: it protects the account.
 */
export const SECOND_FACTOR_ENROLLED = emailTemplate<SecondFactorEnrolledValues>('identity.second-factor-enrolled', {
  en: (v) => ({ subject: 'A second factor was added to your Chancery account', text: `An authenticator app was set up as the second factor of your account on ${emailMoment(v.at, 'en')}: from now on, a login asks for its code. If it was not you, reset your password at once and tell your administrator, who can remove the second factor.` }),
  nl: (v) => ({ subject: 'Er werd een tweede factor aan uw Chancery-account toegevoegd', text: `Op ${emailMoment(v.at, 'nl')} werd een authenticator-app ingesteld als tweede factor van uw account: voortaan vraagt elke aanmelding om de code ervan. Was u het niet, stel dan meteen een nieuw wachtwoord in en verwittig uw beheerder, die de tweede factor kan verwijderen.` }),
  fr: (v) => ({ subject: 'Un second facteur a été ajouté à votre compte Chancery', text: `Une application d'authentification a été configurée comme second facteur de votre compte le ${emailMoment(v.at, 'fr')} : désormais, chaque connexion demande son code. Si ce n'était pas vous, réinitialisez immédiatement votre mot de passe et prévenez votre administrateur, qui peut retirer le second facteur.` }),
  de: (v) => ({ subject: 'Ihrem Chancery-Konto wurde ein zweiter Faktor hinzugefügt', text: `Am ${emailMoment(v.at, 'de')} wurde eine Authenticator-App als zweiter Faktor Ihres Kontos eingerichtet: Ab jetzt fragt jede Anmeldung nach ihrem Code. Wenn Sie es nicht waren, setzen Sie Ihr Passwort sofort zurück und informieren Sie Ihren Administrator, der den zweiten Faktor entfernen kann.` }),
}, { sentDuringRestriction: true });

interface SecondFactorResetValues {
  at: string;
}

/**
 * A security notice: an administrator removed the account's second factor (a lost phone). Whoever knows
 * the password is now asked to enrol a new one at login, so the holder must hear of it at once. Sent
 * even during a restriction: it protects the account.
 */
export const SECOND_FACTOR_RESET = emailTemplate<SecondFactorResetValues>('identity.second-factor-reset', {
  en: (v) => ({ subject: 'The second factor of your Chancery account was removed', text: `An administrator removed the second factor (authenticator app) of your account on ${emailMoment(v.at, 'en')}, and your sessions were logged out. At your next login you set up a new one. If you did not ask for this, tell your administrator at once and change your password.` }),
  nl: (v) => ({ subject: 'De tweede factor van uw Chancery-account werd verwijderd', text: `Een beheerder verwijderde de tweede factor (authenticator-app) van uw account op ${emailMoment(v.at, 'nl')}, en uw sessies werden afgemeld. Bij uw volgende aanmelding stelt u een nieuwe in. Vroeg u dit niet, verwittig dan meteen uw beheerder en wijzig uw wachtwoord.` }),
  fr: (v) => ({ subject: 'Le second facteur de votre compte Chancery a été supprimé', text: `Un administrateur a supprimé le second facteur (application d'authentification) de votre compte le ${emailMoment(v.at, 'fr')}, et vos sessions ont été fermées. À votre prochaine connexion, vous en configurez un nouveau. Si vous ne l'avez pas demandé, prévenez immédiatement votre administrateur et changez votre mot de passe.` }),
  de: (v) => ({ subject: 'Der zweite Faktor Ihres Chancery-Kontos wurde entfernt', text: `Ein Administrator hat den zweiten Faktor (Authenticator-App) Ihres Kontos am ${emailMoment(v.at, 'de')} entfernt, und Ihre Sitzungen wurden abgemeldet. Bei Ihrer nächsten Anmeldung richten Sie einen neuen ein. Wenn Sie das nicht veranlasst haben, informieren Sie sofort Ihren Administrator und ändern Sie Ihr Passwort.` }),
}, { sentDuringRestriction: true });

interface RecoveryCodeUsedValues {
  at: string;
  /** Unused recovery codes left after this one. */
  remaining: number;
}

/**
 * A security notice: a recovery code logged in to the account instead of the authenticator app. The
 * holder hears of it at once (someone else may have their codes), learns how many are left, and is
 * asked to set up the app again and make new codes. Sent even during a restriction: it protects the account.
 */
export const RECOVERY_CODE_USED = emailTemplate<RecoveryCodeUsedValues>('identity.recovery-code-used', {
  en: (v) => ({
    subject: 'A recovery code was used to log in to your Chancery account',
    text: `A recovery code logged in to your account on ${emailMoment(v.at, 'en')}, instead of the code of your authenticator app. ${v.remaining} unused recovery code(s) remain; each works once. If you lost your phone, set up your authenticator app again (ask your administrator to reset your second factor) and make new recovery codes under Account > Second factor. If it was not you, change your password at once and tell your administrator.`,
  }),
  nl: (v) => ({
    subject: 'Er werd aangemeld op uw Chancery-account met een herstelcode',
    text: `Op ${emailMoment(v.at, 'nl')} werd op uw account aangemeld met een herstelcode, in plaats van de code van uw authenticator-app. Er blijven ${v.remaining} ongebruikte herstelcode(s) over; elke code werkt één keer. Verloor u uw telefoon, stel dan uw authenticator-app opnieuw in (vraag uw beheerder uw tweede factor te herstellen) en maak nieuwe herstelcodes aan onder Account > Tweede factor. Was u het niet, wijzig dan meteen uw wachtwoord en verwittig uw beheerder.`,
  }),
  fr: (v) => ({
    subject: 'Un code de récupération a servi à vous connecter à votre compte Chancery',
    text: `Le ${emailMoment(v.at, 'fr')}, une connexion à votre compte a utilisé un code de récupération au lieu du code de votre application d'authentification. Il vous reste ${v.remaining} code(s) de récupération inutilisé(s) ; chacun ne fonctionne qu'une fois. Si vous avez perdu votre téléphone, configurez à nouveau votre application d'authentification (demandez à votre administrateur de réinitialiser votre second facteur) et générez de nouveaux codes de récupération sous Compte > Second facteur. Si ce n'était pas vous, changez immédiatement votre mot de passe et prévenez votre administrateur.`,
  }),
  de: (v) => ({
    subject: 'Bei Ihrem Chancery-Konto wurde mit einem Wiederherstellungscode angemeldet',
    text: `Am ${emailMoment(v.at, 'de')} wurde bei Ihrem Konto mit einem Wiederherstellungscode statt mit dem Code Ihrer Authenticator-App angemeldet. Es bleiben ${v.remaining} unbenutzte Wiederherstellungscode(s); jeder funktioniert einmal. Wenn Sie Ihr Telefon verloren haben, richten Sie Ihre Authenticator-App neu ein (bitten Sie Ihren Administrator, Ihren zweiten Faktor zurückzusetzen) und erzeugen Sie neue Wiederherstellungscodes unter Konto > Zweiter Faktor. Wenn Sie es nicht waren, ändern Sie sofort Ihr Passwort und informieren Sie Ihren Administrator.`,
  }),
}, { sentDuringRestriction: true });

interface StaffSecondFactorRequiredValues {
  tenantName: string;
  loginLink: string;
}

/**
 * The tenant now requires a second factor of all its staff, and the recipient has none: at their next
 * login (or next request, if logged in) the portal asks them to set up an authenticator app first.
 * Sent even during a restriction: it concerns access to their own account and says nothing of anyone else.
 */
export const STAFF_SECOND_FACTOR_REQUIRED = emailTemplate<StaffSecondFactorRequiredValues>('identity.staff-second-factor-required', {
  en: (v) => ({
    subject: `${v.tenantName} now requires a second factor for your Chancery account`,
    text: `${v.tenantName} now requires every staff member to log in with a second factor (an authenticator app on your phone). At your next login at ${v.loginLink} you set one up first, before anything else: install an authenticator app (such as Google Authenticator, Microsoft Authenticator or FreeOTP), scan the code the portal shows and keep the recovery codes it gives you. If you are logged in now, the portal asks you for it at your next action.`,
  }),
  nl: (v) => ({
    subject: `${v.tenantName} vereist voortaan een tweede factor voor uw Chancery-account`,
    text: `${v.tenantName} vereist voortaan dat elke medewerker zich aanmeldt met een tweede factor (een authenticator-app op uw telefoon). Bij uw volgende aanmelding op ${v.loginLink} stelt u die eerst in, vóór al het andere: installeer een authenticator-app (zoals Google Authenticator, Microsoft Authenticator of FreeOTP), scan de code die het portaal toont en bewaar de herstelcodes die u krijgt. Bent u nu aangemeld, dan vraagt het portaal erom bij uw volgende handeling.`,
  }),
  fr: (v) => ({
    subject: `${v.tenantName} exige désormais un second facteur pour votre compte Chancery`,
    text: `${v.tenantName} exige désormais que chaque membre du personnel se connecte avec un second facteur (une application d'authentification sur votre téléphone). À votre prochaine connexion sur ${v.loginLink}, vous le configurez d'abord, avant toute autre chose : installez une application d'authentification (par exemple Google Authenticator, Microsoft Authenticator ou FreeOTP), scannez le code affiché par le portail et conservez les codes de récupération qu'il vous donne. Si vous êtes connecté(e) maintenant, le portail vous le demandera à votre prochaine action.`,
  }),
  de: (v) => ({
    subject: `${v.tenantName} verlangt jetzt einen zweiten Faktor für Ihr Chancery-Konto`,
    text: `${v.tenantName} verlangt jetzt, dass sich alle Mitarbeitenden mit einem zweiten Faktor anmelden (einer Authenticator-App auf Ihrem Telefon). Bei Ihrer nächsten Anmeldung unter ${v.loginLink} richten Sie ihn zuerst ein, vor allem anderen: Installieren Sie eine Authenticator-App (etwa Google Authenticator, Microsoft Authenticator oder FreeOTP), scannen Sie den Code, den das Portal zeigt, und bewahren Sie die Wiederherstellungscodes auf, die Sie erhalten. Wenn Sie jetzt angemeldet sind, fragt das Portal bei Ihrer nächsten Aktion danach.`,
  }),
}, { sentDuringRestriction: true });
