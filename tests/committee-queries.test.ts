import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictStanding, filesToSchedule, getSession, listSessions } from '@/db/queries/committee';
import { committeeSettings, sessions } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { dateToParisLocal } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { fileUnderReview, makeSite, makeUser, ok } from './support/fixtures';

type Id = { id: string };

describe.each(BACKENDS)('the committee read models on %s', (backend) => {
  let t: TestDatabase;
  let chair: Id;
  let members: Id[];
  let technician: Id;
  let officer: Id;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    chair = await makeUser(t.db, ['chair', 'member'], { name: 'Présidence' });
    members = [];
    for (let i = 0; i < 4; i++) members.push(await makeUser(t.db, ['member'], { name: `Membre ${i}` }));
    technician = await makeUser(t.db, ['technician']);
    officer = await makeUser(t.db, ['diagnostician']);
    siteId = (await makeSite(t.db)).id;
    await t.db.update(committeeSettings).set({ proxiesAllowed: true });
  });
  afterAll(() => t.close());

  const actor = async (who: Id): Promise<Actor> => (await loadActor(t.db, who.id))!;
  const inHours = (hours: number) => dateToParisLocal(new Date(Date.now() + hours * 3_600_000));

  const underReview = () => fileUnderReview(t.db, { technician, officer, chair }, siteId);

  it('shows the quorum per item, the reader’s own votes only, and the counts only once the vote is closed', async () => {
    const file = await underReview();
    const other = await underReview();
    const session = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(-1), place: 'Salle du conseil' }));
    const { id: itemId } = await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: session.id, proposalId: file, rapporteurId: members[0]!.id }));
    // Only files under review and on no open agenda are offered.
    const offered = (await filesToSchedule(t.db)).map((f) => f.id);
    expect(offered).toContain(other);
    expect(offered).not.toContain(file);

    await ok(runCommand(t.db, COMMANDS.declareConflict, members[3]!.id, { proposalId: file, reason: 'Salarié du bailleur' }));
    expect(await conflictStanding(t.db, await actor(members[3]!), file)).toMatchObject({ recusal: 'conflict', declaredReason: 'Salarié du bailleur', canDeclare: false });
    expect(await conflictStanding(t.db, await actor(members[1]!), file)).toMatchObject({ recusal: null, canDeclare: true });

    await ok(runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: session.id, reason: 'Urgence' }));
    const before = await getSession(t.db, await actor(chair), session.id);
    // Not held yet: no attendance, so no quorum to show.
    expect(before!.items[0]!.quorum).toBeNull();

    // Chair, members 0 and 1 present; member 2 gives a proxy to member 1; member 3 is recused.
    const attendance = [
      { memberId: chair.id, status: 'present' },
      { memberId: members[0]!.id, status: 'present' },
      { memberId: members[1]!.id, status: 'present' },
      { memberId: members[2]!.id, status: 'proxy', proxyHolderId: members[1]!.id },
      { memberId: members[3]!.id, status: 'absent' },
    ];
    await ok(runCommand(t.db, COMMANDS.holdSession, chair.id, { sessionId: session.id, attendance }));
    await ok(runCommand(t.db, COMMANDS.openItemVote, chair.id, { itemId }));
    await ok(runCommand(t.db, COMMANDS.castVote, members[0]!.id, { itemId, choice: 'against' }));
    await ok(runCommand(t.db, COMMANDS.castVote, members[1]!.id, { itemId, choice: 'for' }));
    await ok(runCommand(t.db, COMMANDS.castVote, members[1]!.id, { itemId, choice: 'abstain', forMemberId: members[2]!.id }));

    const forMember1 = (await getSession(t.db, await actor(members[1]!), session.id))!;
    const item = forMember1.items[0]!;
    // Five serving, one recused: four may vote, three of them present, three required.
    expect(item.quorum).toEqual({ present: 3, required: 3, reached: true });
    expect(item.recused).toEqual([{ id: members[3]!.id, name: 'Membre 3', reason: 'conflict' }]);
    expect(item.rapporteur).toEqual({ id: members[0]!.id, name: 'Membre 0' });
    expect(item.proxies).toEqual([{ member: { id: members[2]!.id, name: 'Membre 2' }, holder: { id: members[1]!.id, name: 'Membre 1' } }]);
    // Their own vote, and the one they cast as proxy holder; no counts while the vote is open.
    expect(item.mine).toEqual({ recusal: null, vote: 'for', proxyFor: { id: members[2]!.id, name: 'Membre 2', vote: 'abstain' } });
    expect(item.tally).toBeNull();
    expect(item.decision).toBeNull();
    // Someone else's vote is never in another reader's view.
    const forChair = (await getSession(t.db, await actor(chair), session.id))!;
    expect(forChair.items[0]!.mine).toEqual({ recusal: null, vote: null, proxyFor: null });
    expect(JSON.stringify(forChair)).not.toContain('against');
    const forRecused = (await getSession(t.db, await actor(members[3]!), session.id))!;
    expect(forRecused.items[0]!.mine.recusal).toBe('conflict');

    await ok(runCommand(t.db, COMMANDS.closeItemVote, chair.id, { itemId }));
    const closed = (await getSession(t.db, await actor(chair), session.id))!.items[0]!;
    expect(closed.tally).toEqual({ for: 1, against: 1, abstain: 1, recused: 1 });
    expect(closed.decision).toMatchObject({ outcome: 'adjourned', signedAt: null });
    expect(closed.mine.vote).toBeNull();
  });

  it('shows the attendance by name, and the minutes’ signature once signed', async () => {
    const file = await underReview();
    const session = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(-1), place: 'Salle' }));
    const { id: itemId } = await ok(runCommand(t.db, COMMANDS.addToAgenda, chair.id, { sessionId: session.id, proposalId: file }));
    await ok(runCommand(t.db, COMMANDS.conveneSession, chair.id, { sessionId: session.id, reason: 'Urgence' }));
    const attendance = [chair, ...members].map((m, i) => ({ memberId: m.id, status: i < 2 ? 'present' : 'excused' }));
    await ok(runCommand(t.db, COMMANDS.holdSession, chair.id, { sessionId: session.id, attendance }));
    const view = (await getSession(t.db, await actor(members[2]!), session.id))!;
    expect(view.attendance.filter((a) => a.status === 'present').map((a) => a.member.name).sort()).toEqual(['Membre 0', 'Présidence']);
    // Two present of five who may vote: not reached, three required.
    expect(view.items[0]!.quorum).toEqual({ present: 2, required: 3, reached: false });
    await ok(runCommand(t.db, COMMANDS.adjournItem, chair.id, { itemId, reason: 'Pièces manquantes' }));
    await ok(runCommand(t.db, COMMANDS.closeSession, chair.id, { sessionId: session.id }));
    await ok(runCommand(t.db, COMMANDS.signMinutes, chair.id, { sessionId: session.id }));
    const signed = (await getSession(t.db, await actor(members[2]!), session.id))!;
    expect(signed.session).toMatchObject({ state: 'closed', minutesSignedByName: 'Présidence' });
    expect(signed.items[0]).toMatchObject({ state: 'adjourned', adjournReason: 'Pièces manquantes', tally: null });
    expect(await getSession(t.db, await actor(chair), '00000000-0000-4000-8000-00000000abcd')).toBeNull();
  });

  it('lists open sessions first, soonest first, then closed ones, most recent first, paged in SQL', async () => {
    const later = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 30), place: 'Salle' }));
    const sooner = await ok(runCommand(t.db, COMMANDS.planSession, chair.id, { scheduledAt: inHours(24 * 10), place: 'Salle' }));
    const all = await listSessions(t.db, 1, 100);
    const ids = all.items.map((s) => s.id);
    const [closedIds, openIds] = [all.items.filter((s) => s.state === 'closed'), all.items.filter((s) => s.state !== 'closed')];
    expect(ids.slice(0, openIds.length)).toEqual(openIds.map((s) => s.id));
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    for (let i = 1; i < closedIds.length; i++) expect(closedIds[i - 1]!.scheduledAt.getTime()).toBeGreaterThanOrEqual(closedIds[i]!.scheduledAt.getTime());
    expect(all.items.find((s) => s.id === later.id)).toMatchObject({ reference: expect.stringMatching(/^SE-\d{4}$/), agendaSize: 0, state: 'planned' });
    const total = await t.db.$count(sessions);
    const second = await listSessions(t.db, '2', 2);
    expect(second).toMatchObject({ page: 2, pages: Math.ceil(total / 2), total });
    expect(second.items.map((s) => s.id)).toEqual(ids.slice(2, 4));
    // A page past the end is the last one.
    expect((await listSessions(t.db, '999', 2)).page).toBe(Math.ceil(total / 2));
  });
});
