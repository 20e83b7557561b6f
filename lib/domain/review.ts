import type { ProposalState, Role } from './vocabulary';

/**
 * The committee's review of a file: its internal deliberation and its questions to the
 * technician. Pure; lib/workflow/review.ts and db/queries/review.ts apply these rules.
 */

/** The committee deliberates on a file from the moment it is ready for it until the vote closes. */
export const DELIBERATION_STATES = ['diagnosed', 'under_review', 'info_requested', 'voting'] as const satisfies readonly ProposalState[];

export function isDeliberationOpen(state: ProposalState): boolean {
  return (DELIBERATION_STATES as readonly ProposalState[]).includes(state);
}

/**
 * The deliberation is the committee's alone: members and the chair read it; the author,
 * the prevention officer and the admin do not, unless they also hold a member role
 * (and even then not when recused: see recusalOf in committee.ts).
 */
export function isCommitteeMember(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'member' || r === 'chair');
}
