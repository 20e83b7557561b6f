'use client';

import { useSyncExternalStore } from 'react';
import { DEFAULT_LOCALE, isLocale, makeTranslate } from '@/lib/i18n/catalog';

const noSubscription = () => () => {};

/** Shown instead of a stack trace when rendering fails; the cause is in the server logs. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  // The root layout set <html lang> from the reader's choice: reuse it.
  const lang = useSyncExternalStore(noSubscription, () => document.documentElement.lang, () => DEFAULT_LOCALE);
  const t = makeTranslate(isLocale(lang) ? lang : DEFAULT_LOCALE);
  return (
    <>
      <h1>{t('pages.errorTitle')}</h1>
      <p>{t('pages.errorText')}</p>
      <button type="button" onClick={reset}>
        {t('pages.errorRetry')}
      </button>
    </>
  );
}
