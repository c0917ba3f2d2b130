import { emailTemplate } from '@chancery/notifications';

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
