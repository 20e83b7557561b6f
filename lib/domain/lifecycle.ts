import { defineLifecycle, ENGINE_ERRORS, type Guard } from './lifecycle-engine';
import { PROPOSAL_STATES, type DecisionOutcome, type ProposalState, type Role } from './vocabulary';

/**
 * The proposal lifecycle of DOMAIN.md as ONE table of transitions, on the shared engine
 * (lifecycle-engine.ts). The workflow commands (lib/workflow) load the record, build the
 * context below and ask `transition()` whether the move is legal; the UI asks
 * `allowedCommands()` which buttons to show.
 */

/**
 * What the guards need to know about the record, computed by the caller from the
 * database. Every field is read fail-closed: a missing value refuses, never allows.
 */
export interface GuardContext {
  /** The latest diagnostic is concluded and signed (DOMAIN rule 5; see diagnostic-rules.ts). */
  hasConcludedDiagnostic: boolean;
  /** The reason given by the actor (required to withdraw). */
  reason?: string | null;
  /** The actor is the proposal's author (required to submit, answer and withdraw). */
  isAuthor?: boolean;
  /** The outcome recorded when the vote closed (decides adjourn vs publish). */
  outcome?: DecisionOutcome | null;
}

export type TransitionContext = { roles: readonly Role[] } & GuardContext;

export const LIFECYCLE_ERRORS = {
  ...ENGINE_ERRORS,
  notAuthor: 'lifecycle.not_author',
  reasonRequired: 'lifecycle.reason_required',
  diagnosticIncomplete: 'lifecycle.diagnostic_incomplete',
  diagnosticNotConcluded: 'lifecycle.diagnostic_not_concluded',
  notAdjourned: 'lifecycle.not_adjourned',
  noFinalOutcome: 'lifecycle.no_final_outcome',
} as const;

const authorOnly: Guard<GuardContext> = (ctx) => (ctx.isAuthor === true ? null : LIFECYCLE_ERRORS.notAuthor);
const adjournedOnly: Guard<GuardContext> = (ctx) => (ctx.outcome === 'adjourned' ? null : LIFECYCLE_ERRORS.notAdjourned);

export const proposalLifecycle = defineLifecycle<ProposalState, GuardContext>()(PROPOSAL_STATES, [
  { command: 'submit', from: ['draft'], to: 'submitted', roles: ['technician'], guard: authorOnly },
  { command: 'startDiagnostic', from: ['submitted'], to: 'in_diagnostic', roles: ['diagnostician'] },
  {
    command: 'concludeDiagnostic',
    from: ['in_diagnostic'],
    to: 'diagnosed',
    roles: ['diagnostician'],
    // The workflow checks and signs the diagnostic in the same transaction, then says so here.
    guard: (ctx) => (ctx.hasConcludedDiagnostic ? null : LIFECYCLE_ERRORS.diagnosticIncomplete),
  },
  {
    // A concluded diagnostic is read-only: revising it before the committee takes the
    // file means a new version, and the file goes back to diagnostic meanwhile.
    command: 'reviseDiagnostic',
    from: ['diagnosed'],
    to: 'in_diagnostic',
    roles: ['diagnostician'],
  },
  {
    command: 'withdraw',
    // "Any state before voting": once the vote opens, the committee's work must end in a decision.
    from: ['draft', 'submitted', 'in_diagnostic', 'diagnosed', 'under_review', 'info_requested'],
    to: 'withdrawn',
    roles: ['technician'],
    guard: authorOnly,
    input: (ctx) => (ctx.reason?.trim() ? null : LIFECYCLE_ERRORS.reasonRequired),
  },
  {
    command: 'schedule',
    from: ['diagnosed'],
    to: 'under_review',
    roles: ['chair'],
    // THE central rule: no review without a complete, signed diagnostic.
    guard: (ctx) => (ctx.hasConcludedDiagnostic ? null : LIFECYCLE_ERRORS.diagnosticNotConcluded),
  },
  { command: 'requestInfo', from: ['under_review'], to: 'info_requested', roles: ['chair'] },
  { command: 'answerInfo', from: ['info_requested'], to: 'under_review', roles: ['technician'], guard: authorOnly },
  { command: 'openVote', from: ['under_review'], to: 'voting', roles: ['chair'] },
  { command: 'closeVote', from: ['voting'], to: 'decided', roles: ['chair'] },
  { command: 'adjournToDiagnostic', from: ['decided'], to: 'in_diagnostic', roles: ['chair'], guard: adjournedOnly },
  { command: 'adjournToReview', from: ['decided'], to: 'under_review', roles: ['chair'], guard: adjournedOnly },
  {
    command: 'publish',
    from: ['decided'],
    to: 'published',
    roles: ['chair'],
    // An adjourned decision is never published as final; it goes back instead.
    guard: (ctx) => (ctx.outcome && ctx.outcome !== 'adjourned' ? null : LIFECYCLE_ERRORS.noFinalOutcome),
  },
]);

export type ProposalCommand = (typeof proposalLifecycle.commands)[number];
export const TRANSITIONS = proposalLifecycle.transitions;
export const PROPOSAL_COMMANDS = proposalLifecycle.commands;
export const { transition, allowedCommands, isTerminal, isCommand: isProposalCommand } = proposalLifecycle;
