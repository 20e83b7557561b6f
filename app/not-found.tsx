import Link from 'next/link';
import { getTranslate } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getTranslate();
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
