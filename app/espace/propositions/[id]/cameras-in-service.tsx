import { getFormatter, getTranslations } from 'next-intl/server';
import { FormAlert } from '@/app/_components/form-fields';
import { TableRegion } from '@/app/_components/table-region';
import { StepForm, type FieldSpec } from '@/app/espace/seances/_components/step-form';
import { getDb } from '@/db/client';
import { camerasInService } from '@/db/queries/cameras';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { AUTHORISATION_REFERENCE, LANDLORD_BASIS_REFERENCE, VALIDITY_REFERENCE } from '@/lib/domain/legal';
import { needsPrefectAuthorisation } from '@/lib/domain/regimes';
import type { SearchParams } from '@/lib/flash';
import { civilDay } from '@/lib/register-search';
import { commissionCamerasAction, decommissionCameraAction } from './cameras-actions';

const FLASHES = ['cameras_commissioned', 'camera_decommissioned'] as const;

/**
 * "Cameras in service" on the file of a published favourable decision: each camera's
 * number, type, placement and legal regime (never its exact direction), whether it is
 * authorised today under that regime, the day it was put in service, and the day it was
 * taken down with the reason; for the prevention officer and the secretariat, the forms to
 * record both (a camera is offered for commissioning once something that can authorise it
 * is recorded: the prefect's order, or the landlord's decision for a common area).
 */
export async function CamerasInServiceSection({ actor, proposalId, query }: { actor: Actor; proposalId: string; query: SearchParams }) {
  const service = await camerasInService(getDb(), proposalId);
  if (!service.decision) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const s = 'cameraService.service';
  const day = (iso: string) => <time dateTime={iso}>{format.dateTime(civilDay(iso), 'date')}</time>;
  const dayText = (iso: string) => format.dateTime(civilDay(iso), 'date');
  const { authorisation, landlordDecision, cameras, decision } = service;
  const revoked = decision.latestKind === 'revocation';
  const mayServe = can(actor.roles, 'cameras.service');
  // A camera of a file submitted before regimes existed was migrated to one; none is left without.
  const prefectoral = (c: (typeof cameras)[number]) => c.regime === null || needsPrefectAuthorisation(c.regime);
  const hasPrefectoral = cameras.some(prefectoral);
  const hasCommonArea = cameras.some((c) => !prefectoral(c));
  // After expiry a camera may still be recorded as put in service on a day the authorisation held (a late record).
  const prefectRecorded = authorisation?.status === 'granted' || authorisation?.status === 'expired';
  const toCommission = cameras.filter((c) => !c.commissionedOn && (prefectoral(c) ? prefectRecorded : landlordDecision !== null));
  const inService = cameras.filter((c) => c.commissionedOn && !c.decommissionedOn);
  const flash = FLASHES.find((f) => query.ok === f);

  const commissionFields: FieldSpec[] = [
    { kind: 'hidden', name: 'proposalId', value: proposalId },
    ...toCommission.flatMap((c, i): FieldSpec[] => [
      { kind: 'hidden', name: `cameras.${i}.cameraId`, value: c.id },
      { kind: 'text', type: 'date', name: `cameras.${i}.commissionedOn`, label: t(`${s}.commissionDay`, { n: c.position + 1 }) },
    ]),
  ];
  const decommissionFields: FieldSpec[] = [
    { kind: 'hidden', name: 'proposalId', value: proposalId },
    { kind: 'select', name: 'cameraId', label: t(`${s}.decommissionCamera`), required: true, options: inService.map((c) => ({ value: c.id, label: t(`${s}.camera`, { n: c.position + 1 }) })) },
    // No default: the day the camera was really taken down, which the register will state, is typed, never assumed to be today.
    { kind: 'text', type: 'date', name: 'decommissionedOn', label: t(`${s}.decommissionDay`), required: true },
    { kind: 'textarea', name: 'reason', label: t(`${s}.decommissionReason`), hint: t(`${s}.decommissionReasonHint`), required: true, rows: 3 },
    { kind: 'confirm', label: t(`${s}.decommissionConfirm`) },
  ];

  return (
    <section aria-labelledby="service-title">
      <h2 id="service-title">{t(`${s}.title`)}</h2>
      {flash ? <FormAlert kind="success">{t(`${s}.flash.${flash}`)}</FormAlert> : null}
      <p>{t(`${s}.intro`, { authorisation: AUTHORISATION_REFERENCE.citation, validity: VALIDITY_REFERENCE.citation, basis: LANDLORD_BASIS_REFERENCE.citation })}</p>
      {revoked ? (
        <p>{t(`${s}.revoked`, { reference: decision.latestReference })}</p>
      ) : (
        <>
          {hasPrefectoral ? (
            <p>
              {authorisation?.status === 'granted'
                ? t(`${s}.authorisationGranted`, { granted: dayText(authorisation.grantedAt!), expires: dayText(authorisation.expiresAt!) })
                : authorisation?.status === 'expired'
                  ? t(`${s}.authorisationExpired`, { expires: dayText(authorisation.expiresAt!) })
                  : t(`${s}.authorisationMissing`)}
            </p>
          ) : null}
          {hasCommonArea ? <p>{landlordDecision ? t(`${s}.landlordDecided`, { day: dayText(landlordDecision.boardDecidedOn) }) : t(`${s}.landlordMissing`)}</p> : null}
        </>
      )}
      <TableRegion labelledBy="service-caption">
        <table>
          <caption id="service-caption">{t(`${s}.caption`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`${s}.number`)}</th>
              <th scope="col">{t(`${s}.type`)}</th>
              <th scope="col">{t(`${s}.placement`)}</th>
              <th scope="col">{t(`${s}.regime`)}</th>
              <th scope="col">{t(`${s}.authorised`)}</th>
              <th scope="col">{t(`${s}.commissionedOn`)}</th>
              <th scope="col">{t(`${s}.decommissionedOn`)}</th>
            </tr>
          </thead>
          <tbody>
            {cameras.map((c) => (
              <tr key={c.id}>
                <th scope="row">{t(`${s}.camera`, { n: c.position + 1 })}</th>
                <td>{c.type ? t(`proposals.cameraTypes.${c.type as 'fixed'}`) : t('proposals.notGiven')}</td>
                <td>{c.placement ? t(`proposals.placements.${c.placement as 'indoor'}`) : t('proposals.notGiven')}</td>
                <td>{c.regime ? t(`publicRegister.regimes.${c.regime}`) : t('proposals.notGiven')}</td>
                <td>{c.authorised ? t(`${s}.yes`) : t(`${s}.no`)}</td>
                <td>{c.commissionedOn ? day(c.commissionedOn) : t(`${s}.notYet`)}</td>
                <td>
                  {c.decommissionedOn ? (
                    <>
                      {day(c.decommissionedOn)}
                      <br />
                      {t(`${s}.reason`, { reason: c.decommissionReason ?? '' })}
                    </>
                  ) : c.commissionedOn ? (
                    t(`${s}.stillInService`)
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      {mayServe && !revoked && toCommission.length ? (
        <div className="card">
          <h3>{t(`${s}.commissionTitle`)}</h3>
          <p>{t(`${s}.commissionHelp`)}</p>
          <StepForm action={commissionCamerasAction} idPrefix="commission" fields={commissionFields} submit={t(`${s}.commissionSubmit`)} requiredLabel={t('common.required')} />
        </div>
      ) : null}
      {mayServe && inService.length ? (
        <div className="card">
          <h3>{t(`${s}.decommissionTitle`)}</h3>
          <p>{t(`${s}.decommissionHelp`)}</p>
          <StepForm action={decommissionCameraAction} idPrefix="decommission" fields={decommissionFields} submit={t(`${s}.decommissionSubmit`)} requiredLabel={t('common.required')} danger />
        </div>
      ) : null}
    </section>
  );
}
