import { readFlash, type SearchParams } from '@/lib/flash';
import type { Params, Translate } from '@/lib/i18n/catalog';
import { FormAlert } from './form-fields';

/** The outcome of the last one-button command, read from the address (see lib/flash.ts). */
export function FlashAlerts({ query, successes, t, params }: { query: SearchParams; successes: Record<string, string>; t: Translate; params?: Params }) {
  const { success, error } = readFlash(query, successes);
  return (
    <>
      {success ? <FormAlert kind="success">{t(success, params)}</FormAlert> : null}
      {error ? <FormAlert kind="error">{t(`errors.${error}`)}</FormAlert> : null}
    </>
  );
}
