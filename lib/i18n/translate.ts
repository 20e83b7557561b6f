import type { createTranslator, MessageKeys, NestedKeyOf, TranslationValues } from 'next-intl';
import type { Messages } from './config';

/** A translator over the whole catalog: what `getTranslations()`, `useTranslations()` and `createTranslator()` return. */
export type AppTranslator = ReturnType<typeof createTranslator<Messages>>;

/** Every key of the catalog, e.g. 'validation.required' or 'audit.user.created'. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Translates a catalog key that is only known at run time: an error code (`errors.${code}`),
 * a lifecycle refusal, an audit action, a zod message or a field error the server sends back
 * as a key ('validation.site_unavailable'). next-intl checks keys written in the code at
 * compile time; a string built or received at run time cannot be, so it is checked here,
 * in one place, instead of being cast at every call. A missing key is a bug: it is logged
 * and the key itself is shown (never an empty text).
 */
export function translateKey(t: AppTranslator, key: string, values?: TranslationValues): string {
  const checked = key as MessageKey;
  if (t.has(checked)) return t(checked, values);
  console.error(`[i18n] no message for the key "${key}"`);
  return key;
}

/**
 * The part of a catalog a client component needs: only these namespaces are sent to the
 * browser (NextIntlClientProvider would otherwise serialize every message of the app).
 */
export function pickMessages<const N extends keyof Messages>(messages: Messages, namespaces: readonly N[]): Pick<Messages, N> {
  return Object.fromEntries(namespaces.map((n) => [n, messages[n]])) as Pick<Messages, N>;
}
