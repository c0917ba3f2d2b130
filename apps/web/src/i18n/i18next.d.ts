import 'i18next';
import type { Messages } from './locales/en';

// Typed keys: t('a.missing.key') is a type error, and every language must have every key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
