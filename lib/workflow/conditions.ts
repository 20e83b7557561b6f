import { and, desc, eq } from 'drizzle-orm';
import { conditionFollowUps, decisions, registerEntries } from '@/db/schema';
import { conditionCheckRefusal } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { AppError } from '@/lib/errors';
import { announcePublicChange } from '@/lib/public-changes';
import { markConditionSchema } from '@/lib/validation/authorisations';
import { recordEvent } from './audit';
import { committeeDecisionDay } from './authorisations';
import { defineCommand } from './command';

/**
 * Marks one condition of a published decision (by its position in the decision's list)
 * met or not met, with a note, the day it was checked and who checked. Checking again
 * replaces the row (the form's revision must match: 0 for a first check); the audit trail
 * keeps every check. A revoked decision is no longer followed up. The day of the check is
 * a day that has come, and not before the committee's vote that set the condition. The
 * public decision page shows the result at once (the register cache is cleared on commit).
 */
export const markCondition = defineCommand({
  name: 'markCondition',
  permission: 'conditions.followUp',
  schema: markConditionSchema,
  async run(tx, actor, input) {
    const [decision] = await tx.select({ proposalId: decisions.proposalId, conditions: decisions.conditions }).from(decisions).where(eq(decisions.id, input.decisionId));
    if (!decision) throw new AppError('not_found');
    const [latest] = await tx
      .select({ kind: registerEntries.kind })
      .from(registerEntries)
      .where(eq(registerEntries.decisionId, input.decisionId))
      .orderBy(desc(registerEntries.sequence))
      .limit(1);
    if (!latest || latest.kind === 'revocation') throw new AppError('conflict:state', { _form: 'followUp.refusals.not_published' });
    if (input.conditionIndex >= decision.conditions.length) throw new AppError('invalid', { conditionIndex: 'followUp.refusals.no_such_condition' });
    const decidedAt = await committeeDecisionDay(tx, input.decisionId);
    const refused = conditionCheckRefusal(input.checkedOn, decidedAt, parisDate(new Date()));
    if (refused === 'before_decision') throw new AppError('invalid', { checkedOn: { key: 'followUp.issues.checked_before_decision', params: { date: decidedAt } } });
    if (refused) throw new AppError('invalid', { checkedOn: `followUp.issues.${refused}` });

    const where = and(eq(conditionFollowUps.decisionId, input.decisionId), eq(conditionFollowUps.conditionIndex, input.conditionIndex));
    const [row] = await tx.select().from(conditionFollowUps).where(where).for('update');
    if ((row?.revision ?? 0) !== input.revision) throw new AppError('conflict:stale_version');
    const values = { status: input.status, note: input.note, checkedOn: input.checkedOn, checkedBy: actor.id };
    if (row) await tx.update(conditionFollowUps).set({ ...values, revision: row.revision + 1, updatedAt: new Date() }).where(where);
    else await tx.insert(conditionFollowUps).values({ decisionId: input.decisionId, conditionIndex: input.conditionIndex, ...values });
    // The public decision page shows the follow-up: every instance recomputes it.
    await announcePublicChange(tx, 'condition');
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'condition.checked',
      entityId: decision.proposalId,
      // The note is the history: each check keeps its own.
      reason: input.note,
      details: { decisionId: input.decisionId, conditionIndex: input.conditionIndex, status: input.status, checkedOn: input.checkedOn },
    });
    return { revision: (row?.revision ?? 0) + 1, proposalId: decision.proposalId };
  },
});
