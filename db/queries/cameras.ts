import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { authorisations, cameras, decisions, landlordDecisions, proposals, registerEntries } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canViewProposal } from '@/lib/auth/visibility';
import { authorisationAt, type AuthorisationState } from '@/lib/domain/authorisation';
import { proposalReference } from '@/lib/domain/references';
import type { CameraRegime, ProposalKind, ProposalState, RegisterEntryKind } from '@/lib/domain/vocabulary';
import { isAuthorisedOn } from '@/lib/domain/camera-status';
import { authorisationFacts, decisionStandingOn } from '@/lib/domain/follow-up';
import { parisDate } from '@/lib/domain/paris-time';

/**
 * What the file page shows after the vote: the published favourable decision and the
 * prefect's authorisation as it stands today, each camera's service dates, and the files
 * linked to this one (the earlier file a change or re-review starts from, the later ones).
 */

export interface ServiceCamera {
  id: string;
  position: number;
  type: string | null;
  placement: string | null;
  regime: CameraRegime | null;
  /** Authorised today under its regime (lib/domain/camera-status.ts `isAuthorisedOn`); false without a published favourable decision. */
  authorised: boolean;
  commissionedOn: string | null;
  decommissionedOn: string | null;
  decommissionReason: string | null;
}

export interface CamerasInService {
  /** The published favourable decision, or null (nothing to put in service). */
  decision: { id: string; reference: string; latestReference: string; latestKind: RegisterEntryKind } | null;
  authorisation: AuthorisationState | null;
  /** The landlord's board decision for common-area cameras, when recorded. */
  landlordDecision: { boardDecidedOn: string } | null;
  cameras: ServiceCamera[];
}

export async function camerasInService(db: Database, proposalId: string, now = new Date()): Promise<CamerasInService> {
  const rows = await db
    .select({
      id: cameras.id,
      position: cameras.position,
      type: cameras.type,
      placement: cameras.placement,
      regime: cameras.regime,
      commissionedOn: cameras.commissionedOn,
      decommissionedOn: cameras.decommissionedOn,
      decommissionReason: cameras.decommissionReason,
    })
    .from(cameras)
    .where(eq(cameras.proposalId, proposalId))
    .orderBy(asc(cameras.position));
  const entries = await db
    .select({ decisionId: registerEntries.decisionId, reference: registerEntries.reference, kind: registerEntries.kind, outcome: registerEntries.outcome })
    .from(registerEntries)
    .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
    .where(eq(decisions.proposalId, proposalId))
    .orderBy(asc(registerEntries.sequence));
  const first = entries.find((e) => e.kind === 'decision');
  if (!first || first.outcome === 'unfavourable') return { decision: null, authorisation: null, landlordDecision: null, cameras: rows.map((c) => ({ ...c, authorised: false })) };
  const latest = entries.filter((e) => e.decisionId === first.decisionId).at(-1)!;
  const [row] = await db.select().from(authorisations).where(eq(authorisations.decisionId, first.decisionId));
  const [landlord] = await db.select({ boardDecidedOn: landlordDecisions.boardDecidedOn }).from(landlordDecisions).where(eq(landlordDecisions.decisionId, first.decisionId));
  const today = parisDate(now);
  const standing = decisionStandingOn({ holds: latest.kind !== 'revocation', authorisation: row ? authorisationFacts(row) : null, landlordDecision: landlord ?? null }, today);
  return {
    decision: { id: first.decisionId, reference: first.reference, latestReference: latest.reference, latestKind: latest.kind },
    authorisation: row ? authorisationAt(authorisationFacts(row), now) : null,
    landlordDecision: landlord ?? null,
    cameras: rows.map((c) => ({ ...c, authorised: c.regime !== null && isAuthorisedOn(c.regime, standing, today) })),
  };
}

export interface LinkedFile {
  id: string;
  reference: string;
  title: string;
  kind: ProposalKind;
  state: ProposalState;
}

export interface LinkedFiles {
  kind: ProposalKind;
  /** For a change or a re-review: the earlier file, and the register entry of the decision it follows. */
  previous: (LinkedFile & { decisionReference: string | null }) | null;
  /** The files opened from this one that this reader may open. */
  later: LinkedFile[];
}

export async function linkedFiles(db: Database, actor: Actor, proposalId: string): Promise<LinkedFiles> {
  const [self] = await db
    .select({ kind: proposals.kind, previousProposalId: proposals.previousProposalId, sourceDecisionId: proposals.sourceDecisionId })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
  if (!self) return { kind: 'initial', previous: null, later: [] };
  let previous: LinkedFiles['previous'] = null;
  if (self.previousProposalId) {
    const [earlier] = await db.select().from(proposals).where(eq(proposals.id, self.previousProposalId));
    const [entry] = self.sourceDecisionId
      ? await db
          .select({ reference: registerEntries.reference })
          .from(registerEntries)
          .where(and(eq(registerEntries.decisionId, self.sourceDecisionId), eq(registerEntries.kind, 'decision')))
      : [];
    // The earlier file is a published decision's: its reference is public; the link opens it for those who may.
    if (earlier)
      previous = { id: earlier.id, reference: proposalReference(earlier.number), title: earlier.title, kind: earlier.kind, state: earlier.state, decisionReference: entry?.reference ?? null };
  }
  const laterRows = await db.select().from(proposals).where(eq(proposals.previousProposalId, proposalId)).orderBy(desc(proposals.createdAt));
  const later = laterRows
    .filter((p) => canViewProposal(actor, p))
    .map((p) => ({ id: p.id, reference: proposalReference(p.number), title: p.title, kind: p.kind, state: p.state }));
  return { kind: self.kind, previous, later };
}
