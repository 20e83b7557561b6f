import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notices, residentQuestions } from '@/db/schema';
import { publicQuestions, questionsToAnswer, questionsToModerate, questionYear } from '@/db/queries/resident-questions';
import { createMailer, setMailer, type Mailer } from '@/lib/mailer';
import { addressKey, checkFormStamp, MIN_FILL_SECONDS, signFormStamp } from '@/lib/resident-questions/anti-spam';
import { questionsStamp, STAMP_CHECK_MS } from '@/lib/resident-questions/public-stamp';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { askResidentQuestion, notifyAskers, QUESTION_LIMITS } from '@/lib/workflow/resident-questions';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision } from './support/fixtures';
import { TestSmtpServer } from './support/smtp';
import { BAD_NUMBERS, BAD_TEXT, changedTables, snapshotter, TEXT_PAYLOADS } from './support/hostile';

type Id = { id: string };

/** A form drawn `seconds` ago (signed like the page does). */
const stampAgo = (seconds: number, now = new Date()) => signFormStamp(new Date(now.getTime() - seconds * 1000));

describe('the form stamp', () => {
  it('accepts a form filled in more than the minimum time and less than a day, and nothing forged', () => {
    const now = new Date();
    expect(checkFormStamp(stampAgo(MIN_FILL_SECONDS + 1, now), now)).toBe('ok');
    expect(checkFormStamp(stampAgo(MIN_FILL_SECONDS - 1, now), now)).toBe('too_fast');
    expect(checkFormStamp(stampAgo(0, now), now)).toBe('too_fast');
    expect(checkFormStamp(stampAgo(24 * 3600 + 5, now), now)).toBe('expired');
    const good = stampAgo(10, now);
    const [ms, mac] = good.split('.');
    // A timestamp moved back by hand no longer matches its signature.
    expect(checkFormStamp(`${Number(ms) - 60_000}.${mac}`, now)).toBe('forged');
    expect(checkFormStamp('', now)).toBe('forged');
    expect(checkFormStamp(undefined, now)).toBe('forged');
    expect(checkFormStamp(['x'], now)).toBe('forged');
  });

  it('keeps a keyed hash of the address, never the address', () => {
    expect(addressKey('203.0.113.9')).not.toContain('203');
    expect(addressKey('203.0.113.9')).toBe(addressKey('203.0.113.9'));
    expect(addressKey('203.0.113.9')).not.toBe(addressKey('203.0.113.10'));
  });
});

describe.each(BACKENDS)('residents’ questions on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  let admin: Id;
  let reference = '';
  let proposalId = '';
  let address = 0;
  /** A new client address for each test that does not test the limit. */
  const freshAddress = () => `198.51.100.${++address}`;

  const valid = (over: Record<string, unknown> = {}) => ({
    reference,
    kind: 'question',
    askerName: 'Awa',
    askerEmail: 'awa@example.test',
    body: 'La caméra du hall filme-t-elle les boîtes aux lettres ?',
    stamp: stampAgo(10),
    website: '',
    ...over,
  });
  const count = async () => (await t.db.select({ id: residentQuestions.id }).from(residentQuestions)).length;
  const ask = async (over: Record<string, unknown> = {}, ip = freshAddress(), now?: Date) => askResidentQuestion(t.db, valid(over), { address: ip, now });
  const stored = async (over: Record<string, unknown> = {}) => {
    const outcome = await ask(over);
    if (!outcome.ok || !outcome.questionId) throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    const [row] = await t.db.select().from(residentQuestions).where(eq(residentQuestions.id, outcome.questionId));
    return row!;
  };
  const approve = (q: { id: string; revision: number }, who: Id = admin, publishedBody = 'Texte publié.') =>
    runCommand(t.db, COMMANDS.approveResidentQuestion, who.id, { questionId: q.id, revision: q.revision, publishedBody });

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    admin = await makeUser(t.db, ['admin']);
    const site = await makeSite(t.db, { name: 'Résidence des Bergères' });
    const decision = await signedDecision(t.db, people, site.id);
    proposalId = decision.proposalId;
    reference = (await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: decision.decisionId }))).reference;
  }, 120_000);
  afterAll(() => t.close());
  afterEach(() => setMailer(null));

  it('stores a question, attached to the decision’s file, with only a hash of the address, and tells the secretariat', async () => {
    const before = await count();
    const outcome = await ask({}, '203.0.113.77');
    expect(outcome).toMatchObject({ ok: true, stored: true });
    expect(await count()).toBe(before + 1);
    const [row] = await t.db.select().from(residentQuestions).where(eq(residentQuestions.id, (outcome as { questionId: string }).questionId));
    expect(row).toMatchObject({ proposalId, registerReference: reference, state: 'pending', askerName: 'Awa', askerEmail: 'awa@example.test', kind: 'question' });
    expect(row!.addressKey).toBe(addressKey('203.0.113.77'));
    expect(JSON.stringify(row)).not.toContain('203.0.113.77');
    const toAdmin = await t.db.select().from(notices).where(eq(notices.recipientId, admin.id));
    expect(toAdmin.some((n) => n.kind === 'resident_question_to_moderate' && n.proposalId === proposalId)).toBe(true);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await count();
    expect(await ask({ website: 'http://spam.example' })).toEqual({ ok: true, stored: false, questionId: null });
    expect(await count()).toBe(before);
  });

  it('refuses a form sent too fast, expired or forged, and stores nothing', async () => {
    const before = await count();
    expect(await ask({ stamp: stampAgo(1) })).toEqual({ ok: false, reason: 'too_fast' });
    expect(await ask({ stamp: stampAgo(25 * 3600) })).toEqual({ ok: false, reason: 'expired' });
    expect(await ask({ stamp: '1700000000000.forged' })).toEqual({ ok: false, reason: 'forged' });
    expect(await ask({ stamp: undefined })).toEqual({ ok: false, reason: 'forged' });
    expect(await count()).toBe(before);
  });

  it('refuses bad input with field messages: empty or too long text, control characters, a wrong email, an unknown kind or decision', async () => {
    const before = await count();
    expect(await ask({ body: '   ' })).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { body: 'validation.required' } });
    expect(await ask({ body: 'x'.repeat(2001) })).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { body: { key: 'validation.too_long' } } });
    expect(await ask({ body: 'bonjour\u0000' })).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { body: 'validation.control_characters' } });
    expect(await ask({ askerName: 'A\u0007' })).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { askerName: 'validation.control_characters' } });
    expect(await ask({ askerEmail: 'pas-une-adresse' })).toMatchObject({ ok: false, reason: 'invalid', fieldErrors: { askerEmail: 'validation.email' } });
    expect(await ask({ kind: 'insult' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await ask({ reference: 'CE-2020-999' })).toEqual({ ok: false, reason: 'not_found' });
    expect(await ask({ reference: "'; drop table x" })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await count()).toBe(before);
    // Name and email are optional.
    expect(await ask({ askerName: '', askerEmail: '' })).toMatchObject({ ok: true, stored: true });
  });

  it('limits questions per address within the hour, counted in the database across calls', async () => {
    const ip = '192.0.2.50';
    const now = new Date();
    for (let i = 0; i < QUESTION_LIMITS.perAddress; i++) {
      expect(await ask({ body: `Question ${i}` }, ip, now)).toMatchObject({ ok: true, stored: true });
    }
    const before = await count();
    expect(await ask({}, ip, now)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await count()).toBe(before);
    // Another address is not affected; an hour later the same address may ask again.
    expect(await ask({}, '192.0.2.51', now)).toMatchObject({ ok: true, stored: true });
    const later = new Date(now.getTime() + (QUESTION_LIMITS.windowMinutes + 1) * 60_000);
    expect(await ask({ stamp: stampAgo(10, later) }, ip, later)).toMatchObject({ ok: true, stored: true });
  });

  it('lets parallel posts from one address count each other (never more than the limit)', async () => {
    const ip = '192.0.2.60';
    const results = await Promise.all(Array.from({ length: QUESTION_LIMITS.perAddress + 3 }, (_, i) => ask({ body: `Rafale ${i}` }, ip)));
    expect(results.filter((r) => r.ok).length).toBe(QUESTION_LIMITS.perAddress);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited').length).toBe(3);
  });

  it('shows nothing publicly until approved, then only the moderated text; a rejected question never', async () => {
    const shown = await stored({ body: 'Je suis Jean Dupont, 3 rue X : la caméra voit ma fenêtre.' });
    const hidden = await stored({ body: 'Texte injurieux' });
    expect((await publicQuestions(t.db, reference)).map((q) => q.id)).not.toContain(shown.id);
    expect((await questionsToModerate(t.db)).map((q) => q.id)).toEqual(expect.arrayContaining([shown.id, hidden.id]));

    // Only the secretariat moderates.
    expect(await approve(shown, people.chair)).toMatchObject({ ok: false, code: 'forbidden' });
    // A stale form (another moderator changed it) is refused.
    expect(await approve({ id: shown.id, revision: shown.revision + 1 })).toMatchObject({ ok: false, code: 'conflict:stale_version' });
    await ok(approve(shown, admin, 'Une personne indique que la caméra voit sa fenêtre.'));
    expect(await approve({ id: shown.id, revision: shown.revision + 1 })).toMatchObject({ ok: false, code: 'conflict:state' });
    expect(await runCommand(t.db, COMMANDS.rejectResidentQuestion, admin.id, { questionId: hidden.id, revision: hidden.revision, reason: '' })).toMatchObject({ ok: false, code: 'invalid' });
    await ok(runCommand(t.db, COMMANDS.rejectResidentQuestion, admin.id, { questionId: hidden.id, revision: hidden.revision, reason: 'Propos injurieux.' }));

    const list = await publicQuestions(t.db, reference);
    const mine = list.find((q) => q.id === shown.id);
    expect(mine).toMatchObject({ text: 'Une personne indique que la caméra voit sa fenêtre.', answer: null });
    expect(list.map((q) => q.id)).not.toContain(hidden.id);
    const publicText = JSON.stringify(list);
    for (const secret of ['Jean Dupont', 'Awa', 'awa@example.test', 'Propos injurieux', shown.addressKey]) expect(publicText).not.toContain(secret);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, proposalId));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['question.approved', 'question.rejected']));
    expect(JSON.stringify(events)).not.toContain('Propos injurieux');
  });

  it('lets the chair answer any question, a member only the one designated to them', async () => {
    const [member, other] = people.members as [Id, Id];
    const q = await stored();
    const answer = (who: Id, text = 'Non : un masque couvre les boîtes aux lettres.') => runCommand(t.db, COMMANDS.answerResidentQuestion, who.id, { questionId: q.id, answer: text });
    // Not approved yet: nobody answers.
    expect(await answer(people.chair)).toMatchObject({ ok: false, code: 'conflict:state' });
    await ok(approve(q));
    // A member not designated, a technician, the secretariat: refused.
    expect(await answer(member)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await answer(people.technician)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await answer(admin)).toMatchObject({ ok: false, code: 'forbidden' });
    // Only the chair designates, and only a committee member.
    expect(await runCommand(t.db, COMMANDS.assignResidentQuestion, member.id, { questionId: q.id, memberId: member.id })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await runCommand(t.db, COMMANDS.assignResidentQuestion, people.chair.id, { questionId: q.id, memberId: people.technician.id })).toMatchObject({ ok: false, code: 'invalid' });
    await ok(runCommand(t.db, COMMANDS.assignResidentQuestion, people.chair.id, { questionId: q.id, memberId: member.id }));
    expect((await questionsToAnswer(t.db, { id: member.id, roles: ['member'] })).map((x) => x.id)).toContain(q.id);
    expect((await questionsToAnswer(t.db, { id: other.id, roles: ['member'] })).map((x) => x.id)).not.toContain(q.id);
    expect(await answer(other)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await answer(member, '')).toMatchObject({ ok: false, code: 'invalid' });
    await ok(answer(member));
    // Answered once: a second answer is refused, whoever sends it.
    expect(await answer(people.chair, 'Autre réponse')).toMatchObject({ ok: false, code: 'conflict:state' });
    expect((await publicQuestions(t.db, reference)).find((x) => x.id === q.id)).toMatchObject({ answer: 'Non : un masque couvre les boîtes aux lettres.' });

    // The chair answers a question nobody was designated for.
    const q2 = await stored();
    await ok(approve(q2));
    await ok(runCommand(t.db, COMMANDS.answerResidentQuestion, people.chair.id, { questionId: q2.id, answer: 'Réponse de la présidence.' }));
  });

  describe('the asker’s email', () => {
    const smtp = new TestSmtpServer();
    let mail: Mailer;
    beforeAll(async () => {
      await smtp.start();
      mail = createMailer({ smtpUrl: smtp.url, from: 'Vigie <vigie@ville.test>', appUrl: 'https://vigie.ville.test/' });
    });
    afterAll(() => smtp.stop());

    it('is sent once when the answer is published, then the address is erased', async () => {
      const q = await stored({ askerEmail: 'lea@example.test', askerName: 'Léa' });
      await ok(approve(q));
      expect(smtp.to('lea@example.test')).toHaveLength(0);
      setMailer(mail);
      await ok(runCommand(t.db, COMMANDS.answerResidentQuestion, people.chair.id, { questionId: q.id, answer: 'Voici la réponse.' }));
      const got = smtp.to('lea@example.test');
      expect(got).toHaveLength(1);
      expect(got[0]!.parsed.text).toContain(`https://vigie.ville.test/registre/${reference}#questions`);
      // Again: nothing more.
      expect(await notifyAskers(t.db, mail)).toEqual({ sent: 0, failed: 0 });
      expect(smtp.to('lea@example.test')).toHaveLength(1);
      const [row] = await t.db.select().from(residentQuestions).where(eq(residentQuestions.id, q.id));
      expect(row!.askerNotifiedAt).not.toBeNull();
      expect(row!.askerEmail).toBeNull();
    });

    it('is not claimed without a mail server, and sent by the next delivery once there is one; two deliveries at once send it once', async () => {
      const q = await stored({ askerEmail: 'sam@example.test' });
      await ok(approve(q));
      await ok(runCommand(t.db, COMMANDS.answerResidentQuestion, people.chair.id, { questionId: q.id, answer: 'Réponse.' }));
      expect(await notifyAskers(t.db, null)).toEqual({ sent: 0, failed: 0 });
      const [before] = await t.db.select().from(residentQuestions).where(eq(residentQuestions.id, q.id));
      expect(before!.askerNotifiedAt).toBeNull();
      const [a, b] = await Promise.all([notifyAskers(t.db, mail), notifyAskers(t.db, mail)]);
      expect(a.sent + b.sent).toBe(1);
      expect(smtp.to('sam@example.test')).toHaveLength(1);
    });
  });

  it('takes hostile input in every field of the public form cleanly: refused with nothing changed, or stored exactly', async () => {
    const snap = await snapshotter(t.db);
    const fields = ['reference', 'kind', 'askerName', 'askerEmail', 'body', 'stamp', 'website'] as const;
    let probes = 0;
    for (const field of fields) {
      const values: [string, unknown, 'refuse' | 'verbatim' | 'either'][] = [
        ...Object.entries(BAD_TEXT).map(([label, v]): [string, unknown, 'refuse' | 'either'] => [label, v, field === 'website' ? 'either' : 'refuse']),
        ...Object.entries(BAD_NUMBERS).map(([label, v]): [string, unknown, 'refuse' | 'either'] => [label, v, field === 'website' ? 'either' : 'refuse']),
        ['an object', { $gt: '' }, field === 'website' ? 'either' : 'refuse'],
        ['a list', [['x']], field === 'website' ? 'either' : 'refuse'],
        ...Object.entries(TEXT_PAYLOADS).map(([label, v]): [string, unknown, 'refuse' | 'verbatim' | 'either'] => [
          label,
          v,
          field === 'body' || field === 'askerName' ? 'verbatim' : field === 'website' ? 'either' : 'refuse',
        ]),
      ];
      for (const [label, value, expected] of values) {
        probes += 1;
        const before = await snap.take(t.db);
        let outcome;
        try {
          outcome = await askResidentQuestion(t.db, valid({ [field]: value }), { address: freshAddress() });
        } catch (err) {
          throw new Error(`${field}: ${label} threw ${String(err)}`);
        }
        const after = await snap.take(t.db);
        const stored = outcome.ok && outcome.stored;
        if (expected === 'refuse') expect(stored, `${field}: ${label}`).toBe(false);
        if (!stored) {
          expect(changedTables(before, after), `${field}: ${label} changed something`).toEqual([]);
        } else if (expected === 'verbatim') {
          expect(await snap.holds(t.db, value as string), `${field}: ${label} stored exactly`).toBe(true);
        }
        if (!outcome.ok && outcome.reason === 'invalid') expect(Object.keys(outcome.fieldErrors).length, `${field}: ${label}`).toBeGreaterThan(0);
      }
    }
    expect(probes).toBeGreaterThan(100);
  }, 120_000);

  it('counts the year’s questions for the annual report', async () => {
    const year = new Date().getFullYear();
    const counts = await questionYear(t.db, year);
    const rows = await t.db.select().from(residentQuestions);
    expect(counts.asked).toBe(rows.length);
    expect(counts.approved).toBe(rows.filter((r) => r.state === 'approved').length);
    expect(counts.rejected).toBe(rows.filter((r) => r.state === 'rejected').length);
    expect(counts.pending).toBe(rows.filter((r) => r.state === 'pending').length);
    expect(counts.answered).toBe(rows.filter((r) => r.answer !== null).length);
    expect(counts.answered).toBeGreaterThan(0);
    expect(counts.medianDaysToAnswer).not.toBeNull();
    expect(await questionYear(t.db, year - 30)).toMatchObject({ asked: 0, medianDaysToAnswer: null });
  });

  it('changes the public pages’ cache stamp when a question is approved or answered', async () => {
    const q = await stored();
    const wait = () => new Promise((r) => setTimeout(r, STAMP_CHECK_MS + 20));
    await wait();
    const first = await questionsStamp(t.db);
    await ok(approve(q));
    await wait();
    const second = await questionsStamp(t.db);
    expect(second).not.toBe(first);
    await ok(runCommand(t.db, COMMANDS.answerResidentQuestion, people.chair.id, { questionId: q.id, answer: 'R.' }));
    await wait();
    expect(await questionsStamp(t.db)).not.toBe(second);
  });
});
