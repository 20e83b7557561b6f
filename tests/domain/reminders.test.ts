import { describe, expect, it } from 'vitest';
import type { AuthorisationFacts } from '@/lib/domain/authorisation';
import { addDays, authorisationReminders, overdueConditionsDue, questionLateOn, QUESTION_WAIT_DAYS, SILENCE_WARNING_DAYS } from '@/lib/domain/reminders';
import { authorisationFacts } from '@/lib/domain/follow-up';
import type { ConditionStatus, DecisionCondition } from '@/lib/domain/vocabulary';

const granted = (grantedAt: string): AuthorisationFacts => ({
  filedAt: addDays(grantedAt, -60),
  prefectureReference: 'PREF-92-0042',
  decision: { kind: 'granted', orderReference: 'AP-92-117', grantedAt },
});
const filed = (filedAt: string): AuthorisationFacts => ({ filedAt, prefectureReference: 'PREF-92-0042' });
const at = (iso: string) => new Date(iso);

describe('the re-review opens ON the renewal day (Paris), not the day before', () => {
  it('summer (UTC+2): 21:59 UTC is still the eve in Paris, 22:30 UTC is already the day', () => {
    // Granted 15 Jan 2026: expires 15 Jan 2031, renewal due 15 Sep 2030 (summer time).
    const facts = granted('2026-01-15');
    const eve = authorisationReminders(facts, at('2030-09-14T21:59:00Z'));
    expect(eve.state.renewalDueAt).toBe('2030-09-15');
    expect(eve).toMatchObject({ reReview: null, renewalDue: null });
    const day = authorisationReminders(facts, at('2030-09-14T22:30:00Z'));
    expect(day).toMatchObject({ reReview: '2030-09-15', renewalDue: '2030-09-15' });
  });

  it('winter (UTC+1): 22:59 UTC is still the eve in Paris, 23:30 UTC the evening before is 00:30 on the day', () => {
    // Granted 10 Jun 2026: expires 10 Jun 2031, renewal due 10 Feb 2031 (winter time).
    const facts = granted('2026-06-10');
    expect(authorisationReminders(facts, at('2031-02-09T22:59:00Z')).reReview).toBeNull();
    expect(authorisationReminders(facts, at('2031-02-09T23:30:00Z'))).toMatchObject({ reReview: '2031-02-10', renewalDue: '2031-02-10' });
    // Midday UTC the evening before: nothing either (the UTC day is not what counts).
    expect(authorisationReminders(facts, at('2031-02-09T12:00:00Z')).reReview).toBeNull();
  });

  it('a grant on 29 Feb of a leap year expires on 28 Feb five years later; the renewal is due four months before that', () => {
    const facts = granted('2028-02-29');
    const { state } = authorisationReminders(facts, at('2030-01-01T12:00:00Z'));
    expect(state).toMatchObject({ expiresAt: '2033-02-28', renewalDueAt: '2032-10-28' });
    expect(authorisationReminders(facts, at('2032-10-27T12:00:00Z')).reReview).toBeNull();
    expect(authorisationReminders(facts, at('2032-10-28T12:00:00Z')).reReview).toBe('2032-10-28');
  });

  it('a renewal due on 29 Feb (leap year 2032): not on the 28th, on the 29th', () => {
    // Granted 29 Jun 2027: expires 29 Jun 2032, renewal due 29 Feb 2032.
    const facts = granted('2027-06-29');
    expect(authorisationReminders(facts, at('2032-02-28T12:00:00Z')).state.renewalDueAt).toBe('2032-02-29');
    expect(authorisationReminders(facts, at('2032-02-28T12:00:00Z')).reReview).toBeNull();
    expect(authorisationReminders(facts, at('2032-02-29T12:00:00Z')).reReview).toBe('2032-02-29');
    // 31 Oct 2027 + 5 years = 31 Oct 2032; four months earlier is 30 Jun (June has 30 days).
    expect(authorisationReminders(granted('2027-10-31'), at('2032-06-30T12:00:00Z')).reReview).toBe('2032-06-30');
    expect(authorisationReminders(granted('2027-10-31'), at('2032-06-29T12:00:00Z')).reReview).toBeNull();
  });

  it('still opens once expired (the job may have been down over the whole window), but no longer reminds the renewal', () => {
    const facts = granted('2026-01-15');
    // The last day in force: renewal still due.
    expect(authorisationReminders(facts, at('2031-01-15T12:00:00Z'))).toMatchObject({ reReview: '2030-09-15', renewalDue: '2030-09-15' });
    const expired = authorisationReminders(facts, at('2031-01-16T12:00:00Z'));
    expect(expired.state.status).toBe('expired');
    expect(expired).toMatchObject({ reReview: '2030-09-15', renewalDue: null });
  });

  it('opens the committee’s lead time before the order expires, as the settings say (prefecture practice), never from the vote', () => {
    // Granted 15 Jan 2026, expires 15 Jan 2031: six months ahead is 15 Jul 2030; the default four, 15 Sep 2030.
    const facts = granted('2026-01-15');
    expect(authorisationReminders(facts, at('2030-07-14T12:00:00Z'), { renewalLeadMonths: 6 }).reReview).toBeNull();
    expect(authorisationReminders(facts, at('2030-07-15T12:00:00Z'), { renewalLeadMonths: 6 })).toMatchObject({ reReview: '2030-07-15', renewalDue: '2030-07-15' });
    expect(authorisationReminders(facts, at('2030-07-15T12:00:00Z')).reReview).toBeNull();
    expect(authorisationReminders(facts, at('2030-12-15T12:00:00Z'), { renewalLeadMonths: 1 })).toMatchObject({ reReview: '2030-12-15' });
  });

  it('nothing for a refused, refused-by-silence, merely filed or not filed authorisation', () => {
    const now = at('2040-01-01T12:00:00Z');
    expect(authorisationReminders({}, now)).toMatchObject({ reReview: null, renewalDue: null, silenceDeadline: null });
    expect(authorisationReminders(filed('2026-01-10'), now)).toMatchObject({ reReview: null, renewalDue: null, silenceDeadline: null });
    expect(authorisationReminders({ ...filed('2026-01-10'), decision: { kind: 'refused', refusedAt: '2026-03-01', reason: 'Non' } }, now)).toMatchObject({
      reReview: null,
      renewalDue: null,
      silenceDeadline: null,
    });
  });
});

describe('the prefect’s silence is reminded in its last days, up to its deadline', () => {
  // Filed 10 Mar 2026: the prefect may decide through 10 Jul 2026; refused by silence from 11 Jul.
  const facts = filed('2026-03-10');
  const warnFrom = addDays('2026-07-10', -SILENCE_WARNING_DAYS);

  it(`from ${SILENCE_WARNING_DAYS} days before the deadline, through the deadline itself (Paris days)`, () => {
    expect(warnFrom).toBe('2026-06-25');
    // 24 Jun 23:59 Paris (21:59 UTC, summer): not yet.
    expect(authorisationReminders(facts, at('2026-06-24T21:59:00Z')).silenceDeadline).toBeNull();
    // 25 Jun 00:30 Paris (24 Jun 22:30 UTC): now.
    expect(authorisationReminders(facts, at('2026-06-24T22:30:00Z')).silenceDeadline).toBe('2026-07-10');
    expect(authorisationReminders(facts, at('2026-07-10T21:59:00Z')).silenceDeadline).toBe('2026-07-10');
  });

  it('not once refused by silence, and not once the prefect decided', () => {
    const after = authorisationReminders(facts, at('2026-07-10T22:30:00Z'));
    expect(after.state.status).toBe('refused_by_silence');
    expect(after.silenceDeadline).toBeNull();
    const decided: AuthorisationFacts = { ...facts, decision: { kind: 'granted', orderReference: 'AP-1', grantedAt: '2026-06-20' } };
    expect(authorisationReminders(decided, at('2026-07-01T12:00:00Z')).silenceDeadline).toBeNull();
  });

  it('a filing on 31 Oct has its deadline on the last day of February, leap or not', () => {
    expect(authorisationReminders(filed('2027-10-31'), at('2028-02-20T12:00:00Z')).silenceDeadline).toBe('2028-02-29');
    expect(authorisationReminders(filed('2026-10-31'), at('2027-02-20T12:00:00Z')).silenceDeadline).toBe('2027-02-28');
    expect(authorisationReminders(filed('2026-10-31'), at('2027-03-01T12:00:00Z')).silenceDeadline).toBeNull();
  });

  it('counts the deadline from the acknowledgement of receipt when recorded', () => {
    // Filed 2 March, received 20 March: the deadline is 20 July, warned from 5 July.
    const acknowledged: AuthorisationFacts = { ...filed('2026-03-02'), acknowledgedAt: '2026-03-20' };
    expect(authorisationReminders(acknowledged, at('2026-07-04T12:00:00Z')).silenceDeadline).toBeNull();
    expect(authorisationReminders(acknowledged, at('2026-07-05T12:00:00Z')).silenceDeadline).toBe('2026-07-20');
    expect(authorisationReminders(filed('2026-03-02'), at('2026-07-05T12:00:00Z')).silenceDeadline).toBeNull();
  });

  it('reads a stored row the way the domain expects it', () => {
    const row = {
      filedOn: '2026-03-10',
      prefectureReference: 'PREF',
      cdvpOpinionOn: null,
      cdvpOpinion: null,
      prefectDecision: 'granted' as const,
      prefectDecidedOn: '2026-05-02',
      orderReference: 'AP-9',
      refusalReason: null,
    };
    expect(authorisationFacts(row)).toEqual({
      filedAt: '2026-03-10',
      prefectureReference: 'PREF',
      acknowledgedAt: null,
      cdvpOpinionAt: null,
      cdvpOpinion: null,
      decision: { kind: 'granted', orderReference: 'AP-9', grantedAt: '2026-05-02' },
    });
    expect(authorisationFacts({ ...row, prefectDecision: 'refused', orderReference: null, refusalReason: 'Non' }).decision).toEqual({ kind: 'refused', refusedAt: '2026-05-02', reason: 'Non' });
    expect(authorisationFacts({ ...row, acknowledgedOn: '2026-03-12' }).acknowledgedAt).toBe('2026-03-12');
  });
});

describe('conditions past due', () => {
  const condition = (dueDate: string | null): DecisionCondition => ({ kind: 'other', text: 'Bilan', dueDate });
  const none = new Map<number, ConditionStatus>();

  it('a condition is due through its due day (Paris); overdue from the next day, even at 00:30 Paris', () => {
    const conditions = [condition('2026-11-27')];
    expect(overdueConditionsDue(conditions, none, at('2026-11-27T22:59:00Z'))).toBeNull();
    expect(overdueConditionsDue(conditions, none, at('2026-11-27T23:30:00Z'))).toEqual({ dueOn: '2026-11-27', indexes: [0] });
  });

  it('a condition marked met is not overdue; one marked not met still is; one without a due date never is', () => {
    const conditions = [condition('2026-01-10'), condition('2026-02-10'), condition(null)];
    const now = at('2026-06-01T12:00:00Z');
    expect(overdueConditionsDue(conditions, new Map([[0, 'met']]), now)).toEqual({ dueOn: '2026-02-10', indexes: [1] });
    expect(overdueConditionsDue(conditions, new Map<number, ConditionStatus>([[0, 'met'], [1, 'not_met']]), now)).toEqual({ dueOn: '2026-02-10', indexes: [1] });
    expect(overdueConditionsDue(conditions, new Map<number, ConditionStatus>([[0, 'met'], [1, 'met']]), now)).toBeNull();
  });

  it('keys the reminder on the latest overdue due day: a newly overdue condition is a new reminder, the same ones are not', () => {
    const conditions = [condition('2026-01-10'), condition('2026-03-10')];
    expect(overdueConditionsDue(conditions, none, at('2026-02-01T12:00:00Z'))?.dueOn).toBe('2026-01-10');
    expect(overdueConditionsDue(conditions, none, at('2026-02-02T12:00:00Z'))?.dueOn).toBe('2026-01-10');
    expect(overdueConditionsDue(conditions, none, at('2026-03-11T12:00:00Z'))?.dueOn).toBe('2026-03-10');
  });
});

describe('residents’ questions waiting', () => {
  it(`late exactly ${QUESTION_WAIT_DAYS} days after, keyed by the Paris day it became late`, () => {
    const since = at('2026-11-20T23:30:00Z'); // 21 Nov, 00:30 in Paris
    const lateFrom = new Date(since.getTime() + QUESTION_WAIT_DAYS * 86_400_000);
    expect(questionLateOn(since, new Date(lateFrom.getTime() - 1))).toBeNull();
    expect(questionLateOn(since, lateFrom)).toBe('2026-11-28');
    expect(questionLateOn(since, at('2026-12-31T12:00:00Z'))).toBe('2026-11-28');
  });
});
