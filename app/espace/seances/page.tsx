import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { Pagination } from '@/app/_components/pagination';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { listSessions } from '@/db/queries/committee';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { planSessionAction } from './actions';
import { StepForm } from './_components/step-form';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('committee.sessions.title') };
}

export default async function SessionsPage({ searchParams }: Props) {
  const actor = await requirePermission('committee.member');
  const [query, t, format] = await Promise.all([searchParams, getTranslations(), getFormatter()]);
  const list = await listSessions(getDb(), query.page);
  return (
    <>
      <h1>{t('committee.sessions.title')}</h1>
      <p>{t('committee.sessions.intro')}</p>
      {list.items.length ? (
        <TableRegion labelledBy="sessions-caption">
          <table>
            <caption id="sessions-caption">{t('committee.sessions.listCaption', { count: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('committee.sessions.session')}</th>
                <th scope="col">{t('committee.sessions.date')}</th>
                <th scope="col">{t('committee.sessions.placeOrLink')}</th>
                <th scope="col">{t('committee.sessions.agendaSize')}</th>
                <th scope="col">{t('committee.sessions.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/espace/seances/${s.id}`}>{t('committee.sessions.name', { reference: s.reference })}</Link>
                  </th>
                  <td>{format.dateTime(s.scheduledAt, 'long')}</td>
                  <td>{s.place || t('committee.sessions.videoOnly')}</td>
                  <td>{format.number(s.agendaSize)}</td>
                  <td>
                    <span className="tag">{t(`committee.sessionStates.${s.state}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('committee.sessions.empty')}</p>
      )}
      <Pagination page={list.page} pages={list.pages} href={(page) => `/espace/seances?page=${page}`} />

      {can(actor.roles, 'committee.chair') ? (
        <section aria-labelledby="plan-title">
          <h2 id="plan-title">{t('committee.sessions.planTitle')}</h2>
          <p>{t('committee.sessions.planHelp')}</p>
          <p>{t('common.requiredFieldsNote')}</p>
          <ClientMessages namespaces={[]}>
            <StepForm
              action={planSessionAction}
              idPrefix="plan"
              requiredLabel={t('common.required')}
              submit={t('committee.sessions.plan')}
              fields={[
                { kind: 'text', type: 'datetime-local', name: 'scheduledAt', label: t('committee.sessions.scheduledAt'), hint: t('committee.sessions.scheduledAtHint'), required: true },
                { kind: 'text', name: 'place', label: t('committee.sessions.place'), hint: t('committee.sessions.placeHint') },
                { kind: 'text', type: 'url', name: 'videoLink', label: t('committee.sessions.videoLink'), hint: t('committee.sessions.videoLinkHint') },
              ]}
            />
          </ClientMessages>
        </section>
      ) : null}
    </>
  );
}
