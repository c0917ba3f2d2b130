export const LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function languageOf(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'en';
}

export interface EmailContent {
  subject: string;
  text: string;
}

/**
 * A message in the four languages of the product (NL, FR, DE, EN), rendered from values the gate has
 * presented for the recipient. Declared by the context that sends it, named `<context>.<message>`.
 */
export interface EmailTemplate<V> {
  readonly name: string;
  /**
   * Delivered even while the recipient's processing is restricted (Art. 18): what the controller owes
   * the person about their own rights (the answers to their data-subject request, Art. 12(3), the
   * notice before a restriction is lifted, Art. 18(3), a breach notice, Art. 34), what the person asked
   * for themself (a password-reset link: processing with their consent, Art. 18(2)) and the security
   * notices that protect their account (a password changed, their address used to register). Every
   * other message to a restricted person is held until the restriction is lifted (see OutboxDelivery).
   */
  readonly sentDuringRestriction: boolean;
  render(values: V, language: Language): EmailContent;
}

export function emailTemplate<V>(
  name: string,
  renderings: Record<Language, (values: V) => EmailContent>,
  options: { sentDuringRestriction?: true } = {},
): EmailTemplate<V> {
  return { name, sentDuringRestriction: options.sentDuringRestriction ?? false, render: (values, language) => renderings[language](values) };
}
