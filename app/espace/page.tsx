import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listProposals } from '@/db/queries/proposals';
import { inQueue, queuesFor } from '@/lib/auth/queues';
import { requireUser } from '@/lib/auth/session';
import { getTranslate } from '@/lib/i18n/server';
import { ProposalTable } from './propositions/proposal-table';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslate();
  return { title: t('staff.dashboardTitle') };
}

export default async function StaffHome() {
  const actor = await requireUser();
  const { locale, t } = await getTranslate();
  // Each role's own queue comes first: what waits for this person now.
  const visible = await listProposals(getDb(), actor);
  const queues = queuesFor(actor.roles).map((q) => ({ ...q, items: visible.filter((p) => inQueue(q, p, actor.id)) }));
  return (
    <>
      <h1>{t('staff.dashboardTitle')}</h1>
      <p>{t('staff.welcome', { name: actor.name })}</p>
      {queues.map((q) => (
        <section key={q.key} aria-labelledby={`queue-${q.key}`}>
          <h2 id={`queue-${q.key}`}>
            {t(`queues.${q.key}`)} ({q.items.length})
          </h2>
          {q.items.length ? <ProposalTable items={q.items} labelledBy={`queue-${q.key}`} t={t} locale={locale} /> : <p>{t('queues.empty')}</p>}
        </section>
      ))}
      {queues.length ? (
        <p>
          <Link href="/espace/propositions?vue=all">{t('queues.seeAll')}</Link>
        </p>
      ) : null}
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
