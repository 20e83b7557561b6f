import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A missing page or file inside the staff area leads back to the staff home, not the public one. */
export default async function StaffNotFound() {
  const t = await getTranslations();
  return (
    <>
      <h1>{t('pages.notFoundTitle')}</h1>
      <p>{t('pages.staffNotFoundText')}</p>
      <p>
        <Link href="/espace">{t('pages.staffNotFoundBack')}</Link>
      </p>
    </>
  );
}
