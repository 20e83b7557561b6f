import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  check,
  type AnyPgColumn,
  customType,
  date,
} from 'drizzle-orm/pg-core';
import { MAJORITY_RULES, QUORUM_RULES, VOTE_CHOICES } from '@/lib/domain/committee';
import {
  AGENDA_ITEM_STATES,
  ATTENDANCE,
  CAMERA_PLACEMENTS,
  CAMERA_REGIMES,
  CAMERA_PRECISIONS,
  CAMERA_ZONES,
  CONFLICT_SOURCES,
  DECISION_OUTCOMES,
  REGISTER_ENTRY_KINDS,
  NOTICE_KINDS,
  SESSION_STATES,
  type DecisionCondition,
  CAMERA_TYPES,
  DIAGNOSTIC_CONCLUSIONS,
  DIAGNOSTIC_STATES,
  DPIA_STATUSES,
  PROPOSAL_STATES,
  ROLES,
  CDVP_OPINIONS,
  CONDITION_STATUSES,
  FACT_TYPES,
  PREFECT_DECISIONS,
  PROPOSAL_KINDS,
  RESIDENT_QUESTION_KINDS,
  RESIDENT_QUESTION_STATES,
  type ActorsConsulted,
  type Alternatives,
  type DelinquencyFact,
  type Signage,
} from '@/lib/domain/vocabulary';
import type { RegisterEntry } from '@/lib/domain/register';

export const roleEnum = pgEnum('role', ROLES);

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Always stored lower-cased and trimmed (see lib/validation/users.ts). */
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id hash; null for accounts that only sign in through the city's SSO. */
    passwordHash: text(),
    /** Subject of the city's OIDC provider, once the account has used SSO. */
    oidcSubject: text(),
    active: boolean().notNull().default(true),
    /**
     * Set by an admin: the next sign-in through the city's SSO may link this account by
     * its email although it holds roles. Used up by that link.
     */
    ssoLinkAllowed: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_oidc_subject_unique').on(t.oidcSubject),
  ],
);
export type User = typeof users.$inferSelect;

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/**
 * Every sign-in attempt, kept in the database so that the attempt limit holds across
 * several app instances. Keys are the normalised email and the client address.
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    emailKey: text().notNull(),
    addressKey: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.emailKey, t.createdAt),
    index('sign_in_attempts_address_idx').on(t.addressKey, t.createdAt),
  ],
);

/**
 * One signed-in session: its id travels in the JWT, and every check re-reads the row, so
 * that signing out, a password change or an admin's reset ends it for good. `expiresAt`
 * is absolute, whatever the rolling refresh of the cookie.
 */
export const authSessions = pgTable(
  'auth_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('auth_sessions_user_idx').on(t.userId)],
);

/**
 * The security log: sign-ins, failures, sign-outs, revoked sessions and refused commands,
 * kept a year (pruned by lib/auth/security-log.ts), unlike sign_in_attempts.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    // No foreign key: the log outlives the accounts it names.
    userId: uuid(),
    emailKey: text(),
    address: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('security_events_created_idx').on(t.createdAt), index('security_events_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Every record a form edits carries `revision`, its concurrency token: it increments on
 * every change, and a save carrying an older revision is refused instead of overwriting.
 */
const revision = { revision: integer().notNull().default(1) };

/** The register of social-housing sites, managed by the admin. */
export const sites = pgTable('sites', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  address: text().notNull(),
  landlord: text().notNull(),
  dwellings: integer().notNull(),
  latitude: doublePrecision().notNull(),
  longitude: doublePrecision().notNull(),
  archivedAt: timestamp({ withTimezone: true }),
  ...revision,
  ...timestamps,
});
export type Site = typeof sites.$inferSelect;

/**
 * A file uploaded through the storage interface (lib/storage): its bytes live in the
 * configured store (a folder, or an S3-compatible bucket) under `storageKey`; this row
 * says what it is. Never served straight from a path.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    storageKey: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    byteSize: integer().notNull(),
    /** SHA-256 (hex) of the bytes: checked when read back. */
    sha256: text().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('stored_files_key_unique').on(t.storageKey), check('stored_files_size', sql`${t.byteSize} >= 0`)],
);
export type StoredFile = typeof storedFiles.$inferSelect;

/**
 * Who did what, when: written in the same transaction as the change it records.
 * `fromState`/`toState` serve lifecycle transitions; `details` holds the rest.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    fromState: text(),
    toState: text(),
    reason: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId, t.createdAt)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

export const proposalStateEnum = pgEnum('proposal_state', PROPOSAL_STATES);
export const proposalKindEnum = pgEnum('proposal_kind', PROPOSAL_KINDS);

/**
 * A camera-siting proposal. Drafts may be incomplete (nullable numbers, empty texts);
 * submission checks everything (lib/validation/proposals.ts).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference number, shown as VIG-0001. */
    number: integer().notNull().generatedAlwaysAsIdentity(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    state: proposalStateEnum().notNull().default('draft'),
    ...revision,
    /** A first request, a change to an authorised system, or the re-review before expiry. */
    kind: proposalKindEnum().notNull().default('initial'),
    /** For a change or a re-review: the earlier file it starts from (pre-filled from it). */
    previousProposalId: uuid().references((): AnyPgColumn => proposals.id, { onDelete: 'restrict' }),
    /** For a change or a re-review: the published decision it follows. */
    sourceDecisionId: uuid().references((): AnyPgColumn => decisions.id, { onDelete: 'restrict' }),
    title: text().notNull(),
    purposes: text().array().notNull().default(sql`'{}'::text[]`),
    retentionDays: integer(),
    retentionJustification: text().notNull().default(''),
    viewers: text().notNull().default(''),
    signage: jsonb()
      .$type<Signage>()
      .notNull()
      .default({ pictogram: false, controller: '', telephone: '', purposes: '', rights: '', contact: '', retention: '', complaint: '' }),
    investmentEuros: integer(),
    yearlyCostEuros: integer(),
    justification: text().notNull().default(''),
    withdrawnReason: text(),
    submittedAt: timestamp({ withTimezone: true }),
    diagnosedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('proposals_number_unique').on(t.number),
    index('proposals_state_idx').on(t.state),
    index('proposals_author_idx').on(t.authorId),
    // Serves the lists' order (most recently changed first) and their keyset/offset paging.
    index('proposals_updated_idx').on(t.updatedAt.desc(), t.id.desc()),
    // The re-review of a decision opens once, whichever job worker gets there first.
    uniqueIndex('proposals_re_review_once').on(t.sourceDecisionId).where(sql`${t.kind} = 're_review'`),
    check('proposals_kind_linked', sql`(${t.kind} = 'initial') = (${t.sourceDecisionId} IS NULL) AND (${t.kind} = 'initial') = (${t.previousProposalId} IS NULL)`),
  ],
);
export type Proposal = typeof proposals.$inferSelect;

export const cameras = pgTable(
  'cameras',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    placement: text({ enum: CAMERA_PLACEMENTS }),
    /** Who may walk into the place filmed (lib/domain/regimes.ts); required at submission. */
    regime: text({ enum: CAMERA_REGIMES }),
    /** What it watches (a street, an entrance, a car park, a building): the open data's `surveillance:zone`. */
    zone: text({ enum: CAMERA_ZONES }),
    filmsPublicRoad: boolean().notNull().default(false),
    type: text({ enum: CAMERA_TYPES }),
    mount: text().notNull().default(''),
    directionDegrees: integer(),
    angleDegrees: integer(),
    openingsInView: text().array().notNull().default(sql`'{}'::text[]`),
    maskingPlanned: boolean().notNull().default(false),
    maskingDescription: text().notNull().default(''),
    /** The Paris day the camera was put in service (after the prefect's authorisation). */
    commissionedOn: date({ mode: 'string' }),
    /** The Paris day it was taken out of service, and why (published as a register entry). */
    decommissionedOn: date({ mode: 'string' }),
    decommissionReason: text(),
  },
  (t) => [
    uniqueIndex('cameras_proposal_position_unique').on(t.proposalId, t.position),
    check(
      'cameras_service_dates',
      sql`${t.decommissionedOn} IS NULL OR (${t.commissionedOn} IS NOT NULL AND ${t.decommissionedOn} >= ${t.commissionedOn} AND length(trim(coalesce(${t.decommissionReason}, ''))) > 0)`,
    ),
  ],
);
export type Camera = typeof cameras.$inferSelect;

export const diagnosticStateEnum = pgEnum('diagnostic_state', DIAGNOSTIC_STATES);
export const diagnosticConclusionEnum = pgEnum('diagnostic_conclusion', DIAGNOSTIC_CONCLUSIONS);
export const dpiaStatusEnum = pgEnum('dpia_status', DPIA_STATUSES);

/**
 * The preliminary diagnostic of a proposal (DOMAIN.md rule 5). A concluded one is
 * read-only (a trigger enforces it); changing it means a new version, and the old
 * versions stay. `version` is the document's version (1, 2…), `revision` the concurrency token.
 */
export const diagnostics = pgTable(
  'diagnostics',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    version: integer().notNull(),
    state: diagnosticStateEnum().notNull().default('draft'),
    ...revision,
    delinquencyFacts: jsonb().$type<DelinquencyFact[]>().notNull().default([]),
    siteDescription: text().notNull().default(''),
    actorsConsulted: jsonb()
      .$type<ActorsConsulted>()
      .notNull()
      .default({ landlord: '', tenants: '', police: '' }),
    alternatives: jsonb()
      .$type<Alternatives>()
      .notNull()
      .default({ lighting: '', mediation: '', nightCorrespondents: '', accessControl: '', layout: '' }),
    proportionality: text().notNull().default(''),
    privacyRisks: text().notNull().default(''),
    expectedEffect: text().notNull().default(''),
    costAssessment: text().notNull().default(''),
    dpiaStatus: dpiaStatusEnum(),
    /** The impact assessment itself (GDPR art. 35), a stored PDF, when completed. */
    dpiaDocumentId: uuid().references(() => storedFiles.id, { onDelete: 'restrict' }),
    /** The data-protection officer's advice on it (GDPR art. 35.2): the Paris day and the text. */
    dpoOpinionOn: date({ mode: 'string' }),
    dpoOpinion: text(),
    /** Why no assessment is required, when the status says so. */
    dpiaNotRequiredReason: text(),
    publicSummary: text().notNull().default(''),
    conclusion: diagnosticConclusionEnum(),
    conditions: text().notNull().default(''),
    /**
     * For a re-review: the site's figures before and after the cameras, read against the
     * sites without cameras, and what the diagnostician makes of them (required then).
     */
    evaluationComparison: text().notNull().default(''),
    startedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    signedBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    signedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('diagnostics_proposal_version_unique').on(t.proposalId, t.version),
    // A concluded diagnostic always says what it concluded, who signed it and when.
    check(
      'diagnostics_concluded_signed',
      sql`${t.state} <> 'concluded' OR (${t.conclusion} IS NOT NULL AND ${t.signedBy} IS NOT NULL AND ${t.signedAt} IS NOT NULL AND ${t.dpiaStatus} IS NOT NULL)`,
    ),
  ],
);
export type Diagnostic = typeof diagnostics.$inferSelect;

/* ------------------------------------------------------------------------------------
 * The committee at work: settings, sessions, agenda, attendance, conflicts, votes and
 * decisions (DOMAIN.md rule 6). Rules the database itself holds are in the hand-written
 * migration that follows the generated one (db/migrations/0006_committee_rules.sql).
 * ---------------------------------------------------------------------------------- */

export const quorumRuleEnum = pgEnum('quorum_rule', QUORUM_RULES);
export const majorityRuleEnum = pgEnum('majority_rule', MAJORITY_RULES);
export const sessionStateEnum = pgEnum('session_state', SESSION_STATES);
export const attendanceEnum = pgEnum('attendance_status', ATTENDANCE);
export const agendaItemStateEnum = pgEnum('agenda_item_state', AGENDA_ITEM_STATES);
export const voteChoiceEnum = pgEnum('vote_choice', VOTE_CHOICES);
export const decisionOutcomeEnum = pgEnum('decision_outcome', DECISION_OUTCOMES);
export const conflictSourceEnum = pgEnum('conflict_source', CONFLICT_SOURCES);

/** The committee's rules, one row (id = 1); each change is in the audit trail. */
export const committeeSettings = pgTable(
  'committee_settings',
  {
    id: integer().primaryKey().default(1),
    quorumRule: quorumRuleEnum().notNull().default('majority_of_serving'),
    quorumFixed: integer(),
    majorityRule: majorityRuleEnum().notNull().default('cast'),
    chairCastingVote: boolean().notNull().default(true),
    noticeDays: integer().notNull().default(5),
    proxiesAllowed: boolean().notNull().default(false),
    /** Months before the authorisation's expiry the renewal file is due: prefecture practice, not law. */
    renewalLeadMonths: integer().notNull().default(4),
    /** Where the open data places a camera: at its site's point, or at its own position rounded (never its aim). */
    cameraPrecision: text({ enum: CAMERA_PRECISIONS }).notNull().default('site'),
    ...revision,
    ...timestamps,
  },
  (t) => [
    check('committee_settings_single_row', sql`${t.id} = 1`),
    check('committee_settings_fixed_quorum', sql`${t.quorumRule} <> 'fixed' OR ${t.quorumFixed} >= 1`),
    check('committee_settings_notice_days', sql`${t.noticeDays} BETWEEN 0 AND 60`),
    check('committee_settings_renewal_lead', sql`${t.renewalLeadMonths} BETWEEN 1 AND 12`),
  ],
);
export type CommitteeSettingsRow = typeof committeeSettings.$inferSelect;

/** A committee session: date, place or video link, agenda; planned → convened → held → closed. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference number, shown as SE-0001. */
    number: integer().notNull().generatedAlwaysAsIdentity(),
    state: sessionStateEnum().notNull().default('planned'),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull().default(''),
    videoLink: text().notNull().default(''),
    convenedAt: timestamp({ withTimezone: true }),
    lateReason: text(),
    heldAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    minutesSignedBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    minutesSignedAt: timestamp({ withTimezone: true }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    ...revision,
    ...timestamps,
  },
  (t) => [uniqueIndex('sessions_number_unique').on(t.number), index('sessions_scheduled_idx').on(t.scheduledAt)],
);
export type Session = typeof sessions.$inferSelect;

/** One file on a session's agenda, with its rapporteur, its vote and its result. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'restrict' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    position: integer().notNull(),
    rapporteurId: uuid().references(() => users.id, { onDelete: 'restrict' }),
    state: agendaItemStateEnum().notNull().default('scheduled'),
    /** The conditions put to the vote: proposed by the rapporteur, editable until the vote opens. */
    draftConditions: jsonb().$type<DecisionCondition[]>().notNull().default([]),
    voteOpenedAt: timestamp({ withTimezone: true }),
    voteClosedAt: timestamp({ withTimezone: true }),
    outcome: decisionOutcomeEnum(),
    adjournReason: text(),
    ...revision,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agenda_items_session_position_unique').on(t.sessionId, t.position),
    uniqueIndex('agenda_items_session_proposal_unique').on(t.sessionId, t.proposalId),
    // A file is on one agenda at a time until it is dealt with there.
    uniqueIndex('agenda_items_one_open_per_proposal').on(t.proposalId).where(sql`${t.state} IN ('scheduled', 'voting')`),
  ],
);
export type AgendaItem = typeof agendaItems.$inferSelect;

/** Who attended a held session: every serving member has one row. */
export const attendance = pgTable(
  'attendance',
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: attendanceEnum().notNull(),
    /** With `proxy`: the present member who votes in this member's name. */
    proxyHolderId: uuid().references(() => users.id, { onDelete: 'restrict' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    check('attendance_proxy_holder', sql`(${t.status} = 'proxy') = (${t.proxyHolderId} IS NOT NULL) AND ${t.proxyHolderId} IS DISTINCT FROM ${t.memberId}`),
    // A present member holds at most one proxy.
    uniqueIndex('attendance_one_proxy_per_holder').on(t.sessionId, t.proxyHolderId).where(sql`${t.proxyHolderId} IS NOT NULL`),
  ],
);

/** A conflict of interest on a file: the member may read it, neither deliberate nor vote. */
export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    memberId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    source: conflictSourceEnum().notNull(),
    reason: text().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conflicts_proposal_member_unique').on(t.proposalId, t.memberId)],
);

/**
 * A member's current vote on an agenda item, one row per member and item (the database
 * refuses a second). A change updates the row; every cast and change is in the audit trail.
 */
export const votes = pgTable(
  'votes',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    /** Whose vote it is. */
    memberId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Who cast it: the member, or the present member holding their proxy. */
    castBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    choice: voteChoiceEnum().notNull(),
    ...revision,
    ...timestamps,
  },
  (t) => [uniqueIndex('votes_item_member_unique').on(t.itemId, t.memberId)],
);
export type Vote = typeof votes.$inferSelect;

/** The reasoned decision on an agenda item: outcome, conditions, reasons, public summary; signed by the chair. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'restrict' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    outcome: decisionOutcomeEnum().notNull(),
    conditions: jsonb().$type<DecisionCondition[]>().notNull().default([]),
    reasons: text().notNull().default(''),
    publicSummary: text().notNull().default(''),
    votesFor: integer().notNull(),
    votesAgainst: integer().notNull(),
    votesAbstain: integer().notNull(),
    recused: integer().notNull(),
    signedBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    signedAt: timestamp({ withTimezone: true }),
    ...revision,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('decisions_item_unique').on(t.itemId),
    // A signed decision always has its reasons (DOMAIN.md rule 6: a reasoned text is mandatory).
    check('decisions_signed_reasoned', sql`${t.signedAt} IS NULL OR (${t.signedBy} IS NOT NULL AND length(trim(${t.reasons})) > 0)`),
  ],
);
export type Decision = typeof decisions.$inferSelect;

/** The committee's internal deliberation on a file: never public, never in open data. */
export const deliberationMessages = pgTable(
  'deliberation_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deliberation_messages_proposal_idx').on(t.proposalId, t.createdAt)],
);

/** The committee's questions to the technician and the answers, kept in the file. */
export const infoRequests = pgTable(
  'info_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    askedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    question: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('info_requests_proposal_idx').on(t.proposalId, t.askedAt),
    check('info_requests_answered', sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL) AND (${t.answer} IS NULL) = (${t.answeredBy} IS NULL)`),
  ],
);

export const noticeKindEnum = pgEnum('notice_kind', NOTICE_KINDS);

/** What the app tells a person (in the app, and by email when SMTP is configured). */
export const notices = pgTable(
  'notices',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: noticeKindEnum().notNull(),
    proposalId: uuid().references(() => proposals.id, { onDelete: 'cascade' }),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notices_recipient_idx').on(t.recipientId, t.createdAt.desc())],
);
export type Notice = typeof notices.$inferSelect;

/** When a committee member last opened a file: the staff home lists the agenda's files they have not read yet. */
export const proposalReads = pgTable(
  'proposal_reads',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    readAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.proposalId] })],
);

/** A short dissent attached to a decision by a member who voted against it: internal, never published. */
export const dissents = pgTable(
  'dissents',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    memberId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    text: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('dissents_decision_member_unique').on(t.decisionId, t.memberId)],
);

/** PostgreSQL's text-search document type (drizzle has no built-in for it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const registerEntryKindEnum = pgEnum('register_entry_kind', REGISTER_ENTRY_KINDS);

/**
 * The public register of decisions: append-only (a trigger refuses UPDATE, DELETE and
 * TRUNCATE, and checks each insert continues the chain), read without an actor by
 * db/queries/register.ts. `entry` is the entry exactly as the open data serves it
 * (lib/domain/register.ts); the other columns copy what lists filter, sort and search on.
 */
export const registerEntries = pgTable(
  'register_entries',
  {
    /** 1, 2, 3…: gapless, assigned under a table lock by the publish command. */
    sequence: integer().primaryKey(),
    reference: text().notNull(),
    kind: registerEntryKindEnum().notNull(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    /** The entry this one corrects or revokes. */
    correctsSequence: integer().references((): AnyPgColumn => registerEntries.sequence, { onDelete: 'restrict' }),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    outcome: decisionOutcomeEnum().notNull(),
    decidedYear: integer().notNull(),
    landlord: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    /** json, not jsonb: kept as written, so the served entry has its fields in the documented order. */
    entry: json().$type<RegisterEntry>().notNull(),
    hash: text().notNull(),
    previousHash: text().notNull(),
    /**
     * The site's name as this entry states it, copied out of `entry` once at insert: the
     * register's site filter lists every site's latest name, and reading it from each
     * entry's JSON took 3.5 s at 100,000 entries (docs/performance.md).
     */
    siteName: text()
      .notNull()
      .generatedAlwaysAs(sql`(entry -> 'site' ->> 'name')`),
    /** Site, address, landlord, reasons and summaries: what the French full-text search reads. */
    searchText: text().notNull(),
    /**
     * Its words, folded once at insert (accents, plurals: the vigie_french configuration of
     * migration 0010). Stored, so a search never re-parses a row's text, and analysed, so the
     * planner knows a rare word from a common one.
     */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('vigie_french'::regconfig, search_text)`),
  },
  (t) => [
    uniqueIndex('register_entries_reference_unique').on(t.reference),
    uniqueIndex('register_entries_hash_unique').on(t.hash),
    // A decision is published once, however often the button is pressed.
    uniqueIndex('register_entries_decision_published_once').on(t.decisionId).where(sql`${t.kind} = 'decision'`),
    // An entry is corrected or revoked at most once: later changes correct the correction.
    uniqueIndex('register_entries_corrected_once').on(t.correctsSequence),
    // Filters, each served newest first by keyset on the sequence.
    // With the name last, the site filter's list (each site's latest name) is one index-only
    // scan: 13 ms at 100,000 entries instead of a 340 ms sort (docs/performance.md).
    index('register_entries_site_idx').on(t.siteId, t.sequence.desc(), t.siteName),
    // A decision's versions (its page) and its revocations (every list's follow-up): without
    // it, both read the whole register (60–90 ms at 100,000 entries, docs/performance.md).
    index('register_entries_decision_idx').on(t.decisionId, t.sequence),
    index('register_entries_outcome_idx').on(t.outcome, t.sequence.desc()),
    index('register_entries_year_idx').on(t.decidedYear, t.sequence.desc()),
    index('register_entries_landlord_idx').on(t.landlord, t.sequence.desc()),
    // French full text, accents folded (the vigie_french configuration of migration 0010).
    index('register_entries_search_idx').using('gin', t.searchVector),
    check('register_entries_published_outcome', sql`${t.outcome} <> 'adjourned'`),
    check('register_entries_corrects', sql`(${t.kind} = 'decision') = (${t.correctsSequence} IS NULL)`),
  ],
);
export type RegisterEntryRow = typeof registerEntries.$inferSelect;

/* ------------------------------------------------------------------------------------
 * After the vote (issue 10): the prefect's authorisation, conditions followed up, the
 * delinquency observatory, residents' questions, and the reminders job's bookkeeping.
 * ---------------------------------------------------------------------------------- */

export const cdvpOpinionEnum = pgEnum('cdvp_opinion', CDVP_OPINIONS);
export const prefectDecisionEnum = pgEnum('prefect_decision', PREFECT_DECISIONS);

/**
 * The prefect's authorisation of a published favourable decision: only what the city
 * records (dates are Paris days). Its status, silence deadline, expiry and renewal date
 * are derived from these (lib/domain/authorisation.ts), never stored.
 */
export const authorisations = pgTable(
  'authorisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    filedOn: date({ mode: 'string' }),
    prefectureReference: text(),
    /** The prefecture's acknowledgement of receipt: the silence's four months run from it (CSI R252-15). */
    acknowledgedOn: date({ mode: 'string' }),
    cdvpOpinionOn: date({ mode: 'string' }),
    cdvpOpinion: cdvpOpinionEnum(),
    prefectDecision: prefectDecisionEnum(),
    /** The day of the prefect's order (granted) or refusal. */
    prefectDecidedOn: date({ mode: 'string' }),
    orderReference: text(),
    /** The retention the order sets, in days (one month at most, CSI L252-5). */
    orderRetentionDays: integer(),
    refusalReason: text(),
    /** The day the prefect was told the cameras were put in service, as the order asks. */
    commissioningNoticeOn: date({ mode: 'string' }),
    ...revision,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('authorisations_decision_unique').on(t.decisionId),
    check('authorisations_acknowledged', sql`${t.acknowledgedOn} IS NULL OR (${t.filedOn} IS NOT NULL AND ${t.acknowledgedOn} >= ${t.filedOn})`),
    check('authorisations_order_retention', sql`${t.orderRetentionDays} IS NULL OR (${t.prefectDecision} = 'granted' AND ${t.orderRetentionDays} BETWEEN 1 AND 30)`),
    check('authorisations_filed', sql`(${t.filedOn} IS NULL) = (${t.prefectureReference} IS NULL)`),
    check('authorisations_cdvp', sql`(${t.cdvpOpinion} IS NULL) = (${t.cdvpOpinionOn} IS NULL) AND (${t.cdvpOpinionOn} IS NULL OR (${t.filedOn} IS NOT NULL AND ${t.cdvpOpinionOn} >= ${t.filedOn}))`),
    check(
      'authorisations_prefect',
      sql`(${t.prefectDecision} IS NULL) = (${t.prefectDecidedOn} IS NULL) AND (${t.prefectDecidedOn} IS NULL OR (${t.filedOn} IS NOT NULL AND ${t.prefectDecidedOn} >= ${t.filedOn}))
        AND (${t.prefectDecision} = 'granted') = (${t.orderReference} IS NOT NULL) AND (${t.prefectDecision} = 'refused') = (${t.refusalReason} IS NOT NULL)`,
    ),
  ],
);
export type Authorisation = typeof authorisations.$inferSelect;

/**
 * For a landlord's common-area cameras (no prefectoral procedure): the landlord's board
 * decision, and, when the images are passed on to the police in real time, the convention
 * CSI L272-2 requires (its day, its parties, its reference). Dates are Paris days.
 */
export const landlordDecisions = pgTable(
  'landlord_decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    boardDecidedOn: date({ mode: 'string' }).notNull(),
    boardReference: text().notNull(),
    policeTransmission: boolean().notNull().default(false),
    conventionSignedOn: date({ mode: 'string' }),
    conventionParties: text(),
    conventionReference: text(),
    ...revision,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('landlord_decisions_decision_unique').on(t.decisionId),
    check(
      'landlord_decisions_convention',
      sql`${t.policeTransmission} = (${t.conventionSignedOn} IS NOT NULL) AND ${t.policeTransmission} = (${t.conventionParties} IS NOT NULL) AND ${t.policeTransmission} = (${t.conventionReference} IS NOT NULL)`,
    ),
  ],
);
export type LandlordDecision = typeof landlordDecisions.$inferSelect;

export const conditionStatusEnum = pgEnum('condition_status', CONDITION_STATUSES);

/**
 * The follow-up of one condition of a decision (by its position in `decisions.conditions`):
 * met or not met, with a note and who checked. A later check replaces the row; the audit
 * trail keeps every one.
 */
export const conditionFollowUps = pgTable(
  'condition_follow_ups',
  {
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id, { onDelete: 'restrict' }),
    conditionIndex: integer().notNull(),
    status: conditionStatusEnum().notNull(),
    note: text().notNull(),
    checkedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    checkedOn: date({ mode: 'string' }).notNull(),
    ...revision,
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.conditionIndex] }), check('condition_follow_ups_index', sql`${t.conditionIndex} >= 0`)],
);
export type ConditionFollowUp = typeof conditionFollowUps.$inferSelect;

/** One accepted import of observatory figures (a refused import changes nothing and is not kept). */
export const observatoryImports = pgTable('observatory_imports', {
  id: uuid().primaryKey().defaultRandom(),
  importedBy: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'restrict' }),
  fileName: text().notNull(),
  rowCount: integer().notNull(),
  /** What the import touched: years and sites, for the history's one-line summary. */
  summary: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * The delinquency observatory: facts recorded per site, year and type (the diagnostic's
 * categories). Entered by hand or imported (then `importId` names the import).
 */
export const observatoryFigures = pgTable(
  'observatory_figures',
  {
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'restrict' }),
    year: integer().notNull(),
    factType: text({ enum: FACT_TYPES }).notNull(),
    count: integer().notNull(),
    importId: uuid().references(() => observatoryImports.id, { onDelete: 'restrict' }),
    updatedBy: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.year, t.factType] }),
    index('observatory_figures_year_idx').on(t.year),
    check('observatory_figures_count', sql`${t.count} >= 0`),
    check('observatory_figures_year', sql`${t.year} BETWEEN 1990 AND 2100`),
  ],
);
export type ObservatoryFigure = typeof observatoryFigures.$inferSelect;

export const residentQuestionKindEnum = pgEnum('resident_question_kind', RESIDENT_QUESTION_KINDS);
export const residentQuestionStateEnum = pgEnum('resident_question_state', RESIDENT_QUESTION_STATES);

/**
 * A resident's question or concern on a published decision: no account; name and email
 * optional (the email only to tell them of the answer). Hidden until the secretariat
 * approves it; answered by the chair or the member they designate.
 */
export const residentQuestions = pgTable(
  'resident_questions',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'restrict' }),
    /** The register entry the resident was reading. */
    registerReference: text().notNull(),
    kind: residentQuestionKindEnum().notNull(),
    body: text().notNull(),
    askerName: text(),
    askerEmail: text(),
    /** A keyed hash of the sender's address: the per-address limit, without keeping the address. */
    addressKey: text().notNull(),
    state: residentQuestionStateEnum().notNull().default('pending'),
    /** The text shown once approved: the moderator may strip personal data from it. */
    publishedBody: text(),
    moderatedBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    moderatedAt: timestamp({ withTimezone: true }),
    rejectionReason: text(),
    /** The member the chair designated to answer (the chair may always answer). */
    assignedTo: uuid().references(() => users.id, { onDelete: 'restrict' }),
    answer: text(),
    answeredBy: uuid().references(() => users.id, { onDelete: 'restrict' }),
    answeredAt: timestamp({ withTimezone: true }),
    askerNotifiedAt: timestamp({ withTimezone: true }),
    ...revision,
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resident_questions_proposal_idx').on(t.proposalId, t.state, t.createdAt),
    index('resident_questions_state_idx').on(t.state, t.createdAt),
    index('resident_questions_address_idx').on(t.addressKey, t.createdAt),
    check('resident_questions_answered', sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL) AND (${t.answer} IS NULL) = (${t.answeredBy} IS NULL)`),
    check('resident_questions_answer_approved', sql`${t.answer} IS NULL OR ${t.state} = 'approved'`),
    check('resident_questions_moderated', sql`(${t.state} = 'pending') = (${t.moderatedAt} IS NULL)`),
  ],
);
export type ResidentQuestion = typeof residentQuestions.$inferSelect;

/**
 * The scheduled jobs (lib/jobs): one row per job; a worker claims a due job by moving
 * its lease forward in one UPDATE, so two instances never run it at the same time.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text().primaryKey(),
  nextRunAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
  lockedBy: text(),
  lastRunAt: timestamp({ withTimezone: true }),
  lastError: text(),
});

/**
 * Every reminder sent, keyed by what it is about: a reminder is sent by the worker whose
 * insert succeeded, so two workers (or two runs) never send the same one twice.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    kind: text().notNull(),
    subjectId: uuid().notNull(),
    /** The deadline or day the reminder is for: a new deadline is a new reminder. */
    dueOn: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId, t.dueOn] })],
);
