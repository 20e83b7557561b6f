import { z } from 'zod';
import { VOTE_CHOICES } from './committee';
import { proposalLifecycle, type ProposalCommand } from './lifecycle';
import { sessionLifecycle, type SessionCommand } from './session-lifecycle';
import { CDVP_OPINIONS, CONDITION_STATUSES, CONFLICT_SOURCES, DECISION_OUTCOMES, PREFECT_DECISIONS, REGISTER_ENTRY_KINDS, ROLES, SITE_FIELDS } from './vocabulary';

/**
 * The closed catalog of audit events. Votes, decisions and who changed what are legal
 * records, so every event has a known kind, the kind of record it is about, and a
 * `details` shape checked by zod when it is written (lib/workflow/audit.ts `recordEvent`,
 * the only writer) and when it is read back for display. Each kind has its message under
 * `audit.<kind>` in the catalogs (tests/audit-events.test.ts checks both).
 */

const none = z.object({}).strict();
const role = z.enum(ROLES);
const fieldValue = z.union([z.string(), z.number()]);

const ACCOUNT_EVENTS = {
  /** `via`: who created it: an admin in the app, the city's SSO at first sign-in, or the command line. */
  'user.created': { entity: 'user', details: z.object({ roles: z.array(role), via: z.enum(['admin', 'oidc', 'command_line']) }).strict() },
  'user.role_granted': { entity: 'user', details: z.object({ role }).strict() },
  'user.role_revoked': { entity: 'user', details: z.object({ role }).strict() },
  'user.password_reset': { entity: 'user', details: none },
  'user.password_changed': { entity: 'user', details: none },
  'user.deactivated': { entity: 'user', details: none },
  'user.reactivated': { entity: 'user', details: none },
  'user.sso_link_allowed': { entity: 'user', details: none },
  'user.sso_linked': { entity: 'user', details: none },
} as const;

const SITE_EVENTS = {
  'site.created': { entity: 'site', details: z.object({ name: z.string() }).strict() },
  'site.updated': {
    entity: 'site',
    details: z.object({ changes: z.partialRecord(z.enum(SITE_FIELDS), z.object({ from: fieldValue, to: fieldValue }).strict()) }).strict(),
  },
  'site.archived': { entity: 'site', details: none },
  'site.restored': { entity: 'site', details: none },
} as const;

const PROPOSAL_EVENTS = {
  'proposal.created': { entity: 'proposal', details: none },
  'proposal.saved': { entity: 'proposal', details: none },
  'diagnostic.saved': { entity: 'proposal', details: z.object({ version: z.number().int().min(1) }).strict() },
  /** The impact assessment (a PDF) attached to a draft diagnostic: which stored file, and its fingerprint. */
  'proposal.dpia_attached': {
    entity: 'proposal',
    details: z.object({ version: z.number().int().min(1), fileId: z.uuid(), fileName: z.string(), byteSize: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  },
  /** A change or a re-review opened from a published decision, pre-filled from its file. */
  'proposal.opened_from_decision': {
    entity: 'proposal',
    details: z.object({ kind: z.enum(['change', 're_review']), sourceDecisionId: z.uuid(), previousProposalId: z.uuid() }).strict(),
  },
} as const;

/** The delinquency observatory (issue 10, item 5). */
const OBSERVATORY_EVENTS = {
  'figures.imported': {
    entity: 'observatory_import',
    details: z
      .object({ fileName: z.string(), rows: z.number().int().min(1), yearFrom: z.number().int(), yearTo: z.number().int(), sites: z.number().int().min(1), added: z.number().int().min(0), replaced: z.number().int().min(0) })
      .strict(),
  },
  'figures.entered': { entity: 'site', details: z.object({ year: z.number().int(), set: z.number().int().min(0), removed: z.number().int().min(0) }).strict() },
  /** A draft diagnostic's facts replaced by the observatory's figures for its site. */
  'proposal.facts_from_observatory': { entity: 'proposal', details: z.object({ version: z.number().int().min(1), rows: z.number().int().min(1) }).strict() },
} as const;

/** Residents' questions on a decision: moderation, designation and answer (texts stay on the question, never in the trail). */
const QUESTION_EVENTS = {
  'question.approved': { entity: 'proposal', details: z.object({ questionId: z.uuid() }).strict() },
  'question.rejected': { entity: 'proposal', details: z.object({ questionId: z.uuid() }).strict() },
  'question.assigned': { entity: 'proposal', details: z.object({ questionId: z.uuid(), memberId: z.uuid().nullable() }).strict() },
  'question.answered': { entity: 'proposal', details: z.object({ questionId: z.uuid() }).strict() },
} as const;

/** The committee as a whole has one record id in the audit trail (its settings row is not a uuid). */
export const COMMITTEE_ENTITY_ID = '00000000-0000-4000-8000-000000000001';

const settingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const SETTINGS_FIELDS = ['quorumRule', 'quorumFixed', 'majorityRule', 'chairCastingVote', 'noticeDays', 'proxiesAllowed', 'renewalLeadMonths', 'cameraPrecision'] as const;
const id = z.uuid();

const COMMITTEE_EVENTS = {
  'settings.updated': {
    entity: 'committee',
    details: z.object({ changes: z.partialRecord(z.enum(SETTINGS_FIELDS), z.object({ from: settingValue, to: settingValue }).strict()) }).strict(),
  },
  'session.planned': { entity: 'session', details: z.object({ scheduledAt: z.iso.datetime() }).strict() },
  'session.agenda_added': { entity: 'session', details: z.object({ itemId: id, proposalId: id }).strict() },
  'session.agenda_removed': { entity: 'session', details: z.object({ itemId: id, proposalId: id }).strict() },
  'session.rapporteur_set': { entity: 'session', details: z.object({ itemId: id, rapporteurId: id }).strict() },
  'session.conditions_proposed': { entity: 'session', details: z.object({ itemId: id, count: z.number().int().min(0) }).strict() },
  'session.minutes_signed': { entity: 'session', details: none },
  'conflict.recorded': { entity: 'proposal', details: z.object({ memberId: id, source: z.enum(CONFLICT_SOURCES) }).strict() },
  'vote.cast': {
    entity: 'agenda_item',
    details: z.object({ memberId: id, choice: z.enum(VOTE_CHOICES), previous: z.enum(VOTE_CHOICES).nullable(), byProxy: z.boolean() }).strict(),
  },
  'item.adjourned': { entity: 'proposal', details: z.object({ itemId: id }).strict() },
  'item.carried_over': { entity: 'proposal', details: z.object({ itemId: id, sessionId: id }).strict() },
  'decision.signed': { entity: 'proposal', details: z.object({ decisionId: id, outcome: z.enum(DECISION_OUTCOMES) }).strict() },
  /** An entry added to the public register: the decision's publication, or a correction or revocation of an earlier entry. */
  'decision.entered_in_register': {
    entity: 'proposal',
    details: z.object({ reference: z.string(), kind: z.enum(REGISTER_ENTRY_KINDS), corrects: z.string().nullable() }).strict(),
  },
  'decision.dissent_attached': { entity: 'proposal', details: z.object({ decisionId: id }).strict() },
  /** A message in the committee's internal deliberation: its text stays in deliberation_messages, never in the trail. */
  'deliberation.posted': { entity: 'proposal', details: z.object({ messageId: id }).strict() },
} as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** After the vote: the prefect's authorisation, step by step, and the conditions' follow-up (issue 10). */
const FOLLOW_UP_EVENTS = {
  /** `correction`: the step was recorded before and is re-recorded (a typo corrected). */
  'authorisation.filed': { entity: 'proposal', details: z.object({ decisionId: id, filedOn: day, prefectureReference: z.string(), correction: z.boolean() }).strict() },
  'authorisation.cdvp_opinion': { entity: 'proposal', details: z.object({ decisionId: id, cdvpOpinionOn: day, cdvpOpinion: z.enum(CDVP_OPINIONS), correction: z.boolean() }).strict() },
  /** The prefecture's acknowledgement of receipt: the day the silence's four months run from (CSI R252-15). */
  'authorisation.acknowledged': { entity: 'proposal', details: z.object({ decisionId: id, acknowledgedOn: day, correction: z.boolean() }).strict() },
  /** `orderRetentionDays`: the retention the order sets, when granted (absent from events recorded before it was asked). */
  'authorisation.prefect_decision': {
    entity: 'proposal',
    details: z
      .object({ decisionId: id, decision: z.enum(PREFECT_DECISIONS), decidedOn: day, orderReference: z.string().nullable(), orderRetentionDays: z.number().int().min(1).max(30).nullable().optional(), correction: z.boolean() })
      .strict(),
  },
  /** The prefect told that the cameras were put in service, as the order asks. */
  'authorisation.commissioning_notice': { entity: 'proposal', details: z.object({ decisionId: id, noticeOn: day, correction: z.boolean() }).strict() },
  /** A landlord's board decision for its common-area cameras, with the police convention (CSI L272-2) when images go to the police. */
  'landlord.decision_recorded': {
    entity: 'proposal',
    details: z
      .object({
        decisionId: id,
        boardDecidedOn: day,
        boardReference: z.string(),
        policeTransmission: z.boolean(),
        conventionSignedOn: day.nullable(),
        conventionReference: z.string().nullable(),
        correction: z.boolean(),
      })
      .strict(),
  },
  /** Reason: the note given with this check (each check keeps its own). */
  'condition.checked': { entity: 'proposal', details: z.object({ decisionId: id, conditionIndex: z.number().int().min(0), status: z.enum(CONDITION_STATUSES), checkedOn: day }).strict() },
} as const;

/** One event per session lifecycle command (`session.convene`, `session.hold`, `session.close`). */
type SessionLifecycleEvents = { [C in SessionCommand as `session.${C}`]: { entity: 'session'; details: typeof none } };
const SESSION_LIFECYCLE_EVENTS = Object.fromEntries(
  sessionLifecycle.commands.map((command) => [`session.${command}`, { entity: 'session', details: none }]),
) as SessionLifecycleEvents;

/** One event per lifecycle command (`proposal.submit`, `proposal.openVote`…): from, to and why are columns of their own. */
type LifecycleEvents = { [C in ProposalCommand as `proposal.${C}`]: { entity: 'proposal'; details: typeof none } };
const LIFECYCLE_EVENTS = Object.fromEntries(
  proposalLifecycle.commands.map((command) => [`proposal.${command}`, { entity: 'proposal', details: none }]),
) as LifecycleEvents;

const serviceDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Cameras of an authorised file put in service and taken out of service (issue 10, item 2). */
const CAMERA_EVENTS = {
  /** The cameras put in service (by their number in the file, from 0) and the day each was. */
  'camera.commissioned': {
    entity: 'proposal',
    details: z.object({ cameras: z.array(z.object({ position: z.number().int().min(0), commissionedOn: serviceDay }).strict()).min(1) }).strict(),
  },
  /** One camera taken out of service; `reference` is the register entry that published it (null after a revocation). */
  'camera.decommissioned': {
    entity: 'proposal',
    details: z.object({ position: z.number().int().min(0), decommissionedOn: serviceDay, reference: z.string().nullable() }).strict(),
  },
} as const;

export const AUDIT_EVENTS = {
  ...ACCOUNT_EVENTS,
  ...SITE_EVENTS,
  ...PROPOSAL_EVENTS,
  ...LIFECYCLE_EVENTS,
  ...COMMITTEE_EVENTS,
  ...SESSION_LIFECYCLE_EVENTS,
  ...CAMERA_EVENTS,
  ...QUESTION_EVENTS,
  ...FOLLOW_UP_EVENTS,
  ...OBSERVATORY_EVENTS,
};

export type AuditKind = keyof typeof AUDIT_EVENTS;
export type AuditEntity = (typeof AUDIT_EVENTS)[AuditKind]['entity'];
export type AuditDetails<K extends AuditKind> = z.input<(typeof AUDIT_EVENTS)[K]['details']>;
export const AUDIT_KINDS = Object.keys(AUDIT_EVENTS) as AuditKind[];

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === 'string' && Object.hasOwn(AUDIT_EVENTS, value);
}

export function lifecycleEventKind(command: ProposalCommand): AuditKind {
  return `proposal.${command}`;
}

export function sessionEventKind(command: SessionCommand): AuditKind {
  return `session.${command}`;
}

/**
 * A stored event read back as the catalog says it should be: its kind and typed details,
 * or `null` details when the row does not match (an old or hand-written row is shown, not
 * trusted).
 */
export type TypedEvent = { [K in AuditKind]: { action: K; details: z.output<(typeof AUDIT_EVENTS)[K]['details']> | null } }[AuditKind];

export function readEvent(action: string, details: unknown): TypedEvent | null {
  if (!isAuditKind(action)) return null;
  const parsed = AUDIT_EVENTS[action].details.safeParse(details);
  return { action, details: parsed.success ? parsed.data : null } as TypedEvent;
}
