import { defineLifecycle } from './lifecycle-engine';
import { SESSION_STATES, type SessionState } from './vocabulary';

/** What the guards of a committee session need to know, computed by the caller. */
export interface SessionContext {
  /** Files on the agenda. */
  agendaSize: number;
  /** Convening now leaves fewer days before the session than the settings' notice period. */
  late?: boolean;
  /** The reason given for a late convocation. */
  reason?: string | null;
  /** The session's date has come (it is held on the day, not before). */
  dateReached?: boolean;
  /** Votes still open on its agenda. */
  openVotes?: number;
}

export const SESSION_ERRORS = {
  emptyAgenda: 'committee.refusals.empty_agenda',
  lateReasonRequired: 'committee.refusals.late_reason_required',
  notYet: 'committee.refusals.not_yet',
  votesOpen: 'committee.refusals.votes_open',
} as const;

/** The committee session's lifecycle, on the same engine as the proposal's. */
export const sessionLifecycle = defineLifecycle<SessionState, SessionContext>()(SESSION_STATES, [
  {
    command: 'convene',
    from: ['planned'],
    to: 'convened',
    roles: ['chair'],
    guard: (ctx) => (ctx.agendaSize > 0 ? null : SESSION_ERRORS.emptyAgenda),
    // Convening later than the notice period is allowed, with a reason kept in the record.
    input: (ctx) => (!ctx.late || ctx.reason?.trim() ? null : SESSION_ERRORS.lateReasonRequired),
  },
  { command: 'hold', from: ['convened'], to: 'held', roles: ['chair'], guard: (ctx) => (ctx.dateReached ? null : SESSION_ERRORS.notYet) },
  { command: 'close', from: ['held'], to: 'closed', roles: ['chair'], guard: (ctx) => ((ctx.openVotes ?? 1) === 0 ? null : SESSION_ERRORS.votesOpen) },
]);

export type SessionCommand = (typeof sessionLifecycle.commands)[number];
