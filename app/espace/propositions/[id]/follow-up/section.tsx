import { getFormatter, getTranslations } from 'next-intl/server';
import { dayInWords } from '@/app/_components/audit-timeline';
import { FormAlert } from '@/app/_components/form-fields';
import { getDb } from '@/db/client';
import { followUpOfProposal, type DecisionFollowUp } from '@/db/queries/follow-up';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { deriveAuthorisation } from '@/lib/domain/authorisation';
import { authorisationFacts, isOverdue } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { CDVP_OPINIONS, CONDITION_STATUSES, PREFECT_DECISIONS } from '@/lib/domain/vocabulary';
import type { SearchParams } from '@/lib/flash';
import type { AppTranslator } from '@/lib/i18n/translate';
import { markConditionAction, recordCdvpOpinionAction, recordFilingAction, recordPrefectDecisionAction } from './actions';
import { StepForm } from './step-form';

type Format = Awaited<ReturnType<typeof getFormatter>>;

const FLASHES = ['authorisation_filed', 'cdvp_recorded', 'prefect_decided', 'condition_checked'] as const;

/**
 * After the vote, on the file page of a published decision: the prefect's authorisation
 * as a timeline (what was recorded, and the deadlines that follow from it), the form for
 * the next step for those allowed, then each condition with its follow-up.
 */
export async function FollowUpSection({ actor, proposalId, query }: { actor: Actor; proposalId: string; query: SearchParams }) {
  const followUps = await followUpOfProposal(getDb(), proposalId);
  if (!followUps.length) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const flash = FLASHES.find((f) => query.ok === f);
  return (
    <>
      {flash ? <FormAlert kind="success">{t(`followUp.flash.${flash}`)}</FormAlert> : null}
      {followUps.map((f) => (
        <div key={f.decisionId}>
          <Authorisation t={t} format={format} actor={actor} proposalId={proposalId} followUp={f} />
          <Conditions t={t} format={format} actor={actor} followUp={f} />
        </div>
      ))}
    </>
  );
}

function Authorisation({ t, format, actor, proposalId, followUp: f }: { t: AppTranslator; format: Format; actor: Actor; proposalId: string; followUp: DecisionFollowUp }) {
  const day = (d: string | null | undefined) => dayInWords(format, d);
  const today = parisDate(new Date());
  const row = f.authorisation;
  const state = deriveAuthorisation(authorisationFacts(row), today);
  const canManage = f.authorisable && can(actor.roles, 'authorisations.manage');
  const revision = String(row?.revision ?? 0);
  const hidden = { decisionId: f.decisionId, revision, proposalId };
  const labels = { submit: '', required: t('common.required') };
  return (
    <section aria-labelledby="authorisation" className="card">
      <h2 id="authorisation" tabIndex={-1}>
        {t('followUp.staff.title')}
      </h2>
      <p className="hint">{t('followUp.staff.decisionLabel', { reference: f.reference })}</p>
      {f.latestKind === 'revocation' ? (
        <p>{t('followUp.staff.revoked')}</p>
      ) : !f.authorisable ? (
        <p>{t('followUp.staff.notAuthorisable')}</p>
      ) : (
        <>
          <p>{t('followUp.staff.intro')}</p>
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
              </li>
            ) : null}
            {state.expiresAt ? <li>{state.status === 'expired' ? t('followUp.staff.expired', { day: day(state.expiresAt) }) : t('followUp.staff.expires', { day: day(state.expiresAt) })}</li> : null}
            {state.renewalDueAt && state.status === 'granted' ? <li>{t('followUp.staff.renewalDueAt', { day: day(state.renewalDueAt) })}</li> : null}
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
                      { name: 'refusalReason', kind: 'textarea', label: t('followUp.staff.refusalReason'), hint: t('followUp.staff.refusalReasonHint'), defaultValue: row.refusalReason ?? '' },
                    ]}
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
