import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { SessionFacts } from '../_components/session-facts';
import { TableRegion } from '@/app/_components/table-region';
import { getDb } from '@/db/client';
import { filesToSchedule, getSession } from '@/db/queries/committee';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { isLateConvocation } from '@/lib/domain/committee';
import { ATTENDANCE } from '@/lib/domain/vocabulary';
import { uuid } from '@/lib/validation/fields';
import { addToAgendaAction, closeSessionAction, conveneSessionAction, holdSessionAction } from '../actions';
import { StepForm, type FieldSpec } from '../_components/step-form';
import { ItemSection } from './item-section';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = {
  conflict_recorded: 'committee.flash.conflict_recorded',
  dissent: 'committee.flash.dissent',
  planned: 'committee.flash.planned',
  added: 'committee.flash.added',
  removed: 'committee.flash.removed',
  rapporteur: 'committee.flash.rapporteur',
  convened: 'committee.flash.convened',
  held: 'committee.flash.held',
  conditions: 'committee.flash.conditions',
  vote_opened: 'committee.flash.vote_opened',
  voted: 'committee.flash.voted',
  vote_closed: 'committee.flash.vote_closed',
  adjourned: 'committee.flash.adjourned',
  returned: 'committee.flash.returned',
  decision_signed: 'committee.flash.decision_signed',
  closed: 'committee.flash.closed',
  conflict: 'committee.flash.conflict',
  minutes_signed: 'committee.flash.minutes_signed',
  published: 'publicRegister.staff.flash.published',
} as const;

// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (id: string) => {
  const actor = await requirePermission('committee.member');
  if (!uuid.safeParse(id).success) notFound();
  const view = await getSession(getDb(), actor, id);
  if (!view) notFound();
  return { actor, view };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load((await params).id);
  const t = await getTranslations();
  return { title: t('committee.sessions.name', { reference: view.session.reference }) };
}

export default async function SessionPage({ params, searchParams }: Props) {
  const [{ id }, query, t, format] = await Promise.all([params, searchParams, getTranslations(), getFormatter()]);
  const { actor, view } = await load(id);
  const { session, items, settings, serving } = view;
  const isChair = can(actor.roles, 'committee.chair');
  const required = t('common.required');
  const late = isLateConvocation(new Date(), session.scheduledAt, settings.noticeDays);
  const files = isChair && session.state === 'planned' ? await filesToSchedule(getDb()) : [];

  const attendanceFields: FieldSpec[] = serving.flatMap((m, i): FieldSpec[] => [
    { kind: 'hidden', name: `attendance.${i}.memberId`, value: m.id },
    {
      kind: 'radios',
      name: `attendance.${i}.status`,
      legend: m.name,
      defaultValue: 'present',
      options: ATTENDANCE.filter((s) => s !== 'proxy' || settings.proxiesAllowed).map((s) => ({ value: s, label: t(`committee.attendanceChoice.${s}`) })),
    },
    ...(settings.proxiesAllowed
      ? [
          {
            kind: 'select' as const,
            name: `attendance.${i}.proxyHolderId`,
            label: t('committee.attendanceForm.proxyHolder', { name: m.name }),
            options: [{ value: '', label: t('committee.attendanceForm.noProxy') }, ...serving.filter((o) => o.id !== m.id).map((o) => ({ value: o.id, label: o.name }))],
          },
        ]
      : []),
  ]);

  return (
    <ClientMessages namespaces={[]}>
      <p>
        <Link href="/espace/seances">{t('committee.sessions.backToList')}</Link>
      </p>
      <h1>{t('committee.sessions.heading', { reference: session.reference, date: format.dateTime(session.scheduledAt, 'long') })}</h1>
      <p>
        <span className="tag">{t(`committee.sessionStates.${session.state}`)}</span>
      </p>
      <FlashAlerts query={query} successes={FLASHES} />

      <SessionFacts session={session} />
      {session.state === 'held' || session.state === 'closed' ? (
        <p>
          <Link href={`/espace/seances/${session.id}/proces-verbal`}>{t('committee.minutes.open')}</Link>
        </p>
      ) : null}

      <h2 id="agenda-title">{t('committee.agenda.title')}</h2>
      {items.length ? (
        <TableRegion labelledBy="agenda-title">
          <table aria-labelledby="agenda-title">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('committee.item.file')}</th>
                <th scope="col">{t('committee.agenda.site')}</th>
                <th scope="col">{t('committee.item.rapporteur')}</th>
                <th scope="col">{t('committee.item.state')}</th>
                <th scope="col">{t('committee.agenda.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.position}</th>
                  <td>
                    <a href={`#item-${item.position}-title`}>
                      {item.proposal.reference} – {item.proposal.title}
                    </a>
                  </td>
                  <td>{item.proposal.siteName}</td>
                  <td>{item.rapporteur?.name || t('committee.item.noRapporteur')}</td>
                  <td>{t(`committee.itemStates.${item.state}`)}</td>
                  <td>
                    {item.outcome ? t(`committee.outcomes.${item.outcome}`) : '–'}
                    {item.tally ? ` (${t('committee.tally.short', { for: item.tally.for, against: item.tally.against, abstain: item.tally.abstain })})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>{t('committee.agenda.empty')}</p>
      )}

      {isChair && session.state === 'planned' ? (
        <div className="actions-panel">
          <section aria-labelledby="add-title" className="card">
            <h2 id="add-title">{t('committee.agenda.addTitle')}</h2>
            {files.length ? (
              <StepForm
                action={addToAgendaAction}
                idPrefix="add"
                requiredLabel={required}
                submit={t('committee.agenda.add')}
                fields={[
                  { kind: 'hidden', name: 'sessionId', value: session.id },
                  {
                    kind: 'select',
                    name: 'proposalId',
                    label: t('committee.agenda.file'),
                    required: true,
                    options: [{ value: '', label: t('committee.agenda.chooseFile') }, ...files.map((f) => ({ value: f.id, label: `${f.reference} – ${f.title} (${f.siteName})` }))],
                  },
                  {
                    kind: 'select',
                    name: 'rapporteurId',
                    label: t('committee.agenda.rapporteur'),
                    hint: t('committee.agenda.rapporteurHint'),
                    options: [{ value: '', label: t('committee.agenda.noRapporteurYet') }, ...serving.map((m) => ({ value: m.id, label: m.name }))],
                  },
                ]}
              />
            ) : (
              <p>{t('committee.agenda.nothingToAdd')}</p>
            )}
          </section>
          <section aria-labelledby="convene-title" className="card">
            <h2 id="convene-title">{t('committee.sessions.conveneTitle')}</h2>
            <p>{late ? t('committee.sessions.conveneLate', { days: settings.noticeDays }) : t('committee.sessions.conveneHelp', { days: settings.noticeDays })}</p>
            <StepForm
              action={conveneSessionAction}
              idPrefix="convene"
              requiredLabel={required}
              submit={t('committee.sessions.convene')}
              fields={[
                { kind: 'hidden', name: 'sessionId', value: session.id },
                ...(late ? [{ kind: 'textarea' as const, name: 'reason', label: t('committee.sessions.lateReason'), hint: t('committee.sessions.lateReasonHint'), required: true }] : []),
              ]}
            />
          </section>
        </div>
      ) : null}

      {isChair && session.state === 'convened' ? (
        <section aria-labelledby="hold-title" className="card">
          <h2 id="hold-title">{t('committee.attendanceForm.title')}</h2>
          <p>{t('committee.attendanceForm.help')}</p>
          <StepForm
            action={holdSessionAction}
            idPrefix="hold"
            requiredLabel={required}
            submit={t('committee.attendanceForm.submit')}
            className="attendance-form"
            fields={[{ kind: 'hidden', name: 'sessionId', value: session.id }, ...attendanceFields]}
          />
        </section>
      ) : null}

      {view.attendance.length ? (
        <>
          <h2 id="attendance-title">{t('committee.attendanceForm.recorded')}</h2>
          <ul aria-labelledby="attendance-title">
            {view.attendance.map((a) => (
              <li key={a.member.id}>
                {a.member.name} : {a.proxyHolder ? t('committee.attendanceForm.proxyTo', { name: a.proxyHolder.name }) : t(`committee.attendance.${a.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {items.map((item) => (
        <ItemSection key={item.id} view={view} item={item} actor={actor} />
      ))}

      {isChair && session.state === 'held' ? (
        <section aria-labelledby="close-title" className="card">
          <h2 id="close-title">{t('committee.sessions.closeTitle')}</h2>
          <p>{t('committee.sessions.closeHelp')}</p>
          <StepForm
            action={closeSessionAction}
            idPrefix="close-session"
            requiredLabel={required}
            submit={t('committee.sessions.close')}
            fields={[
              { kind: 'hidden', name: 'sessionId', value: session.id },
              { kind: 'confirm', label: t('committee.sessions.closeConfirm') },
            ]}
          />
        </section>
      ) : null}
    </ClientMessages>
  );
}
