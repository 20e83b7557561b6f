import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  check,
} from 'drizzle-orm/pg-core';
import {
  CAMERA_PLACEMENTS,
  CAMERA_TYPES,
  DIAGNOSTIC_CONCLUSIONS,
  DIAGNOSTIC_STATES,
  DPIA_STATUSES,
  PROPOSAL_STATES,
  ROLES,
  type ActorsConsulted,
  type Alternatives,
  type DelinquencyFact,
  type Signage,
} from '@/lib/domain/vocabulary';

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
    title: text().notNull(),
    purposes: text().array().notNull().default(sql`'{}'::text[]`),
    retentionDays: integer(),
    retentionJustification: text().notNull().default(''),
    viewers: text().notNull().default(''),
    signage: jsonb()
      .$type<Signage>()
      .notNull()
      .default({ controller: '', purposes: '', rights: '', contact: '', retention: '' }),
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
    filmsPublicRoad: boolean().notNull().default(false),
    type: text({ enum: CAMERA_TYPES }),
    mount: text().notNull().default(''),
    directionDegrees: integer(),
    angleDegrees: integer(),
    openingsInView: text().array().notNull().default(sql`'{}'::text[]`),
    maskingPlanned: boolean().notNull().default(false),
    maskingDescription: text().notNull().default(''),
  },
  (t) => [uniqueIndex('cameras_proposal_position_unique').on(t.proposalId, t.position)],
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
    publicSummary: text().notNull().default(''),
    conclusion: diagnosticConclusionEnum(),
    conditions: text().notNull().default(''),
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
