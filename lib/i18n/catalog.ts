import en from './messages/en';
import fr from './messages/fr';

/** The shape of a catalog: French's keys, every leaf a string. */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Messages = Shape<typeof fr>;

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'vigie_locale';

export const catalogs: Record<Locale, Messages> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Keys are dotted paths ("errors.forbidden"); a key may itself contain a dot after its
 * section ("audit.user.created"), so the first segment is tried as a section with the
 * rest as one key too.
 */
export function makeTranslate(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, params) => {
    let text = lookup(messages, key);
    if (text === undefined) {
      const dot = key.indexOf('.');
      const section = (messages as unknown as Record<string, Record<string, unknown>>)[key.slice(0, dot)];
      const flat = section?.[key.slice(dot + 1)];
      text = typeof flat === 'string' ? flat : undefined;
    }
    if (text === undefined) {
      // A missing key is a bug; show the key rather than nothing, and say so in the logs.
      console.error(`[i18n] missing message "${key}" for ${locale}`);
      return key;
    }
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** Formats dates the French way, in Europe/Paris, whatever the server's zone. */
export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date);
}
