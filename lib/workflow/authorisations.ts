import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { agendaItems, authorisations, cameras, decisions, diagnostics, registerEntries, type Authorisation } from '@/db/schema';
import { dpiaFilingGaps, type DpiaRecord } from '@/lib/domain/dpia';
import { authorisationIssues, type AuthorisationFacts } from '@/lib/domain/authorisation';
import { authorisationFacts, commissioningRefusal, isFavourable, trackedSteps, type LandlordDecisionRecord } from '@/lib/domain/follow-up';
import { isCameraRegime } from '@/lib/domain/regimes';
import type { CameraRegime } from '@/lib/domain/vocabulary';
import { parisDate } from '@/lib/domain/paris-time';
import { AppError, type FieldErrors } from '@/lib/errors';
import { announcePublicChange } from '@/lib/public-changes';
import { recordAcknowledgementSchema, recordCdvpOpinionSchema, recordCommissioningNoticeSchema, recordFilingSchema, recordPrefectDecisionSchema } from '@/lib/validation/authorisations';
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

/** The legal regimes of a decision's cameras (its file's), in the vocabulary's order; a camera without one is left out. */
export async function regimesOfDecision(tx: Tx, decisionId: string): Promise<CameraRegime[]> {
  const rows = await tx.selectDistinct({ regime: cameras.regime }).from(cameras).innerJoin(decisions, eq(decisions.proposalId, cameras.proposalId)).where(eq(decisions.id, decisionId));
  return rows.map((r) => r.regime).filter(isCameraRegime);
}

/**
 * The decision and its file, when what follows it may be recorded; else a translated
 * refusal. `track` says what is recorded: the prefect's authorisation (only for a decision
 * with a camera on the public road or in a place open to the public, CSI L252-1), or the
 * landlord's board decision (only with a camera in a landlord's common area).
 */
export async function requireAuthorisable(
  tx: Tx,
  decisionId: string,
  track: 'prefect' | 'landlord' = 'prefect',
): Promise<{ proposalId: string; conditions: (typeof decisions.$inferSelect)['conditions']; regimes: CameraRegime[] }> {
  const [decision] = await tx.select({ proposalId: decisions.proposalId, conditions: decisions.conditions }).from(decisions).where(eq(decisions.id, decisionId));
  if (!decision) throw new AppError('not_found');
  const [latest] = await tx
    .select({ kind: registerEntries.kind, outcome: registerEntries.outcome })
    .from(registerEntries)
    .where(eq(registerEntries.decisionId, decisionId))
    .orderBy(desc(registerEntries.sequence))
    .limit(1);
  if (!latest || latest.kind === 'revocation' || !isFavourable(latest.outcome)) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_favourable_published' });
  const regimes = await regimesOfDecision(tx, decisionId);
  const tracked = trackedSteps(regimes);
  if (track === 'prefect' && !tracked.prefect) throw new AppError('conflict:state', { _form: 'followUp.refusals.no_prefectoral_camera' });
  if (track === 'landlord' && !tracked.landlord) throw new AppError('conflict:state', { _form: 'followUp.refusals.no_common_area_camera' });
  return { ...decision, regimes };
}

/**
 * Refuses a record that would leave a camera of the file put in service on a day it was not
 * authorised (a grant moved later, turned into a refusal, a landlord's decision moved
 * later): each camera of the regimes `track` covers is checked again with the new records.
 */
export async function keepCommissioningsAuthorised(
  tx: Tx,
  proposalId: string,
  track: 'prefect' | 'landlord',
  records: { authorisation: AuthorisationFacts | null; landlordDecision: Pick<LandlordDecisionRecord, 'boardDecidedOn'> | null },
  field: string,
): Promise<void> {
  const commissioned = await tx
    .select({ position: cameras.position, regime: cameras.regime, commissionedOn: cameras.commissionedOn })
    .from(cameras)
    .where(eq(cameras.proposalId, proposalId))
    .orderBy(cameras.position);
  const today = parisDate(new Date());
  for (const camera of commissioned) {
    if (camera.commissionedOn === null || !isCameraRegime(camera.regime)) continue;
    if ((camera.regime === 'private_common_area') !== (track === 'landlord')) continue;
    if (commissioningRefusal(camera.regime, records, camera.commissionedOn, today)) {
      throw new AppError('invalid', { [field]: { key: 'followUp.issues.camera_commissioned_before', params: { n: camera.position + 1, date: camera.commissionedOn } } });
    }
  }
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
  acknowledgedAt: 'acknowledgedOn',
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
    if (input.decision === 'refused' && input.orderRetentionDays !== null) throw new AppError('invalid', { orderRetentionDays: 'followUp.issues.retention_only_for_grant' });
    const facts: AuthorisationFacts = {
      ...authorisationFacts(row),
      decision:
        input.decision === 'granted'
          ? { kind: 'granted', grantedAt: input.decidedOn, orderReference: input.orderReference ?? '' }
          : { kind: 'refused', refusedAt: input.decidedOn, reason: input.refusalReason ?? '' },
    };
    checkFacts(facts);
    // A correction may not leave a camera put in service, or the prefect told of it, before the grant.
    if (row.commissioningNoticeOn !== null && (input.decision === 'refused' || row.commissioningNoticeOn < input.decidedOn)) {
      throw new AppError('invalid', { decidedOn: { key: 'followUp.issues.notice_recorded_before', params: { date: row.commissioningNoticeOn } } });
    }
    await keepCommissioningsAuthorised(tx, proposalId, 'prefect', { authorisation: facts, landlordDecision: null }, 'decidedOn');
    const revision = await save(tx, input.decisionId, row, {
      prefectDecision: input.decision,
      prefectDecidedOn: input.decidedOn,
      orderReference: input.decision === 'granted' ? input.orderReference : null,
      orderRetentionDays: input.decision === 'granted' ? input.orderRetentionDays : null,
      refusalReason: input.decision === 'refused' ? input.refusalReason : null,
    });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.prefect_decision',
      entityId: proposalId,
      // The refusal's reason stays in the record; the trail says what and when.
      details: {
        decisionId: input.decisionId,
        decision: input.decision,
        decidedOn: input.decidedOn,
        orderReference: input.decision === 'granted' ? input.orderReference : null,
        orderRetentionDays: input.decision === 'granted' ? input.orderRetentionDays : null,
        correction: row.prefectDecision !== null,
      },
    });
    return { revision, proposalId };
  },
});

/**
 * The prefecture's acknowledgement of receipt (CRPA L112-3): the day it states is the day
 * the prefect's four months of silence start (CSI R252-15); until it is recorded they are
 * counted from the filing, and the pages say so. Recorded once filed, and corrected at
 * will, while the prefect has not decided (the prefect decides on a request received).
 */
export const recordAcknowledgement = defineCommand({
  name: 'recordAcknowledgement',
  permission: 'authorisations.manage',
  schema: recordAcknowledgementSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId);
    const row = await lockedRecord(tx, input.decisionId, input.revision);
    if (!row?.filedOn) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_filed' });
    if (row.prefectDecision !== null) throw new AppError('conflict:state', { _form: 'followUp.refusals.later_step_recorded' });
    checkFacts({ ...authorisationFacts(row), acknowledgedAt: input.acknowledgedOn });
    const revision = await save(tx, input.decisionId, row, { acknowledgedOn: input.acknowledgedOn });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.acknowledged',
      entityId: proposalId,
      details: { decisionId: input.decisionId, acknowledgedOn: input.acknowledgedOn, correction: row.acknowledgedOn !== null },
    });
    return { revision, proposalId };
  },
});

/**
 * The prior notice to the prefect that the cameras are put in service, as the order asks:
 * once the authorisation is granted, dated on or after the order and never in the future;
 * corrected at will (the audit trail keeps each record).
 */
export const recordCommissioningNotice = defineCommand({
  name: 'recordCommissioningNotice',
  permission: 'authorisations.manage',
  schema: recordCommissioningNoticeSchema,
  async run(tx, actor, input) {
    const { proposalId } = await requireAuthorisable(tx, input.decisionId);
    const row = await lockedRecord(tx, input.decisionId, input.revision);
    if (row?.prefectDecision !== 'granted' || row.prefectDecidedOn === null) throw new AppError('conflict:state', { _form: 'followUp.refusals.not_granted' });
    if (input.commissioningNoticeOn > parisDate(new Date())) throw new AppError('invalid', { commissioningNoticeOn: 'followUp.issues.in_the_future' });
    if (input.commissioningNoticeOn < row.prefectDecidedOn) {
      throw new AppError('invalid', { commissioningNoticeOn: { key: 'followUp.issues.notice_before_grant', params: { date: row.prefectDecidedOn } } });
    }
    const revision = await save(tx, input.decisionId, row, { commissioningNoticeOn: input.commissioningNoticeOn });
    await recordEvent(tx, {
      actorId: actor.id,
      action: 'authorisation.commissioning_notice',
      entityId: proposalId,
      details: { decisionId: input.decisionId, noticeOn: input.commissioningNoticeOn, correction: row.commissioningNoticeOn !== null },
    });
    return { revision, proposalId };
  },
});
