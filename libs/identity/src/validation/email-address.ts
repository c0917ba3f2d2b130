/**
 * The form an e-mail address is kept and compared in: trimmed, Unicode-composed (NFC), lower case.
 * "é" typed as one code point or as "e" with a combining accent looks the same and reaches the same
 * mailbox, so it must find the same account; lower-casing alone kept the two apart. Every place that
 * stores or looks up an account's, invitation's or login's address goes through here.
 */
export function normaliseEmailAddress(address: string): string {
  return address.trim().normalize('NFC').toLowerCase();
}
