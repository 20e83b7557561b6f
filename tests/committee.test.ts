import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agendaItems, auditEvents, committeeSettings, decisions, dissents, notices, proposals, sessions, userRoles, votes } from '@/db/schema';
import { dateToParisLocal } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { fileUnderReview, makeSite, makeUser, ok, validProposal } from './support/fixtures';

type Id = { id: string };
const R = 'committee.refusals.';

describe.each(BACKENDS)('the committee at work on %s', (backend) => {
  let t: TestDatabase;
  let chair: Id;
  let members: Id[];
  let technician: Id;
  let officer: Id;
  let admin: Id;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    chair = await makeUser(t.db, ['chair', 'member']);
    members = [];
    for (let i = 0; i < 4; i++) members.push(await makeUser(t.db, ['member']));
    technician = await makeUser(t.db, ['technician']);
    officer = await makeUser(t.db, ['diagnostician']);
    admin = await makeUser(t.db, ['admin']);
    siteId = (await makeSite(t.db)).id;
  });
  afterAll(() => t.close());

  // Each test starts from the default settings.
  beforeEach(async () => {
    await t.db.update(committeeSettings).set({ quorumRule: 'majority_of_serving', quorumFixed: null, majorityRule: 'cast', chairCastingVote: true, noticeDays: 5, proxiesAllowed: false });
  });


  const underReview = () => fileUnderReview(t.db, { technician, officer, chair }, siteId);

  const inHours = (hours: number) => dateToParisLocal(new Date(Date.now() + hours * 3_600_000));
  const everyone = () => [chair, ...members];
  const present = (ids: Id[], others: 'absent' | 'excused' = 'absent') =>
    everyone().map((m) => ({ memberId: m.id, status: ids.some((p) => p.id === m.id) ? 'present' : others }));

  /** A session held today with these files on its agenda. */
  async function heldSession(files: string[], attendance = present(everyone())) {
    const session = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(-1), place: 'Salle du conseil' }));
    const items: string[] = [];
    for (const proposalId of files) items.push((await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: session.id, proposalId }))).id);
    await ok(runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: session.id, reason: 'Séance extraordinaire' }));
    await ok(runCommand(t.db, COMMANDS.holdSession, chair.id, { sessionId: session.id, attendance }));
    return { sessionId: session.id, items };
  }

  const vote = (who: Id, itemId: string, choice: string, forMemberId?: string) => runCommand(t.db, COMMANDS.castVote, who.id, { itemId, choice, forMemberId });

  describe('settings', () => {
    it('are changed by the admin, each change in the history, a stale form refused', async () => {
      const [before] = await t.db.select().from(committeeSettings);
      const input = { quorumRule: 'fixed', quorumFixed: '3', majorityRule: 'absolute_of_present', chairCastingVote: 'on', noticeDays: '7', proxiesAllowed: 'on', revision: before!.revision };
      expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, chair.id, input)).toMatchObject({ code: 'forbidden' });
      expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, { ...input, quorumFixed: '' })).toMatchObject({ code: 'invalid', fieldErrors: { quorumFixed: 'validation.required' } });
      expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, input)).toEqual({ ok: true, value: { revision: before!.revision + 1 } });
      const [after] = await t.db.select().from(committeeSettings);
      expect(after).toMatchObject({ quorumRule: 'fixed', quorumFixed: 3, majorityRule: 'absolute_of_present', noticeDays: 7, proxiesAllowed: true });
      const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated'));
      expect(event!.details).toEqual({
        changes: {
          quorumRule: { from: 'majority_of_serving', to: 'fixed' },
          quorumFixed: { from: null, to: 3 },
          majorityRule: { from: 'cast', to: 'absolute_of_present' },
          noticeDays: { from: 5, to: 7 },
          proxiesAllowed: { from: false, to: true },
        },
      });
      expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, input)).toMatchObject({ code: 'conflict:stale_version' });
    });

    it('set where the open data places cameras: the site’s point or a rounded position, nothing else', async () => {
      const [before] = await t.db.select().from(committeeSettings);
      expect(before!.cameraPrecision).toBe('site');
      const input = { quorumRule: before!.quorumRule, quorumFixed: String(before!.quorumFixed ?? ''), majorityRule: before!.majorityRule, noticeDays: String(before!.noticeDays), revision: before!.revision };
      expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, { ...input, cameraPrecision: 'exact' })).toMatchObject({ code: 'invalid', fieldErrors: { cameraPrecision: 'validation.invalid' } });
      await ok(runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, { ...input, chairCastingVote: before!.chairCastingVote ? 'on' : '', proxiesAllowed: before!.proxiesAllowed ? 'on' : '', cameraPrecision: 'rounded' }));
      const [after] = await t.db.select().from(committeeSettings);
      expect(after!.cameraPrecision).toBe('rounded');
      const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated')).orderBy(auditEvents.createdAt);
      expect(events.at(-1)!.details).toEqual({ changes: { cameraPrecision: { from: 'site', to: 'rounded' } } });
    });
  });

  describe('sessions and agenda', () => {
    it('plans a session with a Paris time and a place or a link', async () => {
      expect(await runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: '2026-12-03T18:30', place: '', videoLink: '' })).toMatchObject({
        code: 'invalid',
        fieldErrors: { place: 'validation.place_or_link' },
      });
      expect(await runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: 'demain', place: 'Salle' })).toMatchObject({ fieldErrors: { scheduledAt: 'validation.datetime' } });
      expect(await runCommand(t.db, COMMANDS.planSession, members[0]!.id, { scheduledAt: '2026-12-03T18:30', place: 'Salle' })).toMatchObject({ code: 'forbidden' });
      const { id } = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: '2026-12-03T18:30', place: 'Salle du conseil' }));
      const [row] = await t.db.select().from(sessions).where(eq(sessions.id, id));
      expect(row).toMatchObject({ state: 'planned', scheduledAt: new Date('2026-12-03T17:30:00Z') });
    });

    it('takes only files under review, each on one open agenda, and only before convening', async () => {
      const { id: sessionId } = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 10), place: 'Salle' }));
      const draft = await ok(runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId)));
      expect(await runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId, proposalId: draft.id })).toMatchObject({ code: 'conflict:state', fieldErrors: { proposalId: `${R}not_under_review` } });
      const file = await underReview();
      await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId, proposalId: file }));
      const other = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 20), place: 'Salle' }));
      expect(await runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: other.id, proposalId: file })).toMatchObject({ fieldErrors: { proposalId: `${R}already_on_agenda` } });
      // Convening: on time, no reason needed; then the agenda is fixed.
      expect(await runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId })).toEqual({ ok: true, value: { late: false } });
      expect(await runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId, proposalId: await underReview() })).toMatchObject({ fieldErrors: { _form: `${R}session_not_planned` } });
    });

    it('convenes only with an agenda, late only with a reason, and holds only from the session’s day', async () => {
      const empty = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 10), place: 'Salle' }));
      expect(await runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: empty.id })).toMatchObject({ code: 'invalid', fieldErrors: { _form: `${R}empty_agenda` } });
      const soon = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(48), place: 'Salle' }));
      await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: soon.id, proposalId: await underReview() }));
      expect(await runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: soon.id, reason: ' ' })).toMatchObject({ fieldErrors: { _form: `${R}late_reason_required` } });
      expect(await runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: soon.id, reason: 'Avis attendu par la préfecture' })).toEqual({ ok: true, value: { late: true } });
      const [row] = await t.db.select().from(sessions).where(eq(sessions.id, soon.id));
      expect(row).toMatchObject({ state: 'convened', lateReason: 'Avis attendu par la préfecture' });
      // Every serving member is convened, once.
      const convened = await t.db.select().from(notices).where(and(eq(notices.sessionId, soon.id), eq(notices.kind, 'convocation')));
      expect(convened.map((n) => n.recipientId).sort()).toEqual(everyone().map((m) => m.id).sort());
      expect(await runCommand(t.db, COMMANDS.holdSession, chair.id, { sessionId: soon.id, attendance: present(everyone()) })).toMatchObject({ fieldErrors: { _form: `${R}not_yet` } });
    });

    it('records the attendance of every serving member once, proxies only when allowed and held by someone present', async () => {
      const session = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(-1), place: 'Salle' }));
      await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: session.id, proposalId: await underReview() }));
      await ok(runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: session.id, reason: 'Urgence' }));
      const hold = (attendance: unknown) => runCommand(t.db, COMMANDS.holdSession, chair.id, { sessionId: session.id, attendance });
      expect(await hold(present(everyone()).slice(1))).toMatchObject({ fieldErrors: { attendance: `${R}attendance_incomplete` } });
      const withProxy = present([chair, members[0]!, members[1]!]).map((r) => (r.memberId === members[2]!.id ? { ...r, status: 'proxy', proxyHolderId: members[0]!.id } : r));
      expect(await hold(withProxy)).toMatchObject({ fieldErrors: { attendance: `${R}proxies_not_allowed` } });
      await t.db.update(committeeSettings).set({ proxiesAllowed: true });
      const toAbsent = withProxy.map((r) => (r.memberId === members[2]!.id ? { ...r, proxyHolderId: members[3]!.id } : r));
      expect(await hold(toAbsent)).toMatchObject({ fieldErrors: { attendance: `${R}proxy_holder_absent` } });
      expect(await hold(withProxy)).toEqual({ ok: true, value: { present: 3 } });
      const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
      expect(row!.state).toBe('held');
    });
  });

  describe('votes', () => {
    it('refuses to open a vote without quorum, saying how many are present and required', async () => {
      const { items } = await heldSession([await underReview()], present([chair, members[0]!]));
      expect(await runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId: items[0] })).toEqual({
        ok: false,
        code: 'conflict:state',
        fieldErrors: { _form: { key: `${R}no_quorum`, params: { present: 2, required: 3 } } },
      });
      const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, items[0]!));
      expect(item!.state).toBe('scheduled');
    });

    it('counts one vote per member, lets a vote change until the close, and computes the outcome', async () => {
      const file = await underReview();
      const { items } = await heldSession([file]);
      const itemId = items[0]!;
      expect(await vote(members[0]!, itemId, 'for')).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}vote_not_open` } });
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
      expect((await t.db.select().from(proposals).where(eq(proposals.id, file)))[0]!.state).toBe('voting');
      await ok(vote(members[0]!, itemId, 'for'));
      await ok(vote(members[1]!, itemId, 'against'));
      await ok(vote(members[2]!, itemId, 'for'));
      expect(await vote(members[1]!, itemId, 'for')).toEqual({ ok: true, value: { changed: true } });
      expect(await vote(members[1]!, itemId, 'for')).toEqual({ ok: true, value: { changed: false } });
      const rows = await t.db.select().from(votes).where(eq(votes.itemId, itemId));
      expect(rows).toHaveLength(3);
      const history = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, itemId), eq(auditEvents.action, 'vote.cast')));
      expect(history.map((e) => e.details)).toContainEqual({ memberId: members[1]!.id, choice: 'for', previous: 'against', byProxy: false });
      const closed = await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId }));
      expect(closed).toMatchObject({ outcome: 'favourable', tally: { for: 3, against: 0, abstain: 0 }, basis: 'majority' });
      expect((await t.db.select().from(proposals).where(eq(proposals.id, file)))[0]!.state).toBe('decided');
      const [decision] = await t.db.select().from(decisions).where(eq(decisions.itemId, itemId));
      expect(decision).toMatchObject({ outcome: 'favourable', votesFor: 3, votesAgainst: 0, votesAbstain: 0, recused: 0, signedAt: null });
      // After the close: refused by the command, and by the database itself.
      expect(await vote(members[3]!, itemId, 'against')).toMatchObject({ fieldErrors: { _form: `${R}vote_not_open` } });
      await expect(t.db.insert(votes).values({ itemId, memberId: members[3]!.id, castBy: members[3]!.id, choice: 'against' })).rejects.toMatchObject({ cause: { code: '23514' } });
      await expect(t.db.delete(votes).where(eq(votes.itemId, itemId))).rejects.toMatchObject({ cause: { code: '23514' } });
    });

    it('recuses the author, the diagnostician and a member who declared a conflict, in the command and in the database', async () => {
      // The technician and the officer also hold the member role here.
      await t.db.insert(userRoles).values([{ userId: technician.id, role: 'member' }, { userId: officer.id, role: 'member' }]);
      try {
        const file = await underReview();
        await ok(runCommand(t.db, COMMANDS.declareConflict, members[3]!.id, { proposalId: file, reason: 'Je travaille pour le bailleur.' }));
        const attendance = [...present(everyone()), { memberId: technician.id, status: 'present' }, { memberId: officer.id, status: 'present' }];
        const { items } = await heldSession([file], attendance);
        const itemId = items[0]!;
        await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
        for (const recused of [technician, officer, members[3]!]) {
          expect(await vote(recused, itemId, 'for')).toMatchObject({ code: 'forbidden', fieldErrors: { _form: `${R}recused` } });
          await expect(t.db.insert(votes).values({ itemId, memberId: recused.id, castBy: recused.id, choice: 'for' })).rejects.toMatchObject({ cause: { code: '23514' } });
        }
        // Too late to declare once the vote is open.
        expect(await runCommand(t.db, COMMANDS.declareConflict, members[0]!.id, { proposalId: file, reason: 'Tardif' })).toMatchObject({ fieldErrors: { _form: `${R}vote_opened` } });
        await ok(vote(chair, itemId, 'against'));
        await ok(vote(members[0]!, itemId, 'for'));
        // A tie the chair breaks: against.
        const closed = await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId }));
        expect(closed).toMatchObject({ outcome: 'unfavourable', basis: 'casting_vote' });
        expect((await t.db.select().from(decisions).where(eq(decisions.itemId, itemId)))[0]!.recused).toBe(3);
        // Those who voted against may attach a dissent (the chair here), no one else; not once signed.
        const decisionId = closed.decisionId;
        expect(await runCommand(t.db, COMMANDS.attachDissent, members[0]!.id, { decisionId, text: 'Je ne partage pas.' })).toMatchObject({ code: 'forbidden', fieldErrors: { _form: `${R}not_against` } });
        await ok(runCommand(t.db, COMMANDS.attachDissent, chair.id, { decisionId, text: 'Première version.' }));
        await ok(runCommand(t.db, COMMANDS.attachDissent, chair.id, { decisionId, text: 'Le masquage proposé ne suffit pas.' }));
        const kept = await t.db.select().from(dissents).where(eq(dissents.decisionId, decisionId));
        expect(kept.map((d) => [d.memberId, d.text])).toEqual([[chair.id, 'Le masquage proposé ne suffit pas.']]);
        await ok(runCommand(t.db, COMMANDS.signDecision, chair.id, { decisionId, revision: 1, conditions: [], reasons: 'Disproportionné.', publicSummary: 'Avis défavorable.' }));
        expect(await runCommand(t.db, COMMANDS.attachDissent, chair.id, { decisionId, text: 'Trop tard.' })).toMatchObject({ fieldErrors: { _form: `${R}decision_signed` } });
      } finally {
        await t.db.delete(userRoles).where(and(eq(userRoles.role, 'member'), eq(userRoles.userId, technician.id)));
        await t.db.delete(userRoles).where(and(eq(userRoles.role, 'member'), eq(userRoles.userId, officer.id)));
      }
    });

    it('lets a proxy holder vote for two, and nobody else vote for the absent member', async () => {
      await t.db.update(committeeSettings).set({ proxiesAllowed: true });
      const attendance = present([chair, members[0]!, members[1]!]).map((r) => (r.memberId === members[2]!.id ? { ...r, status: 'proxy', proxyHolderId: members[0]!.id } : r));
      const { items } = await heldSession([await underReview()], attendance);
      const itemId = items[0]!;
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
      expect(await vote(members[1]!, itemId, 'for', members[2]!.id)).toMatchObject({ code: 'forbidden', fieldErrors: { _form: `${R}not_present` } });
      expect(await vote(members[3]!, itemId, 'for')).toMatchObject({ code: 'forbidden', fieldErrors: { _form: `${R}not_present` } });
      await ok(vote(members[0]!, itemId, 'for'));
      await ok(vote(members[0]!, itemId, 'for', members[2]!.id));
      const rows = await t.db.select().from(votes).where(eq(votes.itemId, itemId));
      expect(rows.map((r) => [r.memberId, r.castBy]).sort()).toEqual([[members[0]!.id, members[0]!.id], [members[2]!.id, members[0]!.id]].sort());
    });

    it('signs a reasoned decision with its conditions, then keeps it read-only', async () => {
      const { items } = await heldSession([await underReview()]);
      const itemId = items[0]!;
      const conditions = [{ kind: 'masking', text: 'Masquer les fenêtres du rez-de-chaussée.', dueDate: '2027-03-31' }];
      const [item] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, itemId));
      expect(await runCommand(t.db, COMMANDS.proposeConditions, members[0]!.id, { itemId, revision: item!.revision, conditions })).toMatchObject({ code: 'forbidden' });
      await ok(runCommand(t.db, COMMANDS.proposeConditions, chair.id, { itemId, revision: item!.revision, conditions }));
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
      for (const m of members.slice(0, 3)) await ok(vote(m, itemId, 'for'));
      const { decisionId, outcome } = await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId }));
      expect(outcome).toBe('favourable_with_conditions');
      const sign = (input: object) => runCommand(t.db, COMMANDS.signDecision, chair.id, { decisionId, revision: 1, conditions, reasons: 'Diagnostic probant, masquage prévu.', publicSummary: 'Avis favorable sous condition de masquage.', ...input });
      expect(await sign({ reasons: '' })).toMatchObject({ code: 'invalid', fieldErrors: { reasons: 'validation.required' } });
      expect(await sign({ conditions: [] })).toMatchObject({ code: 'invalid', fieldErrors: { conditions: 'validation.conditions_required' } });
      expect(await runCommand(t.db, COMMANDS.signDecision, members[0]!.id, { decisionId })).toMatchObject({ code: 'forbidden' });
      await ok(sign({}));
      // The technician who wrote the file learns the opinion; the vote's opening told those present.
      const [file] = await t.db.select({ proposalId: decisions.proposalId }).from(decisions).where(eq(decisions.id, decisionId));
      const told = await t.db.select().from(notices).where(eq(notices.proposalId, file!.proposalId));
      expect(told.filter((n) => n.kind === 'decision_on_your_file').map((n) => n.recipientId)).toEqual([technician.id]);
      expect(told.filter((n) => n.kind === 'vote_opened').map((n) => n.recipientId).sort()).toEqual(everyone().map((m) => m.id).sort());
      const [signed] = await t.db.select().from(decisions).where(eq(decisions.id, decisionId));
      expect(signed).toMatchObject({ signedBy: chair.id, conditions, reasons: 'Diagnostic probant, masquage prévu.' });
      expect(await sign({ revision: 2 })).toMatchObject({ fieldErrors: { _form: `${R}decision_signed` } });
      await expect(t.db.update(decisions).set({ reasons: 'réécrit' }).where(eq(decisions.id, decisionId))).rejects.toMatchObject({ cause: { code: '23514' } });
    });

    it('adjourns an unbreakable tie, and the chair sends the file back to review', async () => {
      await t.db.update(committeeSettings).set({ chairCastingVote: false });
      const file = await underReview();
      const { items } = await heldSession([file]);
      const itemId = items[0]!;
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
      await ok(vote(members[0]!, itemId, 'for'));
      await ok(vote(members[1]!, itemId, 'against'));
      expect(await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId }))).toMatchObject({ outcome: 'adjourned', basis: 'tie_unbroken' });
      await ok(runCommand(t.db, COMMANDS.returnAdjournedFile, chair.id, { proposalId: file, to: 'review' }));
      expect((await t.db.select().from(proposals).where(eq(proposals.id, file)))[0]!.state).toBe('under_review');
    });

    it('closes a session only once its votes are closed, carrying over the files not reached', async () => {
      const [reached, notReached] = [await underReview(), await underReview()];
      const { sessionId, items } = await heldSession([reached, notReached]);
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId: items[0] }));
      expect(await runCommand(t.db, COMMANDS.closeSession, chair.id, { sessionId })).toMatchObject({ fieldErrors: { _form: `${R}votes_open` } });
      await ok(vote(members[0]!, items[0]!, 'for'));
      await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId: items[0] }));
      expect(await runCommand(t.db, COMMANDS.closeSession, chair.id, { sessionId })).toEqual({ ok: true, value: { carriedOver: 1 } });
      const [carried] = await t.db.select().from(agendaItems).where(eq(agendaItems.id, items[1]!));
      expect(carried!.state).toBe('carried_over');
      // It can go on a later agenda.
      const later = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 30), place: 'Salle' }));
      expect(await runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: later.id, proposalId: notReached })).toMatchObject({ ok: true });
    });
  });

  describe('minutes', () => {
    it('are signed by the chair once the session is closed, once, and the signature is recorded', async () => {
      const { sessionId, items } = await heldSession([await underReview(), await underReview()]);
      const sign = (who: Id) => runCommand(t.db, COMMANDS.signMinutes, who.id, { sessionId });
      expect(await sign(chair)).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}session_not_closed` } });
      await ok(runCommand(t.db, COMMANDS.adjournItem, chair.id, { itemId: items[0], reason: 'Pièces manquantes' }));
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId: items[1] }));
      await ok(vote(members[0]!, items[1]!, 'for'));
      const { decisionId } = await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId: items[1] }));
      await ok(runCommand(t.db, COMMANDS.closeSession, chair.id, { sessionId }));
      // Not before every decision of the session is signed.
      expect(await sign(chair)).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}decisions_unsigned` } });
      await ok(runCommand(t.db, COMMANDS.signDecision, chair.id, { decisionId, revision: 1, conditions: [], reasons: 'Dossier complet.', publicSummary: 'Avis favorable.' }));
      expect(await sign(members[0]!)).toMatchObject({ code: 'forbidden' });
      expect(await runCommand(t.db, COMMANDS.signMinutes, chair.id, { sessionId: 'pas-un-id' })).toMatchObject({ code: 'invalid' });
      expect(await sign(chair)).toEqual({ ok: true, value: undefined });
      const [row] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
      expect(row).toMatchObject({ minutesSignedBy: chair.id, state: 'closed' });
      expect(row!.minutesSignedAt).toBeInstanceOf(Date);
      const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, sessionId), eq(auditEvents.action, 'session.minutes_signed')));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: chair.id, details: {} });
      // A second signature is refused and changes nothing.
      expect(await sign(chair)).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}minutes_signed` } });
      const [again] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
      expect(again!.minutesSignedAt).toEqual(row!.minutesSignedAt);
    });
  });

  if (backend === 'postgres') {
    it('counts exactly one vote per member under 50 concurrent requests, and loses none to a racing close', async () => {
      const { items } = await heldSession([await underReview()]);
      const itemId = items[0]!;
      await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
      const voters = [chair, ...members];
      const choices = ['for', 'against', 'abstain'] as const;
      const requests = Array.from({ length: 50 }, (_, i) => vote(voters[i % voters.length]!, itemId, choices[i % 3]!));
      const results = await Promise.all(requests);
      expect(results.every((r) => r.ok)).toBe(true);
      const stored = await t.db.select().from(votes).where(eq(votes.itemId, itemId));
      expect(stored).toHaveLength(voters.length);
      // Votes racing the close: each is counted before it or refused after it, never lost.
      const racing = members.map((m) => vote(m, itemId, 'against'));
      const close = runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId });
      const [closed, ...raced] = await Promise.all([close, ...racing]);
      if (!closed.ok) throw new Error(JSON.stringify(closed));
      for (const r of raced) expect(r.ok || (!r.ok && r.code === 'conflict:state')).toBe(true);
      const final = await t.db.select().from(votes).where(eq(votes.itemId, itemId));
      const tally = { for: 0, against: 0, abstain: 0 };
      for (const v of final) tally[v.choice]++;
      expect(closed.value.tally).toEqual(tally);
    });
  }
});
