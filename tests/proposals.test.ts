import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cameras, diagnostics, proposals } from '@/db/schema';
import { PURPOSES } from '@/lib/domain/legal';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { completeDiagnostic, makeSite, makeUser, validProposal } from './support/fixtures';

describe.each(BACKENDS)('proposals and diagnostics on %s', (backend) => {
  let t: TestDatabase;
  let technician: { id: string };
  let colleague: { id: string };
  let officer: { id: string };
  let member: { id: string };
  let chair: { id: string };
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    technician = await makeUser(t.db, ['technician']);
    colleague = await makeUser(t.db, ['technician']);
    officer = await makeUser(t.db, ['diagnostician']);
    member = await makeUser(t.db, ['member']);
    chair = await makeUser(t.db, ['chair', 'member']);
    siteId = (await makeSite(t.db)).id;
  });
  afterAll(() => t.close());

  /** Everything a refused command must leave untouched. */
  const snapshot = async (proposalId: string) => ({
    proposal: (await t.db.select().from(proposals).where(eq(proposals.id, proposalId)))[0],
    cameras: await t.db.select().from(cameras).where(eq(cameras.proposalId, proposalId)).orderBy(cameras.position),
    diagnostics: await t.db.select().from(diagnostics).where(eq(diagnostics.proposalId, proposalId)).orderBy(diagnostics.version),
    events: (await t.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, proposalId)))[0]!.n,
  });

  async function draft(overrides: Record<string, unknown> = {}) {
    const result = await runCommand(t.db, COMMANDS.createProposal, technician.id, { ...validProposal(siteId), ...overrides });
    if (!result.ok) throw new Error(`createProposal failed: ${JSON.stringify(result)}`);
    return result.value.id;
  }
  const submit = (proposalId: string, revision = 1, overrides = {}) =>
    runCommand(t.db, COMMANDS.submitProposal, technician.id, { ...validProposal(siteId), ...overrides, proposalId, revision });
  async function submitted() {
    const id = await draft();
    expect(await submit(id)).toMatchObject({ ok: true });
    return id;
  }
  async function inDiagnostic() {
    const id = await submitted();
    const started = await runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id });
    if (!started.ok) throw new Error(JSON.stringify(started));
    return { id, diagnosticId: started.value.id };
  }
  async function diagnosed() {
    const { id, diagnosticId } = await inDiagnostic();
    expect(await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), diagnosticId, revision: 1, confirmed: true })).toMatchObject({ ok: true });
    return { id, diagnosticId };
  }

  describe('drafting', () => {
    it('saves an incomplete draft any time, with its cameras', async () => {
      const result = await runCommand(t.db, COMMANDS.createProposal, technician.id, { siteId, title: 'Parking', retentionDays: '45', cameras: [{ latitude: '48,88' }] });
      expect(result).toMatchObject({ ok: true });
      const { proposal, cameras: saved } = await snapshot(result.ok ? result.value.id : '');
      expect(proposal).toMatchObject({ state: 'draft', retentionDays: 45, authorId: technician.id, revision: 1 });
      expect(saved).toMatchObject([{ latitude: 48.88, longitude: null, maskingPlanned: false }]);
    });

    it('refuses a draft on an archived or unknown site', async () => {
      const archived = await makeSite(t.db, { name: 'Archivée', archivedAt: new Date() });
      expect(await runCommand(t.db, COMMANDS.createProposal, technician.id, { siteId: archived.id, title: 'X' })).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: { siteId: 'validation.site_unavailable' },
      });
      expect(await runCommand(t.db, COMMANDS.createProposal, technician.id, { siteId: '00000000-0000-4000-8000-000000000000', title: 'X' })).toMatchObject({ code: 'invalid' });
    });

    it('refuses malformed payloads field by field and writes nothing', async () => {
      const before = (await t.db.select({ n: count() }).from(proposals))[0]!.n;
      const bad = await runCommand(t.db, COMMANDS.createProposal, technician.id, {
        siteId: 'nope',
        title: '',
        cameras: [{ latitude: 123, type: 'laser', directionDegrees: 400, openingsInView: ['garden'] }],
        retentionDays: 'beaucoup',
      });
      expect(bad).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: {
          siteId: 'validation.site_required',
          title: 'validation.required',
          // The message names the limits ("Saisissez une valeur entre -90 et 90").
          'cameras.0.latitude': { key: 'validation.between', params: { min: -90, max: 90 } },
          'cameras.0.type': 'validation.invalid',
          'cameras.0.directionDegrees': { key: 'validation.between', params: { min: 0, max: 359 } },
          'cameras.0.openingsInView.0': 'validation.invalid',
          retentionDays: 'validation.number',
        },
      });
      for (const payload of [null, 'x', 42, [], { cameras: 'many' }]) {
        expect(await runCommand(t.db, COMMANDS.createProposal, technician.id, payload)).toMatchObject({ ok: false, code: 'invalid' });
      }
      expect((await t.db.select({ n: count() }).from(proposals))[0]!.n).toBe(before);
    });

    it('refuses a save based on a version someone else already changed ("changed since you opened it")', async () => {
      const id = await draft();
      const first = await runCommand(t.db, COMMANDS.saveProposalDraft, technician.id, { ...validProposal(siteId), title: 'Première', proposalId: id, revision: 1 });
      expect(first).toEqual({ ok: true, value: { revision: 2 } });
      const before = await snapshot(id);
      const second = await runCommand(t.db, COMMANDS.saveProposalDraft, technician.id, { ...validProposal(siteId), title: 'Seconde', proposalId: id, revision: 1 });
      expect(second).toMatchObject({ ok: false, code: 'conflict:stale_version' });
      expect(await snapshot(id)).toEqual(before);
      expect(before.proposal!.title).toBe('Première');
    });

    it('keeps a draft to its author: others get "not found" and nothing changes', async () => {
      const id = await draft();
      const before = await snapshot(id);
      expect(await runCommand(t.db, COMMANDS.saveProposalDraft, colleague.id, { ...validProposal(siteId), proposalId: id, revision: 1 })).toMatchObject({ code: 'not_found' });
      expect(await runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id })).toMatchObject({ code: 'not_found' });
      expect(await runCommand(t.db, COMMANDS.withdrawProposal, colleague.id, { proposalId: id, reason: 'x', confirmed: true })).toMatchObject({ code: 'not_found' });
      expect(await snapshot(id)).toEqual(before);
    });
  });

  describe('submission (rules 1–4, on the server whatever the form sent)', () => {
    it('refuses a 45-day retention and an unmasked view of a building entrance, with a message on each field, and changes nothing', async () => {
      const id = await draft();
      const before = await snapshot(id);
      const camera = { ...validProposal(siteId).cameras[0]!, maskingPlanned: false, maskingDescription: '' };
      const result = await submit(id, 1, { retentionDays: 45, cameras: [camera] });
      expect(result).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: {
          retentionDays: 'validation.retention_range',
          retentionJustification: 'validation.retention_justification_required',
          'cameras.0.maskingPlanned': 'validation.masking_required',
        },
      });
      expect(await snapshot(id)).toEqual(before);
    });

    it('refuses purposes outside CSI L251-2, no purpose, no camera and incomplete signage', async () => {
      const id = await draft();
      const signage = { ...validProposal(siteId).signage, rights: ' ', contact: '' };
      expect(await submit(id, 1, { purposes: ['advertising'], signage })).toMatchObject({
        fieldErrors: { 'purposes.0': 'validation.purpose_unknown', 'signage.rights': 'validation.signage_required', 'signage.contact': 'validation.signage_required' },
      });
      expect(await submit(id, 1, { purposes: [], cameras: [] })).toMatchObject({
        fieldErrors: { purposes: 'validation.purposes_required', cameras: 'validation.cameras_required' },
      });
    });

    it('asks for a justification above 15 days and accepts 30 days with one', async () => {
      const id = await draft();
      expect(await submit(id, 1, { retentionDays: 16 })).toMatchObject({ fieldErrors: { retentionJustification: 'validation.retention_justification_required' } });
      expect(await submit(id, 1, { retentionDays: 31, retentionJustification: 'x' })).toMatchObject({ fieldErrors: { retentionDays: 'validation.retention_range' } });
      const signage = { ...validProposal(siteId).signage, retention: '30 jours' };
      expect(await submit(id, 1, { retentionDays: 30, retentionJustification: 'Enquêtes longues sur les dégradations.', signage })).toMatchObject({ ok: true });
    });

    it('submits a conformant proposal: state, date and an audit event in the same transaction; editing stops', async () => {
      const id = await draft();
      expect(await submit(id)).toEqual({ ok: true, value: { revision: 2 } });
      const { proposal } = await snapshot(id);
      expect(proposal).toMatchObject({ state: 'submitted', revision: 2 });
      expect(proposal!.submittedAt).toBeInstanceOf(Date);
      const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'proposal.submit')));
      expect(event).toMatchObject({ actorId: technician.id, fromState: 'draft', toState: 'submitted' });
      expect(await runCommand(t.db, COMMANDS.saveProposalDraft, technician.id, { ...validProposal(siteId), proposalId: id, revision: 2 })).toMatchObject({ code: 'conflict:state' });
    });

    it('refuses a camera far from its site (say at 0, 0), with the distance, and changes nothing', async () => {
      const id = await draft();
      const before = await snapshot(id);
      const camera = { ...validProposal(siteId).cameras[0]!, latitude: 0, longitude: 0 };
      const result = await submit(id, 1, { cameras: [validProposal(siteId).cameras[0]!, camera] });
      expect(result).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: { 'cameras.1.latitude': { key: 'validation.camera_too_far', params: { distance: expect.any(Number), max: 1000 } } },
      });
      const tooFar = result.ok ? undefined : result.fieldErrors['cameras.1.latitude'];
      const distance = typeof tooFar === 'object' ? Number(tooFar.params.distance) : Number.NaN;
      expect(distance).toBeGreaterThan(5_000_000);
      expect(await snapshot(id)).toEqual(before);
      // 500 m away is near enough.
      expect(await submit(id, 1, { cameras: [{ ...camera, latitude: 48.8846 + 0.0045, longitude: 2.2385 }] })).toMatchObject({ ok: true });
    });

    it('refuses a sign that states another retention period than the proposal, on the sign field', async () => {
      const id = await draft();
      const before = await snapshot(id);
      expect(await submit(id, 1, { retentionDays: 10 })).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: { 'signage.retention': { key: 'validation.signage_retention_mismatch', params: { stated: 15, days: 10 } } },
      });
      expect(await snapshot(id)).toEqual(before);
    });

    it('reports format errors and legal rules in one round', async () => {
      const id = await draft();
      const camera = { ...validProposal(siteId).cameras[0]!, maskingPlanned: false, directionDegrees: 400 };
      const result = await submit(id, 1, { title: 'x'.repeat(201), investmentEuros: 'beaucoup', retentionDays: 20, cameras: [camera], signage: { ...validProposal(siteId).signage, contact: '' } });
      expect(result).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: {
          title: { key: 'validation.too_long', params: { max: 200 } },
          investmentEuros: 'validation.number',
          'cameras.0.directionDegrees': { key: 'validation.between', params: { min: 0, max: 359 } },
          // The legal rules, in the same answer.
          retentionJustification: 'validation.retention_justification_required',
          'cameras.0.maskingPlanned': 'validation.masking_required',
          'signage.contact': 'validation.signage_required',
          'signage.retention': { key: 'validation.signage_retention_mismatch', params: { stated: 15, days: 20 } },
        },
      });
    });

    it('lets only the author submit', async () => {
      const id = await draft();
      expect(await runCommand(t.db, COMMANDS.submitProposal, colleague.id, { ...validProposal(siteId), proposalId: id, revision: 1 })).toMatchObject({ code: 'not_found' });
    });
  });

  describe('legal regimes: the form, the command and the database agree', () => {
    const commonArea = (overrides: Record<string, unknown> = {}) => ({
      ...validProposal(siteId).cameras[0]!,
      placement: 'indoor' as const,
      regime: 'private_common_area' as const,
      openingsInView: [],
      maskingPlanned: false,
      maskingDescription: '',
      ...overrides,
    });

    it('refuses a street purpose on a common-area camera, changes nothing, and accepts the landlord’s purpose', async () => {
      const id = await draft();
      const before = await snapshot(id);
      const refused = await submit(id, 1, { cameras: [commonArea()], purposes: ['assault_theft_drug_trafficking_prevention'] });
      expect(refused).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { 'purposes.0': 'validation.purpose_not_for_regimes', purposes: { key: 'validation.purpose_for_regime_required', params: { regime: 'private_common_area' } } } });
      expect(await snapshot(id)).toEqual(before);
      expect(await submit(id, 1, { cameras: [commonArea()], purposes: ['common_area_protection'] })).toMatchObject({ ok: true });
    });

    it('asks each camera’s regime, and refuses a landlord’s camera that films the road', async () => {
      const id = await draft();
      expect(await submit(id, 1, { cameras: [commonArea({ regime: '' })] })).toMatchObject({ ok: false, fieldErrors: { 'cameras.0.regime': 'validation.regime_required' } });
      expect(await submit(id, 1, { cameras: [commonArea({ filmsPublicRoad: true })], purposes: ['common_area_protection'] })).toMatchObject({
        ok: false,
        fieldErrors: { 'cameras.0.filmsPublicRoad': 'validation.common_area_films_road' },
      });
    });

    it('masks what the regime forbids: a flat’s door in a common area, the building’s entrance on the street only', async () => {
      const id = await draft();
      expect(await submit(id, 1, { cameras: [commonArea({ openingsInView: ['door'] })], purposes: ['common_area_protection'] })).toMatchObject({
        ok: false,
        fieldErrors: { 'cameras.0.maskingPlanned': 'validation.masking_required' },
      });
      expect(await submit(id, 1, { cameras: [commonArea({ openingsInView: ['building_entrance'] })], purposes: ['common_area_protection'] })).toMatchObject({ ok: true });
    });

    it('the database refuses the submission of a file whose purposes do not fit its cameras, whatever the code did', async () => {
      const id = await draft({ cameras: [commonArea()], purposes: ['traffic_offences'] });
      await expect(t.db.update(proposals).set({ state: 'submitted' }).where(eq(proposals.id, id))).rejects.toMatchObject({ cause: { code: '23514' } });
      await t.db.update(proposals).set({ purposes: ['common_area_protection'] }).where(eq(proposals.id, id));
      await t.db.update(cameras).set({ regime: null }).where(eq(cameras.proposalId, id));
      await expect(t.db.update(proposals).set({ state: 'submitted' }).where(eq(proposals.id, id))).rejects.toMatchObject({ cause: { code: '23514' } });
      await expect(t.db.update(cameras).set({ regime: 'private_common_area', filmsPublicRoad: true }).where(eq(cameras.proposalId, id))).rejects.toMatchObject({ cause: { code: '23514' } });
      await t.db.update(cameras).set({ regime: 'private_common_area' }).where(eq(cameras.proposalId, id));
      await t.db.update(proposals).set({ state: 'submitted' }).where(eq(proposals.id, id));
      expect((await snapshot(id)).proposal?.state).toBe('submitted');
    });

    it('the database’s purposes table is the domain’s, code by code', async () => {
      for (const p of PURPOSES) {
        const result = await t.db.execute<{ regimes: string[] }>(sql`SELECT vigie_purpose_regimes(${p.code}) AS regimes`);
        expect(result.rows[0]!.regimes).toEqual([...p.regimes]);
      }
      expect((await t.db.execute<{ regimes: string[] }>(sql`SELECT vigie_purpose_regimes('general_security') AS regimes`)).rows[0]!.regimes).toEqual([]);
    });
  });

  describe('withdrawal', () => {
    it('needs a reason and a confirmation, and is recorded with the reason', async () => {
      const id = await submitted();
      const before = await snapshot(id);
      expect(await runCommand(t.db, COMMANDS.withdrawProposal, technician.id, { proposalId: id, reason: '  ', confirmed: true })).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'validation.required' } });
      for (const confirmed of [undefined, false, 'on']) {
        expect(await runCommand(t.db, COMMANDS.withdrawProposal, technician.id, { proposalId: id, reason: 'Digicode', confirmed })).toEqual({
          ok: false,
          code: 'invalid',
          fieldErrors: { confirmed: 'validation.confirm_withdraw' },
        });
      }
      expect(await snapshot(id)).toEqual(before);
      expect(await runCommand(t.db, COMMANDS.withdrawProposal, technician.id, { proposalId: id, reason: 'Le bailleur a posé un digicode.', confirmed: true })).toMatchObject({ ok: true });
      const { proposal } = await snapshot(id);
      expect(proposal).toMatchObject({ state: 'withdrawn', withdrawnReason: 'Le bailleur a posé un digicode.' });
      const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'proposal.withdraw')));
      expect(event).toMatchObject({ fromState: 'submitted', toState: 'withdrawn', reason: 'Le bailleur a posé un digicode.' });
      expect(await runCommand(t.db, COMMANDS.withdrawProposal, technician.id, { proposalId: id, reason: 'encore', confirmed: true })).toMatchObject({ code: 'conflict:state' });
    });
  });

  describe('the diagnostic', () => {
    it('is started from a submitted proposal only, by the prevention officer', async () => {
      const id = await submitted();
      expect(await runCommand(t.db, COMMANDS.startDiagnostic, technician.id, { proposalId: id })).toMatchObject({ code: 'forbidden' });
      const started = await runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id });
      expect(started).toMatchObject({ ok: true });
      expect((await snapshot(id)).proposal!.state).toBe('in_diagnostic');
      expect(await runCommand(t.db, COMMANDS.startDiagnostic, officer.id, { proposalId: id })).toMatchObject({ code: 'conflict:state' });
    });

    it('saves drafts with a stale-version check', async () => {
      const { diagnosticId } = await inDiagnostic();
      expect(await runCommand(t.db, COMMANDS.saveDiagnostic, officer.id, { diagnosticId, revision: 1, siteDescription: 'Hall traversant' })).toEqual({ ok: true, value: { revision: 2 } });
      expect(await runCommand(t.db, COMMANDS.saveDiagnostic, officer.id, { diagnosticId, revision: 1, siteDescription: 'Autre' })).toMatchObject({ code: 'conflict:stale_version' });
      const [row] = await t.db.select().from(diagnostics).where(eq(diagnostics.id, diagnosticId));
      expect(row!.siteDescription).toBe('Hall traversant');
    });

    it('cannot be concluded with a section missing; nothing is signed', async () => {
      const { id, diagnosticId } = await inDiagnostic();
      const before = await snapshot(id);
      const incomplete = { ...completeDiagnostic(), privacyRisks: '', alternatives: { ...completeDiagnostic().alternatives, mediation: '' }, dpiaStatus: null, conditions: '' };
      expect(await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...incomplete, diagnosticId, revision: 1, confirmed: true })).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: {
          privacyRisks: 'validation.required',
          'alternatives.mediation': 'validation.required',
          dpiaStatus: 'validation.required',
          conditions: 'validation.conditions_required',
        },
      });
      expect(await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), delinquencyFacts: [], diagnosticId, revision: 1, confirmed: true })).toMatchObject({
        fieldErrors: { delinquencyFacts: 'validation.facts_required' },
      });
      // Signing cannot be undone: without the officer's confirmation, nothing is signed.
      expect(await runCommand(t.db, COMMANDS.concludeDiagnostic, officer.id, { ...completeDiagnostic(), diagnosticId, revision: 1 })).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: { confirmed: 'validation.confirm_conclude' },
      });
      expect(await snapshot(id)).toEqual(before);
    });

    it('concluded: signed by who concluded it, the file is ready for the committee, and the diagnostic is read-only', async () => {
      const { id, diagnosticId } = await diagnosed();
      const { proposal, diagnostics: versions } = await snapshot(id);
      expect(proposal).toMatchObject({ state: 'diagnosed' });
      expect(proposal!.diagnosedAt).toBeInstanceOf(Date);
      expect(versions).toMatchObject([{ version: 1, state: 'concluded', signedBy: officer.id, conclusion: 'opportune_with_conditions' }]);
      expect(await runCommand(t.db, COMMANDS.saveDiagnostic, officer.id, { diagnosticId, revision: 2, siteDescription: 'changé' })).toMatchObject({ code: 'conflict:state' });
    });

    it('is revised through a new version; the concluded one stays as it was', async () => {
      const { id } = await diagnosed();
      const revised = await runCommand(t.db, COMMANDS.reviseDiagnostic, officer.id, { proposalId: id });
      expect(revised).toMatchObject({ ok: true });
      const { proposal, diagnostics: versions } = await snapshot(id);
      expect(proposal!.state).toBe('in_diagnostic');
      expect(versions.map((v) => [v.version, v.state, v.signedBy])).toEqual([
        [1, 'concluded', officer.id],
        [2, 'draft', null],
      ]);
      expect(versions[1]).toMatchObject({ siteDescription: versions[0]!.siteDescription, conclusion: null });
    });
  });

  describe('the gate: no review without a complete, signed diagnostic', () => {
    it('the command refuses every file that is not diagnosed, whatever is sent', async () => {
      // Not yet diagnosed: the chair cannot even see these files.
      for (const id of [await draft(), await submitted(), (await inDiagnostic()).id]) {
        const before = await snapshot(id);
        expect(await runCommand(t.db, COMMANDS.scheduleReview, chair.id, { proposalId: id, hasConcludedDiagnostic: true, confirmed: true })).toMatchObject({ code: 'not_found' });
        expect(await snapshot(id)).toEqual(before);
      }
      // Back in diagnostic for a new version: visible to the chair, still refused.
      const { id: revised } = await diagnosed();
      expect(await runCommand(t.db, COMMANDS.reviseDiagnostic, officer.id, { proposalId: revised })).toMatchObject({ ok: true });
      const before = await snapshot(revised);
      expect(await runCommand(t.db, COMMANDS.scheduleReview, chair.id, { proposalId: revised, state: 'diagnosed', confirmed: true })).toMatchObject({
        ok: false,
        code: 'conflict:state',
        fieldErrors: { _form: 'lifecycle.not_allowed_from_state' },
      });
      expect(await snapshot(revised)).toEqual(before);
      expect(await runCommand(t.db, COMMANDS.scheduleReview, member.id, { proposalId: revised, confirmed: true })).toMatchObject({ code: 'forbidden' });
    });

    it('the command lets a diagnosed file through, to the chair only', async () => {
      const { id } = await diagnosed();
      expect(await runCommand(t.db, COMMANDS.scheduleReview, member.id, { proposalId: id, confirmed: true })).toMatchObject({ code: 'forbidden' });
      // Not without the chair's confirmation: it cannot be undone.
      expect(await runCommand(t.db, COMMANDS.scheduleReview, chair.id, { proposalId: id })).toEqual({ ok: false, code: 'invalid', fieldErrors: { confirmed: 'validation.confirm_schedule' } });
      expect((await snapshot(id)).proposal!.state).toBe('diagnosed');
      expect(await runCommand(t.db, COMMANDS.scheduleReview, chair.id, { proposalId: id, confirmed: true })).toMatchObject({ ok: true });
      expect((await snapshot(id)).proposal!.state).toBe('under_review');
    });

    it('the database refuses a script that skips the diagnostic', async () => {
      const { id } = await inDiagnostic();
      for (const state of ['diagnosed', 'under_review', 'voting', 'published'] as const) {
        await expect(t.db.update(proposals).set({ state }).where(eq(proposals.id, id))).rejects.toMatchObject({ cause: { code: '23514' } });
      }
      await expect(
        t.db.insert(proposals).values({ siteId, authorId: technician.id, title: 'Contrebande', state: 'under_review' }),
      ).rejects.toMatchObject({ cause: { code: '23514' } });
      expect((await snapshot(id)).proposal!.state).toBe('in_diagnostic');
    });

    it('the database checks the latest version: an older concluded one does not open the gate', async () => {
      const { id } = await diagnosed();
      expect(await runCommand(t.db, COMMANDS.reviseDiagnostic, officer.id, { proposalId: id })).toMatchObject({ ok: true });
      await expect(t.db.update(proposals).set({ state: 'under_review' }).where(eq(proposals.id, id))).rejects.toMatchObject({ cause: { code: '23514' } });
    });

    it('the database keeps a concluded diagnostic read-only and signed', async () => {
      const { diagnosticId, id } = await diagnosed();
      await expect(t.db.update(diagnostics).set({ publicSummary: 'réécrit' }).where(eq(diagnostics.id, diagnosticId))).rejects.toMatchObject({ cause: { code: '23514' } });
      await expect(t.db.delete(diagnostics).where(eq(diagnostics.id, diagnosticId))).rejects.toMatchObject({ cause: { code: '23514' } });
      await expect(
        t.db.insert(diagnostics).values({ proposalId: id, version: 9, state: 'concluded', startedBy: officer.id }),
      ).rejects.toMatchObject({ cause: { code: '23514' } });
      const [count9] = await t.db.select({ n: count() }).from(diagnostics).where(sql`${diagnostics.version} = 9`);
      expect(count9!.n).toBe(0);
    });
  });
});
