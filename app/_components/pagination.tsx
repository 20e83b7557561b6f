import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / next links that keep the rest of the address (filters live in the URL). */
export async function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations('common');
  return (
    <nav aria-label={t('pagination')} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t('previousPage')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
