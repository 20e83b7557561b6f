import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { agendaItems, authorisations, decisions, diagnostics, registerEntries, type Authorisation } from '@/db/schema';
import { dpiaFilingGaps, type DpiaRecord } from '@/lib/domain/dpia';
import { authorisationIssues, type AuthorisationFacts } from '@/lib/domain/authorisation';
import { authorisationFacts, isFavourable } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { AppError, type FieldErrors } from '@/lib/errors';
import { announcePublicChange } from '@/lib/public-changes';
import { recordCdvpOpinionSchema, recordFilingSchema, recordPrefectDecisionSchema } from '@/lib/validation/authorisations';
import { recordEvent } from './audit';
import { defineCommand } from './command';

/**
 * The prefect's authorisation of a published favourable decision, step by step: the
 * request filed at the prefecture, the departmental commission's (CDVP) opinion, the
 * prefect's decision. What follows from the dates (refused by silence, expiry, renewal
 * due) is derived on each read (lib/domain/authorisation.ts), never stored.
 *
 * Rules, each checked here against the stored record (the database's checks are the
 * last guard):
 * - only for a decision published in the register, favourable (with or without
 *   conditions), whose latest entry is not a revocation;
 * - days are calendar days, never in the future (Paris), in order: the CDVP opinion and
 *   the prefect's decision on or after the filing, the CDVP opinion not after the decision;
 * - a step may be recorded again (to correct a typo) as long as no later step is: the
 *   filing until the CDVP opinion or the decision, the CDVP opinion until the decision,
 *   the decision itself at any time (it is the last step);
 * - the prefect may answer after the four months of silence: an explicit late decision
 *   is recorded and wins over the refusal by silence;
 * - every form carries the record's revision (0 before the first step): a form opened
 *   before someone else's change is refused, nothing is overwritten;
 * - the request is filed on or after the committee's vote (its Paris day), and only with
 *   the impact assessment and the DPO's opinion, or the reasons none is required
 *   (instruction of 20 March 2024; lib/domain/dpia.ts `dpiaFilingGaps`).
 */

/** The decision and its file, when its authorisation may be recorded; else a translated refusal. */
export async function requireAuthorisable(tx: Tx, decisionId: string): Promise<{ proposalId: string; conditions: (typeof decisions.$inferSelect)['conditions'] }> {
  const [decision] = await tx.select({ proposalId: decisions.proposalId, conditions: decisions.conditions }).from(decisions).where(eq(decisions.id, decisionId));
  if (!decision) throw new AppError('not_found');
  const [latest] = await tx
    .select({ kind: registerEntries.kind, outcome: registerEntries.outcome })
    .from(registerEntries)
    .where(eq(registerEntries.decisionId, decisionId))
    .orderBy(desc(registerEntries.sequence))
    .limit(1);
  if (!latest || latest.kind === 'revocation' || !isFavourable(latest.outcome)) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_favourable_published' });
  return decision;
}

/** The Paris day of the committee's vote on the decision, as the register states it (lib/workflow/register.ts publicContentOf). */
export async function committeeDecisionDay(tx: Tx, decisionId: string): Promise<string> {
  const [row] = await tx
    .select({ voteClosedAt: agendaItems.voteClosedAt, createdAt: decisions.createdAt })
    .from(decisions)
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
    .where(eq(decisions.id, decisionId));
  if (!row) throw new AppError('not_found');
  return parisDate(row.voteClosedAt ?? row.createdAt);
}

/** The impact assessment of the file as its latest concluded diagnostic (the one the committee examined) records it; null without one. */
export async function concludedDpia(tx: Tx, proposalId: string): Promise<DpiaRecord | null> {
  const [d] = await tx
    .select({ dpiaStatus: diagnostics.dpiaStatus, dpiaDocumentId: diagnostics.dpiaDocumentId, dpoOpinionOn: diagnostics.dpoOpinionOn, dpoOpinion: diagnostics.dpoOpinion, dpiaNotRequiredReason: diagnostics.dpiaNotRequiredReason })
    .from(diagnostics)
    .where(and(eq(diagnostics.proposalId, proposalId), eq(diagnostics.state, 'concluded')))
    .orderBy(desc(diagnostics.version))
    .limit(1);
  return d ? { ...d, hasDocument: d.dpiaDocumentId !== null } : null;
}

/**
 * THE gate on filing: the request filed at the prefecture includes the impact assessment
 * and the data-protection officer's opinion (instruction of 20 March 2024, GDPR art. 35),
 * so the file is marked filed only when its diagnostic has them, or says why none is
 * required. Refused with what is missing first.
 */
async function requireDpiaForFiling(tx: Tx, proposalId: string): Promise<void> {
  const [gap] = dpiaFilingGaps(await concludedDpia(tx, proposalId));
  if (gap) throw new AppError('conflict:state', { _form: `followUp.refusals.dpia_${gap}` });
}

/** The record FOR UPDATE (two officers are serialised), checked against the form's revision (0: none yet). */
async function lockedRecord(tx: Tx, decisionId: string, revision: number): Promise<Authorisation | null> {
  const [row] = await tx.select().from(authorisations).where(eq(authorisations.decisionId, decisionId)).for('update');
  if ((row?.revision ?? 0) !== revision) throw new AppError('conflict:stale_version');
  return row ?? null;
}

/** Where each fact of `authorisationIssues` is typed in the forms. */
const FIELD_OF: Record<string, string> = {
  filedAt: 'filedOn',
  prefectureReference: 'prefectureReference',
  cdvpOpinionAt: 'cdvpOpinionOn',
  cdvpOpinion: 'cdvpOpinion',
  'decision.grantedAt': 'decidedOn',
  'decision.refusedAt': 'decidedOn',
  'decision.orderReference': 'orderReference',
  'decision.reason': 'refusalReason',
};

/** Refuses facts that cannot stand together on today's date, each on the field the form shows. */
export function checkFacts(facts: AuthorisationFacts, today: string = parisDate(new Date())): void {
  const issues = authorisationIssues(facts, today);
  if (!issues.length) return;
  const errors: FieldErrors = {};
  for (const issue of issues) errors[FIELD_OF[issue.path.join('.')] ?? '_form'] ??= `followUp.issues.${issue.reason}`;
  throw new AppError('invalid', errors);
}

/** Writes the record (creating it on the first step), its next revision, and has the public pages recomputed (on every instance). */
async function save(tx: Tx, decisionId: string, row: Authorisation | null, values: Partial<typeof authorisations.$inferInsert>): Promise<number> {
  await announcePublicChange(tx, 'authorisation');
  if (!row) {
    await tx.insert(authorisations).values({ decisionId, ...values });
    return 1;
  }
  await tx
    .update(authorisations)
    .set({ ...values, revision: row.revision + 1, updatedAt: new Date() })
    .where(eq(authorisations.id, row.id));
  return row.revision + 1;
}

export const recordAuthorisationFiling = defineCommand({
  name: 'recordAuthorisationFiling',
  permission: 'authorisations.manage',
  schema: recordFilingSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId);
    const row = await lockedRecord(tx, input.decisionId, input.revision);
    if (row && (row.cdvpOpinionOn !== null || row.prefectDecision !== null)) throw new AppError('conflict:state', { _form: 'followUp.refusals.later_step_recorded' });
    checkFacts({ ...authorisationFacts(row), filedAt: input.filedOn, prefectureReference: input.prefectureReference });
    // The committee's opinion comes before the request it goes with.
    if (input.filedOn < (await committeeDecisionDay(tx, input.decisionId))) throw new AppError('invalid', { filedOn: 'followUp.issues.filed_before_decision' });
    await requireDpiaForFiling(tx, proposalId);
    const revision = await save(tx, input.decisionId, row, { filedOn: input.filedOn, prefectureReference: input.prefectureReference });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.filed',
      entityId: proposalId,
      details: { decisionId: input.decisionId, filedOn: input.filedOn, prefectureReference: input.prefectureReference, correction: row?.filedOn != null },
    });
    return { revision, proposalId };
  },
});

export const recordCdvpOpinion = defineCommand({
  name: 'recordCdvpOpinion',
  permission: 'authorisations.manage',
  schema: recordCdvpOpinionSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId);
    const row = await lockedRecord(tx, input.decisionId, input.revision);
    if (!row?.filedOn) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_filed' });
    if (row.prefectDecision !== null) throw new AppError('conflict:state', { _form: 'followUp.refusals.later_step_recorded' });
    checkFacts({ ...authorisationFacts(row), cdvpOpinionAt: input.cdvpOpinionOn, cdvpOpinion: input.cdvpOpinion });
    const revision = await save(tx, input.decisionId, row, { cdvpOpinionOn: input.cdvpOpinionOn, cdvpOpinion: input.cdvpOpinion });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.cdvp_opinion',
      entityId: proposalId,
      details: { decisionId: input.decisionId, cdvpOpinionOn: input.cdvpOpinionOn, cdvpOpinion: input.cdvpOpinion, correction: row.cdvpOpinionOn !== null },
    });
    return { revision, proposalId };
  },
});

export const recordPrefectDecision = defineCommand({
  name: 'recordPrefectDecision',
  permission: 'authorisations.manage',
  schema: recordPrefectDecisionSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId);
    const row = await lockedRecord(tx, input.decisionId, input.revision);
    if (!row?.filedOn) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_filed' });
    // A grant has an order and no reason, a refusal the reverse: a text in the other field is a mistake to point out, not to drop.
    if (input.decision === 'granted' && input.refusalReason) throw new AppError('invalid', { refusalReason: 'followUp.issues.reason_only_for_refusal' });
    if (input.decision === 'refused' && input.orderReference) throw new AppError('invalid', { orderReference: 'followUp.issues.order_only_for_grant' });
    checkFacts({
      ...authorisationFacts(row),
      decision:
        input.decision === 'granted'
          ? { kind: 'granted', grantedAt: input.decidedOn, orderReference: input.orderReference ?? '' }
          : { kind: 'refused', refusedAt: input.decidedOn, reason: input.refusalReason ?? '' },
    });
    const revision = await save(tx, input.decisionId, row, {
      prefectDecision: input.decision,
      prefectDecidedOn: input.decidedOn,
      orderReference: input.decision === 'granted' ? input.orderReference : null,
      refusalReason: input.decision === 'refused' ? input.refusalReason : null,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.prefect_decision',
      entityId: proposalId,
      // The refusal's reason stays in the record; the trail says what and when.
      details: { decisionId: input.decisionId, decision: input.decision, decidedOn: input.decidedOn, orderReference: input.decision === 'granted' ? input.orderReference : null, correction: row.prefectDecision !== null },
    });
    return { revision, proposalId };
  },
});
