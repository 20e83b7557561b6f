import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('pages.notFoundTitle')}</h1>
      <p>{t('pages.notFoundText')}</p>
      <p>
        <Link href="/">{t('pages.notFoundBack')}</Link>
      </p>
    </>
  );
}
