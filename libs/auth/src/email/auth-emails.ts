import { emailMoment, emailTemplate } from '@chancery/notifications';

interface PasswordResetValues {
  link: string;
}

/** Sent even to a person whose processing is restricted: they asked for it (Art. 18(2)), and holding it would lock them out. */
export const PASSWORD_RESET = emailTemplate<PasswordResetValues>('auth.password-reset', {
  en: (v) => ({ subject: 'Reset your Chancery password', text: `Choose a new password within one hour:\n${v.link}\n\nIf you did not ask for this, ignore this message.` }),
  nl: (v) => ({ subject: 'Stel uw Chancery-wachtwoord opnieuw in', text: `Kies binnen het uur een nieuw wachtwoord:\n${v.link}\n\nHebt u dit niet gevraagd, negeer dan dit bericht.` }),
  fr: (v) => ({ subject: 'Réinitialisez votre mot de passe Chancery', text: `Choisissez un nouveau mot de passe dans l'heure :\n${v.link}\n\nSi vous ne l'avez pas demandé, ignorez ce message.` }),
  de: (v) => ({ subject: 'Setzen Sie Ihr Chancery-Passwort zurück', text: `Wählen Sie innerhalb einer Stunde ein neues Passwort:\n${v.link}\n\nWenn Sie dies nicht angefordert haben, ignorieren Sie diese Nachricht.` }),
}, { sentDuringRestriction: true });

interface SecondFactorFailuresValues {
  at: string;
}

/**
 * A security notice: the account's password was given with wrong second-factor codes five times in a
 * quarter of an hour, so someone else has it. Logins are held except from the owner's usual address.
 */
export const SECOND_FACTOR_FAILURES = emailTemplate<SecondFactorFailuresValues>('auth.second-factor-failures', {
  en: (v) => ({ subject: 'Someone has your Chancery password', text: `Your password was given with a wrong authenticator code five times, the last time on ${emailMoment(v.at, 'en')}. For the next 15 minutes your account only accepts logins from where you usually log in. If it was not you, change your password at once and tell your administrator.` }),
  nl: (v) => ({ subject: 'Iemand kent uw Chancery-wachtwoord', text: `Uw wachtwoord werd vijf keer opgegeven met een verkeerde code van de authenticator-app, het laatst op ${emailMoment(v.at, 'nl')}. De komende 15 minuten aanvaardt uw account enkel aanmeldingen van waar u zich gewoonlijk aanmeldt. Was u het niet, wijzig dan meteen uw wachtwoord en verwittig uw beheerder.` }),
  fr: (v) => ({ subject: "Quelqu'un connaît votre mot de passe Chancery", text: `Votre mot de passe a été donné cinq fois avec un code d'authentification erroné, la dernière fois le ${emailMoment(v.at, 'fr')}. Pendant les 15 prochaines minutes, votre compte n'accepte que les connexions depuis l'endroit d'où vous vous connectez habituellement. Si ce n'était pas vous, changez immédiatement votre mot de passe et prévenez votre administrateur.` }),
  de: (v) => ({ subject: 'Jemand kennt Ihr Chancery-Passwort', text: `Ihr Passwort wurde fünfmal mit einem falschen Authenticator-Code eingegeben, zuletzt am ${emailMoment(v.at, 'de')}. In den nächsten 15 Minuten akzeptiert Ihr Konto nur Anmeldungen von dort, wo Sie sich gewöhnlich anmelden. Wenn Sie es nicht waren, ändern Sie sofort Ihr Passwort und informieren Sie Ihren Administrator.` }),
}, { sentDuringRestriction: true });
