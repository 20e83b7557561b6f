import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, formats, isLocale, LOCALE_COOKIE, TIME_ZONE } from './config';
import { MESSAGES } from './messages';

/**
 * next-intl's configuration for one request (registered in next.config.mjs). There is no
 * locale in the address: the reader's choice is the `vigie_locale` cookie, French otherwise.
 */
export default getRequestConfig(async () => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE, formats };
});
