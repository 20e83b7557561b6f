import Link from 'next/link';
import type { ProposalListItem } from '@/db/queries/proposals';
import { formatDateTime, type Locale, type Translate } from '@/lib/i18n/catalog';

/** The list of files a person works from; also used by the staff home's queues. */
export function ProposalTable({ items, caption, t, locale }: { items: ProposalListItem[]; caption: string; t: Translate; locale: Locale }) {
  if (!items.length) return <p>{t('proposals.empty')}</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.reference')}</th>
          <th scope="col">{t('proposals.titleField')}</th>
          <th scope="col">{t('proposals.site')}</th>
          <th scope="col">{t('proposals.state')}</th>
          <th scope="col">{t('proposals.cameraCount')}</th>
          <th scope="col">{t('proposals.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link href={`/espace/propositions/${p.id}`} aria-label={t('proposals.open', { reference: `${p.reference} – ${p.title}` })}>
                {p.reference}
              </Link>
            </th>
            <td>{p.title}</td>
            <td>{p.siteName}</td>
            <td>
              <span className="tag">{t(`states.${p.state}`)}</span>
            </td>
            <td>{p.cameraCount}</td>
            <td>{formatDateTime(locale, p.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
