import type { Role } from '@/db/schema';

/**
 * The proposal lifecycle of DOMAIN.md as ONE table of transitions. Pure: the workflow
 * commands (lib/workflow) load the record, build the context below and ask
 * `transition()` whether the move is legal; the UI asks `allowedCommands()` which
 * buttons to show. Refusals are catalog keys, never text.
 */

export const PROPOSAL_STATES = [
  'draft',
  'submitted',
  'in_diagnostic',
  'diagnosed',
  'under_review',
  'info_requested',
  'voting',
  'decided',
  'published',
  'withdrawn',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Outcomes of a closed vote (DOMAIN.md); only `adjourned` sends the file back. */
export const DECISION_OUTCOMES = ['favourable', 'favourable_with_conditions', 'unfavourable', 'adjourned'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * What the guards need to know about the record, computed by the caller from the
 * database. Every field is read fail-closed: a missing value refuses, never allows.
 */
export interface GuardContext {
  /** A complete diagnostic with its conclusion exists and is signed (DOMAIN rule 5). */
  hasConcludedDiagnostic: boolean;
  /** The reason given by the actor (required to withdraw). */
  reason?: string | null;
  /** The actor is the proposal's author (required to submit, answer and withdraw). */
  isAuthor?: boolean;
  /** The outcome recorded when the vote closed (decides adjourn vs publish). */
  outcome?: DecisionOutcome | null;
}

export type TransitionContext = { roles: readonly Role[] } & GuardContext;

/** Returns a catalog key when the move is refused, null when it may go ahead. */
export type Guard = (ctx: GuardContext) => string | null;

export const LIFECYCLE_ERRORS = {
  unknownCommand: 'lifecycle.unknown_command',
  notAllowedFromState: 'lifecycle.not_allowed_from_state',
  forbiddenRole: 'lifecycle.forbidden_role',
  notAuthor: 'lifecycle.not_author',
  reasonRequired: 'lifecycle.reason_required',
  diagnosticIncomplete: 'lifecycle.diagnostic_incomplete',
  diagnosticNotConcluded: 'lifecycle.diagnostic_not_concluded',
  notAdjourned: 'lifecycle.not_adjourned',
  noFinalOutcome: 'lifecycle.no_final_outcome',
} as const;

const authorOnly: Guard = (ctx) => (ctx.isAuthor === true ? null : LIFECYCLE_ERRORS.notAuthor);

interface TransitionRow {
  readonly command: string;
  readonly from: readonly ProposalState[];
  readonly to: ProposalState;
  readonly roles: readonly Role[];
  readonly guard?: Guard;
}

export const TRANSITIONS = [
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
    guard: (ctx) => authorOnly(ctx) ?? (ctx.reason?.trim() ? null : LIFECYCLE_ERRORS.reasonRequired),
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
  {
    command: 'adjournToDiagnostic',
    from: ['decided'],
    to: 'in_diagnostic',
    roles: ['chair'],
    guard: (ctx) => (ctx.outcome === 'adjourned' ? null : LIFECYCLE_ERRORS.notAdjourned),
  },
  {
    command: 'adjournToReview',
    from: ['decided'],
    to: 'under_review',
    roles: ['chair'],
    guard: (ctx) => (ctx.outcome === 'adjourned' ? null : LIFECYCLE_ERRORS.notAdjourned),
  },
  {
    command: 'publish',
    from: ['decided'],
    to: 'published',
    roles: ['chair'],
    // An adjourned decision is never published as final; it goes back instead.
    guard: (ctx) => (ctx.outcome && ctx.outcome !== 'adjourned' ? null : LIFECYCLE_ERRORS.noFinalOutcome),
  },
] as const satisfies readonly TransitionRow[];

export type ProposalCommand = (typeof TRANSITIONS)[number]['command'];
export const PROPOSAL_COMMANDS: readonly ProposalCommand[] = TRANSITIONS.map((t) => t.command);

const ROWS: ReadonlyMap<string, TransitionRow> = new Map(TRANSITIONS.map((t) => [t.command, t]));

export function isProposalCommand(value: unknown): value is ProposalCommand {
  return typeof value === 'string' && ROWS.has(value);
}

export type TransitionResult = { ok: true; to: ProposalState } | { ok: false; reason: string };

/**
 * Decides one move. Checks run in a fixed order so each refusal has one clear reason:
 * unknown command, wrong state, wrong role, then the row's guard. `command` is a plain
 * string because it may come straight from a form.
 */
export function transition(state: ProposalState, command: string, ctx: TransitionContext): TransitionResult {
  const row = ROWS.get(command);
  if (!row) return { ok: false, reason: LIFECYCLE_ERRORS.unknownCommand };
  if (!row.from.includes(state)) return { ok: false, reason: LIFECYCLE_ERRORS.notAllowedFromState };
  if (!ctx.roles.some((r) => row.roles.includes(r))) return { ok: false, reason: LIFECYCLE_ERRORS.forbiddenRole };
  const refused = row.guard?.(ctx) ?? null;
  return refused ? { ok: false, reason: refused } : { ok: true, to: row.to };
}

/** The commands this actor may run now, in table order (for the UI's buttons). */
export function allowedCommands(
  state: ProposalState,
  roles: readonly Role[],
  ctx: GuardContext,
): ProposalCommand[] {
  return PROPOSAL_COMMANDS.filter((command) => transition(state, command, { ...ctx, roles }).ok);
}

/** A state no command leaves (derived from the table, so it cannot drift). */
export function isTerminal(state: ProposalState): boolean {
  return !TRANSITIONS.some((t) => (t.from as readonly ProposalState[]).includes(state));
}
