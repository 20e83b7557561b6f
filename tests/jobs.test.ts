import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Database } from '@/db/client';
import { auditEvents, authorisations, cameras, committeeSettings, notices, proposals, registerEntries, remindersSent, residentQuestions, scheduledJobs } from '@/db/schema';
import { runReminders, type ReminderReport } from '@/lib/jobs/reminders';
import { claimJob, ensureJobs, LEASE_SECONDS, runDueJobs } from '@/lib/jobs/runner';
import { createMailer, type Mailer } from '@/lib/mailer';
import { deliverPendingEmails } from '@/lib/notices';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision } from './support/fixtures';
import { TestSmtpServer } from './support/smtp';

/**
 * The reminders job on both databases: two workers at once (PostgreSQL: two pools of
 * their own, like two app instances; embedded: two runs at once on the one instance)
 * send every reminder exactly once, open the re-review once, and a later run sends
 * nothing new for the same deadlines.
 *
 * The job's clock is injected: NOW is 10 Feb 2031 at 10:00 in Paris. Decision A was
 * granted on 10 Jun 2026, so its renewal (and re-review) is due today; decision B was
 * filed on 20 Oct 2030 with no answer, so the prefect's silence runs out on 20 Feb 2031.
 */
const NOW = new Date('2031-02-10T09:00:00Z');
const DAY = 86_400_000;
const REMINDER_KINDS = ['renewal_due', 'silence_deadline', 'condition_overdue', 'resident_question_to_moderate', 'resident_question_to_answer', 're_review_opened'] as const;

describe.each(BACKENDS)('the reminders job on %s', (backend) => {
  let t: TestDatabase;
  const smtp = new TestSmtpServer();
  let mail: Mailer;
  let people: Awaited<ReturnType<typeof committeePeople>>;
  let admin: { id: string; email: string };
  let a: { proposalId: string; decisionId: string };
  let b: { proposalId: string; decisionId: string };
  const questions: Record<'pending' | 'answerAssigned' | 'answerChair' | 'recent', string> = { pending: '', answerAssigned: '', answerChair: '', recent: '' };
  const deliver = (db: Database) => deliverPendingEmails(db, mail);

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await smtp.start();
    mail = createMailer({ smtpUrl: smtp.url, from: 'Vigie <vigie@ville.test>', appUrl: 'https://vigie.ville.test/' });
    people = await committeePeople(t.db);
    admin = await makeUser(t.db, ['admin']);
    const site = await makeSite(t.db);
    a = await signedDecision(t.db, people, site.id, { conditions: [{ kind: 'signage', text: 'Panneaux posés', dueDate: '2030-12-31' }, { kind: 'other', text: 'Bilan', dueDate: '2031-01-31' }] });
    b = await signedDecision(t.db, people, site.id);
    for (const { decisionId } of [a, b]) await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    await t.db.insert(authorisations).values([
      { decisionId: a.decisionId, filedOn: '2026-03-01', prefectureReference: 'PREF-92-A', prefectDecision: 'granted', prefectDecidedOn: '2026-06-10', orderReference: 'AP-92-A' },
      { decisionId: b.decisionId, filedOn: '2030-10-20', prefectureReference: 'PREF-92-B' },
    ]);
    const question = (over: Partial<typeof residentQuestions.$inferInsert>) => ({
      proposalId: a.proposalId,
      registerReference: 'CE-2026-001',
      kind: 'question' as const,
      body: 'Que filme la caméra ?',
      addressKey: 'k',
      ...over,
    });
    const moderated = (days: number) => ({ state: 'approved' as const, publishedBody: 'Que filme la caméra ?', moderatedBy: admin.id, moderatedAt: new Date(NOW.getTime() - days * DAY), createdAt: new Date(NOW.getTime() - 30 * DAY) });
    const rows = await t.db
      .insert(residentQuestions)
      .values([
        question({ createdAt: new Date(NOW.getTime() - 8 * DAY) }),
        question({ ...moderated(9), assignedTo: people.members[0]!.id }),
        question(moderated(7)),
        // Waiting, but not long enough yet: no reminder before 17 Feb.
        question({ createdAt: new Date(NOW.getTime() - 3_600_000) }),
      ])
      .returning({ id: residentQuestions.id });
    [questions.pending, questions.answerAssigned, questions.answerChair, questions.recent] = rows.map((r) => r.id) as [string, string, string, string];
    // The setup's own notices (convocations, decisions…) are not this test's business: as if already emailed.
    await t.db.update(notices).set({ emailedAt: new Date() });
  }, 120_000);
  afterAll(async () => {
    await smtp.stop();
    await t.close();
  });

  const reminderNotices = () => t.db.select().from(notices).where(inArray(notices.kind, [...REMINDER_KINDS]));
  const countBy = <T>(rows: T[], key: (row: T) => string) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [key(r)]: (acc[key(r)] ?? 0) + 1 }), {});
  const total = (reports: ReminderReport[]) => Object.fromEntries(REMINDER_KINDS.map((k) => [k, reports.reduce((n, r) => n + r.sent[k], 0)]));
  const reReviews = () => t.db.select().from(proposals).where(and(eq(proposals.sourceDecisionId, a.decisionId), eq(proposals.kind, 're_review')));

  it('two workers running at once, again and again, send each reminder once and open the re-review once', async () => {
    // PostgreSQL: two pools of their own, like two app instances; embedded: its one server, two runs at once.
    const pools = backend === 'postgres' ? [createPool(t.url, { max: 3 }), createPool(t.url, { max: 3 })] : [];
    const workers = backend === 'postgres' ? pools.map(createDb) : [t.db, t.db];
    const before = smtp.received.length;
    const reports: ReminderReport[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        reports.push(...(await Promise.all(workers.map((db) => runReminders(db, NOW, { deliver })))));
      }
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    expect(reports.flatMap((r) => r.errors)).toEqual([]);
    // What the workers say they sent, all together: each reminder once.
    expect(total(reports)).toEqual({ renewal_due: 1, silence_deadline: 1, condition_overdue: 1, resident_question_to_moderate: 1, resident_question_to_answer: 2, re_review_opened: 1 });

    // The re-review: one, submitted, held by the earlier file's author, pre-filled, opened by nobody (the job).
    const opened = await reReviews();
    expect(opened).toHaveLength(1);
    const reReview = opened[0]!;
    expect(reReview).toMatchObject({ state: 'submitted', authorId: people.technician.id, previousProposalId: a.proposalId, title: 'Entrée du bâtiment B' });
    expect(await t.db.select().from(cameras).where(eq(cameras.proposalId, reReview.id))).toHaveLength(1);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, reReview.id), eq(auditEvents.action, 'proposal.opened_from_decision')));
    expect(event).toMatchObject({ actorId: null });

    // The notices: who gets which, once each.
    const got = await reminderNotices();
    const by = countBy(got, (n) => `${n.kind}→${n.recipientId}`);
    expect(by).toEqual({
      [`re_review_opened→${people.officer.id}`]: 1,
      [`renewal_due→${people.officer.id}`]: 1,
      [`renewal_due→${admin.id}`]: 1,
      [`renewal_due→${people.chair.id}`]: 1,
      [`silence_deadline→${people.officer.id}`]: 1,
      [`silence_deadline→${admin.id}`]: 1,
      [`condition_overdue→${people.chair.id}`]: 1,
      [`resident_question_to_moderate→${admin.id}`]: 1,
      [`resident_question_to_answer→${people.members[0]!.id}`]: 1,
      [`resident_question_to_answer→${people.chair.id}`]: 1,
    });
    expect(got.find((n) => n.kind === 're_review_opened')!.proposalId).toBe(reReview.id);
    expect(got.find((n) => n.kind === 'silence_deadline')!.proposalId).toBe(b.proposalId);
    expect(got.filter((n) => n.kind === 'renewal_due').every((n) => n.proposalId === a.proposalId)).toBe(true);

    // The emails: one per notice, never two.
    const emails = smtp.received.slice(before);
    expect(emails).toHaveLength(got.length);
    expect(new Set(emails.map((m) => `${m.to.join(',')}|${m.parsed.subject}`)).size).toBe(emails.length);
    expect(reports.reduce((n, r) => n + r.emails.sent, 0)).toBe(got.length);

    // Keyed by their deadline, not by the day they went out.
    const keys = await t.db.select({ kind: remindersSent.kind, subjectId: remindersSent.subjectId, dueOn: remindersSent.dueOn }).from(remindersSent);
    expect(keys).toEqual(
      expect.arrayContaining([
        { kind: 're_review_opened', subjectId: a.decisionId, dueOn: '2031-02-10' },
        { kind: 'condition_overdue', subjectId: a.decisionId, dueOn: '2031-01-31' },
        { kind: 'silence_deadline', subjectId: expect.any(String), dueOn: '2031-02-20' },
        { kind: 'resident_question_to_moderate', subjectId: questions.pending, dueOn: '2031-02-09' },
      ]),
    );
    expect(keys).toHaveLength(7);
  });

  it('runs on the following days send nothing new for the same deadlines, and open no second re-review', async () => {
    const count = (await reminderNotices()).length;
    const emails = smtp.received.length;
    for (const days of [1, 5, 6]) {
      const report = await runReminders(t.db, new Date(NOW.getTime() + days * DAY), { deliver });
      expect(report.errors).toEqual([]);
      expect(total([report])).toEqual({ renewal_due: 0, silence_deadline: 0, condition_overdue: 0, resident_question_to_moderate: 0, resident_question_to_answer: 0, re_review_opened: 0 });
    }
    expect((await reminderNotices()).length).toBe(count);
    expect(smtp.received.length).toBe(emails);
    expect(await reReviews()).toHaveLength(1);
  });

  it('a new deadline is a new reminder: the question that was too recent, once it has waited long enough', async () => {
    const later = await runReminders(t.db, new Date(NOW.getTime() + 7 * DAY), { deliver });
    expect(later.errors).toEqual([]);
    expect(total([later])).toEqual({ renewal_due: 0, silence_deadline: 0, condition_overdue: 0, resident_question_to_moderate: 1, resident_question_to_answer: 0, re_review_opened: 0 });
    const [key] = await t.db.select().from(remindersSent).where(eq(remindersSent.subjectId, questions.recent));
    expect(key).toMatchObject({ kind: 'resident_question_to_moderate', dueOn: '2031-02-17' });
    const again = await runReminders(t.db, new Date(NOW.getTime() + 14 * DAY), { deliver });
    expect(total([again])).toMatchObject({ resident_question_to_moderate: 0 });
  });

  it('a re-review opened meanwhile by someone else is "already opened": the job opens none and tells nobody', async () => {
    // Decision B granted long ago too, with its re-review already there (inserted as another path would).
    await t.db
      .update(authorisations)
      .set({ prefectDecision: 'granted', prefectDecidedOn: '2030-10-25', orderReference: 'AP-92-B', filedOn: '2026-01-02' })
      .where(eq(authorisations.decisionId, b.decisionId));
    const [earlier] = await t.db.select().from(proposals).where(eq(proposals.id, b.proposalId));
    await t.db.insert(proposals).values({ siteId: earlier!.siteId, authorId: earlier!.authorId, kind: 're_review', previousProposalId: b.proposalId, sourceDecisionId: b.decisionId, title: 'Déjà ouvert' });
    // Its renewal is due on 25 Jun 2035.
    const report = await runReminders(t.db, new Date('2035-06-25T10:00:00Z'), { deliver });
    expect(report.errors).toEqual([]);
    expect(report.sent.re_review_opened).toBe(0);
    // B's renewal is reminded (A has expired: its renewal is no longer reminded, its re-review was opened long ago).
    expect(total([report])).toEqual({ renewal_due: 1, silence_deadline: 0, condition_overdue: 0, resident_question_to_moderate: 0, resident_question_to_answer: 0, re_review_opened: 0 });
    expect(await t.db.select().from(proposals).where(and(eq(proposals.sourceDecisionId, b.decisionId), eq(proposals.kind, 're_review')))).toHaveLength(1);
  });

  it('a decision revoked in the register gets no reminder and no re-review', async () => {
    const c = await signedDecision(t.db, people, (await makeSite(t.db, { name: 'Résidence Révoquée' })).id);
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: c.decisionId }));
    const [entry] = await t.db.select({ reference: registerEntries.reference }).from(registerEntries).where(eq(registerEntries.decisionId, c.decisionId));
    await ok(runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, { kind: 'revocation', reference: entry!.reference, note: 'Le bailleur a renoncé au projet.' }));
    // Granted on 10 Jun 2026 like A: its renewal would be due on NOW.
    await t.db.insert(authorisations).values({ decisionId: c.decisionId, filedOn: '2026-03-01', prefectureReference: 'PREF-92-C', prefectDecision: 'granted', prefectDecidedOn: '2026-06-10', orderReference: 'AP-92-C' });
    const report = await runReminders(t.db, NOW, { deliver });
    expect(report.errors).toEqual([]);
    expect(report.sent).toMatchObject({ renewal_due: 0, re_review_opened: 0 });
    expect(await t.db.select().from(proposals).where(eq(proposals.sourceDecisionId, c.decisionId))).toEqual([]);
  });

  it('opens the re-review the committee’s renewal lead time before the order expires, as the admin set it (prefecture practice, not law)', async () => {
    // Granted 10 Aug 2026: expires 10 Aug 2031; four months before is 10 Apr 2031, six months before is NOW (10 Feb 2031).
    const d = await signedDecision(t.db, people, (await makeSite(t.db, { name: 'Résidence du Délai' })).id);
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: d.decisionId }));
    await t.db.insert(authorisations).values({ decisionId: d.decisionId, filedOn: '2026-05-01', prefectureReference: 'PREF-92-D', prefectDecision: 'granted', prefectDecidedOn: '2026-08-10', orderReference: 'AP-92-D' });
    const opened = () => t.db.select().from(proposals).where(and(eq(proposals.sourceDecisionId, d.decisionId), eq(proposals.kind, 're_review')));
    expect((await runReminders(t.db, NOW, { deliver })).errors).toEqual([]);
    expect(await opened()).toEqual([]);

    // The admin sets six months: a number from 1 to 12, required in the form; a caller that leaves it out keeps it.
    const [settings] = await t.db.select().from(committeeSettings);
    const rules = { quorumRule: settings!.quorumRule, quorumFixed: settings!.quorumFixed, majorityRule: settings!.majorityRule, chairCastingVote: settings!.chairCastingVote, noticeDays: settings!.noticeDays, proxiesAllowed: settings!.proxiesAllowed };
    const update = (input: Record<string, unknown>) => runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, { ...rules, revision: settings!.revision, ...input });
    expect(await update({ renewalLeadMonths: '' })).toMatchObject({ code: 'invalid', fieldErrors: { renewalLeadMonths: 'validation.required' } });
    expect(await update({ renewalLeadMonths: 13 })).toMatchObject({ code: 'invalid', fieldErrors: { renewalLeadMonths: { key: 'validation.between', params: { min: 1, max: 12 } } } });
    expect(await runCommand(t.db, COMMANDS.updateCommitteeSettings, people.chair.id, { ...rules, revision: settings!.revision, renewalLeadMonths: 6 })).toMatchObject({ code: 'forbidden' });
    await ok(update({ renewalLeadMonths: '6' }));
    const [after] = await t.db.select().from(committeeSettings);
    expect(after).toMatchObject({ renewalLeadMonths: 6, revision: settings!.revision + 1 });
    const [changed] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.updated'));
    expect(changed!.details).toEqual({ changes: { renewalLeadMonths: { from: 4, to: 6 } } });
    expect(await ok(runCommand(t.db, COMMANDS.updateCommitteeSettings, admin.id, { ...rules, revision: after!.revision }))).toEqual({ revision: after!.revision });

    const report = await runReminders(t.db, NOW, { deliver });
    expect(report.errors).toEqual([]);
    const [reReview] = await opened();
    expect(reReview).toMatchObject({ state: 'submitted', previousProposalId: d.proposalId });
    const [key] = await t.db.select().from(remindersSent).where(and(eq(remindersSent.kind, 're_review_opened'), eq(remindersSent.subjectId, d.decisionId)));
    expect(key).toMatchObject({ dueOn: '2031-02-10' });
    await ok(update({ revision: after!.revision, renewalLeadMonths: 4 }));
  });

  describe('the lease', () => {
    it('one of two workers polling at once claims the job; the other gets nothing', async () => {
      await ensureJobs(t.db, NOW);
      await t.db.update(scheduledJobs).set({ nextRunAt: NOW, lockedUntil: null, lockedBy: null });
      const pools = backend === 'postgres' ? [createPool(t.url, { max: 2 }), createPool(t.url, { max: 2 })] : [];
      const workers = backend === 'postgres' ? pools.map(createDb) : [t.db, t.db];
      try {
        const claims = await Promise.all(workers.map((db, i) => claimJob(db, 'reminders', `worker-${i}`, NOW)));
        expect(claims.filter(Boolean)).toHaveLength(1);
      } finally {
        await Promise.all(pools.map((p) => p.end()));
      }
    });

    it('a lease held by a crashed worker blocks the job until it expires; then the job runs, records its run and is due again after the interval', async () => {
      await t.db.update(scheduledJobs).set({ nextRunAt: new Date(NOW.getTime() - 60_000), lockedUntil: new Date(NOW.getTime() + LEASE_SECONDS * 1000), lockedBy: 'crashed-worker' });
      const lines: string[] = [];
      const blocked = await runDueJobs(t.db, { now: new Date(NOW.getTime() + 60_000), worker: 'w2', intervalSeconds: 900, log: (l) => lines.push(l), options: { deliver } });
      expect(blocked).toEqual([{ name: 'reminders', ran: false }]);

      const later = new Date(NOW.getTime() + (LEASE_SECONDS + 1) * 1000);
      const ran = await runDueJobs(t.db, { now: later, worker: 'w2', intervalSeconds: 900, log: (l) => lines.push(l), options: { deliver } });
      expect(ran).toMatchObject([{ name: 'reminders', ran: true, error: null }]);
      const [row] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'reminders'));
      expect(row).toMatchObject({ lockedBy: null, lockedUntil: null, lastError: null, lastRunAt: later, nextRunAt: new Date(later.getTime() + 900_000) });
      // One line per run.
      expect(lines.filter((l) => l.startsWith('[jobs] reminders'))).toHaveLength(1);

      // Not due again before the interval: nothing runs.
      expect(await runDueJobs(t.db, { now: new Date(later.getTime() + 60_000), worker: 'w3', intervalSeconds: 900, log: () => {} })).toEqual([{ name: 'reminders', ran: false }]);
    });

    it('a failing run stores its error, never throws, and the job is due again', async () => {
      const now = new Date(NOW.getTime() + 3 * 3_600_000);
      const failing = async () => {
        throw new Error('SMTP down');
      };
      const runs = await runDueJobs(t.db, { now, worker: 'w4', intervalSeconds: 600, force: true, log: () => {}, options: { deliver: failing } });
      expect(runs).toMatchObject([{ name: 'reminders', ran: true }]);
      const [row] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'reminders'));
      expect(row!.lastError).toContain('emails: SMTP down');
      expect(row).toMatchObject({ lockedBy: null, nextRunAt: new Date(now.getTime() + 600_000) });
    });

    it('a worker whose lease expired and was taken meanwhile does not release the new holder’s lease', async () => {
      await t.db.update(scheduledJobs).set({ nextRunAt: NOW, lockedUntil: null, lockedBy: null });
      expect(await claimJob(t.db, 'reminders', 'slow', NOW)).toBe(true);
      const afterLease = new Date(NOW.getTime() + (LEASE_SECONDS + 5) * 1000);
      expect(await claimJob(t.db, 'reminders', 'fast', afterLease)).toBe(true);
      const [row] = await t.db.select({ lockedBy: scheduledJobs.lockedBy }).from(scheduledJobs).where(eq(scheduledJobs.name, 'reminders'));
      expect(row!.lockedBy).toBe('fast');
      expect((await t.db.execute(sql`select count(*)::int as n from scheduled_jobs`)).rows[0]).toEqual({ n: 1 });
    });
  });
});
