import Link from 'next/link';
import type { Translate } from '@/lib/i18n/catalog';

/** Previous / next links that keep the rest of the address (filters live in the URL). */
export function Pagination({ page, pages, href, t }: { page: number; pages: number; href: (page: number) => string; t: Translate }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination')} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t('common.previousPage')}
        </Link>
      ) : null}
      <span aria-current="page">{t('common.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {t('common.nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}
