import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { authorisations, cameras, decisions, registerEntries, type RegisterEntryRow } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { deriveAuthorisation, type AuthorisationFacts } from '@/lib/domain/authorisation';
import { authorisationFacts } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';
import { AppError, type FieldErrors } from '@/lib/errors';
import { commissionCamerasSchema, decommissionCameraSchema, proposeChangeSchema } from '@/lib/validation/cameras';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { openLinkedProposal } from './linked-proposals';
import { lockProposal } from './proposal-transition';
import { appendEntry, type EntryContent } from './register';

/**
 * Cameras in service (issue 10, item 2). After a favourable decision is published and
 * the prefect has granted the authorisation, the city records the day each camera was
 * put in service; a camera taken out of service is published in the register as a new
 * entry (kind `decommissioning`) naming the decision's latest entry, with the camera
 * count reduced to the cameras still in service. An authorised system is never edited
 * in place: a change is a new proposal, linked to the earlier file (`proposeChange`).
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

/**
 * Why a camera may not be put in service on `day`, or null: only while the prefect's
 * authorisation holds on that day (granted on or before it, not expired), never in the
 * future. A catalog key with its parameters.
 */
function commissioningRefusal(authorisation: AuthorisationFacts | null, day: string, today: string): FieldErrors[string] | null {
  if (day > today) return `${R}in_the_future`;
  if (!authorisation) return `${R}not_authorised`;
  const onThatDay = deriveAuthorisation(authorisation, day);
  if (onThatDay.status === 'granted') return null;
  if (onThatDay.status === 'expired') return { key: `${R}expired`, params: { date: onThatDay.expiresAt! } };
  // Granted later than that day, or not granted at all (as of today).
  const now = deriveAuthorisation(authorisation, today);
  if (now.grantedAt) return { key: `${R}before_grant`, params: { date: now.grantedAt } };
  return `${R}not_authorised`;
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
    const facts = authorisationRow ? authorisationFacts(authorisationRow) : null;
    const today = parisDate(new Date());
    const found = await tx.select().from(cameras).where(and(eq(cameras.proposalId, proposalId), inArray(cameras.id, ids)));
    const byId = new Map(found.map((c) => [c.id, c]));

    const errors: FieldErrors = {};
    for (const row of chosen) {
      const path = `cameras.${row.index}.commissionedOn`;
      const camera = byId.get(row.cameraId);
      if (!camera) errors[`cameras.${row.index}.cameraId`] = `${R}not_of_this_file`;
      else if (camera.commissionedOn) errors[path] = { key: `${R}already_commissioned`, params: { n: camera.position + 1 } };
      else {
        const refused = commissioningRefusal(facts, row.commissionedOn, today);
        if (refused) errors[path] = refused;
      }
    }
    if (Object.keys(errors).length) throw new AppError(facts ? 'invalid' : 'conflict:state', errors);

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
  const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, previousHash: _ph, hash: _h, ...content } = entry;
  return content;
}

/**
 * A camera in service is taken out of service, with the day and a public reason. The
 * register gets a new entry (kind `decommissioning`) that names the decision's latest
 * entry, with its content and the camera counts reduced to the cameras still in service
 * (authorised and not taken out); its note is the reason. After a revocation the
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
    if (decommissionedOn > parisDate(new Date())) throw new AppError('invalid', { decommissionedOn: `${R}in_the_future` });
    if (decommissionedOn < camera.commissionedOn) throw new AppError('invalid', { decommissionedOn: { key: `${R}before_commissioning`, params: { date: camera.commissionedOn } } });

    await tx.update(cameras).set({ decommissionedOn, decommissionReason: reason }).where(eq(cameras.id, cameraId));
    let reference: string | null = null;
    if (found.latest.kind !== 'revocation') {
      const remaining = await tx
        .select({ maskingPlanned: cameras.maskingPlanned })
        .from(cameras)
        .where(and(eq(cameras.proposalId, proposal.id), isNull(cameras.decommissionedOn)))
        .orderBy(asc(cameras.position));
      const masked = remaining.filter((c) => c.maskingPlanned).length;
      const content: EntryContent = { ...contentOf(found.latest.entry), cameraCount: remaining.length, maskedCameraCount: masked, privacyMasking: masked > 0 };
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
