import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ItemView, SessionView } from '@/db/queries/committee';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { VOTE_CHOICES } from '@/lib/domain/committee';
import { CONDITION_KINDS, type DecisionCondition } from '@/lib/domain/vocabulary';
import type { AppTranslator } from '@/lib/i18n/translate';
import {
  adjournItemAction,
  castVoteAction,
  closeItemVoteAction,
  declareConflictAction,
  recordConflictAction,
  openItemVoteAction,
  proposeConditionsAction,
  removeFromAgendaAction,
  returnAdjournedAction,
  setRapporteurAction,
  attachDissentAction,
  signDecisionAction,
  publishDecisionAction,
} from '../actions';
import { StepForm, type FieldSpec } from '../_components/step-form';
import { VoteForm } from '../_components/vote-form';
import { PublicationNotice } from '@/app/espace/registre/_components/publication-notice';

/** Up to three condition rows (kind, text, due date), filled with the conditions so far. */
export function conditionRows(t: AppTranslator, current: readonly DecisionCondition[]): FieldSpec[] {
  return [0, 1, 2].map((i) => ({
    kind: 'group',
    legend: t('committee.conditions.legend', { n: i + 1 }),
    fields: [
      {
        kind: 'select',
        name: `conditions.${i}.kind`,
        label: t('committee.conditions.kind'),
        defaultValue: current[i]?.kind ?? '',
        options: [{ value: '', label: t('committee.conditions.none') }, ...CONDITION_KINDS.map((k) => ({ value: k, label: t(`committee.conditionKinds.${k}`) }))],
      },
      { kind: 'textarea', name: `conditions.${i}.text`, label: t('committee.conditions.text'), defaultValue: current[i]?.text ?? '', rows: 2 },
      { kind: 'text', type: 'date', name: `conditions.${i}.dueDate`, label: t('committee.conditions.dueDate'), hint: t('committee.conditions.dueDateHint'), defaultValue: current[i]?.dueDate ?? '' },
    ],
  }));
}

export function ConditionList({ conditions, t }: { conditions: readonly DecisionCondition[]; t: AppTranslator }) {
  return (
    <ol>
      {conditions.map((c, i) => (
        <li key={i}>
          <strong>{t(`committee.conditionKinds.${c.kind}`)}</strong> : {c.text}
          {c.dueDate ? ` (${t('committee.conditions.due', { date: c.dueDate })})` : ''}
        </li>
      ))}
    </ol>
  );
}

/** An agenda item's rapporteur, state, quorum and recusals, as entries of a description list (session page and minutes). */
export function ItemStanding({ item, t }: { item: Pick<ItemView, 'rapporteur' | 'state' | 'quorum' | 'recused'>; t: AppTranslator }) {
  return (
    <>
      <dt>{t('committee.item.rapporteur')}</dt>
      <dd>{item.rapporteur?.name || t('committee.item.noRapporteur')}</dd>
      <dt>{t('committee.item.state')}</dt>
      <dd>{t(`committee.itemStates.${item.state}`)}</dd>
      {item.quorum ? (
        <>
          <dt>{t('committee.quorum.title')}</dt>
          <dd>{quorumText(t, item.quorum)}</dd>
        </>
      ) : null}
      <dt>{t('committee.item.recused')}</dt>
      <dd>{item.recused.length ? item.recused.map((r) => t('committee.item.recusedMember', { name: r.name, reason: t(`committee.recusal.${r.reason}`) })).join(' ; ') : t('committee.item.nobodyRecused')}</dd>
    </>
  );
}

/** A signed decision's terms (conditions, reasons, public summary) as entries of a description list. */
export function DecisionTerms({ decision, t }: { decision: { conditions: readonly DecisionCondition[]; reasons: string; publicSummary: string }; t: AppTranslator }) {
  return (
    <>
      {decision.conditions.length ? (
        <>
          <dt>{t('committee.decision.conditions')}</dt>
          <dd>
            <ConditionList conditions={decision.conditions} t={t} />
          </dd>
        </>
      ) : null}
      <dt>{t('committee.decision.reasons')}</dt>
      <dd>{decision.reasons}</dd>
      <dt>{t('committee.decision.publicSummary')}</dt>
      <dd>{decision.publicSummary}</dd>
    </>
  );
}

/** "Quorum reached: 4 members present who may vote, 3 required." */
export function quorumText(t: AppTranslator, quorum: NonNullable<ItemView['quorum']>) {
  return t(quorum.reached ? 'committee.quorum.reached' : 'committee.quorum.notReached', { present: quorum.present, required: quorum.required });
}

/** One file of the agenda: what everyone sees, and the reader's own steps for its state. */
export async function ItemSection({ view, item, actor }: { view: SessionView; item: ItemView; actor: Actor }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const { session } = view;
  const isChair = can(actor.roles, 'committee.chair');
  const isMember = can(actor.roles, 'committee.member');
  const open = session.state !== 'closed';
  const prefix = `item-${item.position}`;
  const hidden = [
    { kind: 'hidden', name: 'sessionId', value: session.id },
    { kind: 'hidden', name: 'itemId', value: item.id },
  ] satisfies FieldSpec[];
  const required = t('common.required');
  const presentHere = item.present.some((p) => p.id === actor.id);
  const titleId = `${prefix}-title`;
  const proxyName = item.mine.proxyFor?.name ?? '';
  /** A vote form's sentence for each recorded choice and for none yet (the form switches between them itself). */
  const said = (recorded: (choice: string) => string, none: string) => ({
    none,
    ...(Object.fromEntries(VOTE_CHOICES.map((c) => [c, recorded(t(`committee.choices.${c}`))])) as Record<(typeof VOTE_CHOICES)[number], string>),
  });

  return (
    <section aria-labelledby={titleId} className="agenda-item">
      <h2 id={titleId}>
        {t('committee.item.title', { n: item.position, reference: item.proposal.reference, title: item.proposal.title })}
      </h2>
      <dl className="summary">
        <dt>{t('committee.item.file')}</dt>
        <dd>
          <Link href={`/espace/propositions/${item.proposal.id}`}>{t('committee.item.openFile', { reference: item.proposal.reference })}</Link> – {item.proposal.siteName},{' '}
          {item.proposal.siteAddress}
        </dd>
        <ItemStanding item={item} t={t} />
        {item.proxies.length ? (
          <>
            <dt>{t('committee.item.proxies')}</dt>
            <dd>{item.proxies.map((p) => t('committee.item.proxy', { member: p.member.name, holder: p.holder.name })).join(' ; ')}</dd>
          </>
        ) : null}
        {item.adjournReason ? (
          <>
            <dt>{t('committee.item.adjournReason')}</dt>
            <dd>{item.adjournReason}</dd>
          </>
        ) : null}
      </dl>

      {item.draftConditions.length && !item.decision ? (
        <>
          <h3>{t('committee.conditions.proposed')}</h3>
          <ConditionList conditions={item.draftConditions} t={t} />
        </>
      ) : null}

      {item.mine.recusal ? (
        <p className="notice">
          <strong>{t('committee.item.youAreRecused')}</strong> ({t(`committee.recusal.${item.mine.recusal}`)})
        </p>
      ) : null}

      {/* Before the vote: conflicts, rapporteur, conditions, and the chair's steps. */}
      {item.state === 'scheduled' && open ? (
        <div className="actions-panel">
          {isMember && !item.mine.recusal ? (
            <div className="card">
              <h3>{t('committee.conflict.title')}</h3>
              <p>{t('committee.conflict.help')}</p>
              <StepForm
                action={declareConflictAction}
                idPrefix={`${prefix}-conflict`}
                requiredLabel={required}
                submit={t('committee.conflict.declare')}
                fields={[
                  { kind: 'hidden', name: 'sessionId', value: session.id },
                  { kind: 'hidden', name: 'proposalId', value: item.proposal.id },
                  { kind: 'textarea', name: 'reason', label: t('committee.conflict.reason'), hint: t('committee.conflict.reasonHint'), required: true },
                ]}
              />
            </div>
          ) : null}
          {isChair && item.eligible.length ? (
            <div className="card">
              <h3>{t('committee.conflict.recordTitle')}</h3>
              <p>{t('committee.conflict.recordHelp')}</p>
              <StepForm
                action={recordConflictAction}
                idPrefix={`${prefix}-record-conflict`}
                requiredLabel={required}
                submit={t('committee.conflict.record')}
                fields={[
                  { kind: 'hidden', name: 'sessionId', value: session.id },
                  { kind: 'hidden', name: 'proposalId', value: item.proposal.id },
                  { kind: 'select', name: 'memberId', label: t('committee.conflict.member'), required: true, options: [{ value: '', label: t('committee.conflict.chooseMember') }, ...item.eligible.map((m) => ({ value: m.id, label: m.name }))] },
                  { kind: 'textarea', name: 'reason', label: t('committee.conflict.reason'), hint: t('committee.conflict.reasonHint'), required: true },
                ]}
              />
            </div>
          ) : null}
          {isChair && session.state !== 'held' ? (
            <div className="card">
              <h3>{t('committee.item.rapporteurTitle')}</h3>
              <StepForm
                action={setRapporteurAction}
                idPrefix={`${prefix}-rapporteur`}
                requiredLabel={required}
                submit={t('committee.item.setRapporteur')}
                fields={[
                  ...hidden,
                  {
                    kind: 'select',
                    name: 'rapporteurId',
                    label: t('committee.item.rapporteur'),
                    required: true,
                    defaultValue: item.rapporteur?.id ?? '',
                    options: [{ value: '', label: t('committee.item.chooseMember') }, ...item.eligible.map((m) => ({ value: m.id, label: m.name }))],
                  },
                ]}
              />
            </div>
          ) : null}
          {(isChair || item.rapporteur?.id === actor.id) && !item.mine.recusal ? (
            <div className="card">
              <h3>{t('committee.conditions.title')}</h3>
              <p>{t('committee.conditions.help')}</p>
              <StepForm
                action={proposeConditionsAction}
                idPrefix={`${prefix}-conditions`}
                requiredLabel={required}
                submit={t('committee.conditions.save')}
                fields={[...hidden, { kind: 'hidden', name: 'revision', value: String(item.revision) }, ...conditionRows(t, item.draftConditions)]}
              />
            </div>
          ) : null}
          {isChair && session.state === 'planned' ? (
            <StepForm action={removeFromAgendaAction} idPrefix={`${prefix}-remove`} requiredLabel={required} submit={t('committee.item.remove')} fields={hidden} className="inline" />
          ) : null}
          {isChair && session.state === 'held' ? (
            <>
              <div className="card">
                <h3>{t('committee.vote.openTitle')}</h3>
                <p>{t('committee.vote.openHelp')}</p>
                <StepForm action={openItemVoteAction} idPrefix={`${prefix}-open`} requiredLabel={required} submit={t('committee.vote.open')} fields={hidden} />
              </div>
              <div className="card">
                <h3>{t('committee.item.adjournTitle')}</h3>
                <StepForm
                  action={adjournItemAction}
                  idPrefix={`${prefix}-adjourn`}
                  requiredLabel={required}
                  submit={t('committee.item.adjourn')}
                  fields={[...hidden, { kind: 'textarea', name: 'reason', label: t('committee.item.adjournReason'), required: true }]}
                />
              </div>
            </>
          ) : null}
        </div>
      ) : null}

      {/* The vote: each member's own form, the proxy holder's second one, the chair's close. */}
      {item.state === 'voting' ? (
        <div className="actions-panel">
          <p>
            <strong>{t('committee.vote.isOpen')}</strong>
          </p>
          {isMember && !item.mine.recusal ? (
            presentHere ? (
              <div className="card">
                <VoteForm
                  choice={item.mine.vote}
                  said={said((choice) => t('committee.vote.current', { choice }), t('committee.vote.notYet'))}
                  action={castVoteAction}
                  idPrefix={`${prefix}-vote`}
                  requiredLabel={required}
                  submit={{ cast: t('committee.vote.cast'), change: t('committee.vote.change') }}
                  fields={[
                    ...hidden,
                    { kind: 'radios', name: 'choice', legend: t('committee.vote.yourVote', { reference: item.proposal.reference }), defaultValue: item.mine.vote ?? undefined, options: VOTE_CHOICES.map((c) => ({ value: c, label: t(`committee.choices.${c}`) })) },
                  ]}
                />
              </div>
            ) : (
              <p>{t('committee.vote.notPresent')}</p>
            )
          ) : null}
          {item.mine.proxyFor ? (
            <div className="card">
              <VoteForm
                choice={item.mine.proxyFor.vote}
                said={said((choice) => t('committee.vote.proxyCurrent', { name: proxyName, choice }), t('committee.vote.proxyNotYet', { name: proxyName }))}
                action={castVoteAction}
                idPrefix={`${prefix}-proxy`}
                requiredLabel={required}
                submit={{ cast: t('committee.vote.castFor', { name: proxyName }), change: t('committee.vote.castFor', { name: proxyName }) }}
                fields={[
                  ...hidden,
                  { kind: 'hidden', name: 'forMemberId', value: item.mine.proxyFor.id },
                  { kind: 'radios', name: 'choice', legend: t('committee.vote.proxyVote', { name: item.mine.proxyFor.name }), defaultValue: item.mine.proxyFor.vote ?? undefined, options: VOTE_CHOICES.map((c) => ({ value: c, label: t(`committee.choices.${c}`) })) },
                ]}
              />
            </div>
          ) : null}
          {isChair ? (
            <div className="card">
              <h3>{t('committee.vote.closeTitle')}</h3>
              <p>{t('committee.vote.closeHelp')}</p>
              <StepForm
                action={closeItemVoteAction}
                idPrefix={`${prefix}-close`}
                requiredLabel={required}
                submit={t('committee.vote.close')}
                fields={[...hidden, { kind: 'confirm', label: t('committee.vote.closeConfirm') }]}
              />
            </div>
          ) : null}
        </div>
      ) : null}

      {/* After the vote: the counts and the outcome, then the reasoned decision. */}
      {item.outcome ? (
        <p>
          <strong>{t(`committee.outcomes.${item.outcome}`)}</strong>
        </p>
      ) : null}
      {item.tally ? (
        <dl className="summary tally">
          {(['for', 'against', 'abstain', 'recused'] as const).map((k) => (
            <div key={k}>
              <dt>{t(`committee.tally.${k}`)}</dt>
              <dd>{format.number(item.tally![k])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {item.decision ? (
        item.decision.signedAt ? (
          <div className="card">
            <h3>{t('committee.decision.title')}</h3>
            <dl className="summary">
              <DecisionTerms decision={item.decision} t={t} />
            </dl>
            <p>{t('committee.decision.signed', { name: item.decision.signedByName ?? '', date: format.dateTime(item.decision.signedAt, 'long') })}</p>
            {item.decision.publication ? <PublicationNotice publication={item.decision.publication} canCorrect={isChair} /> : null}
          </div>
        ) : isChair ? (
          <div className="card">
            <h3>{t('committee.decision.writeTitle')}</h3>
            <p>{t('committee.decision.writeHelp')}</p>
            <StepForm
              action={signDecisionAction}
              idPrefix={`${prefix}-decision`}
              requiredLabel={required}
              submit={t('committee.decision.sign')}
              fields={[
                { kind: 'hidden', name: 'sessionId', value: session.id },
                { kind: 'hidden', name: 'decisionId', value: item.decision.id },
                { kind: 'hidden', name: 'revision', value: String(item.decision.revision) },
                ...(item.decision.outcome === 'favourable_with_conditions' ? conditionRows(t, item.decision.conditions) : []),
                { kind: 'textarea', name: 'reasons', label: t('committee.decision.reasons'), hint: t('committee.decision.reasonsHint'), required: true, rows: 5 },
                { kind: 'textarea', name: 'publicSummary', label: t('committee.decision.publicSummary'), hint: t('committee.decision.publicSummaryHint'), required: true },
                { kind: 'confirm', label: t('committee.decision.signConfirm') },
              ]}
            />
          </div>
        ) : (
          <p>{t('committee.decision.notSigned')}</p>
        )
      ) : null}
      {/* Signed, not yet public: the chair publishes it (a confirmed, final step). */}
      {isChair && item.decision?.signedAt && !item.decision.publication ? (
        <div className="card">
          <h3>{t('publicRegister.staff.publishTitle')}</h3>
          <p>{t('publicRegister.staff.publishHelp')}</p>
          <StepForm
            action={publishDecisionAction}
            idPrefix={`${prefix}-publish`}
            requiredLabel={required}
            submit={t('publicRegister.staff.publish')}
            fields={[
              { kind: 'hidden', name: 'sessionId', value: session.id },
              { kind: 'hidden', name: 'decisionId', value: item.decision.id },
              { kind: 'confirm', label: t('publicRegister.staff.publishConfirm') },
            ]}
          />
        </div>
      ) : null}
      {item.decision?.dissents.length ? (
        <div className="card">
          <h3>{t('committee.dissent.title')}</h3>
          <ul>
            {item.decision.dissents.map((d) => (
              <li key={d.memberName}>
                <strong>{d.memberName}</strong> : {d.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.decision && !item.decision.signedAt && item.mine.vote === 'against' ? (
        <div className="card">
          <h3>{t('committee.dissent.writeTitle')}</h3>
          <p>{t('committee.dissent.writeHelp')}</p>
          <StepForm
            action={attachDissentAction}
            idPrefix={`${prefix}-dissent`}
            requiredLabel={required}
            submit={t('committee.dissent.submit')}
            fields={[
              { kind: 'hidden', name: 'sessionId', value: session.id },
              { kind: 'hidden', name: 'decisionId', value: item.decision.id },
              { kind: 'textarea', name: 'text', label: t('committee.dissent.text'), hint: t('committee.dissent.textHint'), required: true, defaultValue: item.decision.myDissent ?? '' },
            ]}
          />
        </div>
      ) : null}
      {isChair && item.outcome === 'adjourned' && item.voteClosedAt && item.proposal.state === 'decided' ? (
        <div className="card">
          <h3>{t('committee.item.returnTitle')}</h3>
          <p>{t('committee.item.returnHelp')}</p>
          <div className="button-row">
            {(['review', 'diagnostic'] as const).map((to) => (
              <StepForm
                key={to}
                action={returnAdjournedAction}
                idPrefix={`${prefix}-return-${to}`}
                requiredLabel={required}
                submit={t(`committee.item.returnTo.${to}`)}
                fields={[
                  { kind: 'hidden', name: 'sessionId', value: session.id },
                  { kind: 'hidden', name: 'proposalId', value: item.proposal.id },
                  { kind: 'hidden', name: 'to', value: to },
                ]}
              />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}
