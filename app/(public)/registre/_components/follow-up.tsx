import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { PublicEntry } from '@/db/queries/register';
import type { PublicConditionFollowUp } from '@/lib/domain/follow-up';
import { civilDay } from '@/lib/register-search';

/**
 * What follows a decision, on the public register: the prefect's authorisation and each
 * condition's follow-up, computed on the day the page is served (never part of the
 * sealed entry). Words, not colours.
 */

/** "autorisée", "refusée (silence du préfet)"… as one fact of a list card; nothing for an entry that cannot be authorised. */
export async function AuthorisationFact({ item }: { item: PublicEntry }) {
  const authorisation = item.followUp.authorisation;
  if (!authorisation) return null;
  const t = await getTranslations();
  return (
    <div>
      <dt>{t('followUp.public.authorisationTitle')}</dt>
      <dd>{t(`followUp.public.statuses.${authorisation.status}`)}</dd>
    </div>
  );
}

/** A condition's state beside its text: "condition remplie", "condition en attente – en retard". */
export async function ConditionState({ followUp }: { followUp: PublicConditionFollowUp | undefined }) {
  if (!followUp) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  return (
    <>
      {' '}
      <span className="badge">
        {t(`followUp.public.conditionState.${followUp.state}`)}
        {followUp.overdue ? ` – ${t('followUp.public.overdue')}` : ''}
      </span>
      {followUp.checkedOn ? <span className="version-note">{t('followUp.public.checkedOn', { day: format.dateTime(civilDay(followUp.checkedOn), 'date') })}</span> : null}
    </>
  );
}

/** The authorisation section of an entry's page. */
export async function AuthorisationSection({ item }: { item: PublicEntry }) {
  const authorisation = item.followUp.authorisation;
  if (!authorisation) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (iso: string) => <time dateTime={iso}>{format.dateTime(civilDay(iso), 'date')}</time>;
  const rows: [string, ReactNode][] = [[t('followUp.public.status'), <strong key="s">{t(`followUp.public.statuses.${authorisation.status}`)}</strong>]];
  if (authorisation.filedAt) rows.push([t('followUp.public.filedAt'), day(authorisation.filedAt)]);
  if (authorisation.refusedBySilenceFrom) rows.push([t('followUp.public.refusedBySilenceFrom'), day(authorisation.refusedBySilenceFrom)]);
  if (authorisation.grantedAt) rows.push([t('followUp.public.grantedAt'), day(authorisation.grantedAt)]);
  if (authorisation.reference) rows.push([t('followUp.public.reference'), authorisation.reference]);
  if (authorisation.expiresAt) rows.push([t('followUp.public.expiresAt'), day(authorisation.expiresAt)]);
  if (authorisation.refusedAt) rows.push([t('followUp.public.refusedAt'), day(authorisation.refusedAt)]);
  return (
    <section aria-labelledby="authorisation-title">
      <h2 id="authorisation-title">{t('followUp.public.authorisationTitle')}</h2>
      <dl className="summary">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t('followUp.public.liveNote')}</p>
    </section>
  );
}
