import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { FlashAlerts } from '@/app/_components/flash-alerts';
import { getDb } from '@/db/client';
import { getSession } from '@/db/queries/committee';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { uuid } from '@/lib/validation/fields';
import { signMinutesAction } from '../../actions';
import { StepForm } from '../../_components/step-form';
import { DecisionTerms, ItemStanding } from '../item-section';
import { SessionFacts } from '../../_components/session-facts';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASHES = { minutes_signed: 'committee.flash.minutes_signed' } as const;

// Once per request: generateMetadata and the page share it (React's cache).
const load = cache(async (id: string) => {
  const actor = await requirePermission('committee.member');
  if (!uuid.safeParse(id).success) notFound();
  const view = await getSession(getDb(), actor, id);
  // The minutes exist once the session has been held.
  if (!view || (view.session.state !== 'held' && view.session.state !== 'closed')) notFound();
  return { actor, view };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await load((await params).id);
  const t = await getTranslations();
  return { title: t('committee.minutes.title', { reference: view.session.reference }) };
}

/** The minutes (procès-verbal), generated from the record: nothing in it is typed by hand. */
export default async function MinutesPage({ params, searchParams }: Props) {
  const [{ id }, query, t, format] = await Promise.all([params, searchParams, getTranslations(), getFormatter()]);
  const { actor, view } = await load(id);
  const { session, items } = view;
  const byStatus = (status: 'present' | 'excused' | 'absent') => view.attendance.filter((a) => a.status === status).map((a) => a.member.name);
  const list = (names: string[]) => (names.length ? names.join(', ') : t('committee.minutes.nobody'));

  return (
    <ClientMessages namespaces={[]}>
      <p className="no-print">
        <Link href={`/espace/seances/${session.id}`}>{t('committee.minutes.backToSession')}</Link>
      </p>
      <h1>{t('committee.minutes.title', { reference: session.reference })}</h1>
      <FlashAlerts query={query} successes={FLASHES} />
      <p className="no-print hint">{t('committee.minutes.printHint')}</p>

      <SessionFacts session={session} withState />

      <h2>{t('committee.minutes.attendance')}</h2>
      <dl className="summary">
        <dt>{t('committee.minutes.present')}</dt>
        <dd>{list(byStatus('present'))}</dd>
        <dt>{t('committee.minutes.excused')}</dt>
        <dd>{list(byStatus('excused'))}</dd>
        <dt>{t('committee.minutes.absent')}</dt>
        <dd>{list(byStatus('absent'))}</dd>
        <dt>{t('committee.minutes.proxies')}</dt>
        <dd>
          {list(view.attendance.filter((a) => a.status === 'proxy').map((a) => t('committee.item.proxy', { member: a.member.name, holder: a.proxyHolder?.name ?? '' })))}
        </dd>
      </dl>

      {items.map((item) => (
        <section key={item.id} className="minutes-item" aria-labelledby={`minutes-${item.position}`}>
          <h2 id={`minutes-${item.position}`}>{t('committee.item.title', { n: item.position, reference: item.proposal.reference, title: item.proposal.title })}</h2>
          <dl className="summary">
            <dt>{t('committee.agenda.site')}</dt>
            <dd>
              {item.proposal.siteName}, {item.proposal.siteAddress}
            </dd>
            <ItemStanding item={item} t={t} />
            {item.tally ? (
              <>
                <dt>{t('committee.minutes.counts')}</dt>
                <dd>{t('committee.minutes.countsText', { ...item.tally })}</dd>
              </>
            ) : null}
            {item.outcome ? (
              <>
                <dt>{t('committee.agenda.outcome')}</dt>
                <dd>{t(`committee.outcomes.${item.outcome}`)}</dd>
              </>
            ) : null}
            {item.adjournReason ? (
              <>
                <dt>{t('committee.item.adjournReason')}</dt>
                <dd>{item.adjournReason}</dd>
              </>
            ) : null}
            {item.decision?.signedAt ? (
              <>
                <DecisionTerms decision={item.decision} t={t} />
                <dt>{t('committee.decision.title')}</dt>
                <dd>{t('committee.decision.signed', { name: item.decision.signedByName ?? '', date: format.dateTime(item.decision.signedAt, 'long') })}</dd>
              </>
            ) : item.decision ? (
              <>
                <dt>{t('committee.decision.title')}</dt>
                <dd>{t('committee.decision.notSigned')}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ))}

      <h2>{t('committee.minutes.signature')}</h2>
      {session.minutesSignedAt ? (
        <p>{t('committee.minutes.signedBy', { name: session.minutesSignedByName ?? '', date: format.dateTime(session.minutesSignedAt, 'long') })}</p>
      ) : session.state !== 'closed' ? (
        <p>{t('committee.minutes.signWhenClosed')}</p>
      ) : can(actor.roles, 'committee.chair') ? (
        <div className="no-print">
          <StepForm
            action={signMinutesAction}
            idPrefix="minutes"
            requiredLabel={t('common.required')}
            submit={t('committee.minutes.sign')}
            fields={[
              { kind: 'hidden', name: 'sessionId', value: session.id },
              { kind: 'hidden', name: 'back', value: `/espace/seances/${session.id}/proces-verbal` },
              { kind: 'confirm', label: t('committee.minutes.signConfirm') },
            ]}
          />
        </div>
      ) : (
        <p>{t('committee.minutes.notSigned')}</p>
      )}
    </ClientMessages>
  );
}
