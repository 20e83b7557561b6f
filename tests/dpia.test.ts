import fs from 'node:fs';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as storedFileRoute from '@/app/espace/fichiers/[id]/route';
import { readableStoredFile } from '@/db/queries/stored-files';
import { auditEvents, authorisations, diagnostics, storedFiles } from '@/db/schema';
import { loadActor, type Actor } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/session';
import { nextDay } from '@/lib/domain/authorisation';
import { MAX_DOCUMENT_BYTES } from '@/lib/domain/documents';
import { DPIA_GAPS } from '@/lib/domain/dpia';
import { DPIA_REFERENCE, PREFECTURE_FILE_DPIA_REFERENCE } from '@/lib/domain/legal';
import { parisDate } from '@/lib/domain/paris-time';
import { MESSAGES } from '@/lib/i18n/messages';
import { readDocument, storage } from '@/lib/storage';
import { resolveStorageDir } from '@/lib/storage/filesystem';
import { COMMANDS, runCommand, type CommandResult } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, completeDiagnostic, makeSite, makeUser, ok, signedDecision, validProposal } from './support/fixtures';

// The download route reads the session through next-auth: here, the person the test names (the database is real).
vi.mock('@/lib/auth/session', () => ({ currentActor: vi.fn() }));

/**
 * The impact assessment (AIPD / DPIA, GDPR art. 35) as a document and as the gate on
 * filing at the prefecture (issue 18 §3, instruction of 20 March 2024): the PDF is stored
 * through lib/storage (the filesystem store, in the run's temporary STORAGE_DIR) and read
 * back; bad files are refused with a translated message and change nothing; a file is
 * marked filed only with the assessment and the DPO's opinion, or the reasons none is
 * required, and never before the committee's vote.
 */

type Id = { id: string };
const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const today = () => parisDate(new Date());
const daysAgo = (n: number) => parisDate(new Date(Date.now() - n * 86_400_000));
/** The DPO's opinion as the completed assessment records it. */
const DPO = { dpiaStatus: 'completed', dpoOpinionOn: '2026-02-02', dpoOpinion: 'Avis favorable du délégué à la protection des données, sous réserve du masquage des fenêtres.' };

/** Whether a key has a message in French and in English. */
function translated(key: string): boolean {
  return (['fr', 'en'] as const).every((locale) => createTranslator({ locale, messages: MESSAGES[locale] }).has(key as never));
}

/** Files under the run's storage folder (the filesystem store the commands use). */
function storedBlobs(): string[] {
  const root = resolveStorageDir();
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

describe('the impact assessment’s legal basis', () => {
  it('is data, cited where the rule lives: GDPR art. 35 and the instruction of 20 March 2024', () => {
    expect(DPIA_REFERENCE.citation).toBe('RGPD, art. 35');
    expect(PREFECTURE_FILE_DPIA_REFERENCE).toMatchObject({ source: 'circular', citation: expect.stringContaining('20 mars 2024') });
  });

  it('has a translated refusal for every gap, and a message for every upload problem, in French and in English', () => {
    for (const gap of DPIA_GAPS) expect(translated(`followUp.refusals.dpia_${gap}`), gap).toBe(true);
    for (const key of ['file_required', 'file_empty', 'file_too_big', 'file_not_pdf', 'dpia_document_required', 'dpo_opinion_on_required', 'dpo_opinion_required', 'dpia_reasons_required', 'day_in_future'])
      expect(translated(`validation.${key}`), key).toBe(true);
    expect(translated('followUp.issues.filed_before_decision')).toBe(true);
  });
});

describe.each(BACKENDS)('the impact assessment on %s', (backend) => {
  let t: TestDatabase;
  let people: Awaited<ReturnType<typeof committeePeople>>;
  let siteId: string;
  let admin: Id;
  let otherTechnician: Id;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for commands of every shape
  const run = <K extends keyof typeof COMMANDS>(name: K, who: Id, input: unknown): Promise<CommandResult<any>> => runCommand(t.db, COMMANDS[name] as never, who.id, input);
  const attach = (diagnosticId: string, document: unknown = { name: 'AIPD résidence.pdf', bytes: PDF('AIPD') }, who: Id = people.officer) => run('attachDpiaDocument', who, { diagnosticId, document });
  const diagnosticRow = async (id: string) => (await t.db.select().from(diagnostics).where(eq(diagnostics.id, id)))[0]!;
  const fileCount = async () => (await t.db.select({ n: count() }).from(storedFiles))[0]!.n;

  /** A file whose one camera is in a landlord's common area: no prefectoral procedure. */
  const commonAreaProposal = () => ({
    ...validProposal(siteId),
    cameras: [{ ...validProposal(siteId).cameras[0]!, regime: 'private_common_area', placement: 'indoor', openingsInView: [] }],
    purposes: ['common_area_protection'],
  });

  /** A submitted file with its diagnostic started (a draft, revision 1). */
  async function draftDiagnostic(proposal: object = validProposal(siteId)): Promise<{ proposalId: string; diagnosticId: string }> {
    const { id } = await ok(run('createProposal', people.technician, proposal));
    await ok(run('submitProposal', people.technician, { ...proposal, proposalId: id, revision: 1 }));
    const started = await ok(run('startDiagnostic', people.officer, { proposalId: id }));
    return { proposalId: id, diagnosticId: started.id };
  }

  /** A favourable decision published in the register, its diagnostic concluded as the test says. */
  async function publishedDecision(choice: Parameters<typeof signedDecision>[3] = {}): Promise<{ proposalId: string; decisionId: string }> {
    const decision = await signedDecision(t.db, people, siteId, choice);
    await ok(run('publishDecision', people.chair, { decisionId: decision.decisionId }));
    return decision;
  }
  const filing = (decisionId: string, filedOn = today()) => ({ decisionId, revision: 0, filedOn, prefectureReference: 'PREF-92-2026-0107' });
  const filed = async (decisionId: string) => (await t.db.select().from(authorisations).where(eq(authorisations.decisionId, decisionId)))[0];

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    admin = await makeUser(t.db, ['admin']);
    otherTechnician = await makeUser(t.db, ['technician']);
    siteId = (await makeSite(t.db, { name: 'Résidence Voltaire' })).id;
  }, 120_000);
  afterAll(() => t.close());

  it('attaches the assessment to a draft diagnostic: stored, recorded, read back byte for byte, in the trail', async () => {
    const { proposalId, diagnosticId } = await draftDiagnostic();
    const bytes = PDF('Analyse d’impact de la résidence Voltaire');
    const { fileId, fileName } = await ok(attach(diagnosticId, { name: 'C:\\AIPD\\AIPD Voltaire.pdf', bytes }));
    expect(fileName).toBe('AIPD Voltaire.pdf');
    // The diagnostic names it; its revision does not move (the form beside the upload stays valid).
    expect(await diagnosticRow(diagnosticId)).toMatchObject({ dpiaDocumentId: fileId, revision: 1 });
    const [row] = await t.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
    expect(row).toMatchObject({ fileName: 'AIPD Voltaire.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, uploadedBy: people.officer.id });
    expect(await readDocument(await storage(), row!)).toEqual(bytes);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'proposal.dpia_attached'));
    expect(event).toMatchObject({ entityId: proposalId, actorId: people.officer.id, details: { version: 1, fileId, fileName: 'AIPD Voltaire.pdf', byteSize: bytes.byteLength, sha256: row!.sha256 } });
    // Saving the draft afterwards keeps it.
    await ok(run('saveDiagnostic', people.officer, { ...completeDiagnostic(), ...DPO, diagnosticId, revision: 1 }));
    expect((await diagnosticRow(diagnosticId)).dpiaDocumentId).toBe(fileId);
  });

  it('refuses a file that is not a PDF, an empty one, one too big, or none, with a translated message, and changes nothing', async () => {
    const { diagnosticId } = await draftDiagnostic();
    const before = { row: await diagnosticRow(diagnosticId), files: await fileCount(), blobs: storedBlobs().length };
    const tooBig = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    tooBig.set(PDF('big'));
    const cases: [unknown, unknown][] = [
      [{ name: 'aipd.docx', bytes: new TextEncoder().encode('PK\u0003\u0004 a Word file') }, 'validation.file_not_pdf'],
      [{ name: 'aipd.pdf', bytes: new TextEncoder().encode('<html><body>%PDF-1.7</body></html>') }, 'validation.file_not_pdf'],
      [{ name: 'aipd.pdf', bytes: new Uint8Array() }, 'validation.file_empty'],
      [{ name: 'aipd.pdf', bytes: tooBig }, { key: 'validation.file_too_big', params: { max: 10 } }],
      [undefined, 'validation.file_required'],
      ['%PDF-1.7 as text', 'validation.file_required'],
    ];
    for (const [document, message] of cases) {
      expect(await run('attachDpiaDocument', people.officer, { diagnosticId, document })).toEqual({ ok: false, code: 'invalid', fieldErrors: { document: message } });
      expect(translated(typeof message === 'string' ? message : (message as { key: string }).key)).toBe(true);
    }
    expect(await diagnosticRow(diagnosticId)).toEqual(before.row);
    expect(await fileCount()).toBe(before.files);
    expect(storedBlobs()).toHaveLength(before.blobs);
  });

  it('is attached by the prevention officer only, to a draft only', async () => {
    const { diagnosticId } = await draftDiagnostic();
    for (const who of [people.technician, people.chair, admin]) expect(await attach(diagnosticId, undefined, who)).toMatchObject({ ok: false, code: 'forbidden' });
    await ok(run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), diagnosticId, revision: 1, confirmed: true }));
    const files = await fileCount();
    expect(await attach(diagnosticId)).toMatchObject({ ok: false, code: 'conflict:state' });
    expect(await fileCount()).toBe(files);
  });

  it('concludes a completed assessment only with its document and the DPO’s opinion, a not-required one only with reasons', async () => {
    const { proposalId, diagnosticId } = await draftDiagnostic();
    const conclude = (values: Record<string, unknown>) => run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), ...values, diagnosticId, revision: 1, confirmed: true });
    expect(await conclude({ dpiaStatus: 'completed', dpiaNotRequiredReason: '' })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { dpoOpinionOn: 'validation.dpo_opinion_on_required', dpoOpinion: 'validation.dpo_opinion_required' },
    });
    // The document is checked once the form's own fields are right (it is the upload form's).
    expect(await conclude(DPO)).toEqual({ ok: false, code: 'invalid', fieldErrors: { dpiaDocument: 'validation.dpia_document_required' } });
    expect(await conclude({ ...DPO, dpoOpinionOn: nextDay(today()) })).toMatchObject({ fieldErrors: { dpoOpinionOn: 'validation.day_in_future' } });
    expect(await conclude({ ...DPO, dpoOpinionOn: '2026-02-30' })).toMatchObject({ fieldErrors: { dpoOpinionOn: 'validation.date' } });
    expect(await conclude({ dpiaStatus: 'not_required', dpiaNotRequiredReason: '  ' })).toMatchObject({ fieldErrors: { dpiaNotRequiredReason: 'validation.dpia_reasons_required' } });
    expect((await diagnosticRow(diagnosticId)).state).toBe('draft');
    // Attached, with the opinion: signed. The reasons typed earlier for "not required" are not in the signed version.
    const { fileId } = await ok(attach(diagnosticId));
    await ok(conclude(DPO));
    expect(await diagnosticRow(diagnosticId)).toMatchObject({ state: 'concluded', dpiaStatus: 'completed', dpiaDocumentId: fileId, dpoOpinionOn: DPO.dpoOpinionOn, dpoOpinion: DPO.dpoOpinion, dpiaNotRequiredReason: null });
    // A revision carries the assessment over to the new version.
    const revised = await ok(run('reviseDiagnostic', people.officer, { proposalId }));
    expect(await diagnosticRow(revised.id)).toMatchObject({ state: 'draft', dpiaStatus: 'completed', dpiaDocumentId: fileId, dpoOpinionOn: DPO.dpoOpinionOn });
  });

  it('signs only what the status says: no document nor DPO opinion beside "planned" or "not required"', async () => {
    // A landlord's common-area file: the only kind that may be signed with an assessment still planned.
    const { diagnosticId } = await draftDiagnostic(commonAreaProposal());
    await ok(attach(diagnosticId));
    await ok(run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), ...DPO, dpiaStatus: 'planned', diagnosticId, revision: 1, confirmed: true }));
    expect(await diagnosticRow(diagnosticId)).toMatchObject({ state: 'concluded', dpiaStatus: 'planned', dpiaDocumentId: null, dpoOpinionOn: null, dpoOpinion: null, dpiaNotRequiredReason: null });
  });

  describe('the gate on filing at the prefecture (instruction of 20 March 2024)', () => {
    it('is not signed with an assessment only planned or in progress when the prefect must authorise the file, but is for a landlord’s common area', async () => {
      for (const dpiaStatus of ['planned', 'in_progress']) {
        const { diagnosticId } = await draftDiagnostic();
        const refused = await run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), dpiaStatus, diagnosticId, revision: 1, confirmed: true });
        expect(refused).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { dpiaStatus: 'validation.dpia_unsettled_prefectoral' } });
        expect(translated('validation.dpia_unsettled_prefectoral')).toBe(true);
        expect((await diagnosticRow(diagnosticId)).state).toBe('draft');
      }
      const { diagnosticId } = await draftDiagnostic(commonAreaProposal());
      await ok(run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), dpiaStatus: 'planned', dpiaNotRequiredReason: '', diagnosticId, revision: 1, confirmed: true }));
    });

    it('refuses a file whose assessment is only planned or in progress (signed before that rule), with the translated reason, and writes nothing', async () => {
      for (const dpiaStatus of ['planned', 'in_progress'] as const) {
        const { decisionId, proposalId } = await publishedDecision();
        // Concluded before the rule above: the read-only guard is lifted for this one write, in one transaction.
        await t.db.transaction(async (tx) => {
          await tx.execute(sql`ALTER TABLE diagnostics DISABLE TRIGGER diagnostic_read_only`);
          await tx.update(diagnostics).set({ dpiaStatus, dpiaNotRequiredReason: null }).where(eq(diagnostics.proposalId, proposalId));
          await tx.execute(sql`ALTER TABLE diagnostics ENABLE TRIGGER diagnostic_read_only`);
        });
        const refused = await run('recordAuthorisationFiling', people.officer, filing(decisionId));
        expect(refused).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.dpia_not_finished' } });
        expect(translated('followUp.refusals.dpia_not_finished')).toBe(true);
        expect(await filed(decisionId)).toBeUndefined();
      }
    });

    it('files a file whose assessment is completed with its document and the DPO’s opinion, or not required with reasons', async () => {
      const completed = await publishedDecision({ diagnostic: DPO, beforeConclusion: (diagnosticId) => ok(attach(diagnosticId)) });
      await ok(run('recordAuthorisationFiling', people.officer, filing(completed.decisionId)));
      expect(await filed(completed.decisionId)).toMatchObject({ filedOn: today(), prefectureReference: 'PREF-92-2026-0107' });
      const notRequired = await publishedDecision();
      await ok(run('recordAuthorisationFiling', admin, filing(notRequired.decisionId)));
      expect(await filed(notRequired.decisionId)).toMatchObject({ filedOn: today() });
    });

    it('reads the latest concluded version, however it was written: a completed assessment without its document is refused', async () => {
      const { proposalId, decisionId } = await publishedDecision();
      // A version written behind the app (data from before the rule): "completed", nothing attached, no opinion.
      await t.db.insert(diagnostics).values({ proposalId, version: 2, state: 'concluded', conclusion: 'opportune', dpiaStatus: 'completed', startedBy: people.officer.id, signedBy: people.officer.id, signedAt: new Date() });
      expect(await run('recordAuthorisationFiling', people.officer, filing(decisionId))).toEqual({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'followUp.refusals.dpia_document' } });
      expect(await filed(decisionId)).toBeUndefined();
    });

    it('refuses a filing dated before the committee’s vote (its Paris day), and takes one on that day', async () => {
      // 23:30 UTC is already the next day in Paris, summer or winter.
      const votedUtcDay = daysAgo(20);
      const { decisionId } = await publishedDecision({ votedAt: new Date(`${votedUtcDay}T23:30:00Z`) });
      const votedParisDay = nextDay(votedUtcDay);
      for (const day of [daysAgo(60), votedUtcDay]) {
        expect(await run('recordAuthorisationFiling', people.officer, filing(decisionId, day))).toEqual({ ok: false, code: 'invalid', fieldErrors: { filedOn: 'followUp.issues.filed_before_decision' } });
      }
      expect(await filed(decisionId)).toBeUndefined();
      await ok(run('recordAuthorisationFiling', people.officer, filing(decisionId, votedParisDay)));
      expect(await filed(decisionId)).toMatchObject({ filedOn: votedParisDay });
    });
  });

  describe('reading the stored assessment', () => {
    let fileId: string;
    let proposalId: string;
    let diagnosticId: string;
    const actor = async (who: Id): Promise<Actor> => (await loadActor(t.db, who.id))!;
    const readable = async (who: Id, id = fileId) => (await readableStoredFile(t.db, await actor(who), id))?.id ?? null;
    const download = async (who: Id | null, id = fileId) => {
      vi.mocked(currentActor).mockResolvedValue(who ? await actor(who) : null);
      return storedFileRoute.GET(new Request(`http://vigie.test/espace/fichiers/${id}`), { params: Promise.resolve({ id }) });
    };

    beforeAll(async () => {
      ({ proposalId, diagnosticId } = await draftDiagnostic());
      fileId = (await ok(attach(diagnosticId, { name: 'AIPD « Voltaire » été.pdf', bytes: PDF('à lire') }))).fileId;
      (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
    });
    afterAll(() => {
      (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    });

    it('is for those who may read the diagnostic: its draft for the prevention officers, the concluded version for the file’s readers', async () => {
      expect(await readable(people.officer)).toBe(fileId);
      // A draft diagnostic is the prevention officers' working document: not the author's, not the committee's yet.
      expect(await readable(people.technician)).toBeNull();
      expect(await readable(people.chair)).toBeNull();
      expect(await readable(otherTechnician)).toBeNull();
      await ok(run('concludeDiagnostic', people.officer, { ...completeDiagnostic(), ...DPO, diagnosticId, revision: 1, confirmed: true }));
      expect(await readable(people.technician)).toBe(fileId);
      expect(await readable(people.chair)).toBe(fileId);
      expect(await readable(people.members[0]!)).toBe(fileId);
      expect(await readable(admin)).toBe(fileId);
      // Another technician never learns the file exists.
      expect(await readable(otherTechnician)).toBeNull();
      expect(proposalId).toBeTruthy();
    });

    it('is served by the route handler as an attachment, checked, to its readers only', async () => {
      const answer = await download(people.technician);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="AIPD _ Voltaire _ ete.pdf"; filename*=UTF-8''${encodeURIComponent('AIPD « Voltaire » été.pdf')}`);
      expect(new Uint8Array(await answer.arrayBuffer())).toEqual(PDF('à lire'));
      expect((await download(otherTechnician)).status).toBe(404);
      expect((await download(people.officer, crypto.randomUUID())).status).toBe(404);
      expect((await download(people.officer, 'not-an-id')).status).toBe(404);
      expect((await download(null)).status).toBe(401);
    });

    it('is never served once its bytes were altered in the store', async () => {
      const [row] = await t.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
      const store = await storage();
      const original = (await store.get(row!.storageKey))!;
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await store.put(row!.storageKey, PDF('à lirE'), 'application/pdf');
        expect((await download(people.officer)).status).toBe(500);
        expect(errors).toHaveBeenCalledWith(expect.stringContaining(`stored file ${fileId}`), expect.stringContaining('altered'));
      } finally {
        errors.mockRestore();
        await store.put(row!.storageKey, original, 'application/pdf');
      }
      expect((await download(people.officer)).status).toBe(200);
    });
  });
});
