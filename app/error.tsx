'use client';

import { useEffect, useState } from 'react';
import { catalogs, DEFAULT_LOCALE, isLocale, makeTranslate } from '@/lib/i18n/catalog';

/** Shown instead of a stack trace when rendering fails; the cause is in the server logs. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const [locale, setLocale] = useState<keyof typeof catalogs>(DEFAULT_LOCALE);
  useEffect(() => {
    const lang = document.documentElement.lang;
    if (isLocale(lang)) setLocale(lang);
  }, []);
  const t = makeTranslate(locale);
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
