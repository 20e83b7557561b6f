import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { countProposals, listProposals } from '@/db/queries/proposals';
import { can } from '@/lib/auth/permissions';
import { queuesFor } from '@/lib/auth/queues';
import { requirePermission } from '@/lib/auth/session';
import { getTranslations } from 'next-intl/server';
import { Pagination } from '@/app/_components/pagination';
import { ProposalTable } from './proposal-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('proposals.title') };
}

const VIEWS = ['todo', 'mine', 'all'] as const;
type View = (typeof VIEWS)[number];

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('proposals.read');
  const [t, query] = await Promise.all([getTranslations(), searchParams]);
  const queues = queuesFor(actor.roles);
  // Only views that mean something for this person; the choice lives in the URL.
  const views = VIEWS.filter((v) => (v === 'mine' ? can(actor.roles, 'proposals.draft') : v === 'todo' ? queues.length > 0 : true));
  const view: View = views.find((v) => v === query.vue) ?? views[0]!;
  const [counts, shown] = await Promise.all([countProposals(getDb(), actor, views), listProposals(getDb(), actor, view, query.page)]);
  return (
    <>
      <h1>{t('proposals.title')}</h1>
      <p>{t('proposals.intro')}</p>
      {can(actor.roles, 'proposals.draft') ? (
        <p>
          <Link className="button" href="/espace/propositions/nouvelle">
            {t('proposals.new')}
          </Link>
        </p>
      ) : null}
      <nav aria-label={t('proposals.filters')}>
        <ul className="tabs">
          {views.map((v) => (
            <li key={v}>
              <Link href={`/espace/propositions?vue=${v}`} aria-current={v === view ? 'page' : undefined}>
                {t(`proposals.views.${v}`, { count: counts[v] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ProposalTable items={shown.items} caption={t('proposals.listCaption', { view: t(`proposals.views.${view}`, { count: shown.total }) })} />
      <Pagination page={shown.page} pages={shown.pages} href={(page) => `/espace/propositions?vue=${view}&page=${page}`} />
    </>
  );
}
