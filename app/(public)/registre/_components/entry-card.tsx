import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { PublicEntry } from '@/db/queries/register';
import { civilDay, shorten } from '@/lib/register-search';

/**
 * What a list says of an entry: the badges that change how it reads (corrected, revoked,
 * or itself a correction or revocation), in words and not by colour alone.
 */
export async function EntryBadges({ item }: { item: PublicEntry }) {
  const t = await getTranslations();
  const { entry, correctedBy } = item;
  const badges: string[] = [];
  if (entry.kind === 'correction' && entry.corrects) badges.push(t('publicRegister.card.isCorrection', { reference: entry.corrects }));
  if (entry.kind === 'revocation' && entry.corrects) badges.push(t('publicRegister.card.isRevocation', { reference: entry.corrects }));
  if (entry.kind === 'decommissioning' && entry.corrects) badges.push(t('publicRegister.card.isDecommissioning', { reference: entry.corrects }));
  if (correctedBy) badges.push(t(correctedBy.kind === 'revocation' ? 'publicRegister.card.revokedBy' : correctedBy.kind === 'decommissioning' ? 'publicRegister.card.decommissionedBy' : 'publicRegister.card.correctedBy', { reference: correctedBy.reference }));
  if (!badges.length) return null;
  return (
    <p className="badges">
      {badges.map((b) => (
        <span key={b} className="badge">
          {b}
        </span>
      ))}
    </p>
  );
}

/** One entry of the register in a list: its reference (a link to its page), site, landlord, outcome, date, cameras and summary. */
export async function EntryCard({ item }: { item: PublicEntry }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { entry } = item;
  return (
    <li className="card register-card">
      <h3>
        <Link href={`/registre/${entry.reference}`}>{entry.kind === 'decision' ? entry.reference : `${t(`publicRegister.kinds.${entry.kind}`)} ${entry.reference}`}</Link>
        {' – '}
        {entry.site.name}
      </h3>
      <EntryBadges item={item} />
      <dl className="register-facts">
        <div>
          <dt>{t('publicRegister.card.address')}</dt>
          <dd>{entry.site.address}</dd>
        </div>
        <div>
          <dt>{t('publicRegister.card.landlord')}</dt>
          <dd>{entry.site.landlord}</dd>
        </div>
        <div>
          <dt>{t('publicRegister.card.outcome')}</dt>
          <dd>{t(`committee.outcomes.${entry.outcome}`)}</dd>
        </div>
        <div>
          <dt>{t('publicRegister.card.decidedAt')}</dt>
          <dd>
            <time dateTime={entry.decidedAt}>{format.dateTime(civilDay(entry.decidedAt), 'date')}</time>
          </dd>
        </div>
        <div>
          <dt>{t('publicRegister.card.cameras')}</dt>
          <dd>{t('publicRegister.card.cameraCount', { count: entry.cameraCount })}</dd>
        </div>
      </dl>
      <p className="register-summary">{shorten(entry.publicSummary)}</p>
    </li>
  );
}
