import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { agendaItems, cameras, decisions, diagnostics, proposals, registerEntries, sites, type RegisterEntryRow } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parisDate } from '@/lib/domain/paris-time';
import { GENESIS_HASH, registerReference, seal, type RegisterEntry, type UnsealedEntry } from '@/lib/domain/register';
import type { PublishedOutcome, RegisterEntryKind } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { announcePublicChange } from '@/lib/public-changes';
import { correctRegisterEntrySchema, publishDecisionSchema } from '@/lib/validation/register';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { applyTransition, lockProposal } from './proposal-transition';

/**
 * The public register (issue: append-only, verifiable by anyone). A signed decision is
 * published as a new entry; a correction or revocation is a new entry naming the one it
 * corrects. Entries are appended under a table lock, so sequence numbers have no gap and
 * each entry's previousHash is the hash of the one before; the database checks both.
 */

const R = 'register.refusals.';

/** What an entry says about a decision, before the register gives it its place. */
export type EntryContent = Omit<UnsealedEntry, 'reference' | 'sequence' | 'kind' | 'corrects' | 'note' | 'publishedAt' | 'previousHash'>;

/** The public content of a signed decision (DOMAIN.md rule 7), read from its file. */
export async function publicContentOf(tx: Tx, decisionId: string): Promise<EntryContent> {
  const [row] = await tx
    .select({ decision: decisions, proposal: proposals, site: sites, voteClosedAt: agendaItems.voteClosedAt })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
    .where(eq(decisions.id, decisionId));
  if (!row) throw new AppError('not_found');
  const { decision, proposal, site } = row;
  const [cameraFacts] = await tx
    .select({ total: count(), masked: sql<number>`count(*) FILTER (WHERE ${cameras.maskingPlanned})`.mapWith(Number) })
    .from(cameras)
    .where(eq(cameras.proposalId, proposal.id));
  const [diagnostic] = await tx
    .select({ conclusion: diagnostics.conclusion, publicSummary: diagnostics.publicSummary })
    .from(diagnostics)
    .where(and(eq(diagnostics.proposalId, proposal.id), eq(diagnostics.state, 'concluded')))
    .orderBy(desc(diagnostics.version))
    .limit(1);
  if (!diagnostic?.conclusion || decision.outcome === 'adjourned' || proposal.retentionDays === null) throw new AppError('conflict:state', { _form: `${R}not_publishable` });
  const outcome: PublishedOutcome = decision.outcome;
  const decidedAt = parisDate(row.voteClosedAt ?? decision.createdAt);
  return {
    decidedAt,
    site: { id: site.id, name: site.name, address: site.address, landlord: site.landlord, lat: site.latitude, lon: site.longitude },
    cameraCount: cameraFacts?.total ?? 0,
    purposes: [...proposal.purposes],
    retentionDays: proposal.retentionDays,
    privacyMasking: (cameraFacts?.masked ?? 0) > 0,
    maskedCameraCount: cameraFacts?.masked ?? 0,
    investmentEuros: proposal.investmentEuros,
    yearlyCostEuros: proposal.yearlyCostEuros,
    diagnosticConclusion: diagnostic.conclusion,
    diagnosticSummary: diagnostic.publicSummary,
    outcome,
    conditions: decision.conditions.map((c) => ({ kind: c.kind, text: c.text, dueDate: c.dueDate })),
    reasons: decision.reasons,
    publicSummary: decision.publicSummary,
    votes: { for: decision.votesFor, against: decision.votesAgainst, abstain: decision.votesAbstain, recused: decision.recused },
  };
}

/** The words the French full-text search reads for an entry (the bench's bulk loader writes them too). */
export function searchTextOf(entry: RegisterEntry): string {
  return [entry.reference, entry.site.name, entry.site.address, entry.site.landlord, entry.reasons, entry.publicSummary, entry.diagnosticSummary, entry.note ?? '', ...entry.conditions.map((c) => c.text)].join('\n');
}

export interface AppendedEntry {
  kind: RegisterEntryKind;
  decisionId: string;
  corrects: Pick<RegisterEntryRow, 'sequence' | 'reference'> | null;
  note: string | null;
  content: EntryContent;
  /** Now, except for a seed writing past years. */
  publishedAt?: Date;
}

/**
 * Adds one entry at the end of the register, in the caller's transaction. The table lock
 * (readers are not blocked) makes concurrent publications take their turn, so numbers
 * follow each other and each entry chains to the true previous one.
 */
export async function appendEntry(tx: Tx, input: AppendedEntry): Promise<RegisterEntry> {
  await tx.execute(sql`LOCK TABLE register_entries IN EXCLUSIVE MODE`);
  const [last] = await tx
    .select({ sequence: registerEntries.sequence, reference: registerEntries.reference, hash: registerEntries.hash })
    .from(registerEntries)
    .orderBy(desc(registerEntries.sequence))
    .limit(1);
  const publishedAt = input.publishedAt ?? new Date();
  const year = Number(parisDate(publishedAt).slice(0, 4));
  // The day a camera was taken down is a decommissioning's own fact: an entry of another kind never carries it over.
  const { decommissionedOn, ...content } = input.content;
  // Numbers restart each year: CE-2026-014 is the 14th entry published in 2026.
  const [, lastYear, lastNumber] = (last?.reference ?? 'CE-0-0').split('-').map(Number) as [number, number, number];
  const entry = seal({
    reference: registerReference(year, lastYear === year ? lastNumber + 1 : 1),
    sequence: (last?.sequence ?? 0) + 1,
    kind: input.kind,
    corrects: input.corrects?.reference ?? null,
    note: input.note,
    publishedAt: publishedAt.toISOString(),
    ...(input.kind === 'decommissioning' && decommissionedOn !== undefined ? { decommissionedOn } : {}),
    ...content,
    previousHash: last?.hash ?? GENESIS_HASH,
  });
  await tx.insert(registerEntries).values({
    sequence: entry.sequence,
    reference: entry.reference,
    kind: entry.kind,
    decisionId: input.decisionId,
    correctsSequence: input.corrects?.sequence ?? null,
    siteId: entry.site.id,
    outcome: entry.outcome,
    decidedYear: Number(entry.decidedAt.slice(0, 4)),
    landlord: entry.site.landlord,
    publishedAt,
    entry,
    hash: entry.hash,
    previousHash: entry.previousHash,
    searchText: searchTextOf(entry),
  });
  // Readers see it at once on this instance (after the commit), and on the others when
  // the notification, delivered on commit, reaches their listener (lib/public-changes.ts).
  await announcePublicChange(tx, 'register');
  return entry;
}

/**
 * The chair publishes a signed decision: the file becomes "published" and the decision a
 * new register entry. A second click (or a second tab) gets the same entry back.
 */
export const publishDecision = defineCommand({
  name: 'publishDecision',
  permission: 'committee.chair',
  schema: publishDecisionSchema,
  run: (tx, actor, { decisionId }) => publishSignedDecision(tx, actor, decisionId),
});

/** The publication itself, in the caller's transaction (the seed passes a past `publishedAt`). */
export async function publishSignedDecision(tx: Tx, actor: Actor, decisionId: string, publishedAt?: Date): Promise<{ reference: string; alreadyPublished: boolean }> {
  const [found] = await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, decisionId));
  if (!found) throw new AppError('not_found');
  const proposal = await lockProposal(tx, actor, found.proposalId);
  const [existing] = await tx
    .select({ reference: registerEntries.reference })
    .from(registerEntries)
    .where(and(eq(registerEntries.decisionId, decisionId), eq(registerEntries.kind, 'decision')));
  if (existing) return { reference: existing.reference, alreadyPublished: true };
  const [decision] = (await tx.select().from(decisions).where(eq(decisions.id, decisionId))) as [typeof decisions.$inferSelect];
  if (!decision.signedAt) throw new AppError('conflict:state', { _form: `${R}not_signed` });
  await applyTransition(tx, actor, proposal, 'publish', { hasConcludedDiagnostic: true, outcome: decision.outcome });
  const entry = await appendEntry(tx, { kind: 'decision', decisionId, corrects: null, note: null, content: await publicContentOf(tx, decisionId), publishedAt });
  await recordEvent(tx, { actorId: actor.id, action: 'decision.entered_in_register', entityId: proposal.id, details: { reference: entry.reference, kind: 'decision', corrects: null } });
  return { reference: entry.reference, alreadyPublished: false };
}

/**
 * A published entry is never edited: the chair adds a correction (new wording of the
 * reasons and public summary) or a revocation, which names the entry it corrects. Only
 * the latest entry of a decision can be corrected, so its versions form one line.
 */
export const correctRegisterEntry = defineCommand({
  name: 'correctRegisterEntry',
  permission: 'committee.chair',
  schema: correctRegisterEntrySchema,
  async run(tx, actor, input) {
    const [target] = await tx.select().from(registerEntries).where(eq(registerEntries.reference, input.reference));
    if (!target) throw new AppError('not_found');
    const [{ proposalId }] = (await tx.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, target.decisionId))) as [{ proposalId: string }];
    await lockProposal(tx, actor, proposalId);
    if (target.kind === 'revocation') throw new AppError('conflict:state', { _form: `${R}revoked` });
    const [later] = await tx.select({ reference: registerEntries.reference }).from(registerEntries).where(eq(registerEntries.correctsSequence, target.sequence));
    if (later) throw new AppError('conflict:state', { _form: { key: `${R}already_corrected`, params: { reference: later.reference } } });
    const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, previousHash: _ph, hash: _h, ...content } = target.entry;
    const corrected: EntryContent = input.kind === 'correction' ? { ...content, reasons: input.reasons, publicSummary: input.publicSummary } : content;
    const entry = await appendEntry(tx, { kind: input.kind, decisionId: target.decisionId, corrects: target, note: input.note, content: corrected });
    await recordEvent(tx, { actorId: actor.id, action: 'decision.entered_in_register', entityId: proposalId, details: { reference: entry.reference, kind: input.kind, corrects: target.reference } });
    return { reference: entry.reference };
  },
});
