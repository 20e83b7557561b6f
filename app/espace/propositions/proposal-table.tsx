import Link from 'next/link';
import type { ProposalListItem } from '@/db/queries/proposals';
import { getFormatter, getTranslations } from 'next-intl/server';

/** The list of files a person works from; also used by the staff home's queues. */
export async function ProposalTable({ items, caption }: { items: ProposalListItem[]; caption: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
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
            <td>{format.dateTime(p.updatedAt, 'long')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
