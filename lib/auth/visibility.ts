import type { Actor } from './actor';

export interface ProposalVisibilityFacts {
  authorId: string;
  submittedAt: Date | null;
  diagnosedAt: Date | null;
}

/**
 * Who may open which file, before any publication:
 * - its author, always;
 * - the prevention officer and the admin, once it has been submitted;
 * - committee members and the chair, once it has been diagnosed (ready for the committee).
 * A draft is its author's alone. db/queries/proposals.ts applies the same rule in SQL.
 */
export function canViewProposal(actor: Actor, p: ProposalVisibilityFacts): boolean {
  if (p.authorId === actor.id) return true;
  if (p.submittedAt && actor.roles.some((r) => r === 'diagnostician' || r === 'admin')) return true;
  if (p.diagnosedAt && actor.roles.some((r) => r === 'member' || r === 'chair')) return true;
  return false;
}

/**
 * A diagnostic still being written is the prevention officers' working document: the
 * author of the proposal and the committee read concluded, signed versions only.
 */
export function canViewDiagnostic(actor: Actor, d: { state: 'draft' | 'concluded' }): boolean {
  return d.state === 'concluded' || actor.roles.includes('diagnostician');
}
