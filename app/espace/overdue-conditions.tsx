import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { dayInWords } from '@/app/_components/audit-timeline';
import { getDb } from '@/db/client';
import { overdueConditions } from '@/db/queries/follow-up';
import type { Actor } from '@/lib/auth/actor';

/**
 * The chair's queue, after the vote: the conditions of published decisions whose due date
 * has passed (Paris day) and that are not marked met, oldest first, each a link to its
 * file's follow-up.
 */
export async function OverdueConditions({ actor }: { actor: Actor }) {
  if (!actor.roles.includes('chair')) return null;
  const [t, format, overdue] = await Promise.all([getTranslations(), getFormatter(), overdueConditions(getDb())]);
  return (
    <section aria-labelledby="home-overdue-conditions">
      <h2 id="home-overdue-conditions">{t('followUp.queue.title', { count: overdue.length })}</h2>
      {overdue.length ? (
        <ul>
          {overdue.map((c) => (
            <li key={`${c.decisionId}-${c.conditionIndex}`}>
              <Link href={`/espace/propositions/${c.proposalId}#condition-${c.conditionIndex + 1}`}>
                {t('followUp.queue.item', { file: `${c.fileReference} – ${c.title}`, number: c.conditionIndex + 1, text: c.text, day: dayInWords(format, c.dueDate) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
