import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { authorisations, cameras, decisions, landlordDecisions, registerEntries, type RegisterEntryRow } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { authorisationFacts, commissioningRefusal, decommissioningRefusal, type CommissioningRefusal } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { isCameraRegime } from '@/lib/domain/regimes';
import { AppError, type FieldErrors } from '@/lib/errors';
import { commissionCamerasSchema, decommissionCameraSchema, proposeChangeSchema } from '@/lib/validation/cameras';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { openLinkedProposal } from './linked-proposals';
import { lockProposal } from './proposal-transition';
import { appendEntry, type EntryContent } from './register';

/**
 * Cameras in service (issue 10, item 2). After a favourable decision is published and
 * each camera is authorised under its regime (the prefect's authorisation granted and not
 * expired for the public road and places open to the public; the landlord's board decision
 * for a landlord's common area), the city records the day each camera was put in service;
 * a camera taken out of service is published in the register as a new entry (kind
 * `decommissioning`) naming the decision's latest entry, stating the day the camera was
 * taken down, with the camera count reduced to the cameras still in service. An authorised
 * system is never edited in place: a change is a new proposal, linked to the earlier file
 * (`proposeChange`).
 */

const R = 'cameraService.refusals.';
const FAVOURABLE = new Set(['favourable', 'favourable_with_conditions']);

export interface PublishedDecision {
  decisionId: string;
  /** The decision's latest register entry: the publication, or its last correction, decommissioning or revocation. */
  latest: RegisterEntryRow;
}

/** The file's published favourable decision and its latest entry, or null (not published, unfavourable). */
export async function publishedFavourableDecision(tx: Tx, proposalId: string): Promise<PublishedDecision | null> {
  const [published] = await tx
    .select({ decisionId: registerEntries.decisionId, outcome: decisions.outcome })
    .from(registerEntries)
    .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
    .where(and(eq(decisions.proposalId, proposalId), eq(registerEntries.kind, 'decision')))
    .limit(1);
  if (!published || !FAVOURABLE.has(published.outcome)) return null;
  const [latest] = await tx.select().from(registerEntries).where(eq(registerEntries.decisionId, published.decisionId)).orderBy(desc(registerEntries.sequence)).limit(1);
  return { decisionId: published.decisionId, latest: latest! };
}

/** The published, favourable, not revoked decision of a file locked for this actor, or the refusal. */
async function authorisedDecision(tx: Tx, proposalId: string): Promise<PublishedDecision> {
  const found = await publishedFavourableDecision(tx, proposalId);
  if (!found) throw new AppError('conflict:state', { _form: `${R}not_published` });
  if (found.latest.kind === 'revocation') throw new AppError('conflict:state', { _form: { key: `${R}revoked`, params: { reference: found.latest.reference } } });
  return found;
}

/** A refusal of lib/domain/follow-up.ts `commissioningRefusal` as the form shows it: a catalog key with its parameters. */
function refusalMessage(refusal: CommissioningRefusal): FieldErrors[string] {
  return 'date' in refusal ? { key: `${R}${refusal.reason}`, params: { date: refusal.date } } : `${R}${refusal.reason}`;
}

/**
 * The prevention officer (or the secretariat) records the day each camera was put in
 * service, one or several at once. Rows without a day are skipped; a camera already in
 * service keeps its day (a fact recorded once; the audit trail says who recorded it).
 */
export const commissionCameras = defineCommand({
  name: 'commissionCameras',
  permission: 'cameras.service',
  schema: commissionCamerasSchema,
  async run(tx, actor, { proposalId, cameras: rows }) {
    await lockProposal(tx, actor, proposalId);
    const { decisionId } = await authorisedDecision(tx, proposalId);
    const chosen = rows.map((row, index) => ({ ...row, index })).filter((row) => row.commissionedOn !== '');
    if (!chosen.length) throw new AppError('invalid', { _form: `${R}no_day` });
    const ids = chosen.map((row) => row.cameraId);
    if (new Set(ids).size !== ids.length) throw new AppError('invalid', { _form: `${R}duplicate_camera` });

    const [authorisationRow] = await tx.select().from(authorisations).where(eq(authorisations.decisionId, decisionId));
    const [landlordRow] = await tx.select({ boardDecidedOn: landlordDecisions.boardDecidedOn }).from(landlordDecisions).where(eq(landlordDecisions.decisionId, decisionId));
    const records = { authorisation: authorisationRow ? authorisationFacts(authorisationRow) : null, landlordDecision: landlordRow ?? null };
    const today = parisDate(new Date());
    const found = await tx.select().from(cameras).where(and(eq(cameras.proposalId, proposalId), inArray(cameras.id, ids)));
    const byId = new Map(found.map((c) => [c.id, c]));

    const errors: FieldErrors = {};
    // Nothing recorded that could authorise a camera yet: the file's state, not the form, is at fault.
    let stateOnly = true;
    for (const row of chosen) {
      const path = `cameras.${row.index}.commissionedOn`;
      const camera = byId.get(row.cameraId);
      if (!camera) {
        errors[`cameras.${row.index}.cameraId`] = `${R}not_of_this_file`;
        stateOnly = false;
      } else if (camera.commissionedOn) {
        errors[path] = { key: `${R}already_commissioned`, params: { n: camera.position + 1 } };
        stateOnly = false;
      } else {
        // A camera of a file submitted before regimes existed was migrated to one; none left without.
        const regime = isCameraRegime(camera.regime) ? camera.regime : 'open_to_public';
        const refused = commissioningRefusal(regime, records, row.commissionedOn, today);
        if (refused) errors[path] = refusalMessage(refused);
        if (refused?.reason !== 'not_authorised' && refused?.reason !== 'not_decided_by_landlord') stateOnly = false;
      }
    }
    if (Object.keys(errors).length) throw new AppError(stateOnly ? 'conflict:state' : 'invalid', errors);

    const done: { position: number; commissionedOn: string }[] = [];
    for (const row of chosen) {
      await tx.update(cameras).set({ commissionedOn: row.commissionedOn }).where(eq(cameras.id, row.cameraId));
      done.push({ position: byId.get(row.cameraId)!.position, commissionedOn: row.commissionedOn });
    }
    done.sort((a, b) => a.position - b.position);
    await recordEvent(tx, { actorId: actor.id, action: 'camera.commissioned', entityId: proposalId, details: { cameras: done } });
    return { commissioned: done.length };
  },
});

/** An entry's public content (what a correction, a decommissioning or a revocation carries over). */
export function contentOf(entry: RegisterEntryRow['entry']): EntryContent {
  const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, decommissionedOn: _d, previousHash: _ph, hash: _h, ...content } = entry;
  return content;
}

/**
 * A camera in service is taken out of service, with the day it was really taken down (not
 * in the future, not before it was put in service) and a public reason. The register gets
 * a new entry (kind `decommissioning`) that names the decision's latest entry and states
 * that day (`decommissionedOn`, whatever the day it is published), with its content and
 * the camera counts reduced to the cameras still in service (authorised and not taken
 * out); its note is the reason. After a revocation the
 * decision no longer holds and the register line is closed: the camera is recorded out
 * of service without a new entry.
 */
export const decommissionCamera = defineCommand({
  name: 'decommissionCamera',
  permission: 'cameras.service',
  schema: decommissionCameraSchema,
  async run(tx, actor, { cameraId, decommissionedOn, reason }) {
    const [located] = await tx.select({ proposalId: cameras.proposalId }).from(cameras).where(eq(cameras.id, cameraId));
    if (!located) throw new AppError('not_found');
    const proposal = await lockProposal(tx, actor, located.proposalId);
    const found = await publishedFavourableDecision(tx, proposal.id);
    if (!found) throw new AppError('conflict:state', { _form: `${R}not_published` });
    const [camera] = (await tx.select().from(cameras).where(eq(cameras.id, cameraId))) as [typeof cameras.$inferSelect];
    if (!camera.commissionedOn || camera.decommissionedOn) throw new AppError('conflict:state', { _form: { key: `${R}not_in_service`, params: { n: camera.position + 1 } } });
    const refused = decommissioningRefusal(decommissionedOn, camera.commissionedOn, parisDate(new Date()));
    if (refused === 'in_the_future') throw new AppError('invalid', { decommissionedOn: `${R}in_the_future` });
    if (refused === 'before_commissioning') throw new AppError('invalid', { decommissionedOn: { key: `${R}before_commissioning`, params: { date: camera.commissionedOn } } });

    await tx.update(cameras).set({ decommissionedOn, decommissionReason: reason }).where(eq(cameras.id, cameraId));
    let reference: string | null = null;
    if (found.latest.kind !== 'revocation') {
      const remaining = await tx
        .select({ maskingPlanned: cameras.maskingPlanned })
        .from(cameras)
        .where(and(eq(cameras.proposalId, proposal.id), isNull(cameras.decommissionedOn)))
        .orderBy(asc(cameras.position));
      const masked = remaining.filter((c) => c.maskingPlanned).length;
      const content: EntryContent = { ...contentOf(found.latest.entry), decommissionedOn, cameraCount: remaining.length, maskedCameraCount: masked, privacyMasking: masked > 0 };
      const entry = await appendEntry(tx, { kind: 'decommissioning', decisionId: found.decisionId, corrects: found.latest, note: reason, content });
      reference = entry.reference;
      await recordEvent(tx, { actorId: actor.id, action: 'decision.entered_in_register', entityId: proposal.id, details: { reference, kind: 'decommissioning', corrects: found.latest.reference } });
    }
    await recordEvent(tx, { actorId: actor.id, action: 'camera.decommissioned', entityId: proposal.id, details: { position: camera.position, decommissionedOn, reference } });
    return { reference };
  },
});

/**
 * A technician proposes a change to an authorised system (a camera added or moved, a
 * purpose changed): a new draft, theirs, pre-filled from the file of the published
 * favourable decision and linked to it. The authorised file itself is never edited.
 */
export const proposeChange = defineCommand({
  name: 'proposeChange',
  permission: 'proposals.draft',
  schema: proposeChangeSchema,
  async run(tx, actor: Actor, { decisionId }) {
    const [decision] = await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, decisionId));
    if (!decision) throw new AppError('not_found');
    // The reader's visibility rule: a technician proposes a change to a file they can open.
    const earlier = await lockProposal(tx, actor, decision.proposalId);
    const found = await publishedFavourableDecision(tx, earlier.id);
    if (!found || found.decisionId !== decisionId) throw new AppError('conflict:state', { _form: `${R}not_published` });
    if (found.latest.kind === 'revocation') throw new AppError('conflict:state', { _form: { key: `${R}revoked`, params: { reference: found.latest.reference } } });
    return openLinkedProposal(tx, { sourceDecisionId: decisionId, kind: 'change', authorId: actor.id, openedBy: actor.id });
  },
});
