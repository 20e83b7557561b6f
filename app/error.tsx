'use client';

import { useTranslations } from 'next-intl';

/** Shown instead of a stack trace when rendering fails; the cause is in the server logs. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  // The root layout gives this boundary the 'pages' namespace (see ClientMessages there).
  const t = useTranslations('pages');
  return (
    <>
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorText')}</p>
      <button type="button" onClick={reset}>
        {t('errorRetry')}
      </button>
    </>
  );
}
