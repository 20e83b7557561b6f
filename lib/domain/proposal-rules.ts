import { LIFECYCLE_ERRORS } from './lifecycle';
import type { DiagnosticConclusion, DiagnosticState, ProposalState } from './vocabulary';

/**
 * The per-record rules of a proposal file, each written once: the commands
 * (lib/workflow) refuse with them and the pages (app/espace) decide what to offer with
 * them, so the two cannot disagree.
 */

export interface DiagnosticSignature {
  state: DiagnosticState;
  conclusion: DiagnosticConclusion | null;
  signedBy: string | null;
  signedAt: Date | null;
}

/**
 * The gate (DOMAIN.md rule 5): the latest diagnostic is concluded and signed. Its SQL
 * twin is the trigger `vigie_proposal_review_gate` (db/migrations/0002_review_gate.sql),
 * which checks the same four facts on the latest version; tests/proposals.test.ts holds
 * them to agreement.
 */
export function isConcludedAndSigned(latest: DiagnosticSignature | null | undefined): boolean {
  return Boolean(
    latest && latest.state === 'concluded' && latest.conclusion !== null && latest.signedBy !== null && latest.signedAt !== null,
  );
}

/** Why this person may not edit the proposal's content now (a catalog key), or null: only its author, only as a draft. */
export function draftEditRefusal(proposal: { state: ProposalState; authorId: string }, actorId: string): string | null {
  if (proposal.authorId !== actorId) return LIFECYCLE_ERRORS.notAuthor;
  if (proposal.state !== 'draft') return LIFECYCLE_ERRORS.notAllowedFromState;
  return null;
}

export const DIAGNOSTIC_READ_ONLY = 'lifecycle.diagnostic_read_only';

/** Why a diagnostic version may not be written now, or null: a draft version of a file in diagnostic. */
export function diagnosticEditRefusal(proposalState: ProposalState, diagnostic: { state: DiagnosticState }): string | null {
  return diagnostic.state === 'draft' && proposalState === 'in_diagnostic' ? null : DIAGNOSTIC_READ_ONLY;
}
