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
} from 'drizzle-orm/pg-core';

/** Roles of DOMAIN.md; a person may hold several. */
export const ROLES = ['technician', 'diagnostician', 'member', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];
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
