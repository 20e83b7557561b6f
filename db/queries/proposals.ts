import 'server-only';
import { asc, desc, eq, isNotNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { cameras, diagnostics, proposals, sites, users } from '@/db/schema';
import { entityHistory } from './audit';
import type { Actor } from '@/lib/auth/actor';
import { canViewProposal } from '@/lib/auth/visibility';
import { type ProposalState } from '@/lib/domain/vocabulary';

/** The SQL twin of canViewProposal (lib/auth/visibility.ts). */
function visibleTo(actor: Actor): SQL {
  const clauses: SQL[] = [eq(proposals.authorId, actor.id)];
  if (actor.roles.some((r) => r === 'diagnostician' || r === 'admin')) clauses.push(isNotNull(proposals.submittedAt));
  if (actor.roles.some((r) => r === 'member' || r === 'chair')) clauses.push(isNotNull(proposals.diagnosedAt));
  return or(...clauses)!;
}

export const reference = (n: number) => `VIG-${String(n).padStart(4, '0')}`;

export interface ProposalListItem {
  id: string;
  reference: string;
  title: string;
  state: ProposalState;
  siteName: string;
  authorId: string;
  authorName: string;
  cameraCount: number;
  updatedAt: Date;
}

/** Every file this person may open, most recently changed first. */
export async function listProposals(db: Database, actor: Actor): Promise<ProposalListItem[]> {
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      state: proposals.state,
      siteName: sites.name,
      authorId: proposals.authorId,
      authorName: users.name,
      updatedAt: proposals.updatedAt,
      cameraCount: db.$count(cameras, eq(cameras.proposalId, proposals.id)),
    })
    .from(proposals)
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .innerJoin(users, eq(users.id, proposals.authorId))
    .where(visibleTo(actor))
    .orderBy(desc(proposals.updatedAt));
  return rows.map(({ number, ...r }) => ({ ...r, reference: reference(number) }));
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
  return { ...row, reference: reference(row.proposal.number), cameras: cameraRows, diagnostics: diagnosticRows, timeline };
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
