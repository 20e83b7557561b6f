/**
 * The whole vocabulary of the domain (DOMAIN.md), in one place that imports nothing of
 * the app: roles, states, outcomes, camera kinds, diagnostic conclusions. The database
 * enums (db/schema.ts), the validation schemas and the forms are all built from these
 * lists, so a new value is added here once.
 */

/** Roles of DOMAIN.md; a person may hold several. */
export const ROLES = ['technician', 'diagnostician', 'member', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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
 * An entry of the public register: a published decision, a correction of an earlier
 * entry (new content that replaces it), a revocation (the decision no longer holds), or
 * a decommissioning (cameras taken out of service, with the reason: new content that
 * replaces the entry it names).
 */
export const REGISTER_ENTRY_KINDS = ['decision', 'correction', 'revocation', 'decommissioning'] as const;
export type RegisterEntryKind = (typeof REGISTER_ENTRY_KINDS)[number];
/** The outcomes a register entry can carry: an adjourned decision is never published. */
export const PUBLISHED_OUTCOMES = ['favourable', 'favourable_with_conditions', 'unfavourable'] as const;
export type PublishedOutcome = (typeof PUBLISHED_OUTCOMES)[number];

/**
 * Where the prefect's authorisation of a favourable decision stands: derived from its
 * recorded dates (lib/domain/authorisation.ts), never typed.
 */
export const AUTHORISATION_STATUSES = ['not_filed', 'filed', 'granted', 'refused', 'refused_by_silence', 'expired'] as const;
export type AuthorisationStatus = (typeof AUTHORISATION_STATUSES)[number];
/** The opinion of the departmental video-protection commission (CDVP) on a request. */
export const CDVP_OPINIONS = ['favourable', 'favourable_with_reservations', 'unfavourable'] as const;
export type CdvpOpinion = (typeof CDVP_OPINIONS)[number];

/** The prefect's answer to an authorisation request. */
export const PREFECT_DECISIONS = ['granted', 'refused'] as const;
export type PrefectDecisionKind = (typeof PREFECT_DECISIONS)[number];

/**
 * Why a proposal exists: a first request, a change to an authorised system (a camera
 * added or moved, a purpose changed: never edited in place), or the re-review opened
 * four months before an authorisation expires.
 */
export const PROPOSAL_KINDS = ['initial', 'change', 're_review'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The follow-up of a decision's condition: checked and met, or checked and not met. */
export const CONDITION_STATUSES = ['met', 'not_met'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

/** A resident's message on a published decision: a question, or a concern about a camera. */
export const RESIDENT_QUESTION_KINDS = ['question', 'concern'] as const;
export type ResidentQuestionKind = (typeof RESIDENT_QUESTION_KINDS)[number];
/** Waiting for moderation, shown (approved, answered or not yet), or rejected by the secretariat. */
export const RESIDENT_QUESTION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ResidentQuestionState = (typeof RESIDENT_QUESTION_STATES)[number];

/** A committee session: planned, convened (notice sent), held (attendance taken, votes), closed (minutes signed). */
export const SESSION_STATES = ['planned', 'convened', 'held', 'closed'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** Attendance of a serving member at a held session. */
export const ATTENDANCE = ['present', 'excused', 'absent', 'proxy'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/**
 * An agenda item: on the agenda (`scheduled`), its vote open (`voting`), decided by a
 * vote (`voted`), adjourned without a decision (`adjourned`), or not reached and carried
 * over to a later session (`carried_over`).
 */
export const AGENDA_ITEM_STATES = ['scheduled', 'voting', 'voted', 'adjourned', 'carried_over'] as const;
export type AgendaItemState = (typeof AGENDA_ITEM_STATES)[number];

/** How a conflict of interest came to be recorded. */
export const CONFLICT_SOURCES = ['declared', 'recorded_by_chair'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

/** Kinds of conditions a favourable opinion may carry. */
export const CONDITION_KINDS = ['masking', 'retention', 'signage', 'placement', 're_review', 'other'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export interface DecisionCondition {
  kind: ConditionKind;
  text: string;
  /** ISO date (YYYY-MM-DD), when the condition must be met. */
  dueDate: string | null;
}

/** What a notice tells its recipient (DOMAIN: each role's next step, and the outcome of one's own file). */
export const NOTICE_KINDS = [
  'convocation',
  'vote_opened',
  'question_to_answer',
  'decision_on_your_file',
  'diagnostic_to_carry_out',
  // Reminders raised by the scheduled job (lib/jobs): after the vote.
  'renewal_due',
  'silence_deadline',
  'condition_overdue',
  'resident_question_to_moderate',
  'resident_question_to_answer',
  're_review_opened',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * The legal regime a camera falls under, from who may walk into the place it films
 * (DOMAIN.md, "Three legal regimes"): the public road (the commune films it, the prefect
 * authorises), a place open to the public (anyone may walk in: the prefect authorises too),
 * or a landlord's common area that only residents and their visitors enter (the landlord
 * is the controller under the GDPR alone, no prefectoral procedure).
 */
export const CAMERA_REGIMES = ['public_road', 'open_to_public', 'private_common_area'] as const;
export type CameraRegime = (typeof CAMERA_REGIMES)[number];

/** What a camera watches, in OpenStreetMap's `surveillance:zone` words: a street, an entrance, a car park, a building's inside. */
export const CAMERA_ZONES = ['town', 'entrance', 'parking', 'building'] as const;
export type CameraZone = (typeof CAMERA_ZONES)[number];

/** Where the open data places a camera: at its site's point, or at its own position rounded. */
export const CAMERA_PRECISIONS = ['site', 'rounded'] as const;
export type CameraPrecision = (typeof CAMERA_PRECISIONS)[number];

export const CAMERA_TYPES = ['fixed', 'dome', 'ptz'] as const;
export type CameraType = (typeof CAMERA_TYPES)[number];
export const CAMERA_PLACEMENTS = ['indoor', 'outdoor'] as const;
export type CameraPlacement = (typeof CAMERA_PLACEMENTS)[number];

/**
 * Parts of dwellings that may fall in a camera's field of view: what must be masked
 * depends on the camera's regime (lib/domain/regimes.ts). `door` is a flat's own door,
 * `building_entrance` the building's common entrance.
 */
export const OPENINGS = ['interior', 'window', 'balcony', 'terrace', 'door', 'building_entrance'] as const;
export type Opening = (typeof OPENINGS)[number];

/** A diagnostic is written as a draft, then concluded (signed and read-only). */
export const DIAGNOSTIC_STATES = ['draft', 'concluded'] as const;
export type DiagnosticState = (typeof DIAGNOSTIC_STATES)[number];
export const DIAGNOSTIC_CONCLUSIONS = ['opportune', 'opportune_with_conditions', 'not_opportune'] as const;
export type DiagnosticConclusion = (typeof DIAGNOSTIC_CONCLUSIONS)[number];
/** Status of the data-protection impact assessment (AIPD / DPIA). */
export const DPIA_STATUSES = ['not_required', 'planned', 'in_progress', 'completed'] as const;
export type DpiaStatus = (typeof DPIA_STATUSES)[number];

/** Kinds of recorded facts, from the delinquency observatory's categories. */
export const FACT_TYPES = ['drug_trafficking', 'assault', 'burglary', 'theft', 'vandalism', 'nuisance', 'fly_tipping', 'other'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export interface DelinquencyFact {
  type: FactType;
  year: number | null;
  count: number | null;
}

/** The fields of a social-housing site in the admin's register. */
export const SITE_FIELDS = ['name', 'address', 'landlord', 'dwellings', 'latitude', 'longitude'] as const;
export type SiteField = (typeof SITE_FIELDS)[number];

/**
 * The public information sign (CSI L251-3; GDPR art. 13; CNIL guidance): the pictogram,
 * the controller's name or title and telephone number, the purposes, the retention, the
 * rights and how to exercise them, and the right to complain to the CNIL with its contact.
 * Signs recorded before the telephone, pictogram and complaint items existed read them as blank.
 */
export interface Signage {
  pictogram: boolean;
  controller: string;
  telephone: string;
  purposes: string;
  rights: string;
  contact: string;
  retention: string;
  complaint: string;
}

export interface ActorsConsulted {
  landlord: string;
  tenants: string;
  police: string;
}

export interface Alternatives {
  lighting: string;
  mediation: string;
  nightCorrespondents: string;
  accessControl: string;
  layout: string;
}
