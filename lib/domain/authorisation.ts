import { parisDate } from './paris-time';
import { addMonths, AUTHORISATION_YEARS, DEFAULT_RENEWAL_LEAD_MONTHS } from './register';
import type { AuthorisationStatus, CdvpOpinion } from './vocabulary';

/**
 * The prefect's authorisation of a favourable decision: what the city records (dates and
 * references), and what follows from those dates alone (status, deadlines), never typed.
 *
 * Every date is a Paris calendar day, "YYYY-MM-DD" (`parisDate` turns an instant into
 * one, across daylight-saving changes). Two rules settle every deadline:
 *
 * 1. Months are counted on calendar days: N months after day D is the same day of the
 *    month N months later or, when that month is shorter, its last day (`addMonths`:
 *    31 Oct + 4 months = 28 Feb, or 29 Feb in a leap year; 29 Feb 2028 + 5 years =
 *    28 Feb 2033). This is how French law counts periods in months (CPC art. 641).
 * 2. A period of N months from day D runs to the END of day D + N months, which still
 *    belongs to it; the day after is the first day past it. So the prefect may still
 *    decide on `silenceDeadline` itself and the request is refused by silence from the
 *    next day, `refusedBySilenceFrom`; an authorisation holds through `expiresAt` and is
 *    expired from the next day (as the open data's "in force" already reads it).
 */

/**
 * The prefect's silence for more than four months on a request means refusal (CSI R252-15),
 * counted from the prefecture's receipt of the request, the day its acknowledgement of
 * receipt states (CRPA L112-3). When no acknowledgement is recorded, the app counts from the
 * filing day, the earliest the prefecture can have received it, and says so
 * (`silenceCountedFrom: 'filing'`).
 */
export const SILENCE_MONTHS = 4;
/** The renewal lead time a committee may set, in months (prefecture practice, 4 by default; not law). */
export const RENEWAL_LEAD_MONTHS = { min: 1, max: 12 } as const;
/** The departmental commission (CDVP) gives its opinion within three months, extendable by one (CSI R252-15). */
export const CDVP_MONTHS = 3;
export const CDVP_EXTENSION_MONTHS = 1;

export type PrefectDecision = { kind: 'granted'; orderReference: string; grantedAt: string } | { kind: 'refused'; refusedAt: string; reason: string };

/** What the city records of the authorisation; each field is absent until it happens. */
export interface AuthorisationFacts {
  /** The day the request was filed at the prefecture. */
  filedAt?: string | null;
  prefectureReference?: string | null;
  /**
   * The day the prefecture received the request, as its acknowledgement of receipt states.
   * Unlike the other facts it is read whatever the day asked: it dates the start of the
   * silence period, which has run from that day all along (see `deriveAuthorisation`).
   */
  acknowledgedAt?: string | null;
  cdvpOpinionAt?: string | null;
  cdvpOpinion?: CdvpOpinion | null;
  decision?: PrefectDecision | null;
}

/** Where the authorisation stands on a given day; every date is a Paris day or null. */
export interface AuthorisationState {
  status: AuthorisationStatus;
  filedAt: string | null;
  /** The prefecture's acknowledgement of receipt, once filed; null when none is recorded. */
  acknowledgedAt: string | null;
  /**
   * What the silence's four months run from: the acknowledgement of receipt, or, when none
   * is recorded, the filing day (a fallback the pages say plainly); null before the filing.
   */
  silenceCountedFrom: 'acknowledgement' | 'filing' | null;
  /** The last day the prefect's silence is not yet a refusal (acknowledgement, else filing, + 4 months). */
  silenceDeadline: string | null;
  /** The first day of refusal by silence: the day after `silenceDeadline`. */
  refusedBySilenceFrom: string | null;
  /**
   * The CDVP's deadline and its deadline once extended. The commission's three months run
   * from its referral, which the city does not see: counted from the filing, the referral's
   * earliest possible day, these are the earliest the opinion can be late.
   */
  cdvpDeadline: string | null;
  cdvpExtendedDeadline: string | null;
  grantedAt: string | null;
  refusedAt: string | null;
  /** The last day the authorisation holds: the order's day + 5 years (CSI L252-4); null unless granted. */
  expiresAt: string | null;
  /**
   * The renewal lead time (4 months by default, the committee's setting) before expiry: the
   * prefecture wants the renewal file by then, and the committee's re-review opens that day.
   * It derives from the order's expiry, never from the committee's vote.
   */
  renewalDueAt: string | null;
  /** Granted, not expired, and `renewalDueAt` reached: the renewal (and the re-review) is due. */
  renewalDue: boolean;
}

/** How a derivation is set: the committee's renewal lead time (committee_settings.renewal_lead_months). */
export interface DerivationOptions {
  /** Months before expiry the renewal is due; DEFAULT_RENEWAL_LEAD_MONTHS when not given. */
  renewalLeadMonths?: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a day that exists, "YYYY-MM-DD" (no 30 Feb, no year before 1000). */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls 30 Feb over to March and reads years 0–99 as 19xx: both fail the round trip.
  return date.toISOString().slice(0, 10) === value;
}

function assertDay(value: string, what: string): void {
  if (!isCalendarDay(value)) throw new TypeError(`${what} is not a calendar day (YYYY-MM-DD): ${JSON.stringify(value)}`);
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The authorisation as it stands on `today` (a Paris day). It reads only the facts dated
 * on or before `today`: a fact dated later has not happened yet, so the same facts give
 * the file's whole timeline day by day, and a later day never moves the status back
 * (not_filed → filed → refused_by_silence → granted or refused → expired). The prefect may
 * still decide after the silence deadline (an explicit decision replaces the implicit
 * refusal). Facts should pass `authorisationIssues` first; days must be well formed.
 *
 * One exception: the acknowledgement of receipt dates when the silence period started, so
 * once recorded it sets the deadline on every day after the filing (between the filing and
 * the receipt the prefecture had not received the request: its four months had not begun).
 * That keeps the status from moving back when an acknowledgement comes late.
 */
export function deriveAuthorisation(facts: AuthorisationFacts, today: string, options: DerivationOptions = {}): AuthorisationState {
  assertDay(today, 'today');
  const lead = options.renewalLeadMonths ?? DEFAULT_RENEWAL_LEAD_MONTHS;
  if (!Number.isInteger(lead) || lead < RENEWAL_LEAD_MONTHS.min || lead > RENEWAL_LEAD_MONTHS.max) {
    throw new RangeError(`renewalLeadMonths must be a whole number of months from ${RENEWAL_LEAD_MONTHS.min} to ${RENEWAL_LEAD_MONTHS.max}: ${lead}`);
  }
  const known = (day: string | null | undefined, what: string): string | null => {
    if (day === null || day === undefined) return null;
    assertDay(day, what);
    return day <= today ? day : null;
  };
  const filedAt = known(facts.filedAt, 'filedAt');
  const decision = facts.decision ?? null;
  const grantedAt = decision?.kind === 'granted' ? known(decision.grantedAt, 'grantedAt') : null;
  const refusedAt = decision?.kind === 'refused' ? known(decision.refusedAt, 'refusedAt') : null;
  let acknowledgedAt: string | null = null;
  if (filedAt !== null && facts.acknowledgedAt !== null && facts.acknowledgedAt !== undefined) {
    assertDay(facts.acknowledgedAt, 'acknowledgedAt');
    acknowledgedAt = facts.acknowledgedAt;
  }

  const silenceCountedFrom = filedAt === null ? null : acknowledgedAt === null ? 'filing' : 'acknowledgement';
  const silenceDeadline = filedAt === null ? null : addMonths(acknowledgedAt ?? filedAt, SILENCE_MONTHS);
  const expiresAt = grantedAt === null ? null : addMonths(grantedAt, AUTHORISATION_YEARS * 12);
  const renewalDueAt = expiresAt === null ? null : addMonths(expiresAt, -lead);

  let status: AuthorisationStatus;
  if (expiresAt !== null) status = today > expiresAt ? 'expired' : 'granted';
  else if (refusedAt !== null) status = 'refused';
  else if (silenceDeadline !== null) status = today > silenceDeadline ? 'refused_by_silence' : 'filed';
  else status = 'not_filed';

  return {
    status,
    filedAt,
    acknowledgedAt,
    silenceCountedFrom,
    silenceDeadline,
    refusedBySilenceFrom: silenceDeadline === null ? null : nextDay(silenceDeadline),
    cdvpDeadline: filedAt === null ? null : addMonths(filedAt, CDVP_MONTHS),
    cdvpExtendedDeadline: filedAt === null ? null : addMonths(filedAt, CDVP_MONTHS + CDVP_EXTENSION_MONTHS),
    grantedAt,
    refusedAt,
    expiresAt,
    renewalDueAt,
    renewalDue: status === 'granted' && renewalDueAt !== null && today >= renewalDueAt,
  };
}

/** The authorisation at an instant: the Paris day of `now` decides (23:30 UTC may already be tomorrow in Paris). */
export function authorisationAt(facts: AuthorisationFacts, now: Date, options: DerivationOptions = {}): AuthorisationState {
  return deriveAuthorisation(facts, parisDate(now), options);
}

/** Why recorded facts cannot stand together; keys a form or a zod refinement translates. */
export const AUTHORISATION_ISSUES = [
  'not_a_day',
  'in_the_future',
  'required',
  'reference_without_filing',
  'acknowledgement_without_filing',
  'acknowledgement_before_filing',
  'acknowledgement_after_decision',
  'cdvp_opinion_without_filing',
  'cdvp_opinion_before_filing',
  'cdvp_opinion_after_decision',
  'decision_without_filing',
  'decision_before_filing',
] as const;
export type AuthorisationIssueReason = (typeof AUTHORISATION_ISSUES)[number];
export interface AuthorisationIssue {
  reason: AuthorisationIssueReason;
  /** The field at fault, as a zod issue path. */
  path: readonly string[];
}

const blank = (value: string | null | undefined): value is null | undefined | '' => value === null || value === undefined || value.trim() === '';

/**
 * Everything inconsistent in `facts` on `today`, empty when they can be recorded: days
 * that do not exist or have not come yet, a pair half filled, a decision or a CDVP
 * opinion without or before the filing, a CDVP opinion after the prefect's decision, an
 * acknowledgement of receipt without or before the filing, or after the decision (the
 * prefect decides on a request the prefecture has received).
 * A blank optional day counts as absent (an empty date input). A decision on the
 * filing's own day, or after the silence deadline, is accepted.
 */
export function authorisationIssues(facts: AuthorisationFacts, today: string): AuthorisationIssue[] {
  assertDay(today, 'today');
  const issues: AuthorisationIssue[] = [];
  const add = (reason: AuthorisationIssueReason, ...path: string[]) => issues.push({ reason, path });
  /** The day when it is a usable one, else null (and the fault reported). */
  const day = (value: string, ...path: string[]): string | null => {
    if (!isCalendarDay(value)) {
      add('not_a_day', ...path);
      return null;
    }
    if (value > today) add('in_the_future', ...path);
    return value;
  };

  const filed = !blank(facts.filedAt);
  const filedAt = blank(facts.filedAt) ? null : day(facts.filedAt, 'filedAt');
  if (!filed && !blank(facts.prefectureReference)) add('reference_without_filing', 'prefectureReference');

  const acknowledgedAt = blank(facts.acknowledgedAt) ? null : day(facts.acknowledgedAt, 'acknowledgedAt');
  if (!filed && !blank(facts.acknowledgedAt)) add('acknowledgement_without_filing', 'acknowledgedAt');
  if (acknowledgedAt !== null && filedAt !== null && acknowledgedAt < filedAt) add('acknowledgement_before_filing', 'acknowledgedAt');

  const hasCdvpAt = !blank(facts.cdvpOpinionAt);
  const hasCdvpOpinion = facts.cdvpOpinion !== null && facts.cdvpOpinion !== undefined;
  const cdvpAt = blank(facts.cdvpOpinionAt) ? null : day(facts.cdvpOpinionAt, 'cdvpOpinionAt');
  if (hasCdvpAt !== hasCdvpOpinion) add('required', hasCdvpAt ? 'cdvpOpinion' : 'cdvpOpinionAt');
  if ((hasCdvpAt || hasCdvpOpinion) && !filed) add('cdvp_opinion_without_filing', hasCdvpAt ? 'cdvpOpinionAt' : 'cdvpOpinion');
  if (cdvpAt !== null && filedAt !== null && cdvpAt < filedAt) add('cdvp_opinion_before_filing', 'cdvpOpinionAt');

  const decision = facts.decision;
  if (decision) {
    const granted = decision.kind === 'granted';
    const dateField = granted ? 'grantedAt' : 'refusedAt';
    const raw = granted ? decision.grantedAt : decision.refusedAt;
    if (blank(granted ? decision.orderReference : decision.reason)) add('required', 'decision', granted ? 'orderReference' : 'reason');
    let decidedAt: string | null = null;
    if (blank(raw)) add('required', 'decision', dateField);
    else decidedAt = day(raw, 'decision', dateField);
    if (!filed) add('decision_without_filing', 'decision', dateField);
    if (decidedAt !== null && filedAt !== null && decidedAt < filedAt) add('decision_before_filing', 'decision', dateField);
    if (decidedAt !== null && cdvpAt !== null && cdvpAt > decidedAt) add('cdvp_opinion_after_decision', 'cdvpOpinionAt');
    if (decidedAt !== null && acknowledgedAt !== null && acknowledgedAt > decidedAt) add('acknowledgement_after_decision', 'acknowledgedAt');
  }
  return issues;
}
