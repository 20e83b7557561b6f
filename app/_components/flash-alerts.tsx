import type { TranslationValues } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { readFlash, type SearchParams } from '@/lib/flash';
import type { MessageKey } from '@/lib/i18n/translate';
import { FormAlert } from './form-fields';

/** The outcome of the last one-button command, read from the address (see lib/flash.ts). */
export async function FlashAlerts({ query, successes, params }: { query: SearchParams; successes: Record<string, MessageKey>; params?: TranslationValues }) {
  const { success, error } = readFlash(query, successes);
  const t = await getTranslations();
  return (
    <>
      {success ? <FormAlert kind="success">{t(success, params)}</FormAlert> : null}
      {error ? <FormAlert kind="error">{t(`errors.${error}`)}</FormAlert> : null}
    </>
  );
}
