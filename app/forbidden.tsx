import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Rendered with status 403 by `forbidden()` (lib/auth/session.ts). */
export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('pages.forbiddenTitle')}</h1>
      <p>{t('pages.forbiddenText')}</p>
      <p>
        <Link href="/espace">{t('pages.forbiddenBack')}</Link>
      </p>
    </>
  );
}
