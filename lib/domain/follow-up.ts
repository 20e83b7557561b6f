import { deriveAuthorisation, isCalendarDay, type AuthorisationFacts } from './authorisation';
import { isAuthorisedOn, type DecisionStanding } from './camera-status';
import { needsPrefectAuthorisation } from './regimes';
import { type AuthorisationStatus, type CameraRegime, type CdvpOpinion, type ConditionStatus, type DecisionCondition, type PrefectDecisionKind, type RegisterEntryKind } from './vocabulary';

/**
 * What follows a published favourable decision, as the public sees it at serve time:
 * the prefect's authorisation and the follow-up of each condition. Both live OUTSIDE the
 * sealed register entry (its hash covers only what the committee published), and both
 * are derived from what the city recorded and today's Paris day, never stored.
 */

/** Outcomes under which cameras may be authorised. */
export const FAVOURABLE_OUTCOMES = ['favourable', 'favourable_with_conditions'] as const;
export const isFavourable = (outcome: string): boolean => (FAVOURABLE_OUTCOMES as readonly string[]).includes(outcome);

/** The recorded steps of an authorisation, as the `authorisations` row holds them. */
export interface AuthorisationRecord {
  filedOn: string | null;
  prefectureReference: string | null;
  /** The prefecture's acknowledgement of receipt (absent from reads that predate it: none recorded). */
  acknowledgedOn?: string | null;
  cdvpOpinionOn: string | null;
  cdvpOpinion: CdvpOpinion | null;
  prefectDecision: PrefectDecisionKind | null;
  prefectDecidedOn: string | null;
  orderReference: string | null;
  refusalReason: string | null;
  /** The retention the order sets, in days (CSI L252-5), when granted. */
  orderRetentionDays?: number | null;
  /** The day the prefect was told the cameras were put in service. */
  commissioningNoticeOn?: string | null;
}

/** The row as the facts `deriveAuthorisation` reads (a missing row: nothing filed yet). */
export function authorisationFacts(row: AuthorisationRecord | null): AuthorisationFacts {
  if (!row) return {};
  return {
    filedAt: row.filedOn,
    prefectureReference: row.prefectureReference,
    acknowledgedAt: row.acknowledgedOn ?? null,
    cdvpOpinionAt: row.cdvpOpinionOn,
    cdvpOpinion: row.cdvpOpinion,
    decision:
      row.prefectDecision === 'granted' && row.prefectDecidedOn && row.orderReference
        ? { kind: 'granted', grantedAt: row.prefectDecidedOn, orderReference: row.orderReference }
        : row.prefectDecision === 'refused' && row.prefectDecidedOn && row.refusalReason
          ? { kind: 'refused', refusedAt: row.prefectDecidedOn, reason: row.refusalReason }
          : null,
  };
}

/** The authorisation as `/api/v1/decisions` and the register pages serve it. */
export interface PublicAuthorisation {
  status: AuthorisationStatus;
  filedAt: string | null;
  grantedAt: string | null;
  refusedAt: string | null;
  /** The last day the authorisation holds (grant + 5 years). */
  expiresAt: string | null;
  /** From this day on, the prefect's silence is a refusal (filing + 4 months + 1 day); null once decided. */
  refusedBySilenceFrom: string | null;
  /** The prefect's order (arrêté préfectoral) reference, once granted. */
  reference: string | null;
}

/**
 * The authorisation of a register entry on `today` (a Paris day): null for an entry that
 * cannot be authorised (an unfavourable opinion, a revocation entry; a revoked decision is
 * left out by the caller); `not_filed` for a
 * favourable one the city has not filed yet.
 */
export function publicAuthorisation(entry: { kind: RegisterEntryKind; outcome: string }, row: AuthorisationRecord | null, today: string): PublicAuthorisation | null {
  if (entry.kind === 'revocation' || !isFavourable(entry.outcome)) return null;
  const state = deriveAuthorisation(authorisationFacts(row), today);
  const granted = state.grantedAt !== null;
  return {
    status: state.status,
    filedAt: state.filedAt,
    grantedAt: state.grantedAt,
    refusedAt: state.refusedAt,
    expiresAt: state.expiresAt,
    refusedBySilenceFrom: state.status === 'filed' || state.status === 'refused_by_silence' ? state.refusedBySilenceFrom : null,
    reference: granted ? row?.orderReference ?? null : null,
  };
}

/** Where one condition stands: pending (nobody checked it yet), met, or not met. */
export type ConditionState = 'pending' | ConditionStatus;

export interface ConditionFollowUpRecord {
  conditionIndex: number;
  status: ConditionStatus;
  checkedOn: string;
}

export interface PublicConditionFollowUp {
  state: ConditionState;
  /** Its due date has passed (before today) and it is not met. */
  overdue: boolean;
  /** The day it was last checked; null while pending. */
  checkedOn: string | null;
}

/** Overdue: a due date before today (Paris) and not marked met. */
export function isOverdue(condition: Pick<DecisionCondition, 'dueDate'>, status: ConditionStatus | null, today: string): boolean {
  return condition.dueDate !== null && condition.dueDate < today && status !== 'met';
}

/** Each condition of an entry beside its follow-up (matched by its position in the list). */
export function conditionsFollowUp(conditions: readonly Pick<DecisionCondition, 'dueDate'>[], records: readonly ConditionFollowUpRecord[], today: string): PublicConditionFollowUp[] {
  return conditions.map((condition, index) => {
    const record = records.find((r) => r.conditionIndex === index) ?? null;
    return { state: record?.status ?? 'pending', overdue: isOverdue(condition, record?.status ?? null, today), checkedOn: record?.checkedOn ?? null };
  });
}

/* ------------------------------------------------------------------------------------
 * Each camera under its own regime (lib/domain/regimes.ts): the prefect authorises the
 * public road and places open to the public; a landlord's common area has its board's
 * decision instead, and a convention with the State when images go to the police in real
 * time (CSI L272-2, formerly CCH L126-1-1).
 * ---------------------------------------------------------------------------------- */

/** The landlord's board decision and the police convention, as the `landlord_decisions` row holds them. */
export interface LandlordDecisionRecord {
  boardDecidedOn: string;
  boardReference: string;
  /** Images go to the police in real time: the L272-2 convention is then required (its day, parties, reference). */
  policeTransmission: boolean;
  conventionSignedOn: string | null;
  conventionParties: string | null;
  conventionReference: string | null;
}

/** What the follow-up of a decision tracks, from its cameras' regimes. */
export interface TrackedSteps {
  /**
   * At least one camera on the public road or in a place open to the public: the prefect's
   * authorisation. Also a decision with no camera regime known (a file without cameras is
   * followed as every file was before regimes existed), as the public pages read it.
   */
  prefect: boolean;
  /** At least one camera in a landlord's common area: the landlord's board decision (and the convention, if any). */
  landlord: boolean;
}

export function trackedSteps(regimes: readonly CameraRegime[]): TrackedSteps {
  return { prefect: regimes.length === 0 || regimes.some(needsPrefectAuthorisation), landlord: regimes.some((r) => !needsPrefectAuthorisation(r)) };
}

/**
 * Where a decision stands on `day` for "authorised" (lib/domain/camera-status.ts
 * `isAuthorisedOn`, the one rule every page, export and command reads), from what the city
 * recorded: whether the decision holds, the prefect's authorisation as recorded
 * (`authorisationFacts` of the row, derived on that day), the landlord's board decision.
 */
export function decisionStandingOn(
  records: { holds: boolean; authorisation: AuthorisationFacts | null; landlordDecision: Pick<LandlordDecisionRecord, 'boardDecidedOn'> | null },
  day: string,
): DecisionStanding {
  return {
    holds: records.holds,
    authorisationStatus: records.authorisation === null ? null : deriveAuthorisation(records.authorisation, day).status,
    landlordDecidedOn: records.landlordDecision?.boardDecidedOn ?? null,
  };
}

/** Why a camera may not be put in service on a day; `date` names the day that decides it. */
export type CommissioningRefusal =
  | { reason: 'in_the_future' | 'not_authorised' | 'not_decided_by_landlord' }
  | { reason: 'before_grant' | 'expired' | 'before_landlord_decision'; date: string };

/**
 * Why a camera of `regime` may not be put in service on `day`, or null: never in the
 * future (Paris `today`), and only on a day it is authorised (camera-status.ts
 * `isAuthorisedOn`): from the prefect's grant until the order expires (public road, place
 * open to the public), or from the landlord's board decision (a landlord's common area).
 */
export function commissioningRefusal(
  regime: CameraRegime,
  records: { authorisation: AuthorisationFacts | null; landlordDecision: Pick<LandlordDecisionRecord, 'boardDecidedOn'> | null },
  day: string,
  today: string,
): CommissioningRefusal | null {
  if (day > today) return { reason: 'in_the_future' };
  // The decision holds (the command refuses a revoked or unfavourable one before asking).
  if (isAuthorisedOn(regime, decisionStandingOn({ holds: true, ...records }, day), day)) return null;
  if (!needsPrefectAuthorisation(regime)) {
    const board = records.landlordDecision;
    return board === null || board.boardDecidedOn > today ? { reason: 'not_decided_by_landlord' } : { reason: 'before_landlord_decision', date: board.boardDecidedOn };
  }
  const facts = records.authorisation ?? {};
  const onThatDay = deriveAuthorisation(facts, day);
  if (onThatDay.status === 'expired') return { reason: 'expired', date: onThatDay.expiresAt! };
  // Granted later than that day, or not granted at all (as of today).
  const now = deriveAuthorisation(facts, today);
  if (now.grantedAt) return { reason: 'before_grant', date: now.grantedAt };
  return { reason: 'not_authorised' };
}

/**
 * Why a camera in service since `commissionedOn` may not be recorded as taken down on `day`:
 * the day it was really taken down, so never in the future nor before it was put in service.
 */
export function decommissioningRefusal(day: string, commissionedOn: string, today: string): 'in_the_future' | 'before_commissioning' | null {
  if (day > today) return 'in_the_future';
  if (day < commissionedOn) return 'before_commissioning';
  return null;
}

/**
 * Why a condition of a decision voted on `decidedAt` may not be recorded as checked on
 * `day`: a condition is checked after the committee set it, and on a day that has come.
 */
export function conditionCheckRefusal(day: string, decidedAt: string, today: string): 'in_the_future' | 'before_decision' | null {
  if (day > today) return 'in_the_future';
  if (day < decidedAt) return 'before_decision';
  return null;
}

/** What the landlord's record says that cannot be: keys of `followUp.issues`, each on its field. */
export type LandlordDecisionIssue = { reason: 'not_a_day' | 'in_the_future' | 'required' | 'convention_without_transmission'; path: string };

/**
 * Everything inconsistent in a landlord's record on `today`: days that do not exist or have
 * not come, and the convention (CSI L272-2) given in full exactly when images go to the
 * police in real time: its day, its parties, its reference; none of them otherwise (a
 * typed convention without transmission is pointed out, not dropped).
 */
export function landlordDecisionIssues(
  facts: { boardDecidedOn: string; boardReference: string; policeTransmission: boolean; conventionSignedOn: string; conventionParties: string; conventionReference: string },
  today: string,
): LandlordDecisionIssue[] {
  const issues: LandlordDecisionIssue[] = [];
  const day = (value: string, path: string) => {
    if (!isCalendarDay(value)) issues.push({ reason: 'not_a_day', path });
    else if (value > today) issues.push({ reason: 'in_the_future', path });
  };
  if (facts.boardDecidedOn.trim() === '') issues.push({ reason: 'required', path: 'boardDecidedOn' });
  else day(facts.boardDecidedOn, 'boardDecidedOn');
  if (facts.boardReference.trim() === '') issues.push({ reason: 'required', path: 'boardReference' });
  const convention = { conventionSignedOn: facts.conventionSignedOn, conventionParties: facts.conventionParties, conventionReference: facts.conventionReference };
  for (const [path, value] of Object.entries(convention)) {
    const given = value.trim() !== '';
    if (facts.policeTransmission && !given) issues.push({ reason: 'required', path });
    else if (!facts.policeTransmission && given) issues.push({ reason: 'convention_without_transmission', path });
    else if (given && path === 'conventionSignedOn') day(value, path);
  }
  return issues;
}
