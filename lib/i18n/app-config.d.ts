import type { formats, Locale, Messages } from './config';

// Registers the catalog's type with next-intl: `t('missing.key')` fails `npm run typecheck`.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
