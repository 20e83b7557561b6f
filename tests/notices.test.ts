import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notices, sessions } from '@/db/schema';
import { countUnreadNotices, listNotices } from '@/db/queries/notices';
import { createMailer, setMailer, type Mailer } from '@/lib/mailer';
import { deliverPendingEmails, notify } from '@/lib/notices';
import { COMMANDS, runCommand } from '@/lib/workflow';
import type { RunOptions } from '@/lib/workflow/command';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeSite, makeUser, validProposal } from './support/fixtures';
import { TestSmtpServer } from './support/smtp';

/**
 * Notices sent in quick succession can share a timestamp (the embedded database's clock
 * is coarse), and then "newest first" has no order between them: let the clock move.
 */
const clockTick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(BACKENDS)('notices on %s', (backend) => {
  let t: TestDatabase;
  let technician: { id: string };
  let officers: { id: string; email: string }[];
  let retired: { id: string };
  let chair: { id: string };
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    technician = await makeUser(t.db, ['technician']);
    // Two prevention officers, one of them also a member: each is told once.
    officers = [await makeUser(t.db, ['diagnostician']), await makeUser(t.db, ['diagnostician', 'member'])];
    retired = await makeUser(t.db, ['diagnostician'], { active: false });
    chair = await makeUser(t.db, ['chair', 'member']);
    siteId = (await makeSite(t.db)).id;
  });
  afterAll(() => t.close());
  afterEach(() => setMailer(null));

  async function submittedProposal(): Promise<string> {
    const created = await runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const submitted = await runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), proposalId: created.value.id, revision: 1 });
    expect(submitted).toMatchObject({ ok: true });
    return created.value.id;
  }
  async function submittedProposalWith(options: RunOptions): Promise<string> {
    const created = await runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId));
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), proposalId: created.value.id, revision: 1 }, options)).toMatchObject({ ok: true });
    return created.value.id;
  }
  const noticesOf = (proposalId: string) => t.db.select().from(notices).where(eq(notices.proposalId, proposalId));
  const noticeOf = async (proposalId: string, recipientId: string) =>
    (await t.db.select().from(notices).where(and(eq(notices.proposalId, proposalId), eq(notices.recipientId, recipientId))))[0]!;

  describe('notify', () => {
    it('writes nothing when the transaction that raised the notice rolls back', async () => {
      const proposalId = await submittedProposal();
      await t.db.delete(notices).where(eq(notices.proposalId, proposalId));
      await expect(
        t.db.transaction(async (tx) => {
          await notify(tx, { kind: 'vote_opened', proposalId, recipientIds: [chair.id] });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await noticesOf(proposalId)).toEqual([]);
    });

    it('writes one notice per distinct recipient with the change that caused it', async () => {
      const proposalId = await submittedProposal();
      await t.db.transaction((tx) => notify(tx, { kind: 'question_to_answer', proposalId, recipientIds: [technician.id, technician.id] }));
      const rows = (await noticesOf(proposalId)).filter((n) => n.kind === 'question_to_answer');
      expect(rows).toMatchObject([{ recipientId: technician.id, readAt: null, emailedAt: null }]);
    });

    it('refuses a convocation without its session and a file notice without its file', async () => {
      await expect(t.db.transaction((tx) => notify(tx, { kind: 'convocation', sessionId: '', recipientIds: [chair.id] }))).rejects.toThrow(/sessionId/);
      await expect(t.db.transaction((tx) => notify(tx, { kind: 'vote_opened', proposalId: '', recipientIds: [chair.id] }))).rejects.toThrow(/proposalId/);
    });
  });

  describe('submitting a proposal', () => {
    it('tells each active prevention officer once, and nobody else', async () => {
      const proposalId = await submittedProposal();
      const rows = await noticesOf(proposalId);
      expect(rows.map((n) => n.recipientId).sort()).toEqual(officers.map((o) => o.id).sort());
      expect(rows.every((n) => n.kind === 'diagnostic_to_carry_out' && n.readAt === null)).toBe(true);
      expect(rows.some((n) => n.recipientId === retired.id)).toBe(false);
    });

    it('tells nobody when the submission is refused', async () => {
      const created = await runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId));
      if (!created.ok) throw new Error(JSON.stringify(created));
      const refused = await runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), retentionDays: 45, proposalId: created.value.id, revision: 1 });
      expect(refused).toMatchObject({ ok: false, code: 'invalid' });
      expect(await noticesOf(created.value.id)).toEqual([]);
    });
  });

  describe('reading', () => {
    it('marks one notice read for its recipient only; another person’s notice is not_found', async () => {
      const proposalId = await submittedProposal();
      const [mine, theirs] = [await noticeOf(proposalId, officers[0]!.id), await noticeOf(proposalId, officers[1]!.id)];
      expect(await runCommand(t.db, COMMANDS.markNoticeRead, officers[0]!.id, { noticeId: theirs.id })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await runCommand(t.db, COMMANDS.markNoticeRead, officers[0]!.id, { noticeId: mine.id })).toMatchObject({ ok: true });
      expect((await noticeOf(proposalId, officers[0]!.id)).readAt).toBeInstanceOf(Date);
      expect((await noticeOf(proposalId, officers[1]!.id)).readAt).toBeNull();
      // Marking it again keeps the first reading's date.
      const firstRead = (await noticeOf(proposalId, officers[0]!.id)).readAt;
      expect(await runCommand(t.db, COMMANDS.markNoticeRead, officers[0]!.id, { noticeId: mine.id })).toMatchObject({ ok: true });
      expect((await noticeOf(proposalId, officers[0]!.id)).readAt).toEqual(firstRead);
    });

    it('marks all of one’s own notices read, up to the newest the page showed', async () => {
      const reader = await makeUser(t.db, ['member']);
      const other = await makeUser(t.db, ['member']);
      const proposalId = await submittedProposal();
      for (const kind of ['vote_opened', 'decision_on_your_file'] as const) {
        await t.db.transaction((tx) => notify(tx, { kind, proposalId, recipientIds: [reader.id, other.id] }));
        await clockTick();
      }
      const shown = await listNotices(t.db, reader.id);
      expect(shown).toMatchObject({ total: 2, unread: 2 });
      expect(shown.items.map((n) => n.kind)).toEqual(['decision_on_your_file', 'vote_opened']);
      // A notice that arrives after the page was drawn stays unread.
      await t.db.transaction((tx) => notify(tx, { kind: 'question_to_answer', proposalId, recipientIds: [reader.id] }));

      const othersNewest = (await listNotices(t.db, other.id)).items[0]!.id;
      expect(await runCommand(t.db, COMMANDS.markAllNoticesRead, reader.id, { newestId: othersNewest })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await runCommand(t.db, COMMANDS.markAllNoticesRead, reader.id, { newestId: shown.items[0]!.id })).toEqual({ ok: true, value: { marked: 2 } });

      expect(await countUnreadNotices(t.db, reader.id)).toBe(1);
      expect((await listNotices(t.db, reader.id)).items.map((n) => [n.kind, n.readAt === null])).toEqual([
        ['question_to_answer', true],
        ['decision_on_your_file', false],
        ['vote_opened', false],
      ]);
      expect(await countUnreadNotices(t.db, other.id)).toBe(2);
    });

    it('lists newest first, a page at a time, with the file each notice is about', async () => {
      const reader = await makeUser(t.db, ['member']);
      const proposalId = await submittedProposal();
      for (const kind of ['vote_opened', 'question_to_answer', 'decision_on_your_file'] as const) {
        await t.db.transaction((tx) => notify(tx, { kind, proposalId, recipientIds: [reader.id] }));
        await clockTick();
      }
      const second = await listNotices(t.db, reader.id, '2', 2);
      expect(second).toMatchObject({ page: 2, pages: 2, total: 3, unread: 3 });
      expect(second.items).toMatchObject([{ kind: 'vote_opened', proposal: { id: proposalId, reference: expect.stringMatching(/^VIG-\d{4}$/) }, session: null }]);
    });
  });

  describe('email', () => {
    const smtp = new TestSmtpServer();
    let mail: Mailer;
    beforeAll(async () => {
      await smtp.start();
      mail = createMailer({ smtpUrl: smtp.url, from: 'Vigie <vigie@ville.test>', appUrl: 'https://vigie.ville.test/' });
    });
    afterAll(() => smtp.stop());

    it('sends nothing and changes nothing without a mail server configured', async () => {
      const proposalId = await submittedProposal();
      expect(await deliverPendingEmails(t.db, null)).toEqual({ sent: 0, failed: 0 });
      expect((await noticesOf(proposalId)).every((n) => n.emailedAt === null)).toBe(true);
    });

    it('emails each prevention officer about a submitted file, in French, once', async () => {
      setMailer(mail);
      const before = smtp.received.length;
      const proposalId = await submittedProposal();
      // runCommand delivered after the commit: the messages are already there.
      const officer = officers[0]!;
      const got = smtp.to(officer.email).slice(-1)[0]!;
      expect(smtp.received.length - before).toBeGreaterThanOrEqual(2);
      expect(got.parsed.subject).toMatch(/^Diagnostic préalable à mener sur le dossier VIG-\d{4} : Entrée du bâtiment B$/);
      expect(got.parsed.from?.value).toEqual([{ name: 'Vigie', address: 'vigie@ville.test' }]);
      expect(got.parsed.text).toContain('son diagnostic préalable est à mener');
      expect(got.parsed.text).toContain(`https://vigie.ville.test/espace/propositions/${proposalId}`);
      expect(got.parsed.html).toContain(`href="https://vigie.ville.test/espace/propositions/${proposalId}"`);
      expect(got.parsed.attachments).toEqual([]);
      expect((await noticeOf(proposalId, officer.id)).emailedAt).toBeInstanceOf(Date);
      // Delivered: a second attempt sends nothing again.
      const count = smtp.to(officer.email).length;
      await deliverPendingEmails(t.db, mail);
      expect(smtp.to(officer.email).length).toBe(count);
    });

    it('attaches the invitation to a convocation, at the session’s exact instant', async () => {
      const member = await makeUser(t.db, ['member'], { name: 'Camille Membre' });
      const [session] = await t.db
        .insert(sessions)
        .values({ scheduledAt: new Date('2026-12-03T18:30:00+01:00'), place: 'Hôtel de ville, salle du conseil', createdBy: chair.id })
        .returning();
      await t.db.transaction((tx) => notify(tx, { kind: 'convocation', sessionId: session!.id, recipientIds: [member.id] }));
      expect(await deliverPendingEmails(t.db, mail)).toMatchObject({ failed: 0 });

      const [got] = smtp.to(member.email);
      expect(got!.parsed.subject).toBe(`Convocation à la séance n°${session!.number} du comité, le 3 décembre 2026 à 18:30`);
      expect(got!.parsed.text).toContain('Bonjour Camille Membre,');
      expect(got!.parsed.text).toContain('Lieu : Hôtel de ville, salle du conseil');
      expect(got!.parsed.text).toContain(`https://vigie.ville.test/espace/seances/${session!.id}`);
      const ics = got!.parsed.attachments.find((a) => a.filename === 'convocation.ics');
      expect(ics).toBeDefined();
      const calendar = ics!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
      expect(calendar).toContain('METHOD:REQUEST');
      // 18:30 in Paris in December (UTC+1) is 17:30 UTC.
      expect(calendar).toMatch(/^DTSTART:20261203T173000Z\r?$/m);
      expect(calendar).toContain(`SUMMARY:Comité d’éthique de la vidéoprotection – séance n°${session!.number}`);
      expect(calendar).toContain('LOCATION:Hôtel de ville\\, salle du conseil');
      expect(calendar).toMatch(new RegExp(`ATTENDEE;.*mailto:${member.email}`, 'm'));
    });

    it('hands the emails to the scheduler it is given (server actions: Next’s after()), and runs them itself if that fails', async () => {
      setMailer(mail);
      const created = await runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId));
      if (!created.ok) throw new Error(JSON.stringify(created));
      const proposalId = created.value.id;
      const later: (() => Promise<void>)[] = [];
      const submit = { ...validProposal(siteId), proposalId, revision: 1 };
      expect(await runCommand(t.db, COMMANDS.submitProposal, technician.id, submit, { schedule: (work) => later.push(work) })).toMatchObject({ ok: true });
      // Committed, answered, and not sent yet.
      expect(later).toHaveLength(1);
      expect((await noticeOf(proposalId, officers[0]!.id)).emailedAt).toBeNull();
      await later[0]!();
      expect((await noticeOf(proposalId, officers[0]!.id)).emailedAt).toBeInstanceOf(Date);

      const again = await submittedProposalWith({
        schedule: () => {
          throw new Error('outside a request');
        },
      });
      expect((await noticeOf(again, officers[0]!.id)).emailedAt).toBeInstanceOf(Date);
    });

    it('fails softly while the mail server is down, and retries once it is back', async () => {
      setMailer(mail);
      await smtp.stop();
      try {
        const proposalId = await submittedProposal(); // the command still succeeds
        for (const officer of officers) expect((await noticeOf(proposalId, officer.id)).emailedAt).toBeNull();
        expect((await deliverPendingEmails(t.db, mail)).sent).toBe(0);

        await smtp.start();
        const report = await deliverPendingEmails(t.db, mail);
        expect(report.failed).toBe(0);
        for (const officer of officers) {
          expect((await noticeOf(proposalId, officer.id)).emailedAt).toBeInstanceOf(Date);
          expect(smtp.to(officer.email).some((m) => m.parsed.text?.includes(`/espace/propositions/${proposalId}`))).toBe(true);
        }
      } finally {
        await smtp.stop();
        await smtp.start();
      }
    });

    it('does not email a notice already read in the app, nor one to a deactivated account', async () => {
      const reader = await makeUser(t.db, ['member']);
      const gone = await makeUser(t.db, ['member'], { active: false });
      const proposalId = await submittedProposal();
      await t.db.transaction((tx) => notify(tx, { kind: 'vote_opened', proposalId, recipientIds: [reader.id, gone.id] }));
      const [notice] = await t.db.select().from(notices).where(and(eq(notices.recipientId, reader.id), eq(notices.proposalId, proposalId)));
      expect(await runCommand(t.db, COMMANDS.markNoticeRead, reader.id, { noticeId: notice!.id })).toMatchObject({ ok: true });
      await deliverPendingEmails(t.db, mail);
      expect(smtp.to(reader.email)).toEqual([]);
      expect(smtp.to(gone.email)).toEqual([]);
      const rows = await t.db.select().from(notices).where(inArray(notices.recipientId, [reader.id, gone.id]));
      expect(rows.every((n) => n.emailedAt === null)).toBe(true);
    });
  });
});
