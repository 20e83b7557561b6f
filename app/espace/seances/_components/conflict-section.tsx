import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/app/_components/client-messages';
import { getDb } from '@/db/client';
import { conflictStanding } from '@/db/queries/committee';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { declareConflictAction } from '../actions';
import { StepForm } from './step-form';

/**
 * The "conflict of interest" section of a file, for committee members: declared or
 * recused, it says so; otherwise, until the vote opens, the form to declare one.
 */
export async function ConflictSection({ actor, proposalId, state }: { actor: Actor; proposalId: string; state: string }) {
  if (!can(actor.roles, 'committee.member') || !['diagnosed', 'under_review', 'info_requested', 'voting'].includes(state)) return null;
  const [t, standing] = await Promise.all([getTranslations(), conflictStanding(getDb(), actor, proposalId)]);
  if (!standing) return null;
  return (
    <section aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('committee.conflict.title')}</h2>
      {standing.recusal ? (
        <>
          <p className="notice">
            <strong>{t('committee.item.youAreRecused')}</strong> ({t(`committee.recusal.${standing.recusal}`)})
          </p>
          {standing.declaredReason ? <p>{t('committee.conflict.declared', { reason: standing.declaredReason })}</p> : null}
        </>
      ) : standing.canDeclare ? (
        <>
          <p>{t('committee.conflict.help')}</p>
          <ClientMessages namespaces={[]}>
            <StepForm
              action={declareConflictAction}
              idPrefix="conflict"
              requiredLabel={t('common.required')}
              submit={t('committee.conflict.declare')}
              fields={[
                { kind: 'hidden', name: 'proposalId', value: proposalId },
                { kind: 'hidden', name: 'back', value: `/espace/propositions/${proposalId}` },
                { kind: 'textarea', name: 'reason', label: t('committee.conflict.reason'), hint: t('committee.conflict.reasonHint'), required: true },
              ]}
            />
          </ClientMessages>
        </>
      ) : (
        <p>{t('committee.conflict.closed')}</p>
      )}
    </section>
  );
}
