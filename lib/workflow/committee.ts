import { and, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { agendaItems, attendance, committeeSettings, conflicts, decisions, diagnostics, proposals, sessions, userRoles, users, type Session } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { COMMITTEE_ENTITY_ID, sessionEventKind } from '@/lib/domain/audit-events';
import { isLateConvocation, recusalOf, type CommitteeSettings } from '@/lib/domain/committee';
import { dateToParisLocal, parisLocalToDate } from '@/lib/domain/paris-time';
import { sessionLifecycle, type SessionCommand, type SessionContext } from '@/lib/domain/session-lifecycle';
import { AppError } from '@/lib/errors';
import {
  addToAgendaSchema,
  committeeSettingsSchema,
  conveneSessionSchema,
  declareConflictSchema,
  holdSessionSchema,
  itemIdSchema,
  planSessionSchema,
  proposeConditionsSchema,
  recordConflictSchema,
  sessionIdSchema,
  setRapporteurSchema,
} from '@/lib/validation/committee';
import { notify } from '@/lib/notices';
import { recordEvent } from './audit';
import { defineCommand } from './command';
import { refuse } from './refusals';

/**
 * The committee's organisation: its settings, sessions and their agenda, attendance, and
 * conflicts of interest. Votes and decisions are in votes.ts. Lock order, as everywhere:
 * proposal, then session, then agenda item, so that no two commands deadlock.
 */

const R = 'committee.refusals.';

export async function loadSettings(tx: Tx): Promise<CommitteeSettings> {
  const [row] = await tx.select().from(committeeSettings).where(eq(committeeSettings.id, 1));
  if (!row) throw new Error('committee_settings has no row: run the migrations');
  return row;
}

/** Members serving now: active accounts holding the member role (the chair holds it too in practice). */
export async function servingMemberIds(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'member')))
    .where(eq(users.active, true));
  return rows.map((r) => r.id).sort();
}

/** Everything recusal needs to know about a file (DOMAIN.md: author, diagnostician, declared conflict). */
export async function recusalFacts(tx: Tx, proposalId: string) {
  const [proposal] = await tx.select({ authorId: proposals.authorId }).from(proposals).where(eq(proposals.id, proposalId));
  if (!proposal) throw new AppError('not_found');
  const signers = await tx.selectDistinct({ id: diagnostics.signedBy }).from(diagnostics).where(eq(diagnostics.proposalId, proposalId));
  const declared = await tx.select({ id: conflicts.memberId }).from(conflicts).where(eq(conflicts.proposalId, proposalId));
  return {
    authorId: proposal.authorId,
    diagnosticSignerIds: signers.map((s) => s.id).filter((id): id is string => id !== null),
    conflictMemberIds: declared.map((c) => c.id),
  };
}

async function lockSession(tx: Tx, sessionId: string): Promise<Session> {
  const [row] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** An agenda item with its session, both locked (after the proposal when the caller locked it). */
export async function lockItem(tx: Tx, itemId: string) {
  const [found] = await tx.select({ sessionId: agendaItems.sessionId }).from(agendaItems).where(eq(agendaItems.id, itemId));
  if (!found) throw new AppError('not_found');
  const session = await lockSession(tx, found.sessionId);
  const [item] = await tx.select().from(agendaItems).where(eq(agendaItems.id, itemId)).for('update');
  return { session, item: item! };
}

/** Asks the session lifecycle, then writes the new state and its event. */
async function moveSession(tx: Tx, actor: Actor, session: Session, command: SessionCommand, ctx: SessionContext, changes: Partial<typeof sessions.$inferInsert> = {}) {
  const decision = sessionLifecycle.transition(session.state, command, { ...ctx, roles: actor.roles });
  if (!decision.ok) refuse(decision.reason);
  await tx
    .update(sessions)
    .set({ ...changes, state: decision.to, revision: session.revision + 1, updatedAt: new Date() })
    .where(eq(sessions.id, session.id));
  await recordEvent(tx, { actorId: actor.id, action: sessionEventKind(command), entityId: session.id, fromState: session.state, toState: decision.to, reason: ctx.reason ?? null });
}

export const updateCommitteeSettings = defineCommand({
  name: 'updateCommitteeSettings',
  permission: 'committee.settings',
  schema: committeeSettingsSchema,
  async run(tx, actor, { revision, ...values }) {
    const [row] = await tx.select().from(committeeSettings).where(eq(committeeSettings.id, 1)).for('update');
    if (!row) throw new Error('committee_settings has no row: run the migrations');
    if (row.revision !== revision) throw new AppError('conflict:stale_version');
    // A field left out (renewalLeadMonths, cameraPrecision, from a caller that predates them) keeps its stored value.
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as typeof values;
    const next = { ...given, quorumFixed: values.quorumRule === 'fixed' ? values.quorumFixed : null };
    const changes: Record<string, { from: string | number | boolean | null; to: string | number | boolean | null }> = {};
    for (const [field, to] of Object.entries(next) as [keyof typeof next, string | number | boolean | null][]) {
      if (row[field] !== to) changes[field] = { from: row[field], to };
    }
    if (!Object.keys(changes).length) return { revision };
    await tx.update(committeeSettings).set({ ...next, revision: revision + 1, updatedAt: new Date() }).where(eq(committeeSettings.id, 1));
    await recordEvent(tx, { actorId: actor.id, action: 'settings.updated', entityId: COMMITTEE_ENTITY_ID, details: { changes } });
    return { revision: revision + 1 };
  },
});

export const planSession = defineCommand({
  name: 'planSession',
  permission: 'committee.chair',
  schema: planSessionSchema,
  async run(tx, actor, { scheduledAt, place, videoLink }) {
    const [created] = await tx.insert(sessions).values({ scheduledAt, place, videoLink, createdBy: actor.id }).returning({ id: sessions.id, number: sessions.number });
    await recordEvent(tx, { actorId: actor.id, action: 'session.planned', entityId: created!.id, details: { scheduledAt: scheduledAt.toISOString() } });
    return created!;
  },
});

/** The rapporteur must serve on the committee and not be recused on the file. */
async function checkRapporteur(tx: Tx, proposalId: string, rapporteurId: string) {
  if (!(await servingMemberIds(tx)).includes(rapporteurId)) throw new AppError('invalid', { rapporteurId: `${R}not_serving` });
  if (recusalOf(rapporteurId, await recusalFacts(tx, proposalId))) throw new AppError('invalid', { rapporteurId: `${R}rapporteur_recused` });
}

export const addToAgenda = defineCommand({
  name: 'addToAgenda',
  permission: 'committee.chair',
  schema: addToAgendaSchema,
  async run(tx, actor, { sessionId, proposalId, rapporteurId }) {
    const [proposal] = await tx.select({ state: proposals.state }).from(proposals).where(eq(proposals.id, proposalId)).for('update');
    if (!proposal) throw new AppError('not_found');
    const session = await lockSession(tx, sessionId);
    if (session.state !== 'planned') throw new AppError('conflict:state', { _form: `${R}session_not_planned` });
    if (proposal.state !== 'under_review') throw new AppError('conflict:state', { proposalId: `${R}not_under_review` });
    const open = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.proposalId, proposalId), inArray(agendaItems.state, ['scheduled', 'voting'])));
    if (open.length) throw new AppError('conflict:state', { proposalId: `${R}already_on_agenda` });
    if (rapporteurId) await checkRapporteur(tx, proposalId, rapporteurId);
    const [last] = await tx.select({ position: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.sessionId, sessionId));
    const [item] = await tx
      .insert(agendaItems)
      .values({ sessionId, proposalId, rapporteurId, position: (last?.position ?? 0) + 1 })
      .returning({ id: agendaItems.id });
    await recordEvent(tx, { actorId: actor.id, action: 'session.agenda_added', entityId: sessionId, details: { itemId: item!.id, proposalId } });
    return item!;
  },
});

export const removeFromAgenda = defineCommand({
  name: 'removeFromAgenda',
  permission: 'committee.chair',
  schema: itemIdSchema,
  async run(tx, actor, { itemId }) {
    const { session, item } = await lockItem(tx, itemId);
    if (session.state !== 'planned') throw new AppError('conflict:state', { _form: `${R}session_not_planned` });
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await recordEvent(tx, { actorId: actor.id, action: 'session.agenda_removed', entityId: session.id, details: { itemId, proposalId: item.proposalId } });
  },
});

export const setRapporteur = defineCommand({
  name: 'setRapporteur',
  permission: 'committee.chair',
  schema: setRapporteurSchema,
  async run(tx, actor, { itemId, rapporteurId }) {
    const { session, item } = await lockItem(tx, itemId);
    if (item.state !== 'scheduled') throw new AppError('conflict:state', { _form: `${R}item_not_scheduled` });
    await checkRapporteur(tx, item.proposalId, rapporteurId);
    await tx.update(agendaItems).set({ rapporteurId, revision: item.revision + 1, updatedAt: new Date() }).where(eq(agendaItems.id, itemId));
    await recordEvent(tx, { actorId: actor.id, action: 'session.rapporteur_set', entityId: session.id, details: { itemId, rapporteurId } });
  },
});

/** The conditions put to the vote: proposed by the item's rapporteur (or the chair), until the vote opens. */
export const proposeConditions = defineCommand({
  name: 'proposeConditions',
  permission: 'committee.member',
  schema: proposeConditionsSchema,
  async run(tx, actor, { itemId, revision, conditions }) {
    const { session, item } = await lockItem(tx, itemId);
    if (item.rapporteurId !== actor.id && !actor.roles.includes('chair')) throw new AppError('forbidden', { _form: `${R}not_rapporteur` });
    if (item.state !== 'scheduled') throw new AppError('conflict:state', { _form: `${R}item_not_scheduled` });
    if (item.revision !== revision) throw new AppError('conflict:stale_version');
    await tx.update(agendaItems).set({ draftConditions: conditions, revision: revision + 1, updatedAt: new Date() }).where(eq(agendaItems.id, itemId));
    await recordEvent(tx, { actorId: actor.id, action: 'session.conditions_proposed', entityId: session.id, details: { itemId, count: conditions.length } });
    return { revision: revision + 1 };
  },
});

export const conveneSession = defineCommand({
  name: 'conveneSession',
  permission: 'committee.chair',
  schema: conveneSessionSchema,
  async run(tx, actor, { sessionId, reason }) {
    const session = await lockSession(tx, sessionId);
    const now = new Date();
    const agendaSize = await tx.$count(agendaItems, eq(agendaItems.sessionId, sessionId));
    const late = isLateConvocation(now, session.scheduledAt, (await loadSettings(tx)).noticeDays);
    await moveSession(tx, actor, session, 'convene', { agendaSize, late, reason: late ? reason : null }, { convenedAt: now, lateReason: late ? reason : null });
    // The notice, with the agenda and its calendar invitation, to every serving member.
    await notify(tx, { kind: 'convocation', recipientIds: await servingMemberIds(tx), sessionId });
    return { late };
  },
});

/**
 * Holding the session records the attendance of every serving member, once each: present,
 * excused, absent, or a proxy given to a present member (when the settings allow proxies;
 * a holder holds one at most).
 */
export const holdSession = defineCommand({
  name: 'holdSession',
  permission: 'committee.chair',
  schema: holdSessionSchema,
  async run(tx, actor, { sessionId, attendance: rows }) {
    const session = await lockSession(tx, sessionId);
    const serving = await servingMemberIds(tx);
    const listed = rows.map((r) => r.memberId).sort();
    if (listed.length !== serving.length || listed.some((id, i) => id !== serving[i])) throw new AppError('invalid', { attendance: `${R}attendance_incomplete` });
    const settings = await loadSettings(tx);
    const present = new Set(rows.filter((r) => r.status === 'present').map((r) => r.memberId));
    const holders = rows.filter((r) => r.status === 'proxy').map((r) => r.proxyHolderId);
    if (holders.length && !settings.proxiesAllowed) throw new AppError('invalid', { attendance: `${R}proxies_not_allowed` });
    if (holders.some((h) => !h || !present.has(h)) || new Set(holders).size !== holders.length) throw new AppError('invalid', { attendance: `${R}proxy_holder_absent` });
    if (rows.some((r) => r.status !== 'proxy' && r.proxyHolderId)) throw new AppError('invalid', { attendance: 'validation.invalid' });
    const now = new Date();
    await moveSession(tx, actor, session, 'hold', { agendaSize: 1, dateReached: now >= startOfParisDay(session.scheduledAt) }, { heldAt: now });
    await tx.insert(attendance).values(rows.map((r) => ({ sessionId, memberId: r.memberId, status: r.status, proxyHolderId: r.proxyHolderId })));
    return { present: present.size };
  },
});

/** Midnight in Paris on the day of `date`: a session is held from its day on, not only from its hour. */
function startOfParisDay(date: Date): Date {
  return parisLocalToDate(`${dateToParisLocal(date).slice(0, 10)}T00:00`)!;
}

/** Closing the session: every vote must be closed; files not reached are carried over with their history. */
export const closeSession = defineCommand({
  name: 'closeSession',
  permission: 'committee.chair',
  schema: sessionIdSchema,
  async run(tx, actor, { sessionId }) {
    const session = await lockSession(tx, sessionId);
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.sessionId, sessionId)).for('update');
    const openVotes = items.filter((i) => i.state === 'voting').length;
    await moveSession(tx, actor, session, 'close', { agendaSize: items.length, openVotes }, { closedAt: new Date() });
    const notReached = items.filter((i) => i.state === 'scheduled');
    for (const item of notReached) {
      await tx.update(agendaItems).set({ state: 'carried_over', revision: item.revision + 1, updatedAt: new Date() }).where(eq(agendaItems.id, item.id));
      await recordEvent(tx, { actorId: actor.id, action: 'item.carried_over', entityId: item.proposalId, details: { itemId: item.id, sessionId } });
    }
    return { carriedOver: notReached.length };
  },
});

/**
 * The chair signs the minutes of a closed session, once: from then on the minutes page
 * shows who signed and when, and nothing of the session changes any more.
 */
export const signMinutes = defineCommand({
  name: 'signMinutes',
  permission: 'committee.chair',
  schema: sessionIdSchema,
  async run(tx, actor, { sessionId }) {
    const session = await lockSession(tx, sessionId);
    if (session.state !== 'closed') throw new AppError('conflict:state', { _form: `${R}session_not_closed` });
    if (session.minutesSignedAt) throw new AppError('conflict:state', { _form: `${R}minutes_signed` });
    // The minutes carry each decision's reasons: they are signed once every decision is.
    const unsigned = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .innerJoin(agendaItems, eq(agendaItems.id, decisions.itemId))
      .where(and(eq(agendaItems.sessionId, sessionId), isNull(decisions.signedAt)));
    if (unsigned.length) throw new AppError('conflict:state', { _form: `${R}decisions_unsigned` });
    const now = new Date();
    await tx.update(sessions).set({ minutesSignedBy: actor.id, minutesSignedAt: now, revision: session.revision + 1, updatedAt: now }).where(eq(sessions.id, sessionId));
    await recordEvent(tx, { actorId: actor.id, action: 'session.minutes_signed', entityId: sessionId });
  },
});

/** Whether a vote is open on the file (a conflict can no longer be declared then). */
async function voteOpenOn(tx: Tx, proposalId: string): Promise<boolean> {
  return (await tx.$count(agendaItems, and(eq(agendaItems.proposalId, proposalId), eq(agendaItems.state, 'voting')))) > 0;
}

async function insertConflict(tx: Tx, actor: Actor, proposalId: string, memberId: string, reason: string, source: 'declared' | 'recorded_by_chair') {
  const [proposal] = await tx.select({ state: proposals.state }).from(proposals).where(eq(proposals.id, proposalId)).for('update');
  if (!proposal) throw new AppError('not_found');
  if (!['diagnosed', 'under_review', 'info_requested'].includes(proposal.state) || (await voteOpenOn(tx, proposalId))) {
    throw new AppError('conflict:state', { _form: `${R}vote_opened` });
  }
  if (!(await servingMemberIds(tx)).includes(memberId)) throw new AppError('invalid', { memberId: `${R}not_serving` });
  const inserted = await tx.insert(conflicts).values({ proposalId, memberId, reason, source, recordedBy: actor.id }).onConflictDoNothing().returning({ id: conflicts.id });
  // Declaring twice changes nothing: the first declaration stands.
  if (inserted.length) await recordEvent(tx, { actorId: actor.id, action: 'conflict.recorded', entityId: proposalId, reason, details: { memberId, source } });
  // Recused from now on: a recused rapporteur steps down.
  await tx
    .update(agendaItems)
    .set({ rapporteurId: null, updatedAt: new Date() })
    .where(and(eq(agendaItems.proposalId, proposalId), eq(agendaItems.rapporteurId, memberId), ne(agendaItems.state, 'voted')));
}

/** A member declares a conflict of interest on a file, with a reason, before the vote opens. */
export const declareConflict = defineCommand({
  name: 'declareConflict',
  permission: 'committee.member',
  schema: declareConflictSchema,
  async run(tx, actor, { proposalId, reason }) {
    await insertConflict(tx, actor, proposalId, actor.id, reason, 'declared');
  },
});

/** The chair records a conflict a member declared orally in session. */
export const recordConflict = defineCommand({
  name: 'recordConflict',
  permission: 'committee.chair',
  schema: recordConflictSchema,
  async run(tx, actor, { proposalId, memberId, reason }) {
    await insertConflict(tx, actor, proposalId, memberId, reason, 'recorded_by_chair');
  },
});
