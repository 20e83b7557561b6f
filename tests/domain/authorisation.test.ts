import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  authorisationAt,
  authorisationIssues,
  deriveAuthorisation,
  isCalendarDay,
  nextDay,
  RENEWAL_LEAD_MONTHS,
  type AuthorisationFacts,
  type AuthorisationIssue,
} from '@/lib/domain/authorisation';
import { parisDate } from '@/lib/domain/paris-time';
import { addMonths } from '@/lib/domain/register';
import { AUTHORISATION_STATUSES, CDVP_OPINIONS, type AuthorisationStatus } from '@/lib/domain/vocabulary';

const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const filed = (filedAt: string, more: Partial<AuthorisationFacts> = {}): AuthorisationFacts => ({ filedAt, prefectureReference: 'PREF-92-0042', ...more });
const granted = (filedAt: string, grantedAt: string): AuthorisationFacts => filed(filedAt, { decision: { kind: 'granted', orderReference: 'AP-2026-117', grantedAt } });
const statusOn = (facts: AuthorisationFacts, today: string) => deriveAuthorisation(facts, today).status;

/** Valid facts, in the order things happen, with a `today` on or after the last of them. */
const validFacts = fc
  .record({
    filedAt: day,
    acknowledgedAfter: fc.option(fc.nat(200), { nil: undefined }),
    cdvpAfter: fc.option(fc.nat(200), { nil: undefined }),
    cdvpOpinion: fc.constantFrom(...CDVP_OPINIONS),
    decisionAfter: fc.option(fc.nat(400), { nil: undefined }),
    granted: fc.boolean(),
    todayAfter: fc.nat(3000),
  })
  .map(({ filedAt, acknowledgedAfter, cdvpAfter, cdvpOpinion, decisionAfter, granted: isGrant, todayAfter }) => {
    const facts: AuthorisationFacts = { filedAt, prefectureReference: 'PREF-1' };
    let last = filedAt;
    // The prefecture acknowledges receipt on or after the filing, before it decides.
    if (acknowledgedAfter !== undefined) last = facts.acknowledgedAt = plusDays(filedAt, acknowledgedAfter);
    if (cdvpAfter !== undefined) {
      facts.cdvpOpinionAt = plusDays(filedAt, cdvpAfter);
      facts.cdvpOpinion = cdvpOpinion;
      if (facts.cdvpOpinionAt > last) last = facts.cdvpOpinionAt;
    }
    if (decisionAfter !== undefined) {
      last = plusDays(last, decisionAfter);
      facts.decision = isGrant ? { kind: 'granted', orderReference: 'AP-1', grantedAt: last } : { kind: 'refused', refusedAt: last, reason: 'Motif' };
    }
    return { facts, today: plusDays(last, todayAfter) };
  });

/** A later day never moves an authorisation back: the grant and the explicit refusal share a rank. */
const RANK: Record<AuthorisationStatus, number> = { not_filed: 0, filed: 1, refused_by_silence: 2, granted: 3, refused: 3, expired: 4 };

describe('refusal by silence (four months after filing)', () => {
  it('leaves the prefect the deadline day itself; the day after is the first day of refusal', () => {
    const facts = filed('2026-03-15');
    expect(deriveAuthorisation(facts, '2026-03-15')).toMatchObject({ status: 'filed', silenceDeadline: '2026-07-15', refusedBySilenceFrom: '2026-07-16' });
    expect(statusOn(facts, '2026-07-14')).toBe('filed');
    expect(statusOn(facts, '2026-07-15')).toBe('filed');
    expect(statusOn(facts, '2026-07-16')).toBe('refused_by_silence');
  });

  it('ends on the last day of a shorter month: 29, 30 and 31 October all give 28 February, or 29 in a leap year', () => {
    for (const d of ['29', '30', '31']) {
      expect(deriveAuthorisation(filed(`2026-10-${d}`), '2026-11-01')).toMatchObject({ silenceDeadline: '2027-02-28', refusedBySilenceFrom: '2027-03-01' });
      expect(deriveAuthorisation(filed(`2027-10-${d}`), '2027-11-01')).toMatchObject({ silenceDeadline: '2028-02-29', refusedBySilenceFrom: '2028-03-01' });
    }
    expect(statusOn(filed('2026-10-31'), '2027-02-28')).toBe('filed');
    expect(statusOn(filed('2026-10-31'), '2027-03-01')).toBe('refused_by_silence');
    expect(statusOn(filed('2027-10-31'), '2028-02-29')).toBe('filed');
    expect(statusOn(filed('2027-10-31'), '2028-03-01')).toBe('refused_by_silence');
    expect(deriveAuthorisation(filed('2026-10-28'), '2026-11-01').silenceDeadline).toBe('2027-02-28');
  });

  it('counts from a 29 February filing to the 29th four months later', () => {
    expect(deriveAuthorisation(filed('2028-02-29'), '2028-06-29')).toMatchObject({ status: 'filed', silenceDeadline: '2028-06-29', cdvpDeadline: '2028-05-29', cdvpExtendedDeadline: '2028-06-29' });
    expect(statusOn(filed('2028-02-29'), '2028-06-30')).toBe('refused_by_silence');
  });

  it('gives way to an explicit decision, even one taken after the deadline', () => {
    const late = granted('2026-03-15', '2026-09-01');
    expect(statusOn(late, '2026-08-31')).toBe('refused_by_silence');
    expect(statusOn(late, '2026-09-01')).toBe('granted');
    const refused = filed('2026-03-15', { decision: { kind: 'refused', refusedAt: '2026-05-04', reason: 'Finalité non justifiée' } });
    expect(deriveAuthorisation(refused, '2026-05-03')).toMatchObject({ status: 'filed', refusedAt: null });
    expect(deriveAuthorisation(refused, '2026-05-04')).toMatchObject({ status: 'refused', refusedAt: '2026-05-04' });
    expect(statusOn(refused, '2040-01-01')).toBe('refused');
  });

  it('is not started before the filing: nothing is derived for a request not filed', () => {
    expect(deriveAuthorisation({}, '2026-05-01')).toEqual({
      status: 'not_filed',
      filedAt: null,
      acknowledgedAt: null,
      silenceCountedFrom: null,
      silenceDeadline: null,
      refusedBySilenceFrom: null,
      cdvpDeadline: null,
      cdvpExtendedDeadline: null,
      grantedAt: null,
      refusedAt: null,
      expiresAt: null,
      renewalDueAt: null,
      renewalDue: false,
    });
    expect(statusOn(filed('2026-05-02'), '2026-05-01')).toBe('not_filed');
    expect(statusOn(filed('2026-05-02'), '2026-05-02')).toBe('filed');
  });
});

describe('refusal by silence counted from the acknowledgement of receipt (CSI R252-15, CRPA L112-3)', () => {
  it('runs the four months from the day the prefecture received the request, not from the filing', () => {
    const facts = filed('2026-03-02', { acknowledgedAt: '2026-03-20' });
    expect(deriveAuthorisation(facts, '2026-07-10')).toMatchObject({
      status: 'filed',
      acknowledgedAt: '2026-03-20',
      silenceCountedFrom: 'acknowledgement',
      silenceDeadline: '2026-07-20',
      refusedBySilenceFrom: '2026-07-21',
    });
    // Counted from the filing it would already be a refusal: the acknowledgement is what keeps it open.
    expect(statusOn(filed('2026-03-02'), '2026-07-10')).toBe('refused_by_silence');
    expect(statusOn(facts, '2026-07-20')).toBe('filed');
    expect(statusOn(facts, '2026-07-21')).toBe('refused_by_silence');
  });

  it('falls back to the filing day when no acknowledgement is recorded, and says so', () => {
    expect(deriveAuthorisation(filed('2026-03-02'), '2026-03-03')).toMatchObject({ acknowledgedAt: null, silenceCountedFrom: 'filing', silenceDeadline: '2026-07-02' });
    expect(deriveAuthorisation(filed('2026-03-02', { acknowledgedAt: null }), '2026-03-03').silenceCountedFrom).toBe('filing');
  });

  it('sets the deadline on every day after the filing once recorded, so the status never moves back when it arrives late', () => {
    // Received five months after the filing (pieces missing): never refused by silence in between.
    const late = filed('2026-01-10', { acknowledgedAt: '2026-06-10' });
    expect(statusOn(late, '2026-05-20')).toBe('filed');
    expect(deriveAuthorisation(late, '2026-05-20').silenceDeadline).toBe('2026-10-10');
    expect(statusOn(late, '2026-10-11')).toBe('refused_by_silence');
    // Nothing before the filing, acknowledgement or not.
    expect(deriveAuthorisation(late, '2026-01-09')).toMatchObject({ status: 'not_filed', acknowledgedAt: null, silenceCountedFrom: null });
  });

  it('is refused without a filing, before it, after the decision, or in the future', () => {
    expect(reasons({ acknowledgedAt: '2026-03-01' })).toEqual([issue('acknowledgement_without_filing', 'acknowledgedAt')]);
    expect(reasons(filed('2026-03-02', { acknowledgedAt: '2026-03-01' }))).toEqual([issue('acknowledgement_before_filing', 'acknowledgedAt')]);
    expect(reasons(filed('2026-03-02', { acknowledgedAt: '2026-03-02' }))).toEqual([]);
    expect(reasons(granted('2026-03-02', '2026-05-01'))).toEqual([]);
    expect(reasons({ ...granted('2026-03-02', '2026-05-01'), acknowledgedAt: '2026-05-02' })).toEqual([issue('acknowledgement_after_decision', 'acknowledgedAt')]);
    expect(reasons({ ...granted('2026-03-02', '2026-05-01'), acknowledgedAt: '2026-05-01' })).toEqual([]);
    expect(reasons(filed('2026-03-02', { acknowledgedAt: '2026-12-02' }))).toEqual([issue('in_the_future', 'acknowledgedAt')]);
    expect(reasons(filed('2026-03-02', { acknowledgedAt: '2026-02-30' }))).toEqual([issue('not_a_day', 'acknowledgedAt')]);
  });
});

describe("the departmental commission's three months, extendable by one", () => {
  it('counts both deadlines from the filing, clamped at month ends', () => {
    expect(deriveAuthorisation(filed('2026-01-15'), '2026-01-15')).toMatchObject({ cdvpDeadline: '2026-04-15', cdvpExtendedDeadline: '2026-05-15' });
    expect(deriveAuthorisation(filed('2026-11-30'), '2026-11-30')).toMatchObject({ cdvpDeadline: '2027-02-28', cdvpExtendedDeadline: '2027-03-30' });
    expect(deriveAuthorisation(filed('2027-11-30'), '2027-11-30')).toMatchObject({ cdvpDeadline: '2028-02-29', cdvpExtendedDeadline: '2028-03-30' });
  });
});

describe('expiry five years after the grant, renewal four months before', () => {
  it('holds through the expiry day and has expired the day after', () => {
    const facts = granted('2026-03-15', '2026-06-15');
    expect(deriveAuthorisation(facts, '2026-06-15')).toMatchObject({ status: 'granted', grantedAt: '2026-06-15', expiresAt: '2031-06-15', renewalDueAt: '2031-02-15', renewalDue: false });
    expect(statusOn(facts, '2031-06-14')).toBe('granted');
    expect(statusOn(facts, '2031-06-15')).toBe('granted');
    expect(statusOn(facts, '2031-06-16')).toBe('expired');
  });

  it('is due for renewal from four months before expiry, and no longer once expired', () => {
    const facts = granted('2026-03-15', '2026-06-15');
    expect(deriveAuthorisation(facts, '2031-02-14').renewalDue).toBe(false);
    expect(deriveAuthorisation(facts, '2031-02-15').renewalDue).toBe(true);
    expect(deriveAuthorisation(facts, '2031-02-16').renewalDue).toBe(true);
    expect(deriveAuthorisation(facts, '2031-06-15').renewalDue).toBe(true);
    expect(deriveAuthorisation(facts, '2031-06-16')).toMatchObject({ status: 'expired', renewalDue: false });
  });

  it('turns a 29 February 2028 grant into a 28 February 2033 expiry', () => {
    const facts = granted('2028-01-10', '2028-02-29');
    expect(deriveAuthorisation(facts, '2028-02-29')).toMatchObject({ expiresAt: '2033-02-28', renewalDueAt: '2032-10-28' });
    expect(statusOn(facts, '2033-02-28')).toBe('granted');
    expect(statusOn(facts, '2033-03-01')).toBe('expired');
    expect(deriveAuthorisation(facts, '2032-10-27').renewalDue).toBe(false);
    expect(deriveAuthorisation(facts, '2032-10-28').renewalDue).toBe(true);
  });

  it('clamps the renewal day at month ends too, in a leap February when there is one', () => {
    expect(deriveAuthorisation(granted('2026-10-01', '2026-10-31'), '2026-10-31')).toMatchObject({ expiresAt: '2031-10-31', renewalDueAt: '2031-06-30' });
    expect(deriveAuthorisation(granted('2027-06-01', '2027-06-30'), '2027-06-30')).toMatchObject({ expiresAt: '2032-06-30', renewalDueAt: '2032-02-29' });
    expect(deriveAuthorisation(granted('2026-06-01', '2026-06-30'), '2026-06-30')).toMatchObject({ expiresAt: '2031-06-30', renewalDueAt: '2031-02-28' });
  });
});

describe('validity from the order (CSI L252-4) and the renewal lead time (prefecture practice)', () => {
  it('expires five years after the order, only once granted: never from a filing, a refusal or the vote', () => {
    fc.assert(
      fc.property(validFacts, ({ facts, today }) => {
        const a = deriveAuthorisation(facts, today);
        const grantedAt = facts.decision?.kind === 'granted' ? facts.decision.grantedAt : null;
        expect(a.expiresAt).toBe(grantedAt === null ? null : addMonths(grantedAt, 60));
        expect(a.grantedAt).toBe(grantedAt);
      }),
    );
  });

  it('puts the renewal and the re-review the committee’s lead time before expiry (4 months by default), whatever the lead', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: RENEWAL_LEAD_MONTHS.min, max: RENEWAL_LEAD_MONTHS.max }), (grantedAt, lead) => {
        const a = deriveAuthorisation(granted(grantedAt, grantedAt), grantedAt, { renewalLeadMonths: lead });
        expect(a.expiresAt).toBe(addMonths(grantedAt, 60));
        expect(a.renewalDueAt).toBe(addMonths(a.expiresAt!, -lead));
        // The lead time moves the renewal, never the expiry nor the status.
        expect(deriveAuthorisation(granted(grantedAt, grantedAt), grantedAt)).toMatchObject({ expiresAt: a.expiresAt, status: a.status, renewalDueAt: addMonths(a.expiresAt!, -4) });
      }),
    );
    const six = granted('2026-03-15', '2026-06-15');
    expect(deriveAuthorisation(six, '2030-12-15', { renewalLeadMonths: 6 })).toMatchObject({ renewalDueAt: '2030-12-15', renewalDue: true });
    expect(deriveAuthorisation(six, '2030-12-15').renewalDue).toBe(false);
  });

  it('refuses a lead time outside the settings’ range', () => {
    for (const bad of [0, 13, 2.5, Number.NaN]) expect(() => deriveAuthorisation({}, '2026-05-01', { renewalLeadMonths: bad })).toThrow(RangeError);
  });
});

describe('month arithmetic (addMonths, shared with the register)', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    const daysIn = (y: number, m: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), (d, months) => {
        const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
        const index = y * 12 + (m - 1) + months;
        const ty = Math.floor(index / 12);
        const tm = index - ty * 12;
        const expected = `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(dd, daysIn(ty, tm))).padStart(2, '0')}`;
        expect(addMonths(d, months)).toBe(expected);
      }),
    );
  });
});

describe('Paris calendar days', () => {
  it('reads the day in Paris on the nights of the daylight-saving changes', () => {
    expect(parisDate(new Date('2026-03-28T22:59:00Z'))).toBe('2026-03-28');
    expect(parisDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(parisDate(new Date('2026-03-29T21:59:00Z'))).toBe('2026-03-29');
    expect(parisDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    expect(parisDate(new Date('2026-10-24T21:59:00Z'))).toBe('2026-10-24');
    expect(parisDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(parisDate(new Date('2026-10-25T22:59:00Z'))).toBe('2026-10-25');
    expect(parisDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('agrees with the EU rule (UTC+2 from the last Sunday of March to the last Sunday of October, 01:00 UTC) for any instant', () => {
    const lastSunday = (y: number, month: number) => {
      const last = new Date(Date.UTC(y, month + 1, 0));
      return Date.UTC(y, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }), (t) => {
        const y = new Date(t).getUTCFullYear();
        const summer = t >= lastSunday(y, 2) && t < lastSunday(y, 9);
        expect(parisDate(new Date(t))).toBe(new Date(t + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides the status by the day in Paris, not in UTC', () => {
    // Filed 28 Nov 2025: the silence deadline is 28 March 2026, the night clocks go forward.
    const spring = filed('2025-11-28');
    expect(authorisationAt(spring, new Date('2026-03-28T22:59:00Z')).status).toBe('filed');
    expect(authorisationAt(spring, new Date('2026-03-28T23:30:00Z')).status).toBe('refused_by_silence');
    // Filed 24 June: the deadline is 24 October, the night clocks go back; 22:30 UTC is still the 24th in UTC.
    const autumn = filed('2026-06-24');
    expect(authorisationAt(autumn, new Date('2026-10-24T21:59:00Z')).status).toBe('filed');
    expect(authorisationAt(autumn, new Date('2026-10-24T22:30:00Z')).status).toBe('refused_by_silence');
    // Granted 25 Oct 2021: it expires 25 Oct 2026, the day clocks go back.
    const expiring = granted('2021-09-01', '2021-10-25');
    expect(authorisationAt(expiring, new Date('2026-10-25T22:59:00Z')).status).toBe('granted');
    expect(authorisationAt(expiring, new Date('2026-10-25T23:00:00Z')).status).toBe('expired');
  });
});

describe('properties of the derivation', () => {
  it('is total for any valid facts on any later day, and its dates keep their order', () => {
    fc.assert(
      fc.property(validFacts, ({ facts, today }) => {
        expect(authorisationIssues(facts, today)).toEqual([]);
        const a = deriveAuthorisation(facts, today);
        expect(AUTHORISATION_STATUSES).toContain(a.status);
        expect(a.filedAt).toBe(facts.filedAt);
        expect(a.silenceDeadline! > a.filedAt!).toBe(true);
        // The four months run from the acknowledgement when there is one, else from the filing, said so.
        expect(a.silenceDeadline).toBe(addMonths(facts.acknowledgedAt ?? facts.filedAt!, 4));
        expect(a.silenceCountedFrom).toBe(facts.acknowledgedAt ? 'acknowledgement' : 'filing');
        expect(a.refusedBySilenceFrom).toBe(nextDay(a.silenceDeadline!));
        expect(a.filedAt! < a.cdvpDeadline! && a.cdvpDeadline! < a.cdvpExtendedDeadline!).toBe(true);
        if (a.grantedAt !== null) {
          expect(a.expiresAt! > a.grantedAt).toBe(true);
          expect(a.renewalDueAt! < a.expiresAt!).toBe(true);
          expect(a.renewalDueAt! > a.grantedAt).toBe(true);
          expect(['granted', 'expired']).toContain(a.status);
        } else expect(a.expiresAt).toBeNull();
        expect(a.renewalDue).toBe(a.status === 'granted' && today >= a.renewalDueAt!);
        if (a.status === 'refused_by_silence') expect(today >= a.refusedBySilenceFrom! && !facts.decision).toBe(true);
      }),
    );
  });

  it('never moves the status back as the days pass', () => {
    fc.assert(
      fc.property(validFacts, day, day, ({ facts }, d1, d2) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(RANK[statusOn(facts, early)]).toBeLessThanOrEqual(RANK[statusOn(facts, late)]);
      }),
    );
  });

  it('reads only the facts that have happened by the day asked', () => {
    fc.assert(
      fc.property(validFacts, day, ({ facts }, today) => {
        const decisionDay = facts.decision?.kind === 'granted' ? facts.decision.grantedAt : facts.decision?.refusedAt;
        const happened: AuthorisationFacts = {
          filedAt: facts.filedAt! <= today ? facts.filedAt : null,
          // The acknowledgement dates the start of the silence: it counts from the filing on, whatever the day asked.
          acknowledgedAt: facts.acknowledgedAt,
          decision: decisionDay !== undefined && decisionDay <= today ? facts.decision : null,
        };
        expect(deriveAuthorisation(facts, today)).toEqual(deriveAuthorisation(happened, today));
      }),
    );
  });
});

const reasons = (facts: AuthorisationFacts, today = '2026-12-01') => authorisationIssues(facts, today);
const issue = (reason: AuthorisationIssue['reason'], ...path: string[]): AuthorisationIssue => ({ reason, path });

describe('inconsistent facts', () => {
  it('accepts a whole, ordered record, and decisions on the filing day or the CDVP opinion day', () => {
    expect(reasons({})).toEqual([]);
    expect(reasons(filed('2026-03-15', { cdvpOpinionAt: '2026-05-10', cdvpOpinion: 'favourable', decision: { kind: 'granted', orderReference: 'AP-1', grantedAt: '2026-05-10' } }))).toEqual([]);
    expect(reasons(granted('2026-03-15', '2026-03-15'))).toEqual([]);
    expect(reasons(filed('2026-12-01'), '2026-12-01')).toEqual([]);
    expect(reasons({ filedAt: '', cdvpOpinionAt: '' })).toEqual([]);
  });

  it('refuses a decision before the filing, on the day before but not on the day', () => {
    expect(reasons(granted('2026-03-15', '2026-03-14'))).toEqual([issue('decision_before_filing', 'decision', 'grantedAt')]);
    expect(reasons(filed('2026-03-15', { decision: { kind: 'refused', refusedAt: '2026-03-14', reason: 'Motif' } }))).toEqual([issue('decision_before_filing', 'decision', 'refusedAt')]);
  });

  it('refuses a decision, a CDVP opinion or a file reference without a filing', () => {
    expect(reasons({ decision: { kind: 'granted', orderReference: 'AP-1', grantedAt: '2026-05-01' } })).toEqual([issue('decision_without_filing', 'decision', 'grantedAt')]);
    expect(reasons({ cdvpOpinionAt: '2026-05-01', cdvpOpinion: 'unfavourable' })).toEqual([issue('cdvp_opinion_without_filing', 'cdvpOpinionAt')]);
    expect(reasons({ prefectureReference: 'PREF-1' })).toEqual([issue('reference_without_filing', 'prefectureReference')]);
  });

  it('refuses a CDVP opinion before the filing or after the decision, on the day after but not on the day', () => {
    expect(reasons(filed('2026-03-15', { cdvpOpinionAt: '2026-03-14', cdvpOpinion: 'favourable' }))).toEqual([issue('cdvp_opinion_before_filing', 'cdvpOpinionAt')]);
    expect(reasons(filed('2026-03-15', { cdvpOpinionAt: '2026-05-11', cdvpOpinion: 'favourable', decision: { kind: 'granted', orderReference: 'AP-1', grantedAt: '2026-05-10' } }))).toEqual([
      issue('cdvp_opinion_after_decision', 'cdvpOpinionAt'),
    ]);
  });

  it('refuses a day that has not come yet: tomorrow, not today', () => {
    expect(reasons(filed('2026-12-02'))).toEqual([issue('in_the_future', 'filedAt')]);
    expect(reasons(granted('2026-03-15', '2026-12-02'))).toEqual([issue('in_the_future', 'decision', 'grantedAt')]);
    expect(reasons(filed('2026-03-15', { cdvpOpinionAt: '2026-12-02', cdvpOpinion: 'favourable' }))).toEqual([issue('in_the_future', 'cdvpOpinionAt')]);
  });

  it('refuses a day that does not exist', () => {
    for (const bad of ['2026-02-29', '2028-02-30', '2026-13-01', '2026-04-31', '26-01-01', '0050-01-01', '2026-1-5', 'demain']) {
      expect(isCalendarDay(bad)).toBe(false);
      expect(reasons({ filedAt: bad })).toEqual([issue('not_a_day', 'filedAt')]);
    }
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(() => deriveAuthorisation({ filedAt: '2026-02-30' }, '2026-05-01')).toThrow(TypeError);
    expect(() => deriveAuthorisation({}, '2026-5-1')).toThrow(TypeError);
  });

  it('asks for both halves of a pair: the CDVP opinion and its day, a decision and its day, reference or reason', () => {
    expect(reasons(filed('2026-03-15', { cdvpOpinion: 'favourable' }))).toEqual([issue('required', 'cdvpOpinionAt')]);
    expect(reasons(filed('2026-03-15', { cdvpOpinionAt: '2026-04-01' }))).toEqual([issue('required', 'cdvpOpinion')]);
    expect(reasons(filed('2026-03-15', { decision: { kind: 'granted', orderReference: '  ', grantedAt: '2026-04-01' } }))).toEqual([issue('required', 'decision', 'orderReference')]);
    expect(reasons(filed('2026-03-15', { decision: { kind: 'refused', refusedAt: '', reason: '' } }))).toEqual([issue('required', 'decision', 'reason'), issue('required', 'decision', 'refusedAt')]);
  });

  it('finds a decision moved before the filing in any valid record', () => {
    fc.assert(
      fc.property(validFacts, fc.integer({ min: 1, max: 500 }), ({ facts, today }, back) => {
        const grantedAt = plusDays(facts.filedAt!, -back);
        const moved = { ...facts, acknowledgedAt: null, cdvpOpinionAt: null, cdvpOpinion: null, decision: { kind: 'granted' as const, orderReference: 'AP-1', grantedAt } };
        expect(authorisationIssues(moved, today)).toEqual([issue('decision_before_filing', 'decision', 'grantedAt')]);
      }),
    );
  });
});
