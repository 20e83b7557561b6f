import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { canonicalize as otherCanonicalize } from 'json-canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, proposals, registerEntries } from '@/db/schema';
import { listRegister, registerEntry, registerFacets, registerSites, siteHistory, walkRegister } from '@/db/queries/register';
import { GENESIS_HASH, registerEntrySchema, verifyChain, type RegisterEntry } from '@/lib/domain/register';
import { HEAD_CHECK_MS } from '@/lib/register-cache';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision } from './support/fixtures';

type Id = { id: string };
const R = 'register.refusals.';
const year = new Date().getFullYear();

/** The hash rule, rechecked with another JCS implementation than the app's and Node's own SHA-256. */
function recomputed(entry: RegisterEntry): string {
  const { hash: _hash, ...rest } = entry;
  return createHash('sha256').update(otherCanonicalize(rest), 'utf8').digest('hex');
}

describe.each(BACKENDS)('the public register on %s', (backend) => {
  let t: TestDatabase;
  let people: { technician: Id; officer: Id; chair: Id; members: Id[] };
  let siteId: string;
  let otherSiteId: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await committeePeople(t.db);
    siteId = (await makeSite(t.db, { name: 'Résidence des Bergères', landlord: 'Puteaux Habitat' })).id;
    otherSiteId = (await makeSite(t.db, { name: 'Cité Lorilleux', landlord: 'Seine Ouest Habitat' })).id;
  }, 120_000);
  afterAll(() => t.close());

  let unfavourableReference = '';
  const publish = (decisionId: string, who: Id = people.chair) => runCommand(t.db, COMMANDS.publishDecision, who.id, { decisionId });
  const rows = () => t.db.select().from(registerEntries).orderBy(registerEntries.sequence);

  it('publishes a signed decision once, as the first link of a verifiable chain', async () => {
    const { proposalId, decisionId } = await signedDecision(t.db, people, siteId, {
      reasons: 'Les caméras protègent l’entrée du parking souterrain ; la sécurité des locataires le justifie.',
      conditions: [{ kind: 'masking', text: 'Masquer les fenêtres du bâtiment B.', dueDate: `${year + 1}-01-31` }],
    });
    // Not the chair: refused, nothing written.
    expect(await publish(decisionId, people.members[0]!)).toMatchObject({ code: 'forbidden' });
    // A double click: both answers name the same entry, one row is written.
    const [first, second] = await Promise.all([ok(publish(decisionId)), ok(publish(decisionId))]);
    expect(first.reference).toBe(`CE-${year}-001`);
    expect(second.reference).toBe(first.reference);
    expect([first.alreadyPublished, second.alreadyPublished].sort()).toEqual([false, true]);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    const entry = stored[0]!.entry;
    expect(registerEntrySchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      reference: `CE-${year}-001`,
      sequence: 1,
      kind: 'decision',
      corrects: null,
      outcome: 'favourable_with_conditions',
      site: { id: siteId, name: 'Résidence des Bergères', landlord: 'Puteaux Habitat' },
      votes: { for: 3, against: 0, abstain: 0, recused: 0 },
      conditions: [{ kind: 'masking', text: 'Masquer les fenêtres du bâtiment B.', dueDate: `${year + 1}-01-31` }],
      previousHash: GENESIS_HASH,
    });
    // Validity runs from the prefect's order (CSI L252-4), which comes after publication: never sealed.
    expect(entry).not.toHaveProperty('expiresAt');
    expect(entry).not.toHaveProperty('reReviewAt');
    expect(entry.hash).toBe(recomputed(entry));
    const [proposal] = await t.db.select({ state: proposals.state }).from(proposals).where(eq(proposals.id, proposalId));
    expect(proposal!.state).toBe('published');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, proposalId));
    expect(events.filter((e) => e.action === 'decision.entered_in_register')).toHaveLength(1);
    expect(events.filter((e) => e.action === 'proposal.publish')).toHaveLength(1);
  });

  it('serves only the public fields: nothing internal is in an entry', async () => {
    const [row] = await rows();
    // Every field of the schema but `decommissionedOn`, which only a decommissioning entry carries.
    expect(Object.keys(row!.entry).sort()).toEqual(Object.keys(registerEntrySchema.shape).filter((k) => k !== 'decommissionedOn').sort());
    const text = JSON.stringify(row!.entry);
    for (const internal of ['directionDegrees', 'angleDegrees', 'memberId', 'choice', 'signedBy', 'email', 'deliberation', 'dissent', 'proportionality', 'privacyRisks']) {
      expect(text).not.toContain(internal);
    }
  });

  it('refuses to publish an unsigned or unknown decision, and changes nothing', async () => {
    expect(await publish('00000000-0000-4000-8000-000000000099')).toMatchObject({ code: 'not_found' });
    expect(await publish('not-a-uuid')).toMatchObject({ code: 'invalid' });
    expect(await rows()).toHaveLength(1);
  });

  it('numbers entries without gaps when several are published at once', async () => {
    const decisions = [];
    for (let i = 0; i < 3; i++) decisions.push((await signedDecision(t.db, people, otherSiteId, { choice: i === 0 ? 'against' : 'for', reasons: `Motifs numéro ${i}` })).decisionId);
    const refs = await Promise.all(decisions.map((d) => ok(publish(d))));
    // Which one got which number depends on who took the lock first.
    unfavourableReference = refs[0]!.reference;
    expect(refs.map((r) => r.reference).sort()).toEqual([`CE-${year}-002`, `CE-${year}-003`, `CE-${year}-004`]);
    const stored = await rows();
    expect(stored.map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(stored.map((r) => r.entry))).toEqual({ ok: true, length: 4, head: stored[3]!.hash });
  });

  it('corrects and revokes by new entries only, each naming the one it corrects', async () => {
    const target = `CE-${year}-001`;
    const correct = (input: object) => runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, input);
    expect(await correct({ kind: 'correction', reference: target, note: '', reasons: 'x', publicSummary: 'y' })).toMatchObject({ code: 'invalid', fieldErrors: { note: 'validation.required' } });
    expect(await correct({ kind: 'correction', reference: 'CE-1999-001', note: 'n', reasons: 'x', publicSummary: 'y' })).toMatchObject({ code: 'not_found' });
    const { reference } = await ok(correct({ kind: 'correction', reference: target, note: 'Faute de frappe dans les motifs.', reasons: 'Les caméras protègent l’entrée du parking souterrain.', publicSummary: 'Avis favorable, motifs corrigés.' }));
    expect(reference).toBe(`CE-${year}-005`);
    // The corrected entry now has a successor: it cannot be corrected again, only the correction.
    expect(await correct({ kind: 'revocation', reference: target, note: 'Retrait.' })).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: { key: `${R}already_corrected`, params: { reference } } } });
    const revoked = await ok(correct({ kind: 'revocation', reference, note: 'Le bailleur a renoncé au projet.' }));
    expect(await correct({ kind: 'correction', reference: revoked.reference, note: 'n', reasons: 'x', publicSummary: 'y' })).toMatchObject({ code: 'conflict:state', fieldErrors: { _form: `${R}revoked` } });

    const page = await registerEntry(t.db, target);
    expect(page!.correctedBy).toEqual({ reference, kind: 'correction' });
    expect(page!.versions.map((v) => [v.reference, v.kind])).toEqual([
      [target, 'decision'],
      [reference, 'correction'],
      [revoked.reference, 'revocation'],
    ]);
    const correction = (await registerEntry(t.db, reference))!.entry;
    expect(correction).toMatchObject({ kind: 'correction', corrects: target, note: 'Faute de frappe dans les motifs.', reasons: 'Les caméras protègent l’entrée du parking souterrain.' });
    expect(correction.hash).toBe(recomputed(correction));
    const all = await rows();
    expect(verifyChain(all.map((r) => r.entry))).toMatchObject({ ok: true, length: 6 });
  });

  it('is append-only in the database itself: no update, delete or truncate, no gap, no broken link', async () => {
    await expect(t.db.execute(sql`UPDATE register_entries SET reference = 'CE-2000-001' WHERE sequence = 1`)).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(t.db.execute(sql`DELETE FROM register_entries WHERE sequence = 6`)).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(t.db.execute(sql`TRUNCATE register_entries`)).rejects.toMatchObject({ cause: { code: '23514' } });
    const [last] = (await rows()).slice(-1);
    const copy = { ...last!, reference: 'CE-2000-999', hash: 'f'.repeat(64) };
    await expect(t.db.insert(registerEntries).values({ ...copy, sequence: 8 })).rejects.toMatchObject({ cause: { code: '23514' } });
    await expect(t.db.insert(registerEntries).values({ ...copy, sequence: 7, previousHash: GENESIS_HASH })).rejects.toMatchObject({ cause: { code: '23514' } });
    expect(await rows()).toHaveLength(6);
  });

  it('finds entries in French with accents and plurals folded, filters them and pages by keyset', async () => {
    const search = async (q: string) => (await listRegister(t.db, { q })).items.map((i) => i.entry.reference);
    // "securite" without its accent finds "sécurité"; "camera" finds "caméras"; "locataire" finds "locataires".
    expect(await search('securite')).toEqual([`CE-${year}-001`]);
    expect(await search('camera parking')).toEqual(expect.arrayContaining([`CE-${year}-001`]));
    expect(await search('locataire')).toEqual([`CE-${year}-001`]);
    expect(await search('bergeres')).toEqual(expect.arrayContaining([`CE-${year}-001`, `CE-${year}-005`, `CE-${year}-006`]));
    expect(await search('introuvable')).toEqual([]);
    // A hostile query is just words.
    expect(await search(`'); DROP TABLE register_entries; --`)).toEqual([]);
    expect((await listRegister(t.db, { outcome: 'unfavourable' })).items.map((i) => i.entry.reference)).toEqual([unfavourableReference]);
    expect((await listRegister(t.db, { landlord: 'Seine Ouest Habitat', year })).items).toHaveLength(3);
    expect((await listRegister(t.db, { site: siteId })).items).toHaveLength(3);
    // Newest first, two per page, each page below the last one's cursor.
    const seen: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await listRegister(t.db, { cursor }, 2);
      seen.push(...page.items.map((i) => i.entry.sequence));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1]);
    const facets = await registerFacets(t.db);
    expect(facets.landlords).toEqual(['Puteaux Habitat', 'Seine Ouest Habitat']);
    expect(facets.sites.map((s) => s.name)).toEqual(['Cité Lorilleux', 'Résidence des Bergères']);
    expect((await siteHistory(t.db, siteId))!.entries.map((e) => e.entry.sequence)).toEqual([6, 5, 1]);
    expect(await siteHistory(t.db, '00000000-0000-4000-8000-000000000099')).toBeNull();
  });

  it('shows a publication at once, and a change made elsewhere within the head check', async () => {
    const before = await listRegister(t.db, {});
    const { decisionId } = await signedDecision(t.db, people, siteId);
    const { reference } = await ok(publish(decisionId));
    // Same instance: the commit cleared the cache.
    expect((await listRegister(t.db, {})).items[0]!.entry.reference).toBe(reference);
    expect(before.items[0]!.entry.reference).not.toBe(reference);
    // Another instance (simulated: the row is written behind the cache's back) is seen within the head check.
    const cachedHead = (await listRegister(t.db, {})).items[0]!.entry.sequence;
    const { decisionId: other } = await signedDecision(t.db, people, otherSiteId);
    await t.db.transaction(async (tx) => {
      const { appendEntry, publicContentOf } = await import('@/lib/workflow/register');
      await appendEntry(tx, { kind: 'decision', decisionId: other, corrects: null, note: null, content: await publicContentOf(tx, other) });
    });
    await new Promise((r) => setTimeout(r, HEAD_CHECK_MS + 50));
    expect((await listRegister(t.db, {})).items[0]!.entry.sequence).toBe(cachedHead + 1);
  });

  it('walks the whole register in order, in batches', async () => {
    const walked: RegisterEntry[] = [];
    for await (const e of walkRegister(t.db, {}, 3)) walked.push(e);
    expect(walked.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(verifyChain(walked)).toMatchObject({ ok: true, length: 8 });
  });
});

describe.each(BACKENDS)('the register’s sites on %s', (backend) => {
  it('lists each site once with its latest entry', async () => {
    const t = await createTestDatabase(backend);
    try {
      const people = {
        chair: await makeUser(t.db, ['chair', 'member']),
        members: [await makeUser(t.db, ['member'])],
        technician: await makeUser(t.db, ['technician']),
        officer: await makeUser(t.db, ['diagnostician']),
      };
      const site = (await makeSite(t.db, { name: 'Zola' })).id;
      const other = (await makeSite(t.db, { name: 'Arago' })).id;
      for (const id of [site, other, site]) await ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: (await signedDecision(t.db, people, id)).decisionId }));
      const sites = await registerSites(t.db);
      expect(sites.map((s) => [s.site.name, s.entryCount, s.latest.reference])).toEqual([
        ['Arago', 1, `CE-${year}-002`],
        ['Zola', 2, `CE-${year}-003`],
      ]);
    } finally {
      await t.close();
    }
  });
});
