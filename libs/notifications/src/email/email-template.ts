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
  render(values: V, language: Language): EmailContent;
}

export function emailTemplate<V>(name: string, renderings: Record<Language, (values: V) => EmailContent>): EmailTemplate<V> {
  return { name, render: (values, language) => renderings[language](values) };
}
