import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { agendaItems, conflicts, diagnostics, proposalReads, proposals, sessions, votes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { reference } from './proposals';

/**
 * What the committee finds on the staff home (issue 7 item 9): the chair, the sessions to
 * prepare and the votes to close; a member, the open votes and the next session's agenda
 * with the files they have not read since they last changed.
 */

export interface HomeItem {
  itemId: string;
  sessionId: string;
  sessionNumber: number;
  proposalId: string;
  reference: string;
  title: string;
  /** This person has a vote recorded on the item. */
  voted: boolean;
  /** This person may not vote on the file (author, diagnostician, declared conflict). */
  recused: boolean;
  /** This person has not opened the file since it last changed. */
  unread: boolean;
}

export interface HomeSession {
  id: string;
  number: number;
  state: 'planned' | 'convened' | 'held';
  scheduledAt: Date;
  place: string;
  videoLink: string;
  items: HomeItem[];
}

export async function committeeHome(db: Database, actor: Actor): Promise<{ sessions: HomeSession[]; openVotes: HomeItem[] }> {
  // SQL twins of recusalOf (lib/domain/committee.ts): author, signer of a diagnostic, declared conflict.
  const recused = sql<boolean>`(${proposals.authorId} = ${actor.id}
    OR EXISTS (SELECT 1 FROM ${diagnostics} WHERE ${diagnostics.proposalId} = ${proposals.id} AND ${diagnostics.signedBy} = ${actor.id})
    OR EXISTS (SELECT 1 FROM ${conflicts} WHERE ${conflicts.proposalId} = ${proposals.id} AND ${conflicts.memberId} = ${actor.id}))`;
  const voted = sql<boolean>`EXISTS (SELECT 1 FROM ${votes} WHERE ${votes.itemId} = ${agendaItems.id} AND ${votes.memberId} = ${actor.id})`;
  const unread = sql<boolean>`NOT EXISTS (SELECT 1 FROM ${proposalReads} WHERE ${proposalReads.proposalId} = ${proposals.id} AND ${proposalReads.userId} = ${actor.id} AND ${proposalReads.readAt} >= ${proposals.updatedAt})`;
  const rows = await db
    .select({
      itemId: agendaItems.id,
      itemState: agendaItems.state,
      sessionId: sessions.id,
      sessionNumber: sessions.number,
      sessionState: sessions.state,
      scheduledAt: sessions.scheduledAt,
      place: sessions.place,
      videoLink: sessions.videoLink,
      proposalId: proposals.id,
      number: proposals.number,
      title: proposals.title,
      voted,
      recused,
      unread,
    })
    .from(sessions)
    .innerJoin(agendaItems, eq(agendaItems.sessionId, sessions.id))
    .innerJoin(proposals, eq(proposals.id, agendaItems.proposalId))
    // Sessions still to come, or held and not yet closed; closed ones live on their own pages.
    .where(inArray(sessions.state, ['planned', 'convened', 'held']))
    .orderBy(asc(sessions.scheduledAt), asc(agendaItems.position));
  const bySession = new Map<string, HomeSession>();
  const openVotes: HomeItem[] = [];
  for (const r of rows) {
    const item: HomeItem = {
      itemId: r.itemId,
      sessionId: r.sessionId,
      sessionNumber: r.sessionNumber,
      proposalId: r.proposalId,
      reference: reference(r.number),
      title: r.title,
      voted: r.voted,
      recused: r.recused,
      unread: r.unread,
    };
    const session = bySession.get(r.sessionId) ?? { id: r.sessionId, number: r.sessionNumber, state: r.sessionState as HomeSession['state'], scheduledAt: r.scheduledAt, place: r.place, videoLink: r.videoLink, items: [] };
    session.items.push(item);
    bySession.set(r.sessionId, session);
    if (r.itemState === 'voting') openVotes.push(item);
  }
  return { sessions: [...bySession.values()], openVotes };
}

/** Records that this person opened the file now (the staff home's "not read yet"). */
export async function markProposalRead(db: Database, userId: string, proposalId: string): Promise<void> {
  await db
    .insert(proposalReads)
    .values({ userId, proposalId })
    .onConflictDoUpdate({ target: [proposalReads.userId, proposalReads.proposalId], set: { readAt: sql`now()` } });
}
