import { deriveAuthorisation, type AuthorisationFacts } from './authorisation';
import type { AuthorisationStatus, CdvpOpinion, ConditionStatus, DecisionCondition, PrefectDecisionKind, RegisterEntryKind } from './vocabulary';

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
  cdvpOpinionOn: string | null;
  cdvpOpinion: CdvpOpinion | null;
  prefectDecision: PrefectDecisionKind | null;
  prefectDecidedOn: string | null;
  orderReference: string | null;
  refusalReason: string | null;
}

/** The row as the facts `deriveAuthorisation` reads (a missing row: nothing filed yet). */
export function authorisationFacts(row: AuthorisationRecord | null): AuthorisationFacts {
  if (!row) return {};
  return {
    filedAt: row.filedOn,
    prefectureReference: row.prefectureReference,
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
