import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { cameras, diagnostics, proposals, sites, users } from '@/db/schema';
import { entityHistory } from './audit';
import type { Actor } from '@/lib/auth/actor';
import { queuesFor, type Queue } from '@/lib/auth/queues';
import { PAGE_SIZE, pageWindow, type Page } from '@/lib/pagination';
import { canViewProposal } from '@/lib/auth/visibility';
import { isCommitteeMember } from '@/lib/domain/review';
import { type ProposalKind, type ProposalState } from '@/lib/domain/vocabulary';

/** The SQL twin of canViewProposal (lib/auth/visibility.ts). */
function visibleTo(actor: Actor): SQL {
  const clauses: SQL[] = [eq(proposals.authorId, actor.id)];
  if (actor.roles.some((r) => r === 'diagnostician' || r === 'admin')) clauses.push(isNotNull(proposals.submittedAt));
  if (actor.roles.some((r) => r === 'member' || r === 'chair')) clauses.push(isNotNull(proposals.diagnosedAt));
  return or(...clauses)!;
}

export { proposalReference as reference } from '@/lib/domain/references';
import { proposalReference as reference } from '@/lib/domain/references';

export interface ProposalListItem {
  id: string;
  reference: string;
  title: string;
  state: ProposalState;
  /** A first request, a change to an authorised system, or a re-review. */
  kind: ProposalKind;
  siteName: string;
  authorId: string;
  authorName: string;
  cameraCount: number;
  updatedAt: Date;
}

/**
 * Which files a list shows, on top of what the reader may see at all: those waiting in
 * the reader's queues (lib/auth/queues.ts), their own, or all they may see.
 */
export type ProposalView = 'todo' | 'mine' | 'all';

function viewFilter(actor: Actor, view: ProposalView | Queue): SQL | undefined {
  if (view === 'all') return undefined;
  if (view === 'mine') return eq(proposals.authorId, actor.id);
  const queues = view === 'todo' ? queuesFor(actor.roles) : [view];
  // A person with no queue has nothing to do: an always-false condition, not "everything".
  if (!queues.length) return sql`false`;
  return or(...queues.map((q) => and(inArray(proposals.state, q.states), q.ownOnly ? eq(proposals.authorId, actor.id) : undefined)));
}

/** How many files each view holds for this reader, counted in one query. */
export async function countProposals<V extends ProposalView>(db: Database, actor: Actor, views: readonly V[]): Promise<Record<V, number>> {
  const columns = Object.fromEntries(
    views.map((v) => [v, sql<number>`count(*) filter (where ${viewFilter(actor, v) ?? sql`true`})`.mapWith(Number)]),
  ) as Record<string, SQL<number>>;
  const [row] = await db.select(columns).from(proposals).where(visibleTo(actor));
  return row as unknown as Record<V, number>;
}

/**
 * One page of the files this person may open in a view, most recently changed first:
 * filtered, counted and cut in SQL (the index proposals_updated_idx serves the order).
 */
export async function listProposals(db: Database, actor: Actor, view: ProposalView | Queue = 'all', requestedPage: unknown = 1, size = PAGE_SIZE): Promise<Page<ProposalListItem>> {
  const where = and(visibleTo(actor), viewFilter(actor, view));
  const total = await db.$count(proposals, where);
  const { page, pages, offset, limit } = pageWindow(typeof requestedPage === 'number' ? String(requestedPage) : requestedPage, total, size);
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      state: proposals.state,
      kind: proposals.kind,
      siteName: sites.name,
      authorId: proposals.authorId,
      authorName: users.name,
      updatedAt: proposals.updatedAt,
      cameraCount: db.$count(cameras, eq(cameras.proposalId, proposals.id)),
    })
    .from(proposals)
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(where)
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(limit)
    .offset(offset);
  return { items: rows.map(({ number, ...r }) => ({ ...r, reference: reference(number) })), page, pages, total };
}

/** One file as its reader may see it, or null when it does not exist or is not theirs to see. */
export async function getProposal(db: Database, actor: Actor, id: string) {
  const [row] = await db
    .select({ proposal: proposals, site: sites, authorName: users.name })
    .from(proposals)
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(eq(proposals.id, id));
  if (!row || !canViewProposal(actor, row.proposal)) return null;
  const [cameraRows, diagnosticRows, timeline] = await Promise.all([
    db.select().from(cameras).where(eq(cameras.proposalId, id)).orderBy(asc(cameras.position)),
    listDiagnostics(db, id),
    entityHistory(db, 'proposal', id),
  ]);
  // The committee's internal deliberation leaves no trace in what readers outside it see.
  const visibleTimeline = isCommitteeMember(actor.roles) ? timeline : timeline.filter((e) => e.action !== 'deliberation.posted');
  return { ...row, reference: reference(row.proposal.number), cameras: cameraRows, diagnostics: diagnosticRows, timeline: visibleTimeline };
}


async function listDiagnostics(db: Database, proposalId: string) {
  const signer = alias(users, 'signer');
  const rows = await db
    .select({ diagnostic: diagnostics, signerName: signer.name })
    .from(diagnostics)
    .leftJoin(signer, eq(signer.id, diagnostics.signedBy))
    .where(eq(diagnostics.proposalId, proposalId))
    .orderBy(desc(diagnostics.version));
  return rows.map((r) => ({ ...r.diagnostic, signerName: r.signerName }));
}
