import type { Formats } from 'next-intl';
import type fr from './messages/fr';
import type { Shape } from './messages/shape';

/**
 * What the whole app shares about languages, safe to import anywhere (server, browser,
 * command line): no catalog is loaded here, only its type.
 */

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
/** No locale in the address: the reader's choice lives in this cookie (set by app/langue). */
export const LOCALE_COOKIE = 'vigie_locale';
/** Dates are shown in the city's time, whatever the server's or the browser's zone. */
export const TIME_ZONE = 'Europe/Paris';

/** French is the reference: its keys are the keys, every leaf a string. */
export type Messages = Shape<typeof fr>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Named formats, used as `format.dateTime(date, 'long')` or `format.number(n, 'euro')`. */
export const formats = {
  dateTime: {
    long: { dateStyle: 'long', timeStyle: 'short' },
    short: { dateStyle: 'short', timeStyle: 'short' },
    date: { dateStyle: 'long' },
  },
  number: {
    // Whole euros: the forms ask for amounts without cents.
    euro: { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 },
    // Coordinates in decimal degrees, as precise as they were typed.
    coordinate: { maximumFractionDigits: 12 },
  },
} satisfies Formats;
