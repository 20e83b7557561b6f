import { createHash } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { canonicalize as otherCanonicalize } from 'json-canonicalize';
import Papa from 'papaparse';
import { xml2js, type Element } from 'xml-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as decisionsAtom from '@/app/api/v1/decisions.atom/route';
import * as decisionsCsv from '@/app/api/v1/decisions.csv/route';
import * as decisionsGeojson from '@/app/api/v1/decisions.geojson/route';
import * as oneDecision from '@/app/api/v1/decisions/[reference]/route';
import * as decisions from '@/app/api/v1/decisions/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as verify from '@/app/api/v1/register/verify/route';
import * as siteAtom from '@/app/api/v1/sites/[id]/decisions.atom/route';
import * as unknown from '@/app/api/v1/[...path]/route';
import type { Database } from '@/db/client';
import { registerEntries } from '@/db/schema';
import { parisDate } from '@/lib/domain/paris-time';
import { GENESIS_HASH, type RegisterEntry } from '@/lib/domain/register';
import { CSV_COLUMNS } from '@/lib/open-data/csv';
import { LICENCE } from '@/lib/open-data/licence';
import { chainVerdictSchema, decisionListSchema, errorSchema, servedDecisionSchema, siteCollectionSchema } from '@/lib/open-data/schemas';
import { registerEntrySchema } from '@/lib/domain/register';
import { invalidateRegisterCache } from '@/lib/register-cache';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { appendEntry, type EntryContent } from '@/lib/workflow/register';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeSite, makeUser, ok, signedDecision } from './support/fixtures';

/**
 * The open data, through its route handlers' own GET functions, on a real database: what
 * a reuser receives over HTTP (status, headers, body text), parsed as a reuser would.
 */

type Route = { GET: (request: Request, context: never) => Promise<Response> };
const ORIGIN = 'http://vigie.test';
/** The Paris day `n` days ago. */
const daysAgo = (n: number) => parisDate(new Date(Date.now() - n * 86_400_000));

function get(route: Route, path: string, { headers = {}, params = {} }: { headers?: Record<string, string>; params?: Record<string, string> } = {}) {
  const request = new Request(path.startsWith('http') ? path : `${ORIGIN}${path}`, { headers });
  return route.GET(request, { params: Promise.resolve(params) } as never);
}

/**
 * The hash rule, recomputed with another JCS implementation than the app's and Node's own
 * SHA-256: every field but `hash` and the serve-time follow-up (authorisation, conditions).
 */
function recomputed(entry: Record<string, unknown>): string {
  const { hash: _hash, authorisation: _a, landlordDecision: _l, cameras: _k, conditionsFollowUp: _c, ...rest } = entry;
  return createHash('sha256').update(otherCanonicalize(rest), 'utf8').digest('hex');
}

/** Makes the route handlers' getDb() answer with the test's database. */
function useDatabase(t: TestDatabase) {
  (globalThis as { vigieDb?: unknown }).vigieDb = { db: t.db, pool: t.pool };
}

/**
 * Appends corrections to a decision's chain straight through appendEntry (the command's
 * own writer), each rewording what `wording(i)` says: many entries, fast.
 */
async function appendCorrections(db: Database, startReference: string, count: number, wording: (i: number) => Partial<EntryContent> & { note?: string } = () => ({})) {
  await db.transaction(async (tx) => {
    let [last] = await tx.select().from(registerEntries).where(eq(registerEntries.reference, startReference));
    for (let i = 0; i < count; i++) {
      const { reference: _r, sequence: _s, kind: _k, corrects: _c, note: _n, publishedAt: _p, previousHash: _ph, hash: _h, ...content } = last!.entry;
      const { note, ...changes } = wording(i);
      const entry = await appendEntry(tx, {
        kind: 'correction',
        decisionId: last!.decisionId,
        corrects: { sequence: last!.sequence, reference: last!.reference },
        note: note ?? `Correction ${i + 1}.`,
        content: { ...content, ...changes },
      });
      [last] = await tx.select().from(registerEntries).where(eq(registerEntries.sequence, entry.sequence));
    }
  });
  invalidateRegisterCache(db);
}

const FORMULAS = ['=1+1', '+33 1 23 45 67 89', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://example.test/x","clic")\nsur deux lignes'];
const TRICKY_REASONS = 'Motifs, avec une virgule, des "guillemets"\net un saut de ligne.';

describe.each(BACKENDS)('the open data on %s', (backend) => {
  let t: TestDatabase;
  let siteA: string;
  let siteB: string;
  const year = new Date().getFullYear();
  const ref = (n: number) => `CE-${year}-${String(n).padStart(3, '0')}`;

  beforeAll(async () => {
    vi.stubEnv('APP_URL', '');
    t = await createTestDatabase(backend);
    useDatabase(t);
    const people = {
      chair: await makeUser(t.db, ['chair', 'member']),
      members: [await makeUser(t.db, ['member']), await makeUser(t.db, ['member'])],
      technician: await makeUser(t.db, ['technician']),
      officer: await makeUser(t.db, ['diagnostician']),
    };
    siteA = (await makeSite(t.db, { name: 'Résidence des Bergères', landlord: 'Puteaux Habitat', latitude: 48.8846, longitude: 2.2385 })).id;
    siteB = (await makeSite(t.db, { name: 'Cité Lorilleux', landlord: 'Seine Ouest Habitat', latitude: 48.8812, longitude: 2.2401 })).id;
    const publish = async (site: string, wording: Parameters<typeof signedDecision>[3]) =>
      ok(runCommand(t.db, COMMANDS.publishDecision, people.chair.id, { decisionId: (await signedDecision(t.db, people, site, wording)).decisionId }));
    // 1: favourable with conditions on A; 2: unfavourable on B; 3: favourable on A, then 4: its revocation.
    await publish(siteA, { reasons: TRICKY_REASONS, conditions: [{ kind: 'masking', text: 'Masquer les fenêtres, côté cour.', dueDate: `${year + 1}-01-31` }] });
    await publish(siteB, { choice: 'against', reasons: 'Alternatives non épuisées : médiation à renforcer.' });
    await publish(siteA, { reasons: 'Parking souterrain : dégradations répétées.' });
    await ok(runCommand(t.db, COMMANDS.correctRegisterEntry, people.chair.id, { kind: 'revocation', reference: ref(3), note: 'Le bailleur a renoncé au projet.' }));
  }, 180_000);
  afterAll(async () => {
    (globalThis as { vigieDb?: unknown }).vigieDb = undefined;
    vi.unstubAllEnvs();
    await t.close();
  });

  it('serves each entry exactly as published: its hash recomputes from the HTTP body with another JCS implementation', async () => {
    const response = await get(decisions, '/api/v1/decisions');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    const body = JSON.parse(text) as { items: Record<string, unknown>[] };
    expect(body.items.map((i) => i.reference)).toEqual([ref(4), ref(3), ref(2), ref(1)]);
    for (const item of body.items) expect(recomputed(item), String(item.reference)).toBe(item.hash);
    // The chain links read from the served JSON too.
    const ascending = [...body.items].reverse();
    expect(ascending[0]!.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < ascending.length; i++) expect(ascending[i]!.previousHash).toBe(ascending[i - 1]!.hash);
    // Exactly the stored entries, and the documented shape.
    const stored = await t.db.select({ entry: registerEntries.entry }).from(registerEntries).orderBy(desc(registerEntries.sequence));
    expect(body.items.map(({ authorisation: _a, landlordDecision: _l, cameras: _k, conditionsFollowUp: _c, ...sealed }) => sealed)).toEqual(stored.map((s) => s.entry));
    // The serve-time follow-up: the favourable one not filed yet; nothing for the unfavourable one, nor for the revoked decision (both its entries).
    expect(body.items.map((i) => (i.authorisation as { status: string } | null)?.status ?? null)).toEqual([null, null, null, 'not_filed']);
    expect(body.items[3]!.conditionsFollowUp).toEqual([{ state: 'pending', overdue: false, checkedOn: null }]);
    const parsed = decisionListSchema.parse(body);
    expect(parsed.licence).toEqual({ ...LICENCE });
    expect(parsed.nextCursor).toBeNull();
    expect(parsed.links.next).toBeNull();
    expect(response.headers.get('link')).toContain(`<${LICENCE.url}>; rel="license"`);
  });

  it('filters as the register page does', async () => {
    const refs = async (query: string) => ((await (await get(decisions, `/api/v1/decisions?${query}`)).json()) as { items: RegisterEntry[] }).items.map((i) => i.reference);
    expect(await refs('outcome=unfavourable')).toEqual([ref(2)]);
    expect(await refs(`site=${siteB}`)).toEqual([ref(2)]);
    expect(await refs(`site=${siteA}`)).toEqual([ref(4), ref(3), ref(1)]);
    expect(await refs('landlord=Seine%20Ouest%20Habitat')).toEqual([ref(2)]);
    expect(await refs(`year=${year}&outcome=favourable_with_conditions`)).toEqual([ref(1)]);
    expect(await refs('year=2001')).toEqual([]);
    expect(await refs('q=mediation')).toEqual([ref(2)]);
    // A repeated parameter counts once (the first), as on the page; an empty one is no filter.
    expect(await refs('outcome=unfavourable&outcome=favourable&site=')).toEqual([ref(2)]);
    // NUL and control characters in free text are dropped, not sent to the database.
    const nul = await get(decisions, '/api/v1/decisions?q=%00m%C3%A9diation%00');
    expect(nul.status).toBe(200);
    expect(((await nul.json()) as { items: RegisterEntry[] }).items.map((i) => i.reference)).toEqual([ref(2)]);
  });

  it('answers 400 with each bad parameter named and explained, in the reader’s language, never a 500', async () => {
    const hostile: [string, string][] = [
      ['limit=1e9', 'limit'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=dix', 'limit'],
      ['cursor=NaN', 'cursor'],
      ['cursor=-1', 'cursor'],
      ['cursor=1.5', 'cursor'],
      ['cursor=99999999999999999999', 'cursor'],
      ['site=%00', 'site'],
      ['site=not-a-uuid', 'site'],
      ['outcome=adjourned', 'outcome'],
      ['outcome=%00favourable', 'outcome'],
      ['year=1999', 'year'],
      ['year=2026%00', 'year'],
      [`q=${'a'.repeat(1_000_000)}`, 'q'],
      [`landlord=${'b'.repeat(201)}`, 'landlord'],
    ];
    for (const [query, field] of hostile) {
      for (const route of [decisions, decisionsCsv] as Route[]) {
        const response = await get(route, `/api/v1/decisions?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        const body = errorSchema.parse(await response.json());
        expect(body.error.code).toBe('invalid:query');
        expect(Object.keys(body.error.fieldErrors), query).toEqual([field]);
        expect(body.error.message).toBe('Certains paramètres de la requête sont invalides : corrigez ceux qui sont signalés.');
      }
    }
    const long = errorSchema.parse(await (await get(decisions, `/api/v1/decisions?q=${'a'.repeat(1_000_000)}`)).json());
    expect(long.error.fieldErrors.q).toBe('200 caractères au maximum : raccourcissez ce texte.');
    // English by Accept-Language; the site's own language cookie wins over it.
    const english = errorSchema.parse(await (await get(decisions, '/api/v1/decisions?limit=0', { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } })).json());
    expect(english.error.message).toBe('Some parameters of the request are invalid: correct the ones listed.');
    expect(english.error.fieldErrors.limit).toBe('The number of results per page must be a whole number between 1 and 500.');
    const cookie = errorSchema.parse(await (await get(decisions, '/api/v1/decisions?limit=0', { headers: { 'accept-language': 'fr', cookie: 'a=b; vigie_locale=en' } })).json());
    expect(cookie.error.message).toMatch(/^Some parameters/);
  });

  it('serves one entry by its reference, naming its versions; 404 in JSON otherwise', async () => {
    const response = await get(oneDecision, `/api/v1/decisions/${ref(3)}`, { params: { reference: ref(3) } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const entry = servedDecisionSchema.parse(JSON.parse(text));
    expect(entry.reference).toBe(ref(3));
    expect(recomputed(JSON.parse(text))).toBe(entry.hash);
    expect(response.headers.get('link')).toContain(`<${ORIGIN}/api/v1/decisions/${ref(4)}>; rel="successor-version"`);
    const revocation = await get(oneDecision, `/api/v1/decisions/${ref(4)}`, { params: { reference: ref(4) } });
    expect(revocation.headers.get('link')).toContain(`<${ORIGIN}/api/v1/decisions/${ref(3)}>; rel="predecessor-version"`);
    for (const reference of ['CE-1999-001', 'nimporte-quoi', '\u0000', 'CE-2026-001<script>']) {
      const missing = await get(oneDecision, `/api/v1/decisions/${encodeURIComponent(reference)}`, { params: { reference } });
      expect(missing.status, reference).toBe(404);
      const body = errorSchema.parse(await missing.json());
      expect(body.error.code).toBe('not_found');
    }
    const body = errorSchema.parse(await (await get(oneDecision, '/api/v1/decisions/CE-1999-001', { params: { reference: 'CE-1999-001' } })).json());
    expect(body.error.message).toBe('Aucune inscription du registre ne porte la référence « CE-1999-001 ».');
  });

  it('answers 304 to a client that has the current version, and 200 as soon as something is published', async () => {
    const first = await get(decisions, '/api/v1/decisions?limit=2');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await get(decisions, '/api/v1/decisions?limit=2', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('access-control-allow-origin')).toBe('*');
    // A weak form of the same tag, or one in a list, matches too; another URL has another tag.
    expect((await get(decisions, '/api/v1/decisions?limit=2', { headers: { 'if-none-match': `"x", W/${etag}` } })).status).toBe(304);
    expect((await get(decisions, '/api/v1/decisions?limit=3', { headers: { 'if-none-match': etag! } })).status).toBe(200);
    // Every format has its validator.
    for (const [route, path] of [
      [decisionsCsv, '/api/v1/decisions.csv'],
      [decisionsGeojson, '/api/v1/decisions.geojson'],
      [decisionsAtom, '/api/v1/decisions.atom'],
      [openapi, '/api/v1/openapi.json'],
    ] as [Route, string][]) {
      const tag = (await get(route, path)).headers.get('etag');
      expect(tag, path).toBeTruthy();
      expect((await get(route, path, { headers: { 'if-none-match': tag! } })).status, path).toBe(304);
    }
    // A publication changes the head: the old copy is stale at once.
    await appendCorrections(t.db, ref(2), 1, () => ({ note: 'Coquille dans les motifs.' }));
    const after = await get(decisions, '/api/v1/decisions?limit=2', { headers: { 'if-none-match': etag! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(((await after.json()) as { items: RegisterEntry[] }).items[0]!.reference).toBe(ref(5));
  });

  it('answers an unknown address under /api/v1 with a JSON 404', async () => {
    const response = await get(unknown, '/api/v1/decisions.xml', { params: { path: 'decisions.xml' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(errorSchema.parse(await response.json()).error).toEqual({ code: 'not_found', message: 'Élément introuvable.', fieldErrors: {} });
  });

  it('answers a CORS preflight and says nosniff', async () => {
    const response = decisions.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toContain('If-None-Match');
    const data = await get(decisions, '/api/v1/decisions');
    expect(data.headers.get('x-content-type-options')).toBe('nosniff');
    expect(data.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('writes CSV by RFC 4180 with a BOM, formulas neutralised and awkward text quoted', async () => {
    // Five corrections of entry 1, each starting a cell the way a spreadsheet would run.
    await appendCorrections(t.db, ref(1), FORMULAS.length, (i) => ({ reasons: FORMULAS[i]!, note: FORMULAS[(i + 1) % FORMULAS.length]! }));
    const response = await get(decisionsCsv, '/api/v1/decisions.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="registre-des-avis.csv"');
    expect(response.headers.get('link')).toBe(`<${LICENCE.url}>; rel="license"`);
    const text = await csvText(response);
    // CRLF between records; a line break inside a quoted cell stays as it was written.
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Motifs, avec une virgule, des ""guillemets""\net un saut de ligne."');
    const { data, errors } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data.map((r) => r.sequence)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const first = data[0]!;
    expect(first).toMatchObject({ reference: ref(1), site_name: 'Résidence des Bergères', site_landlord: 'Puteaux Habitat', site_lat: '48.8846', outcome: 'favourable_with_conditions', reasons: TRICKY_REASONS, privacy_masking: 'true', corrects: '' });
    expect(first.conditions).toBe(`masking: Masquer les fenêtres, côté cour. (${year + 1}-01-31)`);
    expect(first.purposes).toBe('assault_theft_drug_trafficking_prevention');
    expect(first.votes_for).toBe('3');
    // Each formula is neutralised by a leading apostrophe, in every text column (reasons, note), the multi-line one included.
    const corrections = data.slice(5);
    expect(corrections.map((r) => r.reasons)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(corrections.map((r) => r.note)).toEqual(FORMULAS.map((_, i) => `'${FORMULAS[(i + 1) % FORMULAS.length]}`));
    // No cell of the file starts with a formula character.
    for (const row of data) for (const [column, value] of Object.entries(row)) expect(/^[=+\-@\t\r]/.test(value), `${row.reference} ${column}`).toBe(false);
    // Filters apply, and an empty result is still a header line.
    const filtered = Papa.parse<Record<string, string>>(await csvText(await get(decisionsCsv, '/api/v1/decisions.csv?outcome=unfavourable')), { header: true, skipEmptyLines: true });
    expect(filtered.data.map((r) => r.reference)).toEqual([ref(2), ref(5)]);
    const none = await csvText(await get(decisionsCsv, '/api/v1/decisions.csv?year=2001'));
    expect(none).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('maps one Point per site with its counts, and one per camera in service tagged as OSM does; a favourable opinion alone authorises nothing', async () => {
    const read = async () => {
      invalidateRegisterCache(t.db);
      const response = await get(decisionsGeojson, '/api/v1/decisions.geojson');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/geo+json');
      return siteCollectionSchema.parse(await response.json());
    };
    const before = await read();
    expect(before.licence).toEqual({ ...LICENCE });
    const sitesOf = (c: typeof before) => c.features.filter((f) => f.properties.kind === 'site') as Extract<(typeof before.features)[number], { properties: { kind: 'site' } }>[];
    expect(sitesOf(before).map((f) => f.properties.name)).toEqual(['Cité Lorilleux', 'Résidence des Bergères']);
    const [b, a] = sitesOf(before) as [ReturnType<typeof sitesOf>[number], ReturnType<typeof sitesOf>[number]];
    expect(a.id).toBe(siteA);
    expect(a.geometry).toEqual({ type: 'Point', coordinates: [2.2385, 48.8846] });
    // Decision 1 (as last corrected) is favourable but not filed at the prefecture: not authorised, nothing in service.
    expect(a.properties).toMatchObject({ camerasAuthorised: 0, camerasInService: 0, landlord: 'Puteaux Habitat' });
    // Site points are not cameras: never a camera tag.
    for (const site of sitesOf(before)) for (const tag of ['man_made', 'surveillance', 'surveillance:type', 'surveillance:zone']) expect(site.properties).not.toHaveProperty(tag);
    expect(before.features.filter((f) => f.properties.kind === 'camera')).toEqual([]);
    expect(a.properties.entries.map((e) => e.reference)).toEqual([ref(10), ref(9), ref(8), ref(7), ref(6), ref(4), ref(3), ref(1)]);
    // The current version of each decision: decision 1's last correction, decision 3's revocation.
    expect(a.properties.entries.filter((e) => e.current).map((e) => e.reference)).toEqual([ref(10), ref(4)]);
    expect(a.properties.entries[0]!.url).toBe(`${ORIGIN}/registre/${ref(10)}`);
    expect(a.properties.feed).toBe(`${ORIGIN}/api/v1/sites/${siteA}/decisions.atom`);
    expect(a.properties.url).toBe(`${ORIGIN}/registre/sites/${siteA}`);
    expect(b.properties).toMatchObject({ camerasAuthorised: 0, camerasInService: 0 });
    expect(b.properties.entries.map((e) => [e.reference, e.outcome])).toEqual([
      [ref(5), 'unfavourable'],
      [ref(2), 'unfavourable'],
    ]);

    // The prefect refuses decision 1: still nothing authorised. Then grants it and its camera goes up: one authorised, one in service, one camera point.
    const [first] = await t.db.select({ decisionId: registerEntries.decisionId }).from(registerEntries).where(eq(registerEntries.reference, ref(1)));
    const decisionId = first!.decisionId;
    await t.db.execute(sql`INSERT INTO authorisations (decision_id, filed_on, prefecture_reference, prefect_decision, prefect_decided_on, refusal_reason)
      VALUES (${decisionId}, ${daysAgo(40)}, 'PREF-1', 'refused', ${daysAgo(10)}, 'Avis défavorable de la commission.')`);
    expect(sitesOf(await read()).find((f) => f.id === siteA)!.properties).toMatchObject({ camerasAuthorised: 0, camerasInService: 0 });
    await t.db.execute(sql`UPDATE authorisations SET prefect_decision = 'granted', refusal_reason = NULL, order_reference = 'AP-1', revision = revision + 1 WHERE decision_id = ${decisionId}`);
    await t.db.execute(sql`UPDATE cameras SET commissioned_on = ${daysAgo(5)} WHERE proposal_id = (SELECT proposal_id FROM decisions WHERE id = ${decisionId})`);
    const after = await read();
    expect(sitesOf(after).find((f) => f.id === siteA)!.properties).toMatchObject({ camerasAuthorised: 1, camerasInService: 1 });
    const cameras = after.features.filter((f) => f.properties.kind === 'camera');
    expect(cameras).toHaveLength(1);
    expect(cameras[0]).toMatchObject({
      id: `${ref(10)}-1`,
      // The committee's default precision: the site's point, never the camera's own.
      geometry: { type: 'Point', coordinates: [2.2385, 48.8846] },
      properties: { kind: 'camera', man_made: 'surveillance', 'surveillance:type': 'camera', surveillance: 'outdoor', 'surveillance:zone': 'entrance', operator: 'Ville de Puteaux', regime: 'open_to_public', authorised: true, inServiceFrom: daysAgo(5), decision: ref(10) },
    });
    // Rounded to about 10 m when the committee says so.
    await t.db.execute(sql`UPDATE committee_settings SET camera_precision = 'rounded', revision = revision + 1 WHERE id = 1`);
    const rounded = (await read()).features.find((f) => f.properties.kind === 'camera')!;
    expect(rounded.geometry.coordinates).toEqual([2.2386, 48.8847]);
    await t.db.execute(sql`UPDATE committee_settings SET camera_precision = 'site', revision = revision + 1 WHERE id = 1`);
    await t.db.execute(sql`DELETE FROM authorisations WHERE decision_id = ${decisionId}`);
    await t.db.execute(sql`UPDATE cameras SET commissioned_on = NULL WHERE proposal_id = (SELECT proposal_id FROM decisions WHERE id = ${decisionId})`);
    invalidateRegisterCache(t.db);
  });

  it('publishes Atom feeds that parse as XML, with the licence, linking each entry to its page', async () => {
    const response = await get(decisionsAtom, '/api/v1/decisions.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Language, Cookie');
    const feed = atomFeed(await response.text());
    expect(text(child(feed, 'rights'))).toBe(`${LICENCE.name} (Etalab), ${LICENCE.url} – ${LICENCE.producer}`);
    expect(text(child(feed, 'title'))).toBe('Registre des avis du comité d’éthique de la vidéoprotection');
    const entries = children(feed, 'entry');
    expect(entries).toHaveLength(10);
    const newest = entries[0]!;
    expect(child(newest, 'link').attributes?.href).toBe(`${ORIGIN}/registre/${ref(10)}`);
    expect(text(child(newest, 'id'))).toBe(`${ORIGIN}/registre/${ref(10)}`);
    expect(text(child(newest, 'title'))).toBe(`${ref(10)} – Résidence des Bergères : correction de ${ref(9)} (Avis favorable avec conditions)`);
    // HTML in the data is escaped inside the html content, never markup.
    const content = text(child(entries.find((e) => text(child(e, 'title')).startsWith(`${ref(1)} `))!, 'content'));
    expect(content).toContain('des &quot;guillemets&quot;<br>et un saut de ligne.');
    expect(content).toContain('Masquage : Masquer les fenêtres, côté cour.');
    // In English on request.
    const english = atomFeed(await (await get(decisionsAtom, '/api/v1/decisions.atom', { headers: { 'accept-language': 'en' } })).text());
    expect(text(child(english, 'title'))).toBe('Register of the video-surveillance ethics committee’s opinions');
    // One site's feed: its history only; 404 for a site the register does not name.
    const site = await get(siteAtom, `/api/v1/sites/${siteB}/decisions.atom`, { params: { id: siteB } });
    expect(site.status).toBe(200);
    const siteFeed = atomFeed(await site.text());
    expect(text(child(siteFeed, 'title'))).toBe('Registre des avis : Cité Lorilleux');
    expect(children(siteFeed, 'entry').map((e) => child(e, 'link').attributes?.href)).toEqual([`${ORIGIN}/registre/${ref(5)}`, `${ORIGIN}/registre/${ref(2)}`]);
    for (const id of ['00000000-0000-4000-8000-000000000099', 'pas-un-id']) {
      const missing = await get(siteAtom, `/api/v1/sites/${id}/decisions.atom`, { params: { id } });
      expect(missing.status).toBe(404);
      expect(errorSchema.parse(await missing.json()).error.message).toBe('Le registre ne contient aucun avis sur ce site.');
    }
  });

  it('pages through a large register by keyset, each entry exactly once, and streams its CSV chunk by chunk', async () => {
    await appendCorrections(t.db, ref(10), 1040);
    const total = 1050;
    const seen: number[] = [];
    let next: string | null = `${ORIGIN}/api/v1/decisions?limit=100&outcome=favourable_with_conditions`;
    let pages = 0;
    while (next) {
      const page = decisionListSchema.parse(await (await get(decisions, next)).json());
      seen.push(...page.items.map((i) => i.sequence));
      expect(page.items.length).toBeLessThanOrEqual(100);
      // The next link keeps the filters.
      if (page.links.next) expect(new URL(page.links.next).searchParams.get('outcome')).toBe('favourable_with_conditions');
      next = page.links.next;
      pages += 1;
    }
    const expected = [1, ...Array.from({ length: total - 5 }, (_, i) => i + 6)].reverse();
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(expected.length / 100));
    // Default page: 100 entries.
    expect(decisionListSchema.parse(await (await get(decisions, '/api/v1/decisions')).json()).items).toHaveLength(100);
    expect(decisionListSchema.parse(await (await get(decisions, '/api/v1/decisions?limit=500')).json()).items).toHaveLength(500);

    const response = await get(decisionsCsv, '/api/v1/decisions.csv');
    const reader = response.body!.getReader();
    // Keep the byte order mark in the text (TextDecoder drops it by default).
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const chunks: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    // The header, then one chunk per batch of 500 read from the database.
    expect(chunks.length).toBe(1 + Math.ceil(total / 500));
    expect(chunks[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    const rows = Papa.parse<Record<string, string>>(chunks.join('').slice(1), { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.map((r) => Number(r.sequence))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  }, 120_000);

  it('verifies the whole chain, and names the first entry changed behind the register’s back', async () => {
    const good = await get(verify, '/api/v1/register/verify');
    expect(good.status).toBe(200);
    expect(good.headers.get('cache-control')).toBe('no-store');
    const [last] = await t.db.select({ hash: registerEntries.hash }).from(registerEntries).orderBy(desc(registerEntries.sequence)).limit(1);
    expect(chainVerdictSchema.parse(await good.json())).toEqual({ ok: true, length: 1050, head: last!.hash });

    // Someone with superuser rights rewrites the reasons of entry 2 in place.
    await t.db.execute(sql`ALTER TABLE register_entries DISABLE TRIGGER register_append_only`);
    try {
      await t.db.execute(sql`UPDATE register_entries SET entry = jsonb_set(entry::jsonb, '{reasons}', '"Motifs réécrits en douce."')::json WHERE sequence = 2`);
    } finally {
      await t.db.execute(sql`ALTER TABLE register_entries ENABLE TRIGGER register_append_only`);
    }
    const bad = await get(verify, '/api/v1/register/verify');
    expect(bad.status).toBe(200);
    expect(chainVerdictSchema.parse(await bad.json())).toEqual({ ok: false, length: 1, firstInvalidSequence: 2, reason: 'hash' });
    // The trigger is back: the register refuses changes again.
    await expect(t.db.execute(sql`UPDATE register_entries SET reference = 'x' WHERE sequence = 3`)).rejects.toMatchObject({ cause: { code: '23514' } });
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 in shape, describes every route of /api/v1, and its references resolve', async () => {
    const response = await get(openapi, '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    type Json = Record<string, unknown>;
    type Operation = { responses: Json; parameters?: { name: string; in: string; schema: Json }[] };
    const doc = (await response.json()) as {
      openapi: string;
      info: Json;
      servers: Json[];
      paths: Record<string, { get: Operation }>;
      components: { schemas: Record<string, Json & { properties: Record<string, Json> }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String), license: { name: LICENCE.name, identifier: 'etalab-2.0' } });
    expect(doc.servers).toEqual([{ url: ORIGIN }]);
    const { Decision, DecisionList } = doc.components.schemas;
    expect(Decision).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys(Decision!.properties)).toEqual([...Object.keys(registerEntrySchema.shape), 'authorisation', 'landlordDecision', 'cameras', 'conditionsFollowUp']);
    expect(DecisionList!.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Decision' }, description: expect.any(String) });

    // Every route file under app/api/v1 has its path (the catch-all 404 aside), with a GET and at least one response.
    const fs = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve('app/api/v1');
    const routes = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('route.ts') && !f.includes('[...'))
      .map((f) => `/api/v1/${path.dirname(f).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'))
      .sort();
    expect(Object.keys(doc.paths).sort()).toEqual(routes);
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(Object.keys(item.get.responses).length, p).toBeGreaterThan(0);
      // A templated path declares each of its parameters.
      for (const [, name] of p.matchAll(/\{(\w+)\}/g)) expect(item.get.parameters?.some((q) => q.name === name && q.in === 'path'), `${p} ${name}`).toBe(true);
    }

    // Each $ref points at something that exists; no component keeps a $id or $schema of its own.
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref') refs.push(v as string);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) {
      expect(r.startsWith('#/')).toBe(true);
      const target = r
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, r).toBeTruthy();
    }
    for (const schema of Object.values(doc.components.schemas)) {
      expect(schema).not.toHaveProperty('$id');
      expect(schema).not.toHaveProperty('$schema');
    }
    // The list parameters come from the filters' schema.
    const params = doc.paths['/api/v1/decisions']!.get.parameters!;
    expect(params.map((p) => p.name)).toEqual(['q', 'site', 'outcome', 'year', 'landlord', 'cursor', 'limit']);
    expect(params.find((p) => p.name === 'limit')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(params.find((p) => p.name === 'outcome')!.schema).toMatchObject({ enum: ['favourable', 'favourable_with_conditions', 'unfavourable'] });
  });
});

/** A CSV answer's text: UTF-8 that starts with a byte order mark, returned without it. */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3));
}

/** The root <feed> of an Atom document, parsed by a strict XML parser (sax). */
function atomFeed(xml: string): Element {
  const document = xml2js(xml, { compact: false }) as Element;
  const feed = document.elements!.find((e) => e.name === 'feed')!;
  expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
  return feed;
}
const children = (node: Element, name: string) => (node.elements ?? []).filter((e) => e.name === name);
const child = (node: Element, name: string) => children(node, name)[0]!;
const text = (node: Element): string => (node.elements ?? []).map((e) => (e.type === 'text' ? String(e.text) : e.type === 'cdata' ? String(e.cdata) : '')).join('');
