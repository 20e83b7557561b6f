import type { DecisionOutcome } from './vocabulary';

/**
 * The committee's arithmetic (DOMAIN.md rule 6), computed by the server and never by
 * someone's head: who counts towards the quorum of an agenda item, and what a closed
 * vote decides under the committee's settings. Pure; the workflow loads the facts.
 */

export const QUORUM_RULES = ['majority_of_serving', 'fixed'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

/**
 * - `cast`: favourable when "for" exceeds "against" among the votes cast (DOMAIN.md's default);
 * - `absolute_of_present`: favourable when "for" is more than half of the members present
 *   (and represented by proxy) who may vote on the item.
 */
export const MAJORITY_RULES = ['cast', 'absolute_of_present'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export interface CommitteeSettings {
  quorumRule: QuorumRule;
  /** With the `fixed` rule: how many present, non-recused members make the quorum. */
  quorumFixed: number | null;
  majorityRule: MajorityRule;
  /** The chair's vote decides a tie. */
  chairCastingVote: boolean;
  /** Days between the convocation and the session. */
  noticeDays: number;
  /** When on, a present member may hold at most one proxy from an absent member. */
  proxiesAllowed: boolean;
}

export const DEFAULT_COMMITTEE_SETTINGS: CommitteeSettings = {
  quorumRule: 'majority_of_serving',
  quorumFixed: null,
  majorityRule: 'cast',
  chairCastingVote: true,
  noticeDays: 5,
  proxiesAllowed: false,
};

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface Quorum {
  /** Present members who may vote on this item (serving, not recused). */
  present: number;
  /** How many the rule requires. */
  required: number;
  reached: boolean;
}

/**
 * The quorum of one agenda item. `serving` counts the members holding the member role on
 * the session's date and not recused on this item; `present` those of them present (a
 * proxy does not make its giver present).
 */
export function quorumFor(settings: Pick<CommitteeSettings, 'quorumRule' | 'quorumFixed'>, serving: number, present: number): Quorum {
  const required = settings.quorumRule === 'fixed' ? Math.max(1, settings.quorumFixed ?? 1) : Math.floor(serving / 2) + 1;
  return { present, required, reached: present >= required && present > 0 };
}

export interface Ballot {
  choice: VoteChoice;
  /** The ballot is the chair's own (not one cast for someone else by proxy). */
  byChair: boolean;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

export function tally(ballots: readonly Pick<Ballot, 'choice'>[]): Tally {
  const counts: Tally = { for: 0, against: 0, abstain: 0 };
  for (const b of ballots) counts[b.choice]++;
  return counts;
}

export interface VoteResult {
  outcome: DecisionOutcome;
  tally: Tally;
  /** How the outcome was reached, for the minutes. */
  basis: 'majority' | 'casting_vote' | 'tie_unbroken';
}

/**
 * What a closed vote decides. `voters` is how many members present or represented by
 * proxy could vote on the item (the base of the absolute-majority rule); `withConditions`
 * says the conditions put to the vote are not empty.
 *
 * "For" wins: favourable (with conditions when there are some). "Against" wins:
 * unfavourable. A tie goes to the chair's own vote when the settings say so; a tie the
 * chair's vote cannot break (abstained, recused, not voted, or no casting vote) adjourns.
 * Under the absolute rule, "for" must also exceed half of `voters`, else the proposal is
 * not carried (unfavourable) unless for and against are tied.
 */
export function decide(
  settings: Pick<CommitteeSettings, 'majorityRule' | 'chairCastingVote'>,
  ballots: readonly Ballot[],
  { voters, withConditions }: { voters: number; withConditions: boolean },
): VoteResult {
  const counts = tally(ballots);
  const favourable: DecisionOutcome = withConditions ? 'favourable_with_conditions' : 'favourable';
  if (counts.for === counts.against) {
    const chair = settings.chairCastingVote ? ballots.find((b) => b.byChair && b.choice !== 'abstain') : undefined;
    if (!chair) return { outcome: 'adjourned', tally: counts, basis: 'tie_unbroken' };
    return { outcome: chair.choice === 'for' ? favourable : 'unfavourable', tally: counts, basis: 'casting_vote' };
  }
  const carried = settings.majorityRule === 'cast' ? counts.for > counts.against : counts.for * 2 > voters;
  return { outcome: carried ? favourable : 'unfavourable', tally: counts, basis: 'majority' };
}

/** Why a member may not deliberate nor vote on a file, or null. */
export type Recusal = 'author' | 'diagnostician' | 'conflict';

/**
 * Recusal (DOMAIN.md: nobody votes on a proposal they submitted or diagnosed, nor with a
 * declared conflict of interest). Its SQL twin is the trigger `vigie_vote_rules`
 * (db/migrations/0006_committee_rules.sql), which refuses the vote row itself.
 */
export function recusalOf(
  memberId: string,
  file: { authorId: string; diagnosticSignerIds: readonly string[]; conflictMemberIds: readonly string[] },
): Recusal | null {
  if (file.authorId === memberId) return 'author';
  if (file.diagnosticSignerIds.includes(memberId)) return 'diagnostician';
  if (file.conflictMemberIds.includes(memberId)) return 'conflict';
  return null;
}

/** Whether convening now leaves fewer whole days before the session than the notice period. */
export function isLateConvocation(now: Date, scheduledAt: Date, noticeDays: number): boolean {
  return scheduledAt.getTime() - now.getTime() < noticeDays * 86_400_000;
}
