import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decisionsAtom from '@/app/api/v1/decisions.atom/route';
import * as oneDecision from '@/app/api/v1/decisions/[reference]/route';
import * as verify from '@/app/api/v1/register/verify/route';
import { auditEvents, authorisations, cameras, proposals, registerEntries } from '@/db/schema';
import { addMonths, registerEntrySchema, verifyChain, type RegisterEntry } from '@/lib/domain/register';
import { parisDate } from '@/lib/domain/paris-time';
import { invalidateRegisterCache } from '@/lib/register-cache';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision, validProposal } from './support/fixtures';

vi.mock('server-only', () => ({}));

type Id = { id: string };
const R = 'cameraService.refusals.';
const DAY = 86_400_000;
const daysAgo = (n: number) => parisDate(new Date(Date.now() - n * DAY));

describe.each(BACKENDS)('cameras in service on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  let admin: Id;
  let otherTechnician: Id;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    admin = await makeUser(t.db, ['admin']);
    otherTechnician = await makeUser(t.db, ['technician']);
    siteId = (await makeSite(t.db, { name: 'Résidence des Fleurs' })).id;
    (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
  }, 120_000);
  afterAll(() => t.close());

  /** A published favourable decision whose file has two cameras (the second one without masking). */
  async function publishedFile(): Promise<{ proposalId: string; decisionId: string; reference: string; cameraIds: string[] }> {
    const { proposalId, decisionId } = await signedDecision(t.db, people, siteId);
    const [first] = await t.db.select().from(cameras).where(eq(cameras.proposalId, proposalId));
    const { id: _id, ...copy } = first!;
    await t.db.insert(cameras).values({ ...copy, position: 1, maskingPlanned: false, maskingDescription: '', openingsInView: [], directionDegrees: 271 });
    const { reference } = await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    const rows = await t.db.select({ id: cameras.id }).from(cameras).where(eq(cameras.proposalId, proposalId)).orderBy(asc(cameras.position));
    return { proposalId, decisionId, reference, cameraIds: rows.map((r) => r.id) };
  }

  /** The prefect's authorisation, inserted as the followup helper's commands record it. */
  async function grant(decisionId: string, grantedOn: string) {
    const filedOn = addMonths(grantedOn, -3);
    await t.db.insert(authorisations).values({ decisionId, filedOn, prefectureReference: 'PREF-92-2026-001', prefectDecision: 'granted', prefectDecidedOn: grantedOn, orderReference: 'AP-2026-042' });
  }

  const commission = (who: Id, proposalId: string, rows: { cameraId: string; commissionedOn: string }[]) => runCommand(t.db, COMMANDS.commissionCameras, who.id, { proposalId, cameras: rows });
  const decommission = (who: Id, cameraId: string, decommissionedOn: string, reason = 'Caméra déposée : le hall a été réaménagé et éclairé.') =>
    runCommand(t.db, COMMANDS.decommissionCamera, who.id, { cameraId, decommissionedOn, reason });
  const serviceOf = async (proposalId: string) => t.db.select().from(cameras).where(eq(cameras.proposalId, proposalId)).orderBy(asc(cameras.position));
  const chain = async () => verifyChain((await t.db.select().from(registerEntries).orderBy(asc(registerEntries.sequence))).map((r) => r.entry));

  let file: Awaited<ReturnType<typeof publishedFile>>;

  it('refuses commissioning without the prefect’s authorisation, and to the roles not allowed', async () => {
    file = await publishedFile();
    const rows = [{ cameraId: file.cameraIds[0]!, commissionedOn: daysAgo(1) }];
    expect(await commission(people.officer, file.proposalId, rows)).toMatchObject({ ok: false, code: 'conflict:state', fieldErrors: { 'cameras.0.commissionedOn': `${R}not_authorised` } });
    expect(await commission(people.technician, file.proposalId, rows)).toMatchObject({ code: 'forbidden' });
    expect(await commission(people.chair, file.proposalId, rows)).toMatchObject({ code: 'forbidden' });
    expect((await serviceOf(file.proposalId)).every((c) => c.commissionedOn === null)).toBe(true);
  });

  it('commissions only from the grant day, never in the future, and once', async () => {
    const grantedOn = daysAgo(60);
    await grant(file.decisionId, grantedOn);
    const [a, b] = file.cameraIds as [string, string];
    // The day before the grant: refused, naming the grant day; nothing written (the other row neither).
    expect(await commission(people.officer, file.proposalId, [{ cameraId: a, commissionedOn: daysAgo(20) }, { cameraId: b, commissionedOn: daysAgo(61) }])).toMatchObject({
      code: 'invalid',
      fieldErrors: { 'cameras.1.commissionedOn': { key: `${R}before_grant`, params: { date: grantedOn } } },
    });
    expect(await commission(people.officer, file.proposalId, [{ cameraId: a, commissionedOn: parisDate(new Date(Date.now() + 2 * DAY)) }])).toMatchObject({
      code: 'invalid',
      fieldErrors: { 'cameras.0.commissionedOn': `${R}in_the_future` },
    });
    expect(await commission(people.officer, file.proposalId, [{ cameraId: a, commissionedOn: '' }])).toMatchObject({ code: 'invalid', fieldErrors: { _form: `${R}no_day` } });
    expect((await serviceOf(file.proposalId)).every((c) => c.commissionedOn === null)).toBe(true);

    // The grant day itself is allowed; an empty row is a camera not installed yet.
    expect(await ok(commission(people.officer, file.proposalId, [{ cameraId: a, commissionedOn: grantedOn }, { cameraId: b, commissionedOn: '' }]))).toEqual({ commissioned: 1 });
    expect(await ok(commission(admin, file.proposalId, [{ cameraId: b, commissionedOn: daysAgo(30) }]))).toEqual({ commissioned: 1 });
    expect((await serviceOf(file.proposalId)).map((c) => c.commissionedOn)).toEqual([grantedOn, daysAgo(30)]);
    expect(await commission(people.officer, file.proposalId, [{ cameraId: a, commissionedOn: daysAgo(10) }])).toMatchObject({ fieldErrors: { 'cameras.0.commissionedOn': { key: `${R}already_commissioned` } } });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, file.proposalId), eq(auditEvents.action, 'camera.commissioned')));
    expect(events.map((e) => e.details)).toEqual([{ cameras: [{ position: 0, commissionedOn: grantedOn }] }, { cameras: [{ position: 1, commissionedOn: daysAgo(30) }] }]);
  });

  it('refuses a camera of another file', async () => {
    const other = await publishedFile();
    await grant(other.decisionId, daysAgo(40));
    expect(await commission(people.officer, other.proposalId, [{ cameraId: file.cameraIds[0]!, commissionedOn: daysAgo(5) }])).toMatchObject({
      code: 'invalid',
      fieldErrors: { 'cameras.0.cameraId': `${R}not_of_this_file` },
    });
  });

  it('refuses a day after the authorisation expired', async () => {
    const old = await publishedFile();
    const grantedOn = daysAgo(6 * 366);
    await grant(old.decisionId, grantedOn);
    const expiresAt = addMonths(grantedOn, 60);
    const result = await commission(people.officer, old.proposalId, [{ cameraId: old.cameraIds[0]!, commissionedOn: daysAgo(10) }]);
    expect(result).toMatchObject({ code: 'invalid', fieldErrors: { 'cameras.0.commissionedOn': { key: `${R}expired`, params: { date: expiresAt } } } });
    // A day while it held is fine, even years later.
    await ok(commission(people.officer, old.proposalId, [{ cameraId: old.cameraIds[0]!, commissionedOn: addMonths(grantedOn, 1) }]));
  });

  let decommissioning: RegisterEntry;

  it('publishes a decommissioning as a new entry naming the latest one, with the counts of the cameras still in service', async () => {
    const [a, b] = file.cameraIds as [string, string];
    expect(await decommission(people.technician, a, daysAgo(1))).toMatchObject({ code: 'forbidden' });
    expect(await decommission(people.officer, b, daysAgo(31))).toMatchObject({ code: 'invalid', fieldErrors: { decommissionedOn: { key: `${R}before_commissioning`, params: { date: daysAgo(30) } } } });
    expect(await decommission(people.officer, a, parisDate(new Date(Date.now() + 2 * DAY)))).toMatchObject({ code: 'invalid', fieldErrors: { decommissionedOn: `${R}in_the_future` } });
    expect(await decommission(people.officer, a, daysAgo(1), '  ')).toMatchObject({ code: 'invalid', fieldErrors: { reason: 'validation.required' } });
    const countBefore = (await t.db.select().from(registerEntries)).length;

    // Camera 1 (masked) is taken out: one camera remains, without masking.
    const reason = 'Caméra déposée : le hall a été réaménagé et éclairé.';
    const { reference } = await ok(decommission(people.officer, a, daysAgo(2), reason));
    expect(reference).toMatch(/^CE-\d{4}-\d{3}$/);
    const stored = await t.db.select().from(registerEntries).orderBy(asc(registerEntries.sequence));
    expect(stored).toHaveLength(countBefore + 1);
    decommissioning = stored.at(-1)!.entry;
    expect(registerEntrySchema.parse(decommissioning)).toEqual(decommissioning);
    expect(decommissioning).toMatchObject({ reference, kind: 'decommissioning', corrects: file.reference, note: reason, cameraCount: 1, maskedCameraCount: 0, privacyMasking: false });
    // The entry states the day the camera was taken down, two days ago, and not the day it is published (today).
    expect(decommissioning.decommissionedOn).toBe(daysAgo(2));
    expect(parisDate(new Date(decommissioning.publishedAt))).toBe(daysAgo(0));
    const original = stored.find((r) => r.reference === file.reference)!.entry;
    expect(original.decommissionedOn).toBeUndefined();
    // Everything else is the latest content, unchanged.
    const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, decommissionedOn: _d, previousHash: _ph, hash: _h, cameraCount: _cc, maskedCameraCount: _m, privacyMasking: _pm, ...rest } = decommissioning;
    expect(original).toMatchObject(rest);
    expect(original.cameraCount).toBe(2);
    // Never an exact direction in the published content (DOMAIN.md rule 7).
    expect(JSON.stringify(decommissioning)).not.toMatch(/direction|angle/i);
    expect(await chain()).toMatchObject({ ok: true });

    const [camera] = await t.db.select().from(cameras).where(eq(cameras.id, a));
    expect(camera).toMatchObject({ decommissionedOn: daysAgo(2), decommissionReason: reason });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, file.proposalId));
    expect(events.filter((e) => e.action === 'decision.entered_in_register').map((e) => e.details)).toContainEqual({ reference, kind: 'decommissioning', corrects: file.reference });
    expect(events.filter((e) => e.action === 'camera.decommissioned').map((e) => e.details)).toEqual([{ position: 0, decommissionedOn: daysAgo(2), reference }]);

    // Once out of service, it cannot be taken out again.
    expect(await decommission(people.officer, a, daysAgo(1))).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: { key: `${R}not_in_service`, params: { n: 1 } } } });
  });

  it('serves the decommissioning in the open data, and the chain still verifies there', async () => {
    invalidateRegisterCache(t.db);
    const one = await oneDecision.GET(new Request(`http://vigie.test/api/v1/decisions/${decommissioning.reference}`), { params: Promise.resolve({ reference: decommissioning.reference }) } as never);
    expect(one.status).toBe(200);
    // The sealed entry as published, with the serve-time follow-up beside it (never hashed).
    const { authorisation: _a, landlordDecision: _l, cameras: _k, conditionsFollowUp: _c, ...sealed } = await one.json();
    expect(sealed).toEqual(decommissioning);
    const verdict = await verify.GET(new Request('http://vigie.test/api/v1/register/verify'), {} as never);
    expect(await verdict.json()).toMatchObject({ ok: true });
    const feed = await decisionsAtom.GET(new Request('http://vigie.test/api/v1/decisions.atom'), {} as never);
    const xml = await feed.text();
    expect(xml).toContain(`${decommissioning.reference} – Résidence des Fleurs : mise hors service de caméras (${file.reference} modifiée)`);
    expect(xml).toContain('le hall a été réaménagé');
    // The feed says the day the camera was taken down.
    const takenDown = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${daysAgo(2)}T12:00:00Z`));
    expect(xml).toContain(`Caméra déposée le ${takenDown}.`);
  });

  it('lets the chair correct the decommissioning (one line of versions), and refuses a correction of the older entry', async () => {
    expect(await runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, { kind: 'correction', reference: file.reference, note: 'Coquille.', reasons: 'Motifs.', publicSummary: 'Résumé.' })).toMatchObject({
      code: 'conflict:state',
    });
    const { reference } = await ok(
      runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, { kind: 'correction', reference: decommissioning.reference, note: 'Résumé précisé.', reasons: 'Motifs précisés.', publicSummary: 'Résumé précisé.' }),
    );
    const [row] = await t.db.select().from(registerEntries).where(eq(registerEntries.reference, reference));
    // The correction keeps the reduced counts of the entry it corrects.
    expect(row!.entry).toMatchObject({ kind: 'correction', corrects: decommissioning.reference, cameraCount: 1, maskedCameraCount: 0 });
    expect(await chain()).toMatchObject({ ok: true });
  });

  it('opens a change as a new draft, pre-filled from the authorised file and linked to it', async () => {
    expect(await runCommand(t.db, COMMANDS.proposeChange, people.officer.id, { decisionId: file.decisionId })).toMatchObject({ code: 'forbidden' });
    // Another technician cannot open the file, so cannot start from it.
    expect(await runCommand(t.db, COMMANDS.proposeChange, otherTechnician.id, { decisionId: file.decisionId })).toMatchObject({ code: 'not_found' });
    const { id } = await ok(runCommand(t.db, COMMANDS.proposeChange, people.technician.id, { decisionId: file.decisionId }));
    const [draft] = await t.db.select().from(proposals).where(eq(proposals.id, id));
    expect(draft).toMatchObject({ kind: 'change', state: 'draft', authorId: people.technician.id, previousProposalId: file.proposalId, sourceDecisionId: file.decisionId, siteId, title: validProposal(siteId).title, retentionDays: 15 });
    // The cameras still in service are copied (camera 1 was taken out), without their service dates.
    const copied = await serviceOf(id);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({ position: 0, directionDegrees: 271, commissionedOn: null, decommissionedOn: null });
    // The author edits the new draft; the authorised file stays as it was.
    const values = { ...validProposal(siteId), title: 'Entrée du bâtiment B : une caméra de plus' };
    await ok(runCommand(t.db, COMMANDS.saveProposalDraft, people.technician.id, { ...values, proposalId: id, revision: 1 }));
    expect((await t.db.select().from(proposals).where(eq(proposals.id, id)))[0]!.title).toBe(values.title);
  });

  it('never edits an authorised file in place', async () => {
    const [before] = await t.db.select().from(proposals).where(eq(proposals.id, file.proposalId));
    const camerasBefore = await serviceOf(file.proposalId);
    const values = { ...validProposal(siteId), purposes: ['traffic_regulation'], proposalId: file.proposalId, revision: before!.revision };
    expect(await runCommand(t.db, COMMANDS.saveProposalDraft, people.technician.id, values)).toMatchObject({ code: 'conflict:state' });
    expect(await runCommand(t.db, COMMANDS.submitProposal, people.technician.id, values)).toMatchObject({ code: 'conflict:state' });
    const [after] = await t.db.select().from(proposals).where(eq(proposals.id, file.proposalId));
    expect(after).toEqual(before);
    expect(await serviceOf(file.proposalId)).toEqual(camerasBefore);
  });

  it('refuses a change, or a commissioning, once the decision is revoked; a camera still goes out of service, without a new entry', async () => {
    const revoked = await publishedFile();
    await grant(revoked.decisionId, daysAgo(50));
    await ok(commission(people.officer, revoked.proposalId, [{ cameraId: revoked.cameraIds[0]!, commissionedOn: daysAgo(40) }]));
    await ok(runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, { kind: 'revocation', reference: revoked.reference, note: 'Décision retirée.' }));
    expect(await runCommand(t.db, COMMANDS.proposeChange, people.technician.id, { decisionId: revoked.decisionId })).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: { key: `${R}revoked` } } });
    expect(await commission(people.officer, revoked.proposalId, [{ cameraId: revoked.cameraIds[1]!, commissionedOn: daysAgo(5) }])).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: { key: `${R}revoked` } } });
    const entries = (await t.db.select().from(registerEntries)).length;
    expect(await ok(decommission(people.officer, revoked.cameraIds[0]!, daysAgo(1)))).toEqual({ reference: null });
    expect((await t.db.select().from(registerEntries)).length).toBe(entries);
  });

  /** A published favourable decision whose file has a camera open to the public (0) and one in the landlord's common area (1). */
  async function mixedFile(): Promise<{ proposalId: string; decisionId: string; streetCamera: string; commonCamera: string }> {
    const { proposalId, decisionId } = await signedDecision(t.db, people, siteId);
    const [first] = await t.db.select().from(cameras).where(eq(cameras.proposalId, proposalId));
    const { id: _id, ...copy } = first!;
    await t.db.insert(cameras).values({ ...copy, position: 1, regime: 'private_common_area', openingsInView: [], maskingPlanned: false, maskingDescription: '' });
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    const rows = await serviceOf(proposalId);
    return { proposalId, decisionId, streetCamera: rows[0]!.id, commonCamera: rows[1]!.id };
  }
  const landlord = (decisionId: string, revision: number, boardDecidedOn: string) =>
    runCommand(t.db, COMMANDS.recordLandlordDecision, people.officer.id, { decisionId, revision, boardDecidedOn, boardReference: 'CA-2026-14', policeTransmission: false });

  it('puts each camera in service only once authorised under its own regime: the landlord’s decision for the common area, the grant for the street', async () => {
    const mixed = await mixedFile();
    // Nothing recorded: neither camera can be put in service.
    expect(await commission(people.officer, mixed.proposalId, [{ cameraId: mixed.commonCamera, commissionedOn: daysAgo(1) }])).toMatchObject({
      code: 'conflict:state',
      fieldErrors: { 'cameras.0.commissionedOn': `${R}not_decided_by_landlord` },
    });
    await ok(landlord(mixed.decisionId, 0, daysAgo(20)));
    // The common-area camera: from the board's decision on, not the day before.
    expect(await commission(people.officer, mixed.proposalId, [{ cameraId: mixed.commonCamera, commissionedOn: daysAgo(21) }])).toMatchObject({
      code: 'invalid',
      fieldErrors: { 'cameras.0.commissionedOn': { key: `${R}before_landlord_decision`, params: { date: daysAgo(20) } } },
    });
    // The street camera of the same file still waits for the prefect: the landlord's decision does not authorise it.
    expect(await commission(people.officer, mixed.proposalId, [{ cameraId: mixed.streetCamera, commissionedOn: daysAgo(1) }])).toMatchObject({
      fieldErrors: { 'cameras.0.commissionedOn': `${R}not_authorised` },
    });
    const { camerasInService } = await import('@/db/queries/cameras');
    expect((await camerasInService(t.db, mixed.proposalId)).cameras.map((c) => [c.regime, c.authorised])).toEqual([
      ['open_to_public', false],
      ['private_common_area', true],
    ]);
    await ok(commission(people.officer, mixed.proposalId, [{ cameraId: mixed.commonCamera, commissionedOn: daysAgo(20) }]));
    // A correction of the board's decision that would leave the camera in service before it is refused.
    expect(await landlord(mixed.decisionId, 1, daysAgo(19))).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { boardDecidedOn: { key: 'followUp.issues.camera_commissioned_before', params: { n: 2, date: daysAgo(20) } } },
    });
    await ok(landlord(mixed.decisionId, 1, daysAgo(25)));

    // The street camera, once the prefect granted it (the vote was today: filing and order today).
    const step = (name: 'recordAuthorisationFiling' | 'recordPrefectDecision', input: Record<string, unknown>) => runCommand(t.db, COMMANDS[name] as never, people.officer.id, { decisionId: mixed.decisionId, ...input });
    await ok(step('recordAuthorisationFiling', { revision: 0, filedOn: daysAgo(0), prefectureReference: 'PREF-MIXTE' }));
    await ok(step('recordPrefectDecision', { revision: 1, decision: 'granted', decidedOn: daysAgo(0), orderReference: 'AP-MIXTE', orderRetentionDays: 15 }));
    await ok(commission(people.officer, mixed.proposalId, [{ cameraId: mixed.streetCamera, commissionedOn: daysAgo(0) }]));
    // Turning the grant into a refusal would leave the street camera in service without authorisation.
    expect(await step('recordPrefectDecision', { revision: 2, decision: 'refused', decidedOn: daysAgo(0), refusalReason: 'Motif' })).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { decidedOn: { key: 'followUp.issues.camera_commissioned_before', params: { n: 1, date: daysAgo(0) } } },
    });
  });

  it('refuses an unfavourable decision’s file', async () => {
    const { proposalId, decisionId } = await signedDecision(t.db, people, siteId, { choice: 'against' });
    await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    const [camera] = await serviceOf(proposalId);
    expect(await commission(people.officer, proposalId, [{ cameraId: camera!.id, commissionedOn: daysAgo(1) }])).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}not_published` } });
    expect(await runCommand(t.db, COMMANDS.proposeChange, people.technician.id, { decisionId })).toMatchObject({ code: 'conflict:state' });
  });
});
