import { getFormatter, getTranslations } from 'next-intl/server';
import { dayInWords } from '@/app/_components/audit-timeline';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { getCommitteeSettings } from '@/db/queries/committee-settings';
import { followUpOfProposal, type DecisionFollowUp } from '@/db/queries/follow-up';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { deriveAuthorisation } from '@/lib/domain/authorisation';
import { authorisationFacts, isOverdue, trackedSteps } from '@/lib/domain/follow-up';
import {
  ACKNOWLEDGEMENT_REFERENCE,
  AUTHORISATION_REFERENCE,
  LANDLORD_BASIS_REFERENCE,
  POLICE_TRANSMISSION_REFERENCE,
  RENEWAL_LEAD_REFERENCE,
  RETENTION_MAX_REFERENCE,
  SILENCE_REFERENCE,
  VALIDITY_REFERENCE,
} from '@/lib/domain/legal';
import { parisDate } from '@/lib/domain/paris-time';
import { needsPrefectAuthorisation } from '@/lib/domain/regimes';
import { CDVP_OPINIONS, CONDITION_STATUSES, PREFECT_DECISIONS } from '@/lib/domain/vocabulary';
import type { SearchParams } from '@/lib/flash';
import type { AppTranslator } from '@/lib/i18n/translate';
import {
  markConditionAction,
  recordAcknowledgementAction,
  recordCdvpOpinionAction,
  recordCommissioningNoticeAction,
  recordFilingAction,
  recordLandlordDecisionAction,
  recordPrefectDecisionAction,
} from './actions';
import { StepForm } from './step-form';

type Format = Awaited<ReturnType<typeof getFormatter>>;

const FLASHES = ['authorisation_filed', 'acknowledgement_recorded', 'cdvp_recorded', 'prefect_decided', 'notice_recorded', 'landlord_recorded', 'condition_checked'] as const;

/**
 * After the vote, on the file page of a published decision, what follows it under each of
 * its cameras' regimes (lib/domain/regimes.ts): for cameras on the public road or in a place
 * open to the public, the prefect's authorisation as a timeline (what was recorded, and the
 * deadlines that follow from it, each rule with its article); for cameras in a landlord's
 * common area, the landlord's board decision and the police convention; then each condition
 * with its follow-up. The forms of the next steps are shown to those allowed.
 */
export async function FollowUpSection({ actor, proposalId, query }: { actor: Actor; proposalId: string; query: SearchParams }) {
  const db = getDb();
  const followUps = await followUpOfProposal(db, proposalId);
  if (!followUps.length) return null;
  const [t, format, settings] = await Promise.all([getTranslations(), getFormatter(), getCommitteeSettings(db)]);
  const flash = FLASHES.find((f) => query.ok === f);
  return (
    <>
      {flash ? <FormAlert kind="success">{t(`followUp.flash.${flash}`)}</FormAlert> : null}
      {followUps.map((f) => {
        const tracked = trackedSteps(f.regimes);
        return (
          <div key={f.decisionId}>
            {/* A revoked or unfavourable decision says so once, in the prefect's block or else the landlord's. */}
            {tracked.prefect ? <Authorisation t={t} format={format} actor={actor} proposalId={proposalId} followUp={f} renewalLeadMonths={settings.renewalLeadMonths} /> : null}
            {tracked.landlord && (f.authorisable || !tracked.prefect) ? <LandlordDecisionBlock t={t} format={format} actor={actor} proposalId={proposalId} followUp={f} /> : null}
            <Conditions t={t} format={format} actor={actor} followUp={f} />
          </div>
        );
      })}
    </>
  );
}

type BlockProps = { t: AppTranslator; format: Format; actor: Actor; proposalId: string; followUp: DecisionFollowUp };

/** Why nothing is to be recorded (a revoked or unfavourable decision), or null when the steps follow. */
function notFollowed(t: AppTranslator, f: DecisionFollowUp): string | null {
  if (f.latestKind === 'revocation') return t('followUp.staff.revoked');
  if (!f.authorisable) return t('followUp.staff.notAuthorisable');
  return null;
}

function Authorisation({ t, format, actor, proposalId, followUp: f, renewalLeadMonths }: BlockProps & { renewalLeadMonths: number }) {
  const day = (d: string | null | undefined) => dayInWords(format, d);
  const today = parisDate(new Date());
  const row = f.authorisation;
  const state = deriveAuthorisation(authorisationFacts(row), today, { renewalLeadMonths });
  const canManage = f.authorisable && can(actor.roles, 'authorisations.manage');
  const revision = String(row?.revision ?? 0);
  const hidden = { decisionId: f.decisionId, revision, proposalId };
  const labels = { submit: '', required: t('common.required') };
  const prefectoral = f.regimes.filter(needsPrefectAuthorisation).length;
  const mixed = prefectoral > 0 && prefectoral < f.regimes.length;
  const refusal = notFollowed(t, f);
  return (
    <section aria-labelledby="authorisation" className="card">
      <h2 id="authorisation" tabIndex={-1}>
        {t('followUp.staff.title')}
      </h2>
      <p className="hint">{t('followUp.staff.decisionLabel', { reference: f.reference })}</p>
      {refusal !== null ? (
        <p>{refusal}</p>
      ) : (
        <>
          <p>{t('followUp.staff.intro', { citation: AUTHORISATION_REFERENCE.citation })}</p>
          {mixed ? <p>{t('followUp.staff.regimeScope', { count: prefectoral, citation: AUTHORISATION_REFERENCE.citation })}</p> : null}
          <p>
            <span className="tag">{t(`followUp.statuses.${state.status}`)}</span>
            {state.renewalDue ? (
              <>
                {' '}
                <span className="tag">{t('followUp.staff.renewalDue')}</span>
              </>
            ) : null}
          </p>
          <ol className="timeline">
            <li>{row?.filedOn ? t('followUp.staff.filed', { day: day(row.filedOn), reference: row.prefectureReference ?? '' }) : t('followUp.staff.notFiled')}</li>
            {row?.filedOn ? <li>{state.acknowledgedAt ? t('followUp.staff.acknowledged', { day: day(state.acknowledgedAt) }) : t('followUp.staff.notAcknowledged')}</li> : null}
            {row?.filedOn ? (
              <li>
                {row.cdvpOpinionOn && row.cdvpOpinion
                  ? t('followUp.staff.cdvpGiven', { day: day(row.cdvpOpinionOn), opinion: t(`followUp.cdvpOpinions.${row.cdvpOpinion}`) })
                  : row.prefectDecision
                    ? t('followUp.staff.cdvpNone')
                    : t('followUp.staff.cdvpAwaited', { deadline: day(state.cdvpDeadline), extended: day(state.cdvpExtendedDeadline) })}
              </li>
            ) : null}
            {row?.filedOn ? (
              <li>
                {row.prefectDecision === 'granted'
                  ? t('followUp.staff.granted', { day: day(row.prefectDecidedOn), reference: row.orderReference ?? '' })
                  : row.prefectDecision === 'refused'
                    ? t('followUp.staff.refused', { day: day(row.prefectDecidedOn), reason: row.refusalReason ?? '' })
                    : state.status === 'refused_by_silence'
                      ? t('followUp.staff.refusedBySilence', { from: day(state.refusedBySilenceFrom) })
                      : t('followUp.staff.awaited', { deadline: day(state.silenceDeadline), from: day(state.refusedBySilenceFrom) })}
                {row.prefectDecision === null ? (
                  <>
                    {' '}
                    {state.silenceCountedFrom === 'acknowledgement'
                      ? t('followUp.staff.silenceFromAcknowledgement', { silence: SILENCE_REFERENCE.citation, acknowledgement: ACKNOWLEDGEMENT_REFERENCE.citation })
                      : t('followUp.staff.silenceFromFiling', { silence: SILENCE_REFERENCE.citation, acknowledgement: ACKNOWLEDGEMENT_REFERENCE.citation })}
                  </>
                ) : null}
              </li>
            ) : null}
            {row?.prefectDecision === 'granted' && row.orderRetentionDays !== null ? (
              <li>{t('followUp.staff.orderRetention', { days: row.orderRetentionDays, citation: RETENTION_MAX_REFERENCE.citation })}</li>
            ) : null}
            {state.expiresAt ? (
              <li>
                {state.status === 'expired' ? t('followUp.staff.expired', { day: day(state.expiresAt) }) : t('followUp.staff.expires', { day: day(state.expiresAt) })}{' '}
                {t('followUp.staff.validityRule', { citation: VALIDITY_REFERENCE.citation })}
              </li>
            ) : null}
            {state.renewalDueAt && state.status === 'granted' ? (
              <li>
                {t('followUp.staff.renewalDueAt', { day: day(state.renewalDueAt) })} {t('followUp.staff.renewalRule', { months: renewalLeadMonths, citation: RENEWAL_LEAD_REFERENCE.citation })}
              </li>
            ) : null}
            {row?.prefectDecision === 'granted' ? <li>{row.commissioningNoticeOn ? t('followUp.staff.notice', { day: day(row.commissioningNoticeOn) }) : t('followUp.staff.noNotice')}</li> : null}
          </ol>
          {canManage ? (
            <>
              <p className="hint">{t('followUp.staff.correctionHelp')}</p>
              {!row?.cdvpOpinionOn && !row?.prefectDecision ? (
                <>
                  <h3>{row?.filedOn ? t('followUp.staff.fileCorrectTitle') : t('followUp.staff.fileTitle')}</h3>
                  <StepForm
                    action={recordFilingAction}
                    idPrefix="filing"
                    hidden={hidden}
                    labels={{ ...labels, submit: t('followUp.staff.recordFiling') }}
                    fields={[
                      { name: 'filedOn', kind: 'date', label: t('followUp.staff.filedOn'), required: true, defaultValue: row?.filedOn ?? '' },
                      { name: 'prefectureReference', kind: 'text', label: t('followUp.staff.prefectureReference'), required: true, defaultValue: row?.prefectureReference ?? '' },
                    ]}
                  />
                </>
              ) : null}
              {row?.filedOn && !row.prefectDecision ? (
                <>
                  <h3>{row.acknowledgedOn ? t('followUp.staff.acknowledgementCorrectTitle') : t('followUp.staff.acknowledgementTitle')}</h3>
                  <StepForm
                    action={recordAcknowledgementAction}
                    idPrefix="acknowledgement"
                    hidden={hidden}
                    labels={{ ...labels, submit: t('followUp.staff.recordAcknowledgement') }}
                    fields={[{ name: 'acknowledgedOn', kind: 'date', label: t('followUp.staff.acknowledgedOn'), hint: t('followUp.staff.acknowledgedOnHint'), required: true, defaultValue: row.acknowledgedOn ?? '' }]}
                  />
                </>
              ) : null}
              {row?.filedOn && !row.prefectDecision ? (
                <>
                  <h3>{row.cdvpOpinionOn ? t('followUp.staff.cdvpCorrectTitle') : t('followUp.staff.cdvpTitle')}</h3>
                  <StepForm
                    action={recordCdvpOpinionAction}
                    idPrefix="cdvp"
                    hidden={hidden}
                    labels={{ ...labels, submit: t('followUp.staff.recordCdvp') }}
                    fields={[
                      { name: 'cdvpOpinionOn', kind: 'date', label: t('followUp.staff.cdvpOpinionOn'), required: true, defaultValue: row.cdvpOpinionOn ?? '' },
                      {
                        name: 'cdvpOpinion',
                        kind: 'select',
                        label: t('followUp.staff.cdvpOpinion'),
                        required: true,
                        defaultValue: row.cdvpOpinion ?? '',
                        options: [['', t('followUp.staff.choose')], ...CDVP_OPINIONS.map((o): [string, string] => [o, t(`followUp.cdvpOpinions.${o}`)])],
                      },
                    ]}
                  />
                </>
              ) : null}
              {row?.filedOn ? (
                <>
                  <h3>{row.prefectDecision ? t('followUp.staff.decisionCorrectTitle') : t('followUp.staff.decisionTitle')}</h3>
                  <StepForm
                    action={recordPrefectDecisionAction}
                    idPrefix="prefect"
                    hidden={hidden}
                    labels={{ ...labels, submit: t('followUp.staff.recordDecision') }}
                    fields={[
                      {
                        name: 'decision',
                        kind: 'select',
                        label: t('followUp.staff.decision'),
                        required: true,
                        defaultValue: row.prefectDecision ?? '',
                        options: [['', t('followUp.staff.choose')], ...PREFECT_DECISIONS.map((d): [string, string] => [d, t(`followUp.decisions.${d}`)])],
                      },
                      { name: 'decidedOn', kind: 'date', label: t('followUp.staff.decidedOn'), required: true, defaultValue: row.prefectDecidedOn ?? '' },
                      { name: 'orderReference', kind: 'text', label: t('followUp.staff.orderReference'), hint: t('followUp.staff.orderReferenceHint'), defaultValue: row.orderReference ?? '' },
                      {
                        name: 'orderRetentionDays',
                        kind: 'number',
                        label: t('followUp.staff.orderRetentionDays'),
                        hint: t('followUp.staff.orderRetentionDaysHint', { citation: RETENTION_MAX_REFERENCE.citation }),
                        defaultValue: row.orderRetentionDays === null ? '' : String(row.orderRetentionDays),
                      },
                      { name: 'refusalReason', kind: 'textarea', label: t('followUp.staff.refusalReason'), hint: t('followUp.staff.refusalReasonHint'), defaultValue: row.refusalReason ?? '' },
                    ]}
                  />
                </>
              ) : null}
              {row?.prefectDecision === 'granted' ? (
                <>
                  <h3>{row.commissioningNoticeOn ? t('followUp.staff.noticeCorrectTitle') : t('followUp.staff.noticeTitle')}</h3>
                  <p>{t('followUp.staff.noticeHelp')}</p>
                  <StepForm
                    action={recordCommissioningNoticeAction}
                    idPrefix="notice"
                    hidden={hidden}
                    labels={{ ...labels, submit: t('followUp.staff.recordNotice') }}
                    fields={[{ name: 'commissioningNoticeOn', kind: 'date', label: t('followUp.staff.noticeOn'), required: true, defaultValue: row.commissioningNoticeOn ?? '' }]}
                  />
                </>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** For a landlord's common-area cameras: the board's decision and, when images go to the police, the L272-2 convention. */
function LandlordDecisionBlock({ t, format, actor, proposalId, followUp: f }: BlockProps) {
  const day = (d: string | null | undefined) => dayInWords(format, d);
  const row = f.landlordDecision;
  const canManage = f.authorisable && can(actor.roles, 'authorisations.manage');
  const commonArea = f.regimes.filter((r) => !needsPrefectAuthorisation(r)).length;
  const refusal = notFollowed(t, f);
  return (
    <section aria-labelledby="landlord-decision" className="card">
      <h2 id="landlord-decision" tabIndex={-1}>
        {t('followUp.landlord.title')}
      </h2>
      <p className="hint">{t('followUp.staff.decisionLabel', { reference: f.reference })}</p>
      {refusal !== null ? (
        <p>{refusal}</p>
      ) : (
        <>
          <p>{t('followUp.landlord.intro', { basis: LANDLORD_BASIS_REFERENCE.citation, convention: POLICE_TRANSMISSION_REFERENCE.citation })}</p>
          <p>{t('followUp.landlord.scope', { count: commonArea })}</p>
          <ul>
            <li>{row ? t('followUp.landlord.decided', { day: day(row.boardDecidedOn), reference: row.boardReference }) : t('followUp.landlord.notDecided')}</li>
            {row ? (
              <li>
                {row.policeTransmission
                  ? t('followUp.landlord.convention', { day: day(row.conventionSignedOn), parties: row.conventionParties ?? '', reference: row.conventionReference ?? '' })
                  : t('followUp.landlord.noTransmission')}
              </li>
            ) : null}
          </ul>
          {canManage ? (
            <>
              <h3>{row ? t('followUp.landlord.correctTitle') : t('followUp.landlord.formTitle')}</h3>
              <StepForm
                action={recordLandlordDecisionAction}
                idPrefix="landlord"
                hidden={{ decisionId: f.decisionId, revision: String(row?.revision ?? 0), proposalId }}
                labels={{ submit: t('followUp.landlord.submit'), required: t('common.required') }}
                fields={[
                  { name: 'boardDecidedOn', kind: 'date', label: t('followUp.landlord.boardDecidedOn'), required: true, defaultValue: row?.boardDecidedOn ?? '' },
                  { name: 'boardReference', kind: 'text', label: t('followUp.landlord.boardReference'), required: true, defaultValue: row?.boardReference ?? '' },
                  {
                    name: 'policeTransmission',
                    kind: 'checkbox',
                    label: t('followUp.landlord.policeTransmission'),
                    hint: t('followUp.landlord.policeTransmissionHint', { citation: POLICE_TRANSMISSION_REFERENCE.citation }),
                    defaultValue: row?.policeTransmission ? 'on' : '',
                  },
                  { name: 'conventionSignedOn', kind: 'date', label: t('followUp.landlord.conventionSignedOn'), hint: t('followUp.landlord.conventionHint'), defaultValue: row?.conventionSignedOn ?? '' },
                  { name: 'conventionParties', kind: 'text', label: t('followUp.landlord.conventionParties'), hint: t('followUp.landlord.conventionPartiesHint'), defaultValue: row?.conventionParties ?? '', maxLength: 500 },
                  { name: 'conventionReference', kind: 'text', label: t('followUp.landlord.conventionReference'), hint: t('followUp.landlord.conventionHint'), defaultValue: row?.conventionReference ?? '' },
                ]}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function Conditions({ t, format, actor, followUp: f }: { t: AppTranslator; format: Format; actor: Actor; followUp: DecisionFollowUp }) {
  if (f.latestKind === 'revocation') return null;
  const day = (d: string | null | undefined) => dayInWords(format, d);
  const today = parisDate(new Date());
  const canCheck = can(actor.roles, 'conditions.followUp');
  return (
    <section aria-labelledby="conditions-follow-up" className="card">
      <h2 id="conditions-follow-up" tabIndex={-1}>
        {t('followUp.conditions.title')}
      </h2>
      {f.conditions.length ? (
        <>
          <p>{t('followUp.conditions.intro')}</p>
          <ol>
            {f.conditions.map((c, index) => {
              const check = f.checks.find((k) => k.conditionIndex === index);
              const overdue = isOverdue(c, check?.status ?? null, today);
              const number = index + 1;
              return (
                <li key={index} id={`condition-${number}`}>
                  <p>
                    <strong>{t('followUp.conditions.condition', { number })}</strong> {c.text}{' '}
                    <span className="hint">({c.dueDate ? t('followUp.conditions.due', { day: day(c.dueDate) }) : t('followUp.conditions.noDue')})</span>{' '}
                    <span className="tag">{t(`followUp.conditions.${check?.status ?? 'pending'}`)}</span>
                    {overdue ? (
                      <>
                        {' '}
                        <span className="tag">{t('followUp.conditions.overdue')}</span>
                      </>
                    ) : null}
                  </p>
                  {check ? <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('followUp.conditions.checked', { day: day(check.checkedOn), name: check.checkedByName, note: check.note })}</p> : null}
                  {canCheck ? (
                    <details>
                      <summary>{t('followUp.conditions.markTitle', { number })}</summary>
                      <StepForm
                        action={markConditionAction}
                        idPrefix={`condition-${number}`}
                        hidden={{ decisionId: f.decisionId, conditionIndex: String(index), revision: String(check?.revision ?? 0) }}
                        labels={{ submit: t('followUp.conditions.submit'), required: t('common.required') }}
                        fields={[
                          {
                            name: 'status',
                            kind: 'select',
                            label: t('followUp.conditions.status'),
                            required: true,
                            defaultValue: check?.status ?? '',
                            options: [['', t('followUp.staff.choose')], ...CONDITION_STATUSES.map((s): [string, string] => [s, t(`followUp.conditions.${s}`)])],
                          },
                          { name: 'note', kind: 'textarea', label: t('followUp.conditions.note'), hint: t('followUp.conditions.noteHint'), required: true },
                          { name: 'checkedOn', kind: 'date', label: t('followUp.conditions.checkedOn'), required: true, defaultValue: today },
                        ]}
                      />
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p>{t('followUp.conditions.none')}</p>
      )}
    </section>
  );
}
