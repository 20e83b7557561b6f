import { getFormatter, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { PublicEntry } from '@/db/queries/register';
import { cameraCounts } from '@/lib/domain/camera-status';
import type { PublicConditionFollowUp } from '@/lib/domain/follow-up';
import { AUTHORISATION_REFERENCE, LANDLORD_BASIS_REFERENCE, POLICE_TRANSMISSION_REFERENCE, VALIDITY_REFERENCE } from '@/lib/domain/legal';
import { civilDay } from '@/lib/register-search';
import { TableRegion } from '@/app/_components/table-region';

/**
 * What follows a decision, on the public register: the prefect's authorisation (or the
 * landlord's decision for common areas), the cameras in service and each condition's follow-up, computed on the day the page is served (never part of the
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

/**
 * For cameras in a landlord's common areas: the landlord's board decision and, when the
 * images go to the police in real time, the convention CSI L272-2 requires.
 */
export async function LandlordDecisionSection({ item }: { item: PublicEntry }) {
  const decision = item.followUp.landlordDecision;
  if (!decision) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (iso: string) => <time dateTime={iso}>{format.dateTime(civilDay(iso), 'date')}</time>;
  return (
    <section aria-labelledby="landlord-decision-title">
      <h2 id="landlord-decision-title">{t('publicRegister.landlordDecision.title')}</h2>
      <p>{t('publicRegister.landlordDecision.intro', { citation: LANDLORD_BASIS_REFERENCE.citation })}</p>
      <dl className="summary">
        <dt>{t('publicRegister.landlordDecision.decidedOn')}</dt>
        <dd>{decision.decidedOn ? day(decision.decidedOn) : t('publicRegister.landlordDecision.notYet')}</dd>
        <dt>{t('publicRegister.landlordDecision.police')}</dt>
        <dd>
          {decision.policeTransmission && decision.conventionSignedOn ? (
            <>
              {t('publicRegister.landlordDecision.conventionSigned', { citation: POLICE_TRANSMISSION_REFERENCE.citation })} {day(decision.conventionSignedOn)}
            </>
          ) : (
            t('publicRegister.landlordDecision.noTransmission')
          )}
        </dd>
      </dl>
    </section>
  );
}

/**
 * The decision's cameras as they stand today: each one's legal regime, whether it is
 * authorised and whether it is in service, since when. The two words mean one thing each
 * (lib/domain/camera-status.ts), said on the page.
 */
export async function CamerasSection({ item }: { item: PublicEntry }) {
  const cameras = item.followUp.cameras;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const day = (iso: string) => <time dateTime={iso}>{format.dateTime(civilDay(iso), 'date')}</time>;
  const counts = cameraCounts(cameras);
  return (
    <section aria-labelledby="cameras-title">
      <h2 id="cameras-title">{t('publicRegister.cameras.title')}</h2>
      <p>{t('publicRegister.cameras.summary', { authorised: counts.authorised, inService: counts.inService, total: cameras.length })}</p>
      {cameras.length ? (
        <TableRegion labelledBy="cameras-caption">
          <table>
            <caption id="cameras-caption" className="visually-hidden">
              {t('publicRegister.cameras.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('publicRegister.cameras.camera')}</th>
                <th scope="col">{t('publicRegister.cameras.regime')}</th>
                <th scope="col">{t('publicRegister.cameras.authorised')}</th>
                <th scope="col">{t('publicRegister.cameras.service')}</th>
              </tr>
            </thead>
            <tbody>
              {cameras.map((c, i) => (
                <tr key={i}>
                  <th scope="row">{t('publicRegister.cameras.number', { n: i + 1 })}</th>
                  <td>{t(`publicRegister.regimes.${c.regime}`)}</td>
                  <td>{c.authorised ? t('publicRegister.cameras.yes') : t('publicRegister.cameras.no')}</td>
                  <td>
                    {c.decommissionedOn ? (
                      <>{t('publicRegister.cameras.decommissionedOn')} {day(c.decommissionedOn)}</>
                    ) : c.inServiceFrom ? (
                      <>{t('publicRegister.cameras.inServiceFrom')} {day(c.inServiceFrom)}</>
                    ) : (
                      t('publicRegister.cameras.notInService')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <p>{t('publicRegister.cameras.meaning', { validity: VALIDITY_REFERENCE.citation, authorisation: AUTHORISATION_REFERENCE.citation })}</p>
    </section>
  );
}
