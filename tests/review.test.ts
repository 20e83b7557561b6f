import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, deliberationMessages, infoRequests, notices, proposals } from '@/db/schema';
import { getProposal } from '@/db/queries/proposals';
import { deliberationFor, infoRequestsFor } from '@/db/queries/review';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { completeDiagnostic, makeSite, makeUser, validProposal } from './support/fixtures';

type Id = { id: string };
const R = 'committee.refusals.';

describe.each(BACKENDS)('the committee review of a file on %s', (backend) => {
  let t: TestDatabase;
  let chair: Id;
  let member: Id;
  let conflicted: Id;
  let technician: Id;
  /** A technician who also sits on the committee: recused on their own files. */
  let authorMember: Id;
  let otherTechnician: Id;
  let officer: Id;
  let admin: Id;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    chair = await makeUser(t.db, ['chair', 'member']);
    member = await makeUser(t.db, ['member']);
    conflicted = await makeUser(t.db, ['member']);
    technician = await makeUser(t.db, ['technician']);
    authorMember = await makeUser(t.db, ['technician', 'member']);
    otherTechnician = await makeUser(t.db, ['technician']);
    officer = await makeUser(t.db, ['diagnostician']);
    admin = await makeUser(t.db, ['admin']);
    siteId = (await makeSite(t.db)).id;
  });
  afterAll(() => t.close());

  const ok = async <V,>(promise: Promise<{ ok: true; value: V } | { ok: false; code: string; fieldErrors: unknown }>): Promise<V> => {
    const result = await promise;
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
    return result.value;
  };
  const actor = async (who: Id): Promise<Actor> => (await loadActor(t.db, who.id))!;
  const stateOf = async (id: string) => (await t.db.select({ state: proposals.state }).from(proposals).where(eq(proposals.id, id)))[0]!.state;

  /** A file by `author`, through its diagnostic; scheduled for review unless `schedule` is false. */
  async function file(author: Id = technician, { schedule = true } = {}): Promise<string> {
    const { id } = await ok(runCommand(t.db, COMMANDS.createProposal, author.id, validProposal(siteId)));
    await ok(runCommand(t.db, COMMANDS.submitProposal, author.id, { ...validProposal(siteId), proposalId: id, revision: 1 }));
    const started = await ok(runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id }));
    await ok(runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), diagnosticId: started.id, revision: 1, confirmed: true }));
    if (schedule) await ok(runCommand(t.db, COMMANDS.scheduleReview, chair.id, { proposalId: id, confirmed: true }));
    return id;
  }

  describe('deliberation', () => {
    it('is posted by members and the chair, recorded, and read by committee members only, oldest first', async () => {
      const id = await file();
      const first = await ok(runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: id, body: '  Le masquage de la porte me paraît suffisant.  ' }));
      await ok(runCommand(t.db, COMMANDS.postDeliberation, chair.id, { proposalId: id, body: 'Demandons le bilan de l’éclairage.' }));

      const [stored] = await t.db.select().from(deliberationMessages).where(eq(deliberationMessages.id, first.id));
      expect(stored).toMatchObject({ proposalId: id, authorId: member.id, body: 'Le masquage de la porte me paraît suffisant.' });
      const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'deliberation.posted'), eq(auditEvents.entityId, id)));
      expect(event).toMatchObject({ entityType: 'proposal', actorId: member.id, details: { messageId: first.id } });

      const read = await deliberationFor(t.db, await actor(member), id);
      expect(read).toMatchObject({ recusal: null, canPost: true });
      expect(read!.messages.map((m) => m.body)).toEqual(['Le masquage de la porte me paraît suffisant.', 'Demandons le bilan de l’éclairage.']);
      expect(read!.messages[0]!.authorName).toBeTruthy();
      expect((await deliberationFor(t.db, await actor(chair), id))!.messages).toHaveLength(2);
      // Not the author, not the prevention officer, not the admin: all of them may see the file itself.
      for (const outsider of [technician, officer, admin]) expect(await deliberationFor(t.db, await actor(outsider), id)).toBeNull();
      // Nor anybody who may not see the file at all.
      expect(await deliberationFor(t.db, await actor(otherTechnician), id)).toBeNull();
      // The file's history shows the committee that a message was posted, and nobody else.
      const posted = async (who: Id) => (await getProposal(t.db, await actor(who), id))!.timeline.filter((e) => e.action === 'deliberation.posted').length;
      expect(await posted(member)).toBe(2);
      for (const outsider of [technician, officer, admin]) expect(await posted(outsider)).toBe(0);
    });

    it('is refused to roles outside the committee, whatever they may read', async () => {
      const id = await file();
      for (const outsider of [technician, officer, admin]) {
        expect(await runCommand(t.db, COMMANDS.postDeliberation, outsider.id, { proposalId: id, body: 'Avis' })).toMatchObject({ ok: false, code: 'forbidden' });
      }
      expect(await t.db.$count(deliberationMessages, eq(deliberationMessages.proposalId, id))).toBe(0);
    });

    it('is refused to a recused member: the author holding a member role, a member who declared a conflict', async () => {
      const own = await file(authorMember);
      expect(await runCommand(t.db, COMMANDS.postDeliberation, authorMember.id, { proposalId: own, body: 'Mon avis' })).toEqual({
        ok: false,
        code: 'forbidden',
        fieldErrors: { _form: { key: `${R}recused_deliberation`, params: { reason: 'author' } } },
      });
      expect(await deliberationFor(t.db, await actor(authorMember), own)).toEqual({ state: 'under_review', recusal: 'author', messages: [], canPost: false });

      const id = await file();
      await ok(runCommand(t.db, COMMANDS.postDeliberation, conflicted.id, { proposalId: id, body: 'Avant ma déclaration.' }));
      await ok(runCommand(t.db, COMMANDS.declareConflict, conflicted.id, { proposalId: id, reason: 'Je travaille pour le bailleur.' }));
      expect(await runCommand(t.db, COMMANDS.postDeliberation, conflicted.id, { proposalId: id, body: 'Après.' })).toMatchObject({
        code: 'forbidden',
        fieldErrors: { _form: { key: `${R}recused_deliberation`, params: { reason: 'conflict' } } },
      });
      // Recused from now on: the deliberation is no longer shown to them either.
      expect(await deliberationFor(t.db, await actor(conflicted), id)).toMatchObject({ recusal: 'conflict', messages: [] });
      expect(await t.db.$count(deliberationMessages, eq(deliberationMessages.proposalId, id))).toBe(1);
    });

    it('is open from "diagnosed" until the vote closes, not before nor after', async () => {
      const diagnosed = await file(technician, { schedule: false });
      await ok(runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: diagnosed, body: 'Prêt pour le comité.' }));
      const id = await file();
      await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Quel éclairage ?' }));
      await ok(runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: id, body: 'En attendant la réponse.' }));
      await ok(runCommand(t.db, COMMANDS.withdrawProposal, technician.id, { proposalId: id, reason: 'Abandon du projet.', confirmed: true }));
      expect(await runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: id, body: 'Trop tard.' })).toEqual({
        ok: false,
        code: 'conflict:state',
        fieldErrors: { _form: `${R}deliberation_closed` },
      });
      expect((await deliberationFor(t.db, await actor(member), id))!.canPost).toBe(false);
    });

    it('is not found on a file the member may not see yet, and needs a text of 1 to 5 000 characters', async () => {
      const { id } = await ok(runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(siteId)));
      expect(await runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: id, body: 'Avis' })).toMatchObject({ code: 'not_found' });
      const reviewed = await file();
      expect(await runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: reviewed, body: '   ' })).toMatchObject({ code: 'invalid', fieldErrors: { body: 'validation.required' } });
      expect(await runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: reviewed, body: 'x'.repeat(5001) })).toMatchObject({
        code: 'invalid',
        fieldErrors: { body: { key: 'validation.too_long', params: { max: 5000 } } },
      });
      await ok(runCommand(t.db, COMMANDS.postDeliberation, member.id, { proposalId: reviewed, body: 'x'.repeat(5000) }));
    });
  });

  describe('questions to the technician', () => {
    it('the chair asks, the file waits; the author answers, the file is back under review; both are kept', async () => {
      const id = await file();
      const asked = await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'L’éclairage renforcé a-t-il été évalué ?' }));
      expect(await stateOf(id)).toBe('info_requested');
      // The author has a question to answer, in their notices.
      const told = await t.db.select().from(notices).where(and(eq(notices.proposalId, id), eq(notices.kind, 'question_to_answer')));
      expect(told.map((n) => n.recipientId)).toEqual([technician.id]);
      const [askEvent] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'proposal.requestInfo'), eq(auditEvents.entityId, id)));
      expect(askEvent).toMatchObject({ actorId: chair.id, fromState: 'under_review', toState: 'info_requested', reason: 'L’éclairage renforcé a-t-il été évalué ?' });

      const answered = await ok(runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: asked.id, answer: 'Oui : effet la nuit seulement.' }));
      expect(answered).toEqual({ answered: 1 });
      expect(await stateOf(id)).toBe('under_review');
      const [answerEvent] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'proposal.answerInfo'), eq(auditEvents.entityId, id)));
      expect(answerEvent).toMatchObject({ actorId: technician.id, fromState: 'info_requested', toState: 'under_review', reason: 'Oui : effet la nuit seulement.' });

      // A second round: both questions and answers stay in the file, oldest first, for everyone who may see it.
      const again = await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Et le digicode ?' }));
      for (const reader of [technician, chair, member, officer, admin]) {
        const read = await infoRequestsFor(t.db, await actor(reader), id);
        expect(read!.requests.map((r) => [r.question, r.answer])).toEqual([
          ['L’éclairage renforcé a-t-il été évalué ?', 'Oui : effet la nuit seulement.'],
          ['Et le digicode ?', null],
        ]);
      }
      expect(await infoRequestsFor(t.db, await actor(otherTechnician), id)).toBeNull();
      const [open] = await t.db.select().from(infoRequests).where(eq(infoRequests.id, again.id));
      expect(open).toMatchObject({ answer: null, answeredBy: null, answeredAt: null });
      // The first answer cannot be given again to the new question's place.
      expect(await runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: asked.id, answer: 'Encore' })).toMatchObject({
        code: 'conflict:state',
        fieldErrors: { _form: `${R}already_answered` },
      });
    });

    it('only a file under review takes a question, and only from the chair', async () => {
      const diagnosed = await file(technician, { schedule: false });
      expect(await runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: diagnosed, question: 'Trop tôt ?' })).toMatchObject({ code: 'conflict:state' });
      const id = await file();
      for (const other of [member, technician, officer, admin]) {
        expect(await runCommand(t.db, COMMANDS.requestInfo, other.id, { proposalId: id, question: 'Question ?' })).toMatchObject({ code: 'forbidden' });
      }
      await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Première ?' }));
      // Already waiting for an answer: not a second question at once.
      expect(await runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Deuxième ?' })).toMatchObject({ code: 'conflict:state' });
      expect(await t.db.$count(infoRequests, eq(infoRequests.proposalId, id))).toBe(1);
      expect(await stateOf(diagnosed)).toBe('diagnosed');
    });

    it('only the author answers: another technician does not find the file, a technician-member who sees it is forbidden', async () => {
      const id = await file();
      const asked = await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Combien de caméras ?' }));
      const input = { proposalId: id, requestId: asked.id, answer: 'Une seule.' };
      expect(await runCommand(t.db, COMMANDS.answerInfo, otherTechnician.id, input)).toMatchObject({ code: 'not_found' });
      // A technician who also sits on the committee may read the file, but is not its author.
      expect(await runCommand(t.db, COMMANDS.answerInfo, authorMember.id, input)).toMatchObject({ code: 'forbidden', fieldErrors: { _form: 'lifecycle.not_author' } });
      expect(await runCommand(t.db, COMMANDS.answerInfo, chair.id, input)).toMatchObject({ code: 'forbidden' });
      expect(await stateOf(id)).toBe('info_requested');
      const [row] = await t.db.select().from(infoRequests).where(eq(infoRequests.id, asked.id));
      expect(row!.answer).toBeNull();
    });

    it('refuses empty texts, an unknown question, and an answer when none is awaited', async () => {
      const id = await file();
      expect(await runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: ' ' })).toMatchObject({ code: 'invalid', fieldErrors: { question: 'validation.required' } });
      expect(await stateOf(id)).toBe('under_review');
      const asked = await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: id, question: 'Quel coût ?' }));
      expect(await runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: asked.id, answer: '' })).toMatchObject({ code: 'invalid', fieldErrors: { answer: 'validation.required' } });
      // A question of another file is not this file's.
      const other = await file();
      const elsewhere = await ok(runCommand(t.db, COMMANDS.requestInfo, chair.id, { proposalId: other, question: 'Ailleurs ?' }));
      expect(await runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: elsewhere.id, answer: 'Réponse' })).toMatchObject({ code: 'not_found' });
      await ok(runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: asked.id, answer: '12 000 €.' }));
      // Back under review: nothing is awaited any more.
      expect(await runCommand(t.db, COMMANDS.answerInfo, technician.id, { proposalId: id, requestId: asked.id, answer: 'Encore' })).toMatchObject({ code: 'conflict:state' });
    });
  });
});
