import Link from 'next/link';
import type { ProposalListItem } from '@/db/queries/proposals';
import { getFormatter, getTranslations } from 'next-intl/server';
import { TableRegion } from '@/app/_components/table-region';

/**
 * The list of files a person works from; also used by the staff home's queues. Named by
 * its own caption, or (`labelledBy`) by the heading of the section it is the whole of.
 */
export async function ProposalTable({ items, caption, labelledBy }: { items: ProposalListItem[] } & ({ caption: string; labelledBy?: never } | { labelledBy: string; caption?: never })) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  if (!items.length) return <p>{t('proposals.empty')}</p>;
  const captionId = `${labelledBy ?? 'proposals'}-caption`;
  return (
    <TableRegion labelledBy={labelledBy ?? captionId}>
      <table aria-labelledby={labelledBy}>
        {caption ? <caption id={captionId}>{caption}</caption> : null}
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
              <td>
                {p.title}
                {p.kind !== 'initial' ? <> <span className="tag">{t(`cameraService.linked.kinds.${p.kind}`)}</span></> : null}
              </td>
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
    </TableRegion>
  );
}
