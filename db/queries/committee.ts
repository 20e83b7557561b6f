import 'server-only';
import { and, asc, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { agendaItems, attendance, committeeSettings, conflicts, decisions, diagnostics, dissents, proposals, sessions, sites, userRoles, users, votes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { quorumFor, recusalOf, type CommitteeSettings, type Quorum, type Recusal, type Tally, type VoteChoice } from '@/lib/domain/committee';
import { PAGE_SIZE, pageWindow, type Page } from '@/lib/pagination';
import { reference } from './proposals';
import { publicationsOf, type Publication } from './publications';

/**
 * The committee's read models: sessions, their agenda and attendance, and for each item
 * who may vote, the quorum, the reader's own vote, and the counts once the vote is closed.
 * Individual votes of other members are never read here: only the reader's own ballots
 * (their own, and the one they cast as a proxy holder) and the closed decision's counts.
 */

export const sessionReference = (n: number) => `SE-${String(n).padStart(4, '0')}`;

export interface SessionListItem {
  id: string;
  reference: string;
  state: 'planned' | 'convened' | 'held' | 'closed';
  scheduledAt: Date;
  place: string;
  videoLink: string;
  agendaSize: number;
}

/**
 * One page of sessions: the open ones first (planned, convened or held: to come or in
 * progress), soonest first; then the closed ones, most recent first. Counted and cut in SQL.
 */
export async function listSessions(db: Database, requestedPage: unknown = 1, size = PAGE_SIZE): Promise<Page<SessionListItem>> {
  const total = await db.$count(sessions);
  const { page, pages, offset, limit } = pageWindow(typeof requestedPage === 'number' ? String(requestedPage) : requestedPage, total, size);
  const closed = sql`${sessions.state} = 'closed'`;
  const rows = await db
    .select({
      id: sessions.id,
      number: sessions.number,
      state: sessions.state,
      scheduledAt: sessions.scheduledAt,
      place: sessions.place,
      videoLink: sessions.videoLink,
      agendaSize: db.$count(agendaItems, eq(agendaItems.sessionId, sessions.id)),
    })
    .from(sessions)
    .orderBy(asc(closed), sql`CASE WHEN ${closed} THEN NULL ELSE ${sessions.scheduledAt} END ASC`, desc(sessions.scheduledAt), desc(sessions.number))
    .limit(limit)
    .offset(offset);
  return { items: rows.map(({ number, ...r }) => ({ ...r, reference: sessionReference(number) })), page, pages, total };
}

export async function readSettings(db: Database): Promise<CommitteeSettings> {
  const [row] = await db.select().from(committeeSettings).where(eq(committeeSettings.id, 1));
  if (!row) throw new Error('committee_settings has no row: run the migrations');
  return row;
}

export interface Person {
  id: string;
  name: string;
}

/** Members serving now (active, holding the member role), by name. */
export async function servingMembers(db: Database): Promise<Person[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'member')))
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id));
}

/** Files under review that are on no open agenda: what the chair may add to a planned session. */
export async function filesToSchedule(db: Database) {
  const rows = await db
    .select({ id: proposals.id, number: proposals.number, title: proposals.title, siteName: sites.name })
    .from(proposals)
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .where(
      and(
        eq(proposals.state, 'under_review'),
        notExists(db.select({ one: sql`1` }).from(agendaItems).where(and(eq(agendaItems.proposalId, proposals.id), inArray(agendaItems.state, ['scheduled', 'voting'])))),
      ),
    )
    .orderBy(asc(proposals.number));
  return rows.map(({ number, ...r }) => ({ ...r, reference: reference(number) }));
}

export interface RecusedMember extends Person {
  reason: Recusal;
}

export interface ItemView {
  id: string;
  position: number;
  state: 'scheduled' | 'voting' | 'voted' | 'adjourned' | 'carried_over';
  revision: number;
  proposal: { id: string; reference: string; title: string; state: string; siteName: string; siteAddress: string };
  rapporteur: Person | null;
  draftConditions: (typeof agendaItems.$inferSelect)['draftConditions'];
  voteOpenedAt: Date | null;
  voteClosedAt: Date | null;
  outcome: (typeof agendaItems.$inferSelect)['outcome'];
  adjournReason: string | null;
  /** Serving and not recused: who may deliberate and vote. */
  eligible: Person[];
  recused: RecusedMember[];
  /** Eligible members present, and the eligible absent members represented by a present one. */
  present: Person[];
  proxies: { member: Person; holder: Person }[];
  /** Only once the session is held (attendance is known). */
  quorum: Quorum | null;
  /** The reader on this item. */
  mine: {
    recusal: Recusal | null;
    /** Their own vote, while the vote is open or after. */
    vote: VoteChoice | null;
    /** The absent member whose proxy they hold on this item, and the vote they cast for them. */
    proxyFor: (Person & { vote: VoteChoice | null }) | null;
  };
  /** The counts: only once the vote is closed, never who voted what. */
  tally: (Tally & { recused: number }) | null;
  decision: {
    id: string;
    outcome: NonNullable<(typeof agendaItems.$inferSelect)['outcome']>;
    conditions: (typeof decisions.$inferSelect)['conditions'];
    reasons: string;
    publicSummary: string;
    revision: number;
    signedAt: Date | null;
    signedByName: string | null;
    /** Short internal texts of members who voted against. */
    dissents: { memberName: string; text: string }[];
    myDissent: string | null;
    /** Its entry in the public register, once the chair has published it. */
    publication: Publication | null;
  } | null;
}

/** One session with everything its page and its minutes show, as this reader may see it; null when it does not exist. */
export async function getSession(db: Database, actor: Actor, sessionId: string) {
  const signer = alias(users, 'minutes_signer');
  const [row] = await db.select({ session: sessions, minutesSignedByName: signer.name }).from(sessions).leftJoin(signer, eq(signer.id, sessions.minutesSignedBy)).where(eq(sessions.id, sessionId));
  if (!row) return null;
  const { session } = row;
  const [settings, serving, attendanceRows] = await Promise.all([
    readSettings(db),
    servingMembers(db),
    db.select({ memberId: attendance.memberId, status: attendance.status, proxyHolderId: attendance.proxyHolderId, name: users.name }).from(attendance).innerJoin(users, eq(users.id, attendance.memberId)).where(eq(attendance.sessionId, sessionId)).orderBy(asc(users.name)),
  ]);
  const nameOf = new Map<string, string>([...serving.map((p) => [p.id, p.name] as const), ...attendanceRows.map((a) => [a.memberId, a.name] as const)]);
  const person = (id: string): Person => ({ id, name: nameOf.get(id) ?? '' });

  const rapporteur = alias(users, 'rapporteur');
  const itemRows = await db
    .select({
      item: agendaItems,
      proposal: { id: proposals.id, number: proposals.number, title: proposals.title, state: proposals.state, authorId: proposals.authorId },
      site: { name: sites.name, address: sites.address },
      rapporteurName: rapporteur.name,
    })
    .from(agendaItems)
    .innerJoin(proposals, eq(proposals.id, agendaItems.proposalId))
    .innerJoin(sites, eq(sites.id, proposals.siteId))
    .leftJoin(rapporteur, eq(rapporteur.id, agendaItems.rapporteurId))
    .where(eq(agendaItems.sessionId, sessionId))
    .orderBy(asc(agendaItems.position));

  const itemIds = itemRows.map((r) => r.item.id);
  const proposalIds = itemRows.map((r) => r.proposal.id);
  const decisionSigner = alias(users, 'decision_signer');
  const [signerRows, conflictRows, myVotes, decisionRows] = await Promise.all([
    proposalIds.length ? db.selectDistinct({ proposalId: diagnostics.proposalId, id: diagnostics.signedBy }).from(diagnostics).where(inArray(diagnostics.proposalId, proposalIds)) : [],
    proposalIds.length ? db.select({ proposalId: conflicts.proposalId, memberId: conflicts.memberId, createdAt: conflicts.createdAt }).from(conflicts).where(inArray(conflicts.proposalId, proposalIds)) : [],
    // The reader's own ballots only: theirs, and those they cast as a proxy holder.
    itemIds.length ? db.select({ itemId: votes.itemId, memberId: votes.memberId, choice: votes.choice }).from(votes).where(and(inArray(votes.itemId, itemIds), eq(votes.castBy, actor.id))) : [],
    itemIds.length
      ? db.select({ decision: decisions, signedByName: decisionSigner.name }).from(decisions).leftJoin(decisionSigner, eq(decisionSigner.id, decisions.signedBy)).where(inArray(decisions.itemId, itemIds))
      : [],
  ]);

  // Dissents are internal to the committee: this page is the committee's own.
  const dissentAuthor = alias(users, 'dissent_author');
  const decisionIds = decisionRows.map((d) => d.decision.id);
  const [dissentRows, publications] = await Promise.all([
    decisionIds.length
      ? db
          .select({ decisionId: dissents.decisionId, memberId: dissents.memberId, memberName: dissentAuthor.name, text: dissents.text })
          .from(dissents)
          .innerJoin(dissentAuthor, eq(dissentAuthor.id, dissents.memberId))
          .where(inArray(dissents.decisionId, decisionIds))
          .orderBy(asc(dissents.createdAt))
      : [],
    publicationsOf(db, decisionIds),
  ]);

  const held = session.state === 'held' || session.state === 'closed';
  const items: ItemView[] = itemRows.map(({ item, proposal, site, rapporteurName }) => {
    const dealtWith = item.voteClosedAt ?? (item.state === 'adjourned' || item.state === 'carried_over' ? item.updatedAt : null);
    const facts = {
      authorId: proposal.authorId,
      diagnosticSignerIds: signerRows.filter((s) => s.proposalId === proposal.id && s.id).map((s) => s.id!),
      // A conflict declared after the item was dealt with (for a later session) does not rewrite this one.
      conflictMemberIds: conflictRows.filter((c) => c.proposalId === proposal.id && (!dealtWith || c.createdAt <= dealtWith)).map((c) => c.memberId),
    };
    const recused: RecusedMember[] = [];
    const eligible: Person[] = [];
    for (const m of serving) {
      const reason = recusalOf(m.id, facts);
      if (reason) recused.push({ ...m, reason });
      else eligible.push(m);
    }
    const isEligible = (id: string) => eligible.some((e) => e.id === id);
    const present = attendanceRows.filter((a) => a.status === 'present' && isEligible(a.memberId)).map((a) => person(a.memberId));
    const proxies = attendanceRows
      .filter((a) => a.status === 'proxy' && isEligible(a.memberId) && a.proxyHolderId && present.some((p) => p.id === a.proxyHolderId))
      .map((a) => ({ member: person(a.memberId), holder: person(a.proxyHolderId!) }));
    const heldProxy = proxies.find((p) => p.holder.id === actor.id);
    const ballot = (memberId: string) => myVotes.find((v) => v.itemId === item.id && v.memberId === memberId)?.choice ?? null;
    const found = decisionRows.find((d) => d.decision.itemId === item.id);
    return {
      id: item.id,
      position: item.position,
      state: item.state,
      revision: item.revision,
      proposal: { id: proposal.id, reference: reference(proposal.number), title: proposal.title, state: proposal.state, siteName: site.name, siteAddress: site.address },
      rapporteur: item.rapporteurId ? { id: item.rapporteurId, name: rapporteurName ?? '' } : null,
      draftConditions: item.draftConditions,
      voteOpenedAt: item.voteOpenedAt,
      voteClosedAt: item.voteClosedAt,
      outcome: item.outcome,
      adjournReason: item.adjournReason,
      eligible,
      recused,
      present,
      proxies,
      quorum: held ? quorumFor(settings, eligible.length, present.length) : null,
      mine: {
        recusal: recusalOf(actor.id, facts),
        vote: ballot(actor.id),
        proxyFor: heldProxy ? { ...heldProxy.member, vote: ballot(heldProxy.member.id) } : null,
      },
      tally: found ? { for: found.decision.votesFor, against: found.decision.votesAgainst, abstain: found.decision.votesAbstain, recused: found.decision.recused } : null,
      decision: found
        ? {
            id: found.decision.id,
            outcome: found.decision.outcome,
            conditions: found.decision.conditions,
            reasons: found.decision.reasons,
            publicSummary: found.decision.publicSummary,
            revision: found.decision.revision,
            signedAt: found.decision.signedAt,
            signedByName: found.signedByName,
            dissents: dissentRows.filter((d) => d.decisionId === found.decision.id).map(({ memberName, text }) => ({ memberName, text })),
            myDissent: dissentRows.find((d) => d.decisionId === found.decision.id && d.memberId === actor.id)?.text ?? null,
            publication: publications.get(found.decision.id) ?? null,
          }
        : null,
    };
  });

  return {
    session: { ...session, reference: sessionReference(session.number), minutesSignedByName: row.minutesSignedByName },
    settings,
    serving,
    attendance: attendanceRows.map((a) => ({ member: person(a.memberId), status: a.status, proxyHolder: a.proxyHolderId ? person(a.proxyHolderId) : null })),
    items,
  };
}

export type SessionView = NonNullable<Awaited<ReturnType<typeof getSession>>>;

/**
 * Where the reader stands on a file, for its conflict-of-interest section: recused or
 * not (and why), and whether a conflict may still be declared (no vote open, not decided).
 */
export async function conflictStanding(db: Database, actor: Actor, proposalId: string) {
  const [proposal] = await db.select({ authorId: proposals.authorId, state: proposals.state }).from(proposals).where(eq(proposals.id, proposalId));
  if (!proposal) return null;
  const [signers, declared, open] = await Promise.all([
    db.selectDistinct({ id: diagnostics.signedBy }).from(diagnostics).where(eq(diagnostics.proposalId, proposalId)),
    db.select({ memberId: conflicts.memberId, reason: conflicts.reason }).from(conflicts).where(eq(conflicts.proposalId, proposalId)),
    db.$count(agendaItems, and(eq(agendaItems.proposalId, proposalId), eq(agendaItems.state, 'voting'))),
  ]);
  const recusal = recusalOf(actor.id, {
    authorId: proposal.authorId,
    diagnosticSignerIds: signers.map((s) => s.id).filter((id): id is string => id !== null),
    conflictMemberIds: declared.map((c) => c.memberId),
  });
  return {
    recusal,
    declaredReason: declared.find((c) => c.memberId === actor.id)?.reason ?? null,
    canDeclare: recusal === null && ['diagnosed', 'under_review', 'info_requested'].includes(proposal.state) && open === 0,
  };
}
