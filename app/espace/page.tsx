import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listProposals } from '@/db/queries/proposals';
import { queuesFor } from '@/lib/auth/queues';
import { requireUser } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { CommitteeHome } from './committee-home';
import { ProposalTable } from './propositions/proposal-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('staff.dashboardTitle') };
}

/** The first files of each queue; the rest are one link away, in the proposals list. */
const QUEUE_PREVIEW = 10;

export default async function StaffHome() {
  const actor = await requireUser();
  const t = await getTranslations();
  // Each role's own queue comes first: what waits for this person now.
  const queues = await Promise.all(
    queuesFor(actor.roles).map(async (q) => {
      const { items, total } = await listProposals(getDb(), actor, q, 1, QUEUE_PREVIEW);
      return { ...q, items, total };
    }),
  );
  return (
    <>
      <h1>{t('staff.dashboardTitle')}</h1>
      <p>{t('staff.welcome', { name: actor.name })}</p>
      {queues.map((q) => (
        <section key={q.key} aria-labelledby={`queue-${q.key}`}>
          <h2 id={`queue-${q.key}`}>
            {t(`queues.${q.key}`)} ({q.total})
          </h2>
          {q.items.length ? <ProposalTable items={q.items} labelledBy={`queue-${q.key}`} /> : <p>{t('queues.empty')}</p>}
        </section>
      ))}
      {queues.length ? (
        <p>
          <Link href="/espace/propositions?vue=all">{t('queues.seeAll')}</Link>
        </p>
      ) : null}
      <CommitteeHome actor={actor} />
      <h2>{t('staff.yourRoles')}</h2>
      {actor.roles.length ? (
        <dl>
          {actor.roles.map((role) => (
            <div key={role} className="card">
              <dt>
                <strong>{t(`roles.${role}`)}</strong>
              </dt>
              <dd style={{ margin: 0 }}>{t(`staff.roleTasks.${role}`)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t('staff.noRoles')}</p>
      )}
    </>
  );
}
