import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_COMMITTEE_SETTINGS, quorumFor, tally, VOTE_CHOICES, type Ballot } from '@/lib/domain/committee';

const choice = fc.constantFrom(...VOTE_CHOICES);
const ballots = fc.array(fc.record({ choice, byChair: fc.constant(false) }), { maxLength: 40 });
/** Ballots with at most one the chair's own. */
const withChair = fc.tuple(ballots, fc.option(choice, { nil: undefined })).map(([others, chair]) => (chair ? [...others, { choice: chair, byChair: true }] : others));
const settings = fc.record({ majorityRule: fc.constantFrom('cast' as const, 'absolute_of_present' as const), chairCastingVote: fc.boolean() });

describe('quorum', () => {
  it('is a majority of serving members by default', () => {
    expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, 9, 5)).toEqual({ present: 5, required: 5, reached: true });
    expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, 9, 4)).toEqual({ present: 4, required: 5, reached: false });
    expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, 8, 4)).toEqual({ present: 4, required: 5, reached: false });
    expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, 8, 5)).toMatchObject({ required: 5, reached: true });
  });

  it('is reached exactly when present ≥ ⌊serving/2⌋+1, for every committee size', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), (serving, extra) => {
        const present = Math.min(serving, extra);
        expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, serving, present).reached).toBe(present > 0 && 2 * present > serving);
      }),
    );
  });

  it('can be a fixed number, and is never reached by nobody', () => {
    const fixed = { quorumRule: 'fixed' as const, quorumFixed: 3 };
    expect(quorumFor(fixed, 20, 3).reached).toBe(true);
    expect(quorumFor(fixed, 20, 2).reached).toBe(false);
    expect(quorumFor(DEFAULT_COMMITTEE_SETTINGS, 0, 0).reached).toBe(false);
    expect(quorumFor({ quorumRule: 'fixed', quorumFixed: 0 }, 5, 0).reached).toBe(false);
  });
});

describe('tally and decision', () => {
  it('counts every ballot once, under its choice', () => {
    fc.assert(
      fc.property(withChair, (bs) => {
        const t = tally(bs);
        expect(t.for + t.against + t.abstain).toBe(bs.length);
        expect(t.for).toBe(bs.filter((b) => b.choice === 'for').length);
      }),
    );
  });

  it('follows "for exceeds against among votes cast" by default', () => {
    const cast = (fors: number, againsts: number, abstains = 0): Ballot[] => [
      ...Array.from({ length: fors }, () => ({ choice: 'for' as const, byChair: false })),
      ...Array.from({ length: againsts }, () => ({ choice: 'against' as const, byChair: false })),
      ...Array.from({ length: abstains }, () => ({ choice: 'abstain' as const, byChair: false })),
    ];
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, cast(3, 2, 4), { voters: 9, withConditions: false }).outcome).toBe('favourable');
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, cast(3, 2), { voters: 5, withConditions: true }).outcome).toBe('favourable_with_conditions');
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, cast(2, 3), { voters: 5, withConditions: true }).outcome).toBe('unfavourable');
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, cast(0, 0, 5), { voters: 5, withConditions: false })).toMatchObject({ outcome: 'adjourned', basis: 'tie_unbroken' });
  });

  it('breaks a tie with the chair’s own vote, and adjourns a tie it cannot break', () => {
    const tie: Ballot[] = [
      { choice: 'for', byChair: false },
      { choice: 'against', byChair: false },
    ];
    const forChair: Ballot[] = [...tie, { choice: 'for', byChair: false }, { choice: 'against', byChair: true }];
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, forChair, { voters: 4, withConditions: false })).toMatchObject({ outcome: 'unfavourable', basis: 'casting_vote' });
    expect(decide({ ...DEFAULT_COMMITTEE_SETTINGS, chairCastingVote: false }, forChair, { voters: 4, withConditions: false }).outcome).toBe('adjourned');
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, [...tie, { choice: 'abstain', byChair: true }], { voters: 3, withConditions: false }).outcome).toBe('adjourned');
    expect(decide(DEFAULT_COMMITTEE_SETTINGS, tie, { voters: 2, withConditions: false }).outcome).toBe('adjourned');
  });

  it('never favours a proposal that "against" outvotes, and never rejects one that carries', () => {
    fc.assert(
      fc.property(settings, withChair, fc.boolean(), (s, bs, withConditions) => {
        const t = tally(bs);
        const voters = bs.length;
        const { outcome, basis } = decide(s, bs, { voters, withConditions });
        const favourable = outcome === 'favourable' || outcome === 'favourable_with_conditions';
        if (t.against > t.for) expect(outcome).toBe('unfavourable');
        if (t.for > t.against) {
          const carries = s.majorityRule === 'cast' || t.for * 2 > voters;
          expect(favourable).toBe(carries);
          expect(outcome === 'unfavourable').toBe(!carries);
        }
        if (favourable) expect(outcome).toBe(withConditions ? 'favourable_with_conditions' : 'favourable');
        if (t.for === t.against) {
          const chair = bs.find((b) => b.byChair);
          const breaks = s.chairCastingVote && chair !== undefined && chair.choice !== 'abstain';
          expect(basis).toBe(breaks ? 'casting_vote' : 'tie_unbroken');
          if (!breaks) expect(outcome).toBe('adjourned');
          else expect(favourable).toBe(chair!.choice === 'for');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('under the absolute rule, needs more than half of those who could vote', () => {
    const s = { majorityRule: 'absolute_of_present' as const, chairCastingVote: true };
    const b = (choice: Ballot['choice']): Ballot => ({ choice, byChair: false });
    // 3 for, 1 against, 4 abstain out of 8: a majority of votes cast, not of those present.
    expect(decide(s, [b('for'), b('for'), b('for'), b('against'), b('abstain'), b('abstain'), b('abstain'), b('abstain')], { voters: 8, withConditions: false }).outcome).toBe('unfavourable');
    expect(decide(s, [b('for'), b('for'), b('for'), b('against')], { voters: 5, withConditions: false }).outcome).toBe('favourable');
  });
});
