import 'server-only';
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { registerEntries } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import type { RegisterEntry } from '@/lib/domain/register';
import type { RegisterEntryKind } from '@/lib/domain/vocabulary';
import { cachedRegisterRead } from '@/lib/register-cache';
import { REGISTER_PAGE_SIZE, type RegisterFilters } from '@/lib/validation/register';
import { publicFollowUps, type PublicFollowUp } from './follow-up-public';

/**
 * The public read side of the register: no actor, no staff table, only what the
 * register holds (its `entry` column is exactly the public content). Every read goes
 * through the register cache (lib/register-cache.ts), keyed by its arguments.
 */

export interface PublicEntry {
  entry: RegisterEntry;
  /** The later entry that corrects or revokes this one, if any. */
  correctedBy: { reference: string; kind: RegisterEntryKind } | null;
  /**
   * The authorisation and the conditions' follow-up on the day it is served: live, not
   * part of the sealed entry (the cache's version includes the live tables and the day).
   */
  followUp: PublicFollowUp;
}

type Row = { entry: RegisterEntry; decisionId: string; laterReference: string | null; laterKind: RegisterEntryKind | null };

async function toPublicAll(db: Database, rows: Row[]): Promise<PublicEntry[]> {
  const followUps = await publicFollowUps(db, rows, parisDate(new Date()));
  return rows.map((row, i) => toPublic(row, followUps[i]!));
}

const later = alias(registerEntries, 'later');

function filtersSql(filters: RegisterFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.q) where.push(sql`${registerEntries.searchVector} @@ websearch_to_tsquery('vigie_french'::regconfig, ${filters.q})`);
  if (filters.site) where.push(eq(registerEntries.siteId, filters.site));
  if (filters.outcome) where.push(eq(registerEntries.outcome, filters.outcome));
  if (filters.year) where.push(eq(registerEntries.decidedYear, filters.year));
  if (filters.landlord) where.push(eq(registerEntries.landlord, filters.landlord));
  return where;
}

export interface RegisterPage {
  items: PublicEntry[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}

/** Newest first, filtered, one keyset page (`cursor`: the sequence to start below). */
export function listRegister(db: Database, filters: RegisterFilters, limit = filters.limit ?? REGISTER_PAGE_SIZE): Promise<RegisterPage> {
  const key = JSON.stringify(['list', filters.q, filters.site, filters.outcome, filters.year, filters.landlord, filters.cursor, limit]);
  return cachedRegisterRead(db, key, async () => {
    const where = filtersSql(filters);
    if (filters.cursor) where.push(lt(registerEntries.sequence, filters.cursor));
    const rows = await db
      .select({ entry: registerEntries.entry, decisionId: registerEntries.decisionId, laterReference: later.reference, laterKind: later.kind })
      .from(registerEntries)
      .leftJoin(later, eq(later.correctsSequence, registerEntries.sequence))
      .where(and(...where))
      .orderBy(desc(registerEntries.sequence))
      .limit(limit + 1);
    const items = await toPublicAll(db, rows.slice(0, limit));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.entry.sequence : null };
  });
}

function toPublic(row: Row, followUp: PublicFollowUp): PublicEntry {
  return { entry: row.entry, correctedBy: row.laterReference && row.laterKind ? { reference: row.laterReference, kind: row.laterKind } : null, followUp };
}

export interface EntryWithVersions extends PublicEntry {
  /** Every entry of the same decision, in register order: the publication, then its corrections. */
  /** `decommissionedOn`: for a decommissioning, the day the camera was taken down (which may precede its publication). */
  versions: { reference: string; kind: RegisterEntryKind; publishedAt: string; decommissionedOn: string | null; note: string | null }[];
}

/** One entry by its reference, with the history of its decision; null when unknown. */
export function registerEntry(db: Database, reference: string): Promise<EntryWithVersions | null> {
  return cachedRegisterRead(db, JSON.stringify(['entry', reference]), async () => {
    const [row] = await db
      .select({ entry: registerEntries.entry, decisionId: registerEntries.decisionId, laterReference: later.reference, laterKind: later.kind })
      .from(registerEntries)
      .leftJoin(later, eq(later.correctsSequence, registerEntries.sequence))
      .where(eq(registerEntries.reference, reference));
    if (!row) return null;
    const versions = await db
      .select({ entry: registerEntries.entry })
      .from(registerEntries)
      .where(eq(registerEntries.decisionId, row.decisionId))
      .orderBy(asc(registerEntries.sequence));
    const [item] = await toPublicAll(db, [row]);
    return {
      ...item!,
      versions: versions.map(({ entry }) => ({ reference: entry.reference, kind: entry.kind, publishedAt: entry.publishedAt, decommissionedOn: entry.decommissionedOn ?? null, note: entry.note })),
    };
  });
}

export interface SiteHistory {
  site: RegisterEntry['site'];
  /** Newest first. */
  entries: PublicEntry[];
}

/** A site's whole history in the register (newest first); null when the register has nothing on it. */
export function siteHistory(db: Database, siteId: string): Promise<SiteHistory | null> {
  return cachedRegisterRead(db, JSON.stringify(['site', siteId]), async () => {
    const rows = await db
      .select({ entry: registerEntries.entry, decisionId: registerEntries.decisionId, laterReference: later.reference, laterKind: later.kind })
      .from(registerEntries)
      .leftJoin(later, eq(later.correctsSequence, registerEntries.sequence))
      .where(eq(registerEntries.siteId, siteId))
      .orderBy(desc(registerEntries.sequence));
    if (!rows.length) return null;
    return { site: rows[0]!.entry.site, entries: await toPublicAll(db, rows) };
  });
}

export interface RegisterFacets {
  sites: { id: string; name: string }[];
  landlords: string[];
  years: number[];
}

/** What the filters offer: the sites, landlords and years the register holds. */
export function registerFacets(db: Database): Promise<RegisterFacets> {
  return cachedRegisterRead(db, 'facets', async () => {
    const [sites, landlords, years] = await Promise.all([
      db.execute<{ id: string; name: string }>(
        sql`SELECT DISTINCT ON (site_id) site_id AS id, site_name AS name FROM register_entries ORDER BY site_id, sequence DESC`,
      ),
      // Few landlords and years among many entries: each next value is one step in its index
      // (a loose index scan), under 1 ms at 100,000 entries where DISTINCT read them all (90 ms).
      db.execute<{ landlord: string }>(sql`
        WITH RECURSIVE l AS (
          (SELECT landlord FROM register_entries ORDER BY landlord LIMIT 1)
          UNION ALL
          SELECT (SELECT r.landlord FROM register_entries r WHERE r.landlord > l.landlord ORDER BY r.landlord LIMIT 1) FROM l WHERE l.landlord IS NOT NULL
        ) SELECT landlord FROM l WHERE landlord IS NOT NULL`),
      db.execute<{ year: number }>(sql`
        WITH RECURSIVE y AS (
          (SELECT decided_year FROM register_entries ORDER BY decided_year DESC LIMIT 1)
          UNION ALL
          SELECT (SELECT r.decided_year FROM register_entries r WHERE r.decided_year < y.decided_year ORDER BY r.decided_year DESC LIMIT 1) FROM y WHERE y.decided_year IS NOT NULL
        ) SELECT decided_year AS year FROM y WHERE decided_year IS NOT NULL`),
    ]);
    return {
      sites: sites.rows.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      landlords: landlords.rows.map((r) => r.landlord),
      years: years.rows.map((r) => Number(r.year)),
    };
  });
}

/**
 * Entries in register order after `afterSequence`, `batch` at a time: exports and the
 * chain verification walk the whole register this way without holding it in memory.
 * Not cached (each batch is read once per walk).
 */
async function registerBatch(db: Database, afterSequence: number, batch: number, filters: RegisterFilters = {}): Promise<{ entry: RegisterEntry; decisionId: string }[]> {
  return db
    .select({ entry: registerEntries.entry, decisionId: registerEntries.decisionId })
    .from(registerEntries)
    .where(and(gt(registerEntries.sequence, afterSequence), ...filtersSql(filters)))
    .orderBy(asc(registerEntries.sequence))
    .limit(batch);
}

/**
 * Walks the register in order (optionally filtered), in batches, each entry with its
 * decision's id, up to `head` (the head an answer's validator was computed on: what was
 * published since waits for the next request).
 */
export async function* walkRegisterRows(db: Database, filters: RegisterFilters = {}, batch = 500, head = Number.POSITIVE_INFINITY): AsyncGenerator<{ entry: RegisterEntry; decisionId: string }> {
  let after = 0;
  for (;;) {
    const rows = await registerBatch(db, after, batch, filters);
    for (const row of rows) {
      if (row.entry.sequence > head) return;
      yield row;
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.entry.sequence;
  }
}

/** Walks the register in order up to `head`, each entry with its live follow-up on `today` (read per batch). */
export async function* walkRegisterLive(db: Database, filters: RegisterFilters, batch: number, head: number, today: string): AsyncGenerator<{ entry: RegisterEntry; followUp: PublicFollowUp }> {
  let pending: { entry: RegisterEntry; decisionId: string }[] = [];
  const flush = async function* () {
    const followUps = await publicFollowUps(db, pending, today);
    yield* pending.map((row, i) => ({ entry: row.entry, followUp: followUps[i]! }));
    pending = [];
  };
  for await (const row of walkRegisterRows(db, filters, batch, head)) {
    pending.push(row);
    if (pending.length >= batch) yield* flush();
  }
  if (pending.length) yield* flush();
}

/** Walks the register in order (optionally filtered), in batches. */
export async function* walkRegister(db: Database, filters: RegisterFilters = {}, batch = 500): AsyncGenerator<RegisterEntry> {
  for await (const row of walkRegisterRows(db, filters, batch)) yield row.entry;
}

export interface RegisterSite {
  site: RegisterEntry['site'];
  /** How many register entries name the site. */
  entryCount: number;
  /** Its most recent entry. */
  latest: Pick<RegisterEntry, 'reference' | 'kind' | 'outcome' | 'decidedAt' | 'cameraCount'>;
}

/** Every site the register names (as its latest entry describes it), by name: the map and its list. */
export function registerSites(db: Database): Promise<RegisterSite[]> {
  return cachedRegisterRead(db, 'sites', async () => {
    const result = await db.execute<{ entry: RegisterEntry; entry_count: number }>(sql`
      SELECT DISTINCT ON (site_id) entry, (count(*) OVER (PARTITION BY site_id))::int AS entry_count
      FROM register_entries
      ORDER BY site_id, sequence DESC`);
    return result.rows
      .map(({ entry, entry_count }) => {
        // `json` comes back as text from a raw query on some drivers.
        const e: RegisterEntry = typeof entry === 'string' ? JSON.parse(entry) : entry;
        return {
          site: e.site,
          entryCount: Number(entry_count),
          latest: { reference: e.reference, kind: e.kind, outcome: e.outcome, decidedAt: e.decidedAt, cameraCount: e.cameraCount },
        };
      })
      .sort((a, b) => a.site.name.localeCompare(b.site.name, 'fr'));
  });
}
