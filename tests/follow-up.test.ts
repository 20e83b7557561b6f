import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as oneDecision from '@/app/api/v1/decisions/[reference]/route';
import { overdueConditions } from '@/db/queries/follow-up';
import { registerEntry } from '@/db/queries/register';
import { auditEvents, authorisations, cameras, conditionFollowUps, landlordDecisions } from '@/db/schema';
import { nextDay } from '@/lib/domain/authorisation';
import { parisDate } from '@/lib/domain/paris-time';
import { addDays } from '@/lib/domain/reminders';
import { addMonths, entryHash } from '@/lib/domain/register';
import { servedDecisionSchema } from '@/lib/open-data/schemas';
import { served } from '@/lib/open-data/served';
import { HEAD_CHECK_MS, registerVersion } from '@/lib/register-cache';
import { COMMANDS, runCommand, type CommandResult } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision } from './support/fixtures';

/**
 * After the vote (issue 10, items 1 and 3): the authorisation commands' rules, the
 * conditions' follow-up, and what the public register serves from them on the day.
 */

type Id = { id: string };
const today = () => parisDate(new Date());
const daysAgo = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
};
const year = new Date().getFullYear();
/** The committee voted a year ago: the steps recorded below in the past come after the vote (a filing cannot precede it). */
const votedAt = new Date(Date.now() - 365 * 86_400_000);

describe.each(BACKENDS)('after the vote on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  let admin: Id;
  let siteId: string;
  /** Published, favourable with two conditions. */
  let favourable: { proposalId: string; decisionId: string; reference: string };
  /** Published, unfavourable. */
  let unfavourable: { decisionId: string };
  /** Signed, not published. */
  let unpublished: { decisionId: string };

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for commands of every shape
  const run = <K extends keyof typeof COMMANDS>(name: K, who: Id, input: unknown): Promise<CommandResult<any>> => runCommand(t.db, COMMANDS[name] as never, who.id, input);
  const stored = async (decisionId: string) => (await t.db.select().from(authorisations).where(eq(authorisations.decisionId, decisionId)))[0];

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    admin = await makeUser(t.db, ['admin']);
    siteId = (await makeSite(t.db, { name: 'Résidence des Bergères' })).id;
    const fav = await signedDecision(t.db, people, siteId, {
      votedAt,
      conditions: [
        { kind: 'masking', text: 'Masquer les fenêtres du bâtiment B.', dueDate: `${year + 1}-01-31` },
        { kind: 'signage', text: 'Poser les panneaux d’information.', dueDate: `${year + 1}-03-31` },
      ],
    });
    const published = await ok(run('publishDecision', people.chair, { decisionId: fav.decisionId }));
    favourable = { ...fav, reference: published.reference };
    const unfav = await signedDecision(t.db, people, siteId, { choice: 'against', reasons: 'Alternatives non épuisées.', votedAt });
    await ok(run('publishDecision', people.chair, { decisionId: unfav.decisionId }));
    unfavourable = unfav;
    unpublished = await signedDecision(t.db, people, siteId, { votedAt });
  }, 240_000);
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('records the authorisation only for a published favourable decision, and only with authorisations.manage', async () => {
    const filing = (decisionId: string) => ({ decisionId, revision: 0, filedOn: daysAgo(10), prefectureReference: 'PREF-92-2026-0042' });
    for (const who of [people.technician, people.chair, people.members[0]!]) expect(await run('recordAuthorisationFiling', who, filing(favourable.decisionId))).toMatchObject({ ok: false, code: 'forbidden' });
    const refused = { ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.not_favourable_published' } };
    expect(await run('recordAuthorisationFiling', people.officer, filing(unfavourable.decisionId))).toEqual(refused);
    expect(await run('recordAuthorisationFiling', people.officer, filing(unpublished.decisionId))).toEqual(refused);
    expect(await run('recordAuthorisationFiling', people.officer, { ...filing(favourable.decisionId), decisionId: crypto.randomUUID() })).toMatchObject({ code: 'not_found' });
    expect(await t.db.select().from(authorisations)).toHaveLength(0);
  });

  it('refuses days that do not exist or have not come, with a translated message on the field, nothing written', async () => {
    const base = { decisionId: favourable.decisionId, revision: 0, prefectureReference: 'PREF-92-2026-0042' };
    expect(await run('recordAuthorisationFiling', people.officer, { ...base, filedOn: '2026-02-30' })).toMatchObject({ code: 'invalid', fieldErrors: { filedOn: 'validation.date' } });
    expect(await run('recordAuthorisationFiling', people.officer, { ...base, filedOn: '0026-01-10' })).toMatchObject({ code: 'invalid', fieldErrors: { filedOn: 'validation.date' } });
    expect(await run('recordAuthorisationFiling', people.officer, { ...base, filedOn: nextDay(today()) })).toEqual({ ok: false, code: 'invalid', fieldErrors: { filedOn: 'followUp.issues.in_the_future' } });
    expect(await run('recordAuthorisationFiling', people.officer, { ...base, filedOn: today(), prefectureReference: ' ' })).toMatchObject({ code: 'invalid', fieldErrors: { prefectureReference: 'validation.required' } });
    expect(await stored(favourable.decisionId)).toBeUndefined();
  });

  it('takes the steps in order, with a revision check, and derives the status on the day', async () => {
    const d = favourable.decisionId;
    // No opinion nor decision before the filing.
    expect(await run('recordCdvpOpinion', people.officer, { decisionId: d, revision: 0, cdvpOpinionOn: daysAgo(5), cdvpOpinion: 'favourable' })).toEqual({
      ok: false,
      code: 'conflict:state',
      fieldErrors: { _form: 'followUp.refusals.not_filed' },
    });
    // The filing, by an admin (the permission is the diagnostician's and the admin's).
    expect(await ok(run('recordAuthorisationFiling', admin, { decisionId: d, revision: 0, filedOn: daysAgo(40), prefectureReference: 'PREF-92-0001' }))).toEqual({ revision: 1, proposalId: favourable.proposalId });
    // A second "first" filing (a form opened before) is stale.
    expect(await run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 0, filedOn: daysAgo(40), prefectureReference: 'PREF-92-0001' })).toMatchObject({ code: 'conflict:stale_version' });
    // Correcting the filing while nothing follows it.
    await ok(run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 1, filedOn: daysAgo(30), prefectureReference: 'PREF-92-0002' }));
    expect((await registerEntry(t.db, favourable.reference))!.followUp.authorisation).toMatchObject({ status: 'filed', filedAt: daysAgo(30), refusedBySilenceFrom: nextDay(addMonths(daysAgo(30), 4)) });
    // The CDVP's opinion cannot come before the filing.
    expect(await run('recordCdvpOpinion', people.officer, { decisionId: d, revision: 2, cdvpOpinionOn: daysAgo(31), cdvpOpinion: 'favourable' })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { cdvpOpinionOn: 'followUp.issues.cdvp_opinion_before_filing' },
    });
    await ok(run('recordCdvpOpinion', people.officer, { decisionId: d, revision: 2, cdvpOpinionOn: daysAgo(20), cdvpOpinion: 'favourable_with_reservations' }));
    // The filing can no longer be corrected once the opinion is recorded.
    expect(await run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 3, filedOn: daysAgo(30), prefectureReference: 'X' })).toEqual({
      ok: false,
      code: 'conflict:state',
      fieldErrors: { _form: 'followUp.refusals.later_step_recorded' },
    });
    // The decision: before the CDVP opinion is refused; a grant needs its order's reference.
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 3, decision: 'granted', decidedOn: daysAgo(25), orderReference: 'AP-1', orderRetentionDays: 15 })).toMatchObject({
      code: 'invalid',
      fieldErrors: { cdvpOpinionOn: 'followUp.issues.cdvp_opinion_after_decision' },
    });
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 3, decision: 'granted', decidedOn: daysAgo(2), orderReference: '', orderRetentionDays: 15 })).toMatchObject({
      code: 'invalid',
      fieldErrors: { orderReference: 'validation.required' },
    });
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 3, decision: 'granted', decidedOn: daysAgo(2), orderReference: 'AP-2026-117', orderRetentionDays: 15, refusalReason: 'Motif' })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { refusalReason: 'followUp.issues.reason_only_for_refusal' },
    });
    // The order sets the retention (one month at most, CSI L252-5): required with a grant, only with a grant.
    const grant = { decisionId: d, revision: 3, decision: 'granted', decidedOn: daysAgo(2), orderReference: 'AP-2026-117', refusalReason: '' };
    expect(await run('recordPrefectDecision', people.officer, grant)).toMatchObject({ code: 'invalid', fieldErrors: { orderRetentionDays: 'validation.required' } });
    for (const days of [0, 31, '7,5']) {
      expect(await run('recordPrefectDecision', people.officer, { ...grant, orderRetentionDays: days })).toMatchObject({ code: 'invalid', fieldErrors: { orderRetentionDays: expect.anything() } });
    }
    expect(await run('recordPrefectDecision', people.officer, { ...grant, decision: 'refused', orderReference: '', refusalReason: 'Motif', orderRetentionDays: 10 })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { orderRetentionDays: 'followUp.issues.retention_only_for_grant' },
    });
    await ok(run('recordPrefectDecision', people.officer, { ...grant, orderRetentionDays: '10' }));
    const row = await stored(d);
    expect(row).toMatchObject({ revision: 4, prefectDecision: 'granted', orderReference: 'AP-2026-117', orderRetentionDays: 10, refusalReason: null, cdvpOpinion: 'favourable_with_reservations' });
    // The opinion cannot be corrected after the decision.
    expect(await run('recordCdvpOpinion', people.officer, { decisionId: d, revision: 4, cdvpOpinionOn: daysAgo(20), cdvpOpinion: 'favourable' })).toMatchObject({ code: 'conflict:state' });
    // The trail has each step, corrections marked.
    const trail = await t.db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.entityId, favourable.proposalId));
    expect(trail.filter((e) => e.action.startsWith('authorisation.')).map((e) => [e.action, (e.details as { correction: boolean }).correction])).toEqual([
      ['authorisation.filed', false],
      ['authorisation.filed', true],
      ['authorisation.cdvp_opinion', false],
      ['authorisation.prefect_decision', false],
    ]);
  });

  it('serves the authorisation outside the sealed entry: the hash still recomputes, the ETag moves with it', async () => {
    (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
    try {
      const get = () =>
        oneDecision.GET(new Request(`http://vigie.test/api/v1/decisions/${favourable.reference}`), { params: Promise.resolve({ reference: favourable.reference }) } as never);
      const response = await get();
      const body = servedDecisionSchema.parse(await response.json());
      const expiresAt = addMonths(daysAgo(2), 60);
      expect(body.authorisation).toEqual({ status: 'granted', filedAt: daysAgo(30), grantedAt: daysAgo(2), refusedAt: null, expiresAt, refusedBySilenceFrom: null, reference: 'AP-2026-117' });
      // The entry's own hash, recomputed from the served body without its serve-time fields.
      expect(entryHash(body)).toBe(body.hash);
      const sealed = (await registerEntry(t.db, favourable.reference))!;
      expect(served(sealed)).toEqual(body);
      // A correction of the decision gives another validator.
      const etag = response.headers.get('etag');
      await ok(run('recordPrefectDecision', people.officer, { decisionId: favourable.decisionId, revision: 4, decision: 'granted', decidedOn: daysAgo(1), orderReference: 'AP-2026-118', orderRetentionDays: 10 }));
      const again = await get();
      expect(again.headers.get('etag')).not.toBe(etag);
      expect(servedDecisionSchema.parse(await again.json()).authorisation).toMatchObject({ grantedAt: daysAgo(1), reference: 'AP-2026-118' });
    } finally {
      (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    }
  });

  it('never serves a status from the register cache across a Paris day boundary, nor after a change made elsewhere', async () => {
    // A fixed calendar (summer time): filed on 27 March, the prefect may answer through 27 July.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-27T10:00:00Z'));
    const other = await signedDecision(t.db, people, siteId, { votedAt: new Date('2026-03-20T17:00:00Z') });
    const { reference } = await ok(run('publishDecision', people.chair, { decisionId: other.decisionId }));
    await ok(run('recordAuthorisationFiling', people.officer, { decisionId: other.decisionId, revision: 0, filedOn: '2026-03-27', prefectureReference: 'PREF-SILENCE' }));
    expect((await registerEntry(t.db, reference))!.followUp.authorisation?.status).toBe('filed');
    // 23:59:30 in Paris on the last day: still filed, from the cache.
    vi.setSystemTime(new Date('2026-07-27T21:59:30Z'));
    expect((await registerEntry(t.db, reference))!.followUp.authorisation?.status).toBe('filed');
    const versionToday = await registerVersion(t.db);
    // 00:00:30 in Paris the next day: nothing written, only the day changed.
    vi.setSystemTime(new Date('2026-07-27T22:00:30Z'));
    expect(await registerVersion(t.db)).not.toBe(versionToday);
    expect((await registerEntry(t.db, reference))!.followUp.authorisation).toMatchObject({ status: 'refused_by_silence', refusedBySilenceFrom: '2026-07-28' });
    vi.useRealTimers();
    // Written behind this instance's back (another instance): seen at the next head check.
    const before = (await registerEntry(t.db, reference))!.followUp.authorisation;
    expect(before?.status).toBe('refused_by_silence');
    await t.db
      .update(authorisations)
      .set({ prefectDecision: 'refused', prefectDecidedOn: today(), refusalReason: 'Motif', revision: 2 })
      .where(eq(authorisations.decisionId, other.decisionId));
    await new Promise((resolve) => setTimeout(resolve, HEAD_CHECK_MS + 50));
    expect((await registerEntry(t.db, reference))!.followUp.authorisation?.status).toBe('refused');
  });

  it('records a late explicit decision after the refusal by silence: it wins', async () => {
    const late = await signedDecision(t.db, people, siteId, { votedAt });
    const { reference } = await ok(run('publishDecision', people.chair, { decisionId: late.decisionId }));
    await ok(run('recordAuthorisationFiling', people.officer, { decisionId: late.decisionId, revision: 0, filedOn: addMonths(today(), -6), prefectureReference: 'PREF-LATE' }));
    expect((await registerEntry(t.db, reference))!.followUp.authorisation?.status).toBe('refused_by_silence');
    await ok(run('recordPrefectDecision', people.officer, { decisionId: late.decisionId, revision: 1, decision: 'granted', decidedOn: daysAgo(3), orderReference: 'AP-LATE', orderRetentionDays: 15 }));
    expect((await registerEntry(t.db, reference))!.followUp.authorisation).toMatchObject({ status: 'granted', reference: 'AP-LATE' });
  });

  it('marks conditions met or not met, with a note, a revision check and the whole history in the trail', async () => {
    const d = favourable.decisionId;
    const mark = (who: Id, input: Record<string, unknown>) => run('markCondition', who, { decisionId: d, conditionIndex: 0, revision: 0, status: 'met', note: 'Masquage vérifié sur place.', checkedOn: today(), ...input });
    expect(await mark(people.technician, {})).toMatchObject({ code: 'forbidden' });
    expect(await mark(people.members[0]!, {})).toMatchObject({ code: 'forbidden' });
    expect(await mark(people.officer, { note: '   ' })).toMatchObject({ code: 'invalid', fieldErrors: { note: 'validation.required' } });
    expect(await mark(people.officer, { conditionIndex: 2 })).toEqual({ ok: false, code: 'invalid', fieldErrors: { conditionIndex: 'followUp.refusals.no_such_condition' } });
    expect(await mark(people.officer, { checkedOn: nextDay(today()) })).toMatchObject({ code: 'invalid', fieldErrors: { checkedOn: 'followUp.issues.in_the_future' } });
    expect(await mark(people.officer, { decisionId: unpublished.decisionId })).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.not_published' } });
    await ok(mark(people.officer, { status: 'not_met', note: 'Masquage absent côté cour.' }));
    expect(await mark(people.chair, {})).toMatchObject({ code: 'conflict:stale_version' });
    await ok(mark(people.chair, { revision: 1 }));
    const rows = await t.db.select().from(conditionFollowUps).where(eq(conditionFollowUps.decisionId, d));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ conditionIndex: 0, status: 'met', note: 'Masquage vérifié sur place.', checkedBy: people.chair.id, revision: 2 });
    const trail = await t.db.select({ action: auditEvents.action, reason: auditEvents.reason, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, 'condition.checked'));
    expect(trail.map((e) => [e.reason, (e.details as { status: string }).status])).toEqual([
      ['Masquage absent côté cour.', 'not_met'],
      ['Masquage vérifié sur place.', 'met'],
    ]);
    // The public page: the first met, the second pending.
    expect((await registerEntry(t.db, favourable.reference))!.followUp.conditions).toEqual([
      { state: 'met', overdue: false, checkedOn: today() },
      { state: 'pending', overdue: false, checkedOn: null },
    ]);
  });

  it('calls a condition overdue when its due date is before today and it is not met, for the chair and the public', async () => {
    const d = favourable.decisionId;
    // Condition 0 (met) is due on 31 January next year, condition 1 on 31 March.
    const of = async (day: string) => (await overdueConditions(t.db, day)).filter((c) => c.decisionId === d).map((c) => c.conditionIndex);
    expect(await of(`${year + 1}-03-31`)).toEqual([]);
    // Due the day before: overdue; met ones never are.
    expect(await of(`${year + 1}-04-01`)).toEqual([1]);
    // Marked not met: still overdue.
    await ok(run('markCondition', people.officer, { decisionId: d, conditionIndex: 1, revision: 0, status: 'not_met', note: 'Panneaux non posés.', checkedOn: today() }));
    expect(await of(`${year + 1}-04-01`)).toEqual([1]);
    // The public entry on that day, computed without any write.
    const checked = today();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${year + 1}-04-01T08:00:00Z`));
    expect((await registerEntry(t.db, favourable.reference))!.followUp.conditions).toEqual([
      { state: 'met', overdue: false, checkedOn: checked },
      { state: 'not_met', overdue: true, checkedOn: checked },
    ]);
    vi.useRealTimers();
    await ok(run('markCondition', people.chair, { decisionId: d, conditionIndex: 1, revision: 1, status: 'met', note: 'Panneaux posés.', checkedOn: today() }));
    expect(await of(`${year + 1}-04-01`)).toEqual([]);
  });
  /** A published favourable decision voted a year ago whose cameras are given these regimes (the fixture's camera, then copies). */
  async function publishedWith(regimes: ('public_road' | 'open_to_public' | 'private_common_area')[]) {
    const signed = await signedDecision(t.db, people, siteId, { votedAt });
    const [first] = await t.db.select().from(cameras).where(eq(cameras.proposalId, signed.proposalId));
    const { id: _id, ...copy } = first!;
    await t.db.update(cameras).set({ regime: regimes[0]! }).where(eq(cameras.id, first!.id));
    for (const [i, regime] of regimes.slice(1).entries()) await t.db.insert(cameras).values({ ...copy, position: i + 1, regime });
    const { reference } = await ok(run('publishDecision', people.chair, { decisionId: signed.decisionId }));
    return { ...signed, reference };
  }

  it('counts the prefect’s silence from the acknowledgement of receipt, from the filing only while none is recorded', async () => {
    const file = await publishedWith(['open_to_public']);
    const d = file.decisionId;
    const ack = (revision: number, acknowledgedOn: string) => run('recordAcknowledgement', people.officer, { decisionId: d, revision, acknowledgedOn });
    expect(await ack(0, daysAgo(10))).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.not_filed' } });
    const filedOn = addMonths(today(), -5);
    await ok(run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 0, filedOn, prefectureReference: 'PREF-AR' }));
    // Counted from the filing, five months ago: refused by silence.
    expect((await registerEntry(t.db, file.reference))!.followUp.authorisation).toMatchObject({ status: 'refused_by_silence', refusedBySilenceFrom: nextDay(addMonths(filedOn, 4)) });
    expect(await ack(1, addDays(filedOn, -1))).toEqual({ ok: false, code: 'invalid', fieldErrors: { acknowledgedOn: 'followUp.issues.acknowledgement_before_filing' } });
    expect(await ack(1, nextDay(today()))).toEqual({ ok: false, code: 'invalid', fieldErrors: { acknowledgedOn: 'followUp.issues.in_the_future' } });
    expect(await runCommand(t.db, COMMANDS.recordAcknowledgement, people.technician.id, { decisionId: d, revision: 1, acknowledgedOn: filedOn })).toMatchObject({ code: 'forbidden' });
    // Received two months after the filing (a piece was missing): the four months run from there.
    const receivedOn = addMonths(filedOn, 2);
    expect(await ok(ack(1, receivedOn))).toEqual({ revision: 2, proposalId: file.proposalId });
    expect(await stored(d)).toMatchObject({ acknowledgedOn: receivedOn, revision: 2 });
    expect((await registerEntry(t.db, file.reference))!.followUp.authorisation).toMatchObject({ status: 'filed', refusedBySilenceFrom: nextDay(addMonths(receivedOn, 4)) });
    expect(await ack(1, receivedOn)).toMatchObject({ code: 'conflict:stale_version' });
    // A correction of the filing after the acknowledgement is refused on the acknowledgement.
    expect(await run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 2, filedOn: addDays(receivedOn, 1), prefectureReference: 'PREF-AR' })).toMatchObject({
      code: 'invalid',
      fieldErrors: { acknowledgedOn: 'followUp.issues.acknowledgement_before_filing' },
    });
    // The prefect decides on a request received: not before the acknowledgement; and once decided, no more acknowledgement.
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 2, decision: 'refused', decidedOn: addDays(receivedOn, -1), refusalReason: 'Motif' })).toMatchObject({
      code: 'invalid',
      fieldErrors: { acknowledgedOn: 'followUp.issues.acknowledgement_after_decision' },
    });
    await ok(run('recordPrefectDecision', people.officer, { decisionId: d, revision: 2, decision: 'refused', decidedOn: daysAgo(3), refusalReason: 'Motif' }));
    expect(await ack(3, receivedOn)).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.later_step_recorded' } });
    const trail = await t.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, 'authorisation.acknowledged'));
    expect(trail.map((e) => e.details)).toEqual([{ decisionId: d, acknowledgedOn: receivedOn, correction: false }]);
  });

  it('records the notice of commissioning to the prefect once granted, on or after the order, and keeps the order on or before it', async () => {
    const file = await publishedWith(['public_road']);
    const d = file.decisionId;
    const notice = (revision: number, commissioningNoticeOn: string) => run('recordCommissioningNotice', people.officer, { decisionId: d, revision, commissioningNoticeOn });
    expect(await notice(0, daysAgo(1))).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.not_granted' } });
    await ok(run('recordAuthorisationFiling', people.officer, { decisionId: d, revision: 0, filedOn: daysAgo(100), prefectureReference: 'PREF-MS' }));
    await ok(run('recordPrefectDecision', people.officer, { decisionId: d, revision: 1, decision: 'granted', decidedOn: daysAgo(30), orderReference: 'AP-MS', orderRetentionDays: 7 }));
    expect(await notice(2, daysAgo(31))).toEqual({ ok: false, code: 'invalid', fieldErrors: { commissioningNoticeOn: { key: 'followUp.issues.notice_before_grant', params: { date: daysAgo(30) } } } });
    expect(await notice(2, nextDay(today()))).toEqual({ ok: false, code: 'invalid', fieldErrors: { commissioningNoticeOn: 'followUp.issues.in_the_future' } });
    await ok(notice(2, daysAgo(20)));
    expect(await stored(d)).toMatchObject({ commissioningNoticeOn: daysAgo(20), orderRetentionDays: 7, revision: 3 });
    // The order cannot be moved after the notice, nor turned into a refusal.
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 3, decision: 'granted', decidedOn: daysAgo(10), orderReference: 'AP-MS', orderRetentionDays: 7 })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { decidedOn: { key: 'followUp.issues.notice_recorded_before', params: { date: daysAgo(20) } } },
    });
    expect(await run('recordPrefectDecision', people.officer, { decisionId: d, revision: 3, decision: 'refused', decidedOn: daysAgo(30), refusalReason: 'Motif' })).toMatchObject({ code: 'invalid' });
    const [event] = await t.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.action, 'authorisation.commissioning_notice'));
    expect(event!.details).toEqual({ decisionId: d, noticeOn: daysAgo(20), correction: false });
  });

  it('tracks the prefect only for the street and places open to the public, the landlord’s board for its common areas', async () => {
    const commonOnly = await publishedWith(['private_common_area', 'private_common_area']);
    const streetOnly = await publishedWith(['public_road']);
    const mixed = await publishedWith(['open_to_public', 'private_common_area']);
    const filing = (decisionId: string) => run('recordAuthorisationFiling', people.officer, { decisionId, revision: 0, filedOn: daysAgo(10), prefectureReference: 'PREF-R' });
    const landlord = (decisionId: string, input: Record<string, unknown> = {}) =>
      run('recordLandlordDecision', people.officer, { decisionId, revision: 0, boardDecidedOn: daysAgo(12), boardReference: 'CA-2026-14', policeTransmission: false, ...input });
    // All common-area cameras: no prefectoral filing.
    expect(await filing(commonOnly.decisionId)).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.no_prefectoral_camera' } });
    expect(await stored(commonOnly.decisionId)).toBeUndefined();
    // No common-area camera: no landlord's decision.
    expect(await landlord(streetOnly.decisionId)).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.no_common_area_camera' } });
    // A mixed file: both.
    await ok(filing(mixed.decisionId));
    await ok(landlord(mixed.decisionId));
    // Only for a published favourable decision, by those who follow authorisations.
    expect(await landlord(unfavourable.decisionId)).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.not_favourable_published' } });
    for (const who of [people.technician, people.chair]) expect(await runCommand(t.db, COMMANDS.recordLandlordDecision, who.id, { decisionId: commonOnly.decisionId })).toMatchObject({ code: 'forbidden' });

    const d = commonOnly.decisionId;
    // Days that exist and have come; the convention in full when images go to the police, not otherwise.
    expect(await landlord(d, { boardDecidedOn: nextDay(today()) })).toEqual({ ok: false, code: 'invalid', fieldErrors: { boardDecidedOn: 'followUp.issues.in_the_future' } });
    expect(await landlord(d, { policeTransmission: 'on' })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { conventionSignedOn: 'followUp.issues.required', conventionParties: 'followUp.issues.required', conventionReference: 'followUp.issues.required' },
    });
    expect(await landlord(d, { conventionReference: 'CONV-1' })).toEqual({ ok: false, code: 'invalid', fieldErrors: { conventionReference: 'followUp.issues.convention_without_transmission' } });
    const convention = { policeTransmission: 'on', conventionSignedOn: daysAgo(40), conventionParties: 'Le bailleur, le préfet des Hauts-de-Seine', conventionReference: 'CONV-92-2026-003' };
    expect(await landlord(d, { ...convention, conventionSignedOn: nextDay(today()) })).toMatchObject({ code: 'invalid', fieldErrors: { conventionSignedOn: 'followUp.issues.in_the_future' } });
    expect(await t.db.select().from(landlordDecisions).where(eq(landlordDecisions.decisionId, d))).toEqual([]);
    expect(await ok(landlord(d, convention))).toEqual({ revision: 1, proposalId: commonOnly.proposalId });
    expect(await landlord(d, convention)).toMatchObject({ code: 'conflict:stale_version' });
    // A correction: the convention ended, images no longer go to the police; its fields are cleared.
    await ok(landlord(d, { revision: 1, boardDecidedOn: daysAgo(11) }));
    const [row] = await t.db.select().from(landlordDecisions).where(eq(landlordDecisions.decisionId, d));
    expect(row).toMatchObject({ boardDecidedOn: daysAgo(11), boardReference: 'CA-2026-14', policeTransmission: false, conventionSignedOn: null, conventionParties: null, conventionReference: null, revision: 2 });
    const trail = await t.db.select({ details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.entityId, commonOnly.proposalId));
    expect(trail.map((e) => e.details).filter((x) => (x as { boardDecidedOn?: string }).boardDecidedOn)).toEqual([
      { decisionId: d, boardDecidedOn: daysAgo(12), boardReference: 'CA-2026-14', policeTransmission: true, conventionSignedOn: daysAgo(40), conventionReference: 'CONV-92-2026-003', correction: false },
      { decisionId: d, boardDecidedOn: daysAgo(11), boardReference: 'CA-2026-14', policeTransmission: false, conventionSignedOn: null, conventionReference: null, correction: true },
    ]);
    // The public entry: the landlord's decision authorises the common-area cameras; no prefectoral authorisation is served.
    const served = (await registerEntry(t.db, commonOnly.reference))!.followUp;
    expect(served.authorisation).toBeNull();
    expect(served.cameras.map((c) => c.authorised)).toEqual([true, true]);
  });

  it('refuses a condition checked before the committee’s vote that set it', async () => {
    const voteDay = parisDate(votedAt);
    const mark = (checkedOn: string) => run('markCondition', people.officer, { decisionId: favourable.decisionId, conditionIndex: 1, revision: 2, status: 'met', note: 'Panneaux posés.', checkedOn });
    expect(await mark(addDays(voteDay, -1))).toEqual({ ok: false, code: 'invalid', fieldErrors: { checkedOn: { key: 'followUp.issues.checked_before_decision', params: { date: voteDay } } } });
    await ok(mark(voteDay));
  });
});
