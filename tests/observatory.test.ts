import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { figuresTable, importHistory, publicObservatory, siteEvaluations } from '@/db/queries/observatory';
import { auditEvents, cameras, diagnostics, observatoryFigures, observatoryImports, proposals } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { openLinkedProposal } from '@/lib/workflow/linked-proposals';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, completeDiagnostic, makeSite, makeUser, ok, signedDecision, validProposal } from './support/fixtures';

const thisYear = Number(parisDate(new Date()).slice(0, 4));
const Y = thisYear - 1;

describe.each(BACKENDS)('the observatory on %s', (backend) => {
  let t: TestDatabase;
  let officer: { id: string };
  let technician: { id: string };
  let bergeres: { id: string; name: string };
  let lorilleux: { id: string; name: string };
  let people: Awaited<ReturnType<typeof committeePeople>>;
  const totals = async () => ({
    figures: (await t.db.select({ n: count() }).from(observatoryFigures))[0]!.n,
    imports: (await t.db.select({ n: count() }).from(observatoryImports))[0]!.n,
    events: (await t.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });
  const importFile = (text: string, fileName = 'chiffres.csv', actor = officer.id) => runCommand(t.db, COMMANDS.importObservatoryFigures, actor, { fileName, text });

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    officer = await makeUser(t.db, ['diagnostician']);
    technician = await makeUser(t.db, ['technician']);
    bergeres = await makeSite(t.db, { name: 'Résidence des Bergères' });
    lorilleux = await makeSite(t.db, { name: 'Cité Lorilleux' });
    people = await committeePeople(t.db);
  });
  afterAll(() => t.close());

  it('refuses a file with one bad row whole: every problem named, nothing written, no history line', async () => {
    const before = await totals();
    const result = await importFile(`site;annee;type;nombre\nRésidence des Bergères;${Y};Vols;12\nRésidence Fantôme;${Y};Vols;3\nCité Lorilleux;${Y};Dégradations;deux\n`);
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    if (result.ok) return;
    expect(Object.values(result.fieldErrors)).toEqual([
      { key: 'observatory.csv.unknown_site', params: { line: 3, value: 'Résidence Fantôme' } },
      { key: 'observatory.csv.bad_count', params: { line: 4, value: 'deux', max: 1_000_000 } },
    ]);
    expect(await totals()).toEqual(before);
  });

  it('imports a good file: every row upserted, one history line, one audit event', async () => {
    const result = await ok(importFile(`site;annee;type;nombre\nRésidence des Bergères;${Y};Vols;12\nRésidence des Bergères;${Y};Dégradations;3\nCité Lorilleux;${Y - 1};theft;0\n`, 'observatoire-2025.csv'));
    expect(result.rows).toBe(3);
    const history = await importHistory(t.db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fileName: 'observatoire-2025.csv', rowCount: 3, summary: { yearFrom: Y - 1, yearTo: Y, sites: 2, added: 3, replaced: 0 } });
    const lines = await figuresTable(t.db);
    expect(lines.find((l) => l.siteId === bergeres.id && l.year === Y)).toMatchObject({ counts: { theft: 12, vandalism: 3 }, source: 'observatoire-2025.csv' });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'figures.imported'));
    expect(event).toMatchObject({ actorId: officer.id, entityType: 'observatory_import', entityId: result.importId });
  });

  it('replaces the figures a later file names and says so in the history', async () => {
    await ok(importFile(`site;annee;type;nombre\nRésidence des Bergères;${Y};Vols;15\n`, 'correction.csv'));
    const [row] = await t.db.select().from(observatoryFigures).where(and(eq(observatoryFigures.siteId, bergeres.id), eq(observatoryFigures.year, Y), eq(observatoryFigures.factType, 'theft')));
    expect(row!.count).toBe(15);
    expect((await importHistory(t.db))[0]).toMatchObject({ fileName: 'correction.csv', summary: { added: 0, replaced: 1 } });
  });

  it('property: any file either imports wholly or changes nothing', async () => {
    const cell = fc.constantFrom('Résidence des Bergères', 'Cité Lorilleux', 'Inconnue', String(Y), String(Y - 2), '1989', 'Vols', 'Dégradations', 'assault', 'Braquage', '0', '7', '-1', '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 6 }), async (rows) => {
        const text = ['site;annee;type;nombre', ...rows.map((r) => r.join(';'))].join('\n');
        const before = await t.db.select().from(observatoryFigures);
        const imports = (await totals()).imports;
        const result = await importFile(text, 'propriete.csv');
        const after = await t.db.select().from(observatoryFigures);
        if (result.ok) {
          expect((await totals()).imports).toBe(imports + 1);
          // Every row of the file is now in the table, with its count and this import.
          for (const r of rows) {
            const site = r[0] === 'Cité Lorilleux' ? lorilleux.id : bergeres.id;
            const found = after.find((f) => f.siteId === site && f.year === Number(r[1]));
            expect(found).toBeDefined();
          }
        } else {
          expect(result.code).toBe('invalid');
          expect((await totals()).imports).toBe(imports);
          const key = (f: { siteId: string; year: number; factType: string; count: number; importId: string | null }) => `${f.siteId}|${f.year}|${f.factType}|${f.count}|${f.importId}`;
          expect(after.map(key).sort()).toEqual(before.map(key).sort());
        }
      }),
      { numRuns: 15 },
    );
  });

  it('refuses a file that is not text or too big with a clear reason', async () => {
    expect(await importFile('site;annee;type;nombre\n\u0000')).toMatchObject({ ok: false, fieldErrors: { 'csv.0': { key: 'observatory.csv.not_text' } } });
    expect(await importFile('x'.repeat(900_001))).toMatchObject({ ok: false, fieldErrors: { text: 'validation.csv_too_big' } });
    expect(await importFile('')).toMatchObject({ ok: false, fieldErrors: { 'csv.0': { key: 'observatory.csv.empty' } } });
  });

  it('is the prevention officer’s: others are refused', async () => {
    expect(await importFile(`site;annee;type;nombre\nCité Lorilleux;${Y};Vols;1\n`, 'x.csv', technician.id)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('enters every type of one site and year at once; a blank removes a figure', async () => {
    const counts = { drug_trafficking: '2', assault: '', burglary: '0', theft: '1 000', vandalism: '', nuisance: '', fly_tipping: '', other: '' };
    expect(await ok(runCommand(t.db, COMMANDS.enterObservatoryFigures, officer.id, { siteId: lorilleux.id, year: String(Y - 1), counts }))).toEqual({ set: 3, removed: 0 });
    const rows = await t.db.select().from(observatoryFigures).where(and(eq(observatoryFigures.siteId, lorilleux.id), eq(observatoryFigures.year, Y - 1)));
    expect(Object.fromEntries(rows.map((r) => [r.factType, r.count]))).toEqual({ drug_trafficking: 2, burglary: 0, theft: 1000 });
    expect(rows.every((r) => r.importId === null)).toBe(true);
    expect(await ok(runCommand(t.db, COMMANDS.enterObservatoryFigures, officer.id, { siteId: lorilleux.id, year: String(Y - 1), counts: { ...counts, theft: '' } }))).toEqual({ set: 2, removed: 1 });
  });

  it('refuses a future year, a negative or fractional count, an unknown site', async () => {
    const counts = { drug_trafficking: '', assault: '', burglary: '', theft: '', vandalism: '', nuisance: '', fly_tipping: '', other: '' };
    expect(await runCommand(t.db, COMMANDS.enterObservatoryFigures, officer.id, { siteId: lorilleux.id, year: String(thisYear + 1), counts })).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { year: { key: 'validation.between' } } });
    expect(await runCommand(t.db, COMMANDS.enterObservatoryFigures, officer.id, { siteId: lorilleux.id, year: String(Y), counts: { ...counts, theft: '-2', assault: '1,5' } })).toMatchObject({
      ok: false,
      fieldErrors: { 'counts.theft': { key: 'validation.between' }, 'counts.assault': 'validation.integer' },
    });
    expect(await runCommand(t.db, COMMANDS.enterObservatoryFigures, officer.id, { siteId: '00000000-0000-4000-8000-000000000000', year: String(Y), counts })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('fills a draft diagnostic’s facts from the site’s figures, and refuses when there are none', async () => {
    const { id } = await ok(runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(bergeres.id)));
    await ok(runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(bergeres.id), proposalId: id, revision: 1 }));
    const started = await ok(runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id }));
    expect(await ok(runCommand(t.db, COMMANDS.fillFactsFromObservatory, officer.id, { diagnosticId: started.id, revision: 1 }))).toMatchObject({ rows: 2 });
    const [d] = await t.db.select().from(diagnostics).where(eq(diagnostics.id, started.id));
    expect(d!.delinquencyFacts).toEqual([
      { type: 'theft', year: Y, count: 15 },
      { type: 'vandalism', year: Y, count: 3 },
    ]);
    expect(d!.revision).toBe(2);
    // A stale form (revision 1) is refused.
    expect(await runCommand(t.db, COMMANDS.fillFactsFromObservatory, officer.id, { diagnosticId: started.id, revision: 1 })).toMatchObject({ ok: false, code: 'conflict:stale_version' });

    const empty = await makeSite(t.db, { name: 'Résidence sans chiffres' });
    const other = await ok(runCommand(t.db, COMMANDS.createProposal, technician.id, validProposal(empty.id)));
    await ok(runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(empty.id), proposalId: other.id, revision: 1 }));
    const d2 = await ok(runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: other.id }));
    expect(await runCommand(t.db, COMMANDS.fillFactsFromObservatory, officer.id, { diagnosticId: d2.id, revision: 1 })).toMatchObject({ ok: false, code: 'conflict:state', fieldErrors: { _form: 'observatory.diagnostic.noFigures' } });
  });

  it('a re-review’s diagnostic cannot be concluded without the before/after comparison; other kinds are not asked', async () => {
    const site = await makeSite(t.db, { name: 'Résidence du réexamen' });
    const { decisionId } = await signedDecision(t.db, people, site.id);
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    // The re-review as the reminders job opens it (submitted, linked to the decision).
    const { id } = await t.db.transaction((tx) => openLinkedProposal(tx, { sourceDecisionId: decisionId, kind: 're_review', authorId: technician.id, openedBy: null }));
    expect((await t.db.select({ kind: proposals.kind }).from(proposals).where(eq(proposals.id, id)))[0]!.kind).toBe('re_review');
    const started = await ok(runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id }));
    const refused = await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), diagnosticId: started.id, revision: 1, confirmed: true });
    expect(refused).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { evaluationComparison: 'validation.evaluation_comparison_required' } });
    const [still] = await t.db.select().from(diagnostics).where(eq(diagnostics.id, started.id));
    expect(still!.state).toBe('draft');
    // Blank text is no comparison either.
    expect(await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), evaluationComparison: '   ', diagnosticId: started.id, revision: 1, confirmed: true })).toMatchObject({ ok: false, code: 'invalid' });
    await ok(runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), evaluationComparison: 'Avant : 30 faits ; après : 18.', diagnosticId: started.id, revision: 1, confirmed: true }));
    const [done] = await t.db.select().from(diagnostics).where(eq(diagnostics.id, started.id));
    expect(done).toMatchObject({ state: 'concluded', evaluationComparison: 'Avant : 30 faits ; après : 18.' });
  });

  it('evaluates a site with cameras in service against the sites without, and the public read gives sums only', async () => {
    const equipped = await makeSite(t.db, { name: 'Résidence équipée' });
    const { proposalId, decisionId } = await signedDecision(t.db, people, equipped.id);
    // Not yet published: not "in service" for the evaluation.
    const commissioned = `${Y - 3}-05-10`;
    await t.db.update(cameras).set({ commissionedOn: commissioned }).where(eq(cameras.proposalId, proposalId));
    expect((await siteEvaluations(t.db)).map((e) => e.siteId)).not.toContain(equipped.id);
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    const rowsFor = (siteId: string, years: number[], count: number) => years.map((year) => `${siteId};${year};Dégradations;${count}`);
    await ok(importFile(['site;annee;type;nombre', ...rowsFor(equipped.id, [Y - 6, Y - 5, Y - 4], 20), ...rowsFor(equipped.id, [Y - 3], 99), ...rowsFor(equipped.id, [Y - 2, Y - 1, Y], 10), ...rowsFor(lorilleux.id, [Y - 6, Y - 4, Y - 2, Y], 6)].join('\n')));
    const [e] = await siteEvaluations(t.db, equipped.id);
    expect(e).toMatchObject({ siteId: equipped.id, commissionedOn: commissioned, commissionedYear: Y - 3, beforeYears: [Y - 6, Y - 5, Y - 4], afterYears: [Y - 2, Y - 1, Y] });
    expect(e!.site.before.total).toBe(60);
    expect(e!.site.after.total).toBe(30);
    expect(e!.site.after.notYet).toEqual([]);
    // The sites without cameras: the other sites of this database (their imported figures included).
    expect(e!.comparison.siteCount).toBeGreaterThanOrEqual(2);
    expect(e!.comparison.before.byType.vandalism).toBeGreaterThanOrEqual(12);

    const pub = await publicObservatory(t.db, Y);
    expect(pub.years).toEqual([Y - 4, Y - 3, Y - 2, Y - 1, Y]);
    const last = pub.byYear.find((b) => b.year === Y)!;
    expect(last.withCameras).toBe(10);
    expect(last.withCameras + last.withoutCameras).toBe(Object.values(last.byType).reduce((a, b) => a + b, 0));
    expect(pub.evaluation).toMatchObject({ sites: 1, siteBefore: { total: 60 }, siteAfter: { total: 30 } });
    // Nothing in the public read names a site.
    expect(JSON.stringify(pub)).not.toContain(equipped.id);
  });
});
