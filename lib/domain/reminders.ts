import { authorisationAt, type AuthorisationFacts, type AuthorisationState, type DerivationOptions } from './authorisation';
import { parisDate } from './paris-time';
import type { ConditionStatus, DecisionCondition } from './vocabulary';

/**
 * When the scheduled job (lib/jobs) reminds someone of something: pure rules over dates,
 * `now` always given (the job's clock, or a test's). Every deadline is a Paris day and
 * comes from lib/domain/authorisation.ts; nothing here re-derives one.
 *
 * Each reminder has a key, (kind, subject, dueOn): `dueOn` is the deadline it is about,
 * not the day it is sent, so the same deadline is reminded once however often the job
 * runs, and a new deadline (a new grant, a new due date) is a new reminder.
 */

/** The prefect's silence is reminded this many days before it turns into a refusal. */
export const SILENCE_WARNING_DAYS = 15;
/** A resident's question waits this long for moderation, or once approved for its answer, before a reminder. */
export const QUESTION_WAIT_DAYS = 7;

/** The calendar day `n` days after (or before, n < 0) `day`. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** What an authorisation calls for on this instant; each is the reminder's `dueOn`, or null. */
export interface AuthorisationReminders {
  state: AuthorisationState;
  /** Granted, renewal due and not expired yet: the renewal file is to prepare (key: renewalDueAt). */
  renewalDue: string | null;
  /**
   * The re-review is to open (key: renewalDueAt): from the renewal's due day on, and also
   * once expired (a job that was down over the whole window must still open it). It
   * derives from the prefect's order (its expiry minus the committee's renewal lead time),
   * never from the committee's vote: no order, no re-review date.
   */
  reReview: string | null;
  /** Filed, no decision, the silence deadline within SILENCE_WARNING_DAYS days (key: silenceDeadline). */
  silenceDeadline: string | null;
}

export function authorisationReminders(facts: AuthorisationFacts, now: Date, options: DerivationOptions = {}): AuthorisationReminders {
  const state = authorisationAt(facts, now, options);
  const today = parisDate(now);
  const renewalDue = state.renewalDue ? state.renewalDueAt : null;
  const reReview = state.renewalDueAt !== null && (state.renewalDue || state.status === 'expired') ? state.renewalDueAt : null;
  const silenceDeadline =
    state.status === 'filed' && state.silenceDeadline !== null && today >= addDays(state.silenceDeadline, -SILENCE_WARNING_DAYS) ? state.silenceDeadline : null;
  return { state, renewalDue, reReview, silenceDeadline };
}

/**
 * The earliest due date among a decision's conditions that are past due on `now`'s Paris
 * day (due before today) and not marked met: the key of its "condition overdue" reminder,
 * or null. A condition is due through its due day; the reminder comes the day after.
 * `followUps` maps a condition's index to its recorded status.
 */
export function overdueConditionsDue(conditions: readonly DecisionCondition[], followUps: ReadonlyMap<number, ConditionStatus>, now: Date): { dueOn: string; indexes: number[] } | null {
  const today = parisDate(now);
  const overdue = conditions
    .map((c, index) => ({ index, dueDate: c.dueDate }))
    .filter((c): c is { index: number; dueDate: string } => c.dueDate !== null && c.dueDate < today && followUps.get(c.index) !== 'met');
  if (!overdue.length) return null;
  // One reminder per due day: conditions due the same day are one reminder; a later due date is a new one.
  const dueOn = overdue.map((c) => c.dueDate).sort().at(-1)!;
  return { dueOn, indexes: overdue.map((c) => c.index) };
}

/**
 * A resident's question that has waited `QUESTION_WAIT_DAYS` days since `since` (its
 * sending for moderation, its approval for an answer): the Paris day it became late, the
 * reminder's key, or null while it may still wait.
 */
export function questionLateOn(since: Date, now: Date): string | null {
  const lateFrom = new Date(since.getTime() + QUESTION_WAIT_DAYS * 86_400_000);
  return now.getTime() >= lateFrom.getTime() ? parisDate(lateFrom) : null;
}
