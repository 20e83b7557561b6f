import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { decisions, proposals, registerEntries } from '@/db/schema';
import type { RegisterEntry } from '@/lib/domain/register';
import type { RegisterEntryKind } from '@/lib/domain/vocabulary';
import { proposalReference } from '@/lib/domain/references';

/**
 * The staff side of the register: whether a decision is published, under which
 * reference, and which entry is its latest version (the one a correction applies to).
 * The session page, the file page and the correction form read it; the public pages
 * have their own queries (db/queries/register.ts).
 */

export interface Publication {
  decisionId: string;
  /** The decision's own entry, made when it was published. */
  reference: string;
  /** Its latest entry: the publication itself, or the last correction or revocation. */
  latest: { reference: string; kind: RegisterEntryKind };
}

/** The register entries of these decisions, grouped: a decision missing from the map is not published. */
export async function publicationsOf(db: Database, decisionIds: readonly string[]): Promise<Map<string, Publication>> {
  if (!decisionIds.length) return new Map();
  const rows = await db
    .select({ decisionId: registerEntries.decisionId, reference: registerEntries.reference, kind: registerEntries.kind })
    .from(registerEntries)
    .where(inArray(registerEntries.decisionId, [...decisionIds]))
    .orderBy(asc(registerEntries.sequence));
  return group(rows);
}

/** The publications of a file's decisions, oldest first (a file is published once, but it may come back years later). */
export async function publicationsOfProposal(db: Database, proposalId: string): Promise<Publication[]> {
  const rows = await db
    .select({ decisionId: registerEntries.decisionId, reference: registerEntries.reference, kind: registerEntries.kind })
    .from(registerEntries)
    .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
    .where(eq(decisions.proposalId, proposalId))
    .orderBy(asc(registerEntries.sequence));
  return [...group(rows).values()];
}

function group(rows: { decisionId: string; reference: string; kind: RegisterEntryKind }[]): Map<string, Publication> {
  const out = new Map<string, Publication>();
  for (const row of rows) {
    const found = out.get(row.decisionId);
    // Rows come in register order: the decision's own entry first, then each correction.
    if (found) found.latest = { reference: row.reference, kind: row.kind };
    else out.set(row.decisionId, { decisionId: row.decisionId, reference: row.reference, latest: { reference: row.reference, kind: row.kind } });
  }
  return out;
}

export interface EntryToCorrect {
  entry: RegisterEntry;
  proposal: { id: string; reference: string };
  /** The entry that already corrects or revokes this one: then only that one may be corrected. */
  correctedBy: string | null;
}

/** An entry with its file, for the chair's correction form; null when the reference is unknown. */
export async function entryToCorrect(db: Database, reference: string): Promise<EntryToCorrect | null> {
  const later = alias(registerEntries, 'later');
  const [row] = await db
    .select({ entry: registerEntries.entry, proposalId: proposals.id, proposalNumber: proposals.number, correctedBy: later.reference })
    .from(registerEntries)
    .innerJoin(decisions, eq(decisions.id, registerEntries.decisionId))
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .leftJoin(later, eq(later.correctsSequence, registerEntries.sequence))
    .where(eq(registerEntries.reference, reference));
  if (!row) return null;
  return { entry: row.entry, proposal: { id: row.proposalId, reference: proposalReference(row.proposalNumber) }, correctedBy: row.correctedBy };
}
