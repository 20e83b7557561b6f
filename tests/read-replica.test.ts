import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { auditEvents, authorisations, registerEntries, residentQuestions, sites } from '@/db/schema';
import { signFormStamp } from '@/lib/resident-questions/anti-spam';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { askResidentQuestion } from '@/lib/workflow/resident-questions';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, makeUser, ok, signedDecision } from './support/fixtures';

/**
 * DATABASE_REPLICA_URL: the public reads go to the replica, everything else to the
 * primary (db/client.ts, publicReadDb). Two databases on the PostgreSQL server stand for
 * the primary and its replica, each holding a different register (a replica that has not
 * caught up yet, as it were), so where each read went shows in what it returns.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
type Route = { GET: (request: Request, context: never) => Promise<Response> };
type Globals = { vigieDb?: { pool: { end(): Promise<void> } }; vigieReplicaDb?: { pool: { end(): Promise<void> } } };
const globals = globalThis as unknown as Globals;

async function forgetHandles() {
  await globals.vigieDb?.pool.end();
  await globals.vigieReplicaDb?.pool.end();
  globals.vigieDb = undefined;
  globals.vigieReplicaDb = undefined;
}

/** The app's modules, loaded fresh so that they read the environment stubbed here. */
async function loadApp() {
  vi.resetModules();
  await forgetHandles();
  return {
    client: await import('@/db/client'),
    register: await import('@/db/queries/register'),
    openData: await import('@/db/queries/open-data'),
    report: await import('@/db/queries/annual-report'),
    observatory: await import('@/db/queries/observatory'),
    questions: await import('@/db/queries/resident-questions'),
    stamp: await import('@/lib/resident-questions/public-stamp'),
    verify: await import('@/lib/open-data/verify'),
    routes: {
      decisions: (await import('@/app/api/v1/decisions/route')) as Route,
      one: (await import('@/app/api/v1/decisions/[reference]/route')) as Route,
      csv: (await import('@/app/api/v1/decisions.csv/route')) as Route,
      geojson: (await import('@/app/api/v1/decisions.geojson/route')) as Route,
      atom: (await import('@/app/api/v1/decisions.atom/route')) as Route,
      siteAtom: (await import('@/app/api/v1/sites/[id]/decisions.atom/route')) as Route,
      verify: (await import('@/app/api/v1/register/verify/route')) as Route,
    },
  };
}

const get = (route: Route, url: string, params: Record<string, string> = {}) => route.GET(new Request(`http://vigie.test${url}`), { params: Promise.resolve(params) } as never);

/** A database holding one published decision on a site of this name; returns its reference and site. */
async function registerWithOneDecision(db: Database, siteName: string) {
  const people = await committeePeople(db);
  const site = await makeSite(db, { name: siteName, latitude: 48.88, longitude: 2.24 });
  const { decisionId } = await signedDecision(db, people, site.id);
  const entry = await ok(runCommand(db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
  return { people, siteId: site.id, reference: entry.reference, decisionId };
}

async function counts(db: Database) {
  const n = async (table: typeof registerEntries | typeof residentQuestions | typeof authorisations | typeof auditEvents | typeof sites) => (await db.select({ n: count() }).from(table))[0]!.n;
  return { entries: await n(registerEntries), questions: await n(residentQuestions), authorisations: await n(authorisations), audit: await n(auditEvents), sites: await n(sites) };
}

// The embedded database cannot have a replica (one process, one folder): these run where
// a PostgreSQL server is given (DATABASE_URL, as in CI), which holds both databases.
describe.skipIf(!BACKENDS.includes('postgres'))('public reads from a read replica (PostgreSQL only: the embedded database has no replica)', () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let onPrimary: Awaited<ReturnType<typeof registerWithOneDecision>>;
  let onReplica: Awaited<ReturnType<typeof registerWithOneDecision>>;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
    [onPrimary, onReplica] = await Promise.all([registerWithOneDecision(primary.db, 'Résidence du Primaire'), registerWithOneDecision(replica.db, 'Résidence de la Réplique')]);
  }, 180_000);
  afterEach(async () => {
    await forgetHandles();
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    await Promise.all([primary?.close(), replica?.close()]);
  });

  const configure = (replicaUrl: string) => {
    vi.stubEnv('DATABASE_URL', primary.url);
    vi.stubEnv('DATABASE_REPLICA_URL', replicaUrl);
    vi.stubEnv('APP_URL', '');
  };

  it('serves every public read from the replica, and staff reads from the primary', async () => {
    configure(replica.url);
    const app = await loadApp();
    const pub = app.client.publicReadDb();
    const staff = app.client.getDb();
    expect(pub).not.toBe(staff);

    // The register's query functions, as the public pages call them.
    const list = await app.register.listRegister(pub, {});
    expect(list.items.map((i) => i.entry.site.name)).toEqual(['Résidence de la Réplique']);
    expect((await app.register.registerEntry(pub, onReplica.reference))?.entry.site.name).toBe('Résidence de la Réplique');
    expect(await app.register.siteHistory(pub, onPrimary.siteId)).toBeNull();
    expect(await app.register.siteHistory(pub, onReplica.siteId)).not.toBeNull();
    expect((await app.register.registerFacets(pub)).sites.map((s) => s.name)).toEqual(['Résidence de la Réplique']);
    expect((await app.register.registerSites(pub)).map((s) => s.site.name)).toEqual(['Résidence de la Réplique']);
    const walked = [];
    for await (const entry of app.register.walkRegister(pub)) walked.push(entry.site.name);
    expect(walked).toEqual(['Résidence de la Réplique']);
    // The annual report, the residents' questions and the observatory: read without error on the replica's read-only sessions.
    const year = new Date().getFullYear();
    expect((await app.report.annualReport(pub, year)).decisionsTotal).toBe(1);
    await app.report.reportYears(pub);
    await app.questions.publicQuestions(pub, onReplica.reference);
    await app.questions.questionYear(pub, year);
    await app.observatory.publicObservatory(pub, year);
    await app.stamp.questionsStamp(pub);
    expect(await app.verify.verifyRegister(pub)).toMatchObject({ ok: true, length: 1 });
    const replicaHead = await app.openData.registerHeadState(pub);
    const [replicaLast] = await replica.db.select({ hash: registerEntries.hash }).from(registerEntries);
    expect(replicaHead.hash).toBe(replicaLast!.hash);

    // The open data, through its route handlers.
    const decisions = (await (await get(app.routes.decisions, '/api/v1/decisions')).json()) as { items: { reference: string; site: { name: string } }[] };
    expect(decisions.items.map((i) => i.site.name)).toEqual(['Résidence de la Réplique']);
    expect((await get(app.routes.one, `/api/v1/decisions/${onReplica.reference}`, { reference: onReplica.reference })).status).toBe(200);
    expect(await (await get(app.routes.csv, '/api/v1/decisions.csv')).text()).toContain('Résidence de la Réplique');
    const geojson = (await (await get(app.routes.geojson, '/api/v1/decisions.geojson')).json()) as { features: { properties: { name: string } }[] };
    expect(JSON.stringify(geojson)).toContain('Résidence de la Réplique');
    expect(JSON.stringify(geojson)).not.toContain('Résidence du Primaire');
    expect(await (await get(app.routes.atom, '/api/v1/decisions.atom')).text()).toContain('Résidence de la Réplique');
    expect((await get(app.routes.siteAtom, `/api/v1/sites/${onReplica.siteId}/decisions.atom`, { id: onReplica.siteId })).status).toBe(200);
    expect((await get(app.routes.siteAtom, `/api/v1/sites/${onPrimary.siteId}/decisions.atom`, { id: onPrimary.siteId })).status).toBe(404);
    expect((await get(app.routes.verify, '/api/v1/register/verify')).status).toBe(200);

    // Staff (and every command) read the primary.
    expect((await app.register.listRegister(staff, {})).items.map((i) => i.entry.site.name)).toEqual(['Résidence du Primaire']);
  });

  it('sends every write to the primary: a publication, a resident’s question, an authorisation filing; the replica is unchanged', async () => {
    configure(replica.url);
    const app = await loadApp();
    const pub = app.client.publicReadDb();
    const staff = app.client.getDb();
    const [primaryBefore, replicaBefore] = await Promise.all([counts(primary.db), counts(replica.db)]);

    // What the app's write paths do (lib/actions.ts, the question form's action): commands on getDb().
    const site = await makeSite(staff, { name: 'Cité Nouvelle' });
    const { decisionId } = await signedDecision(staff, onPrimary.people, site.id);
    const published = await ok(runCommand(staff, COMMANDS.publishDecision, onPrimary.people.chair.id, { decisionId }));
    const asked = await askResidentQuestion(
      staff,
      { reference: published.reference, kind: 'question', askerName: 'Awa', askerEmail: 'awa@example.test', body: 'La caméra filme-t-elle le hall ?', stamp: signFormStamp(new Date(Date.now() - 10_000)), website: '' },
      { address: '198.51.100.7' },
    );
    expect(asked).toMatchObject({ ok: true, stored: true });
    const officer = await makeUser(staff, ['diagnostician']);
    await ok(runCommand(staff, COMMANDS.recordAuthorisationFiling, officer.id, { decisionId: onPrimary.decisionId, revision: 0, filedOn: new Date().toISOString().slice(0, 10), prefectureReference: 'PREF-92-0001' }));

    const [primaryAfter, replicaAfter] = await Promise.all([counts(primary.db), counts(replica.db)]);
    expect(replicaAfter).toEqual(replicaBefore);
    expect(primaryAfter.entries).toBe(primaryBefore.entries + 1);
    expect(primaryAfter.questions).toBe(primaryBefore.questions + 1);
    expect(primaryAfter.authorisations).toBe(primaryBefore.authorisations + 1);
    expect(primaryAfter.audit).toBeGreaterThan(primaryBefore.audit);

    // Staff see their publication at once; the public, reading the replica, once it has it (here: never).
    expect((await app.register.listRegister(staff, {})).items).toHaveLength(2);
    expect((await app.register.listRegister(pub, {})).items.map((i) => i.entry.site.name)).toEqual(['Résidence de la Réplique']);

    // The replica handle cannot write at all: its sessions are read-only, though this "replica" is a writable database.
    const refused = await pub
      .insert(sites)
      .values({ name: 'Interdit', address: '1 rue X', landlord: 'Y', dwellings: 1, latitude: 48.9, longitude: 2.2 })
      .then(() => null, (err: Error) => err);
    expect((refused?.cause as Error | undefined)?.message).toMatch(/read-only transaction/);
    expect(await counts(replica.db)).toEqual(replicaBefore);
  });

  it('without DATABASE_REPLICA_URL, public reads use the primary (the very same handle)', async () => {
    configure('');
    const app = await loadApp();
    expect(app.client.publicReadDb()).toBe(app.client.getDb());
    const decisions = (await (await get(app.routes.decisions, '/api/v1/decisions')).json()) as { items: { site: { name: string } }[] };
    expect(decisions.items.map((i) => i.site.name)).toContain('Résidence du Primaire');
    expect(decisions.items.map((i) => i.site.name)).not.toContain('Résidence de la Réplique');
  });
});

describe('which code reads where', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(dir, d.name)] : []));
  const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  /** The public side's only write: the residents' question form. */
  const PUBLIC_WRITES = [path.join('app', '(public)', 'registre', '[reference]', 'question', 'actions.ts')];

  it('public pages, the open data and the page cache read through publicReadDb(); only the question form writes, on the primary', () => {
    const publicFiles = [...files(path.join('app', '(public)')), ...files(path.join('app', 'api', 'v1')), path.join('lib', 'page-cache.ts')];
    const onPrimary = publicFiles.filter((f) => /\bgetDb\(/.test(source(f)));
    expect(onPrimary).toEqual(PUBLIC_WRITES);
    for (const f of PUBLIC_WRITES) expect(source(f)).not.toMatch(/\bpublicReadDb\(/);
  });

  it('nothing else uses the replica: staff pages, commands, auth, jobs and scripts stay on the primary', () => {
    const elsewhere = [...files('app').filter((f) => !f.startsWith(path.join('app', '(public)')) && !f.startsWith(path.join('app', 'api', 'v1'))), ...files('lib').filter((f) => f !== path.join('lib', 'page-cache.ts')), ...files('scripts'), 'auth.ts', 'proxy.ts'];
    expect(elsewhere.filter((f) => /\bpublicReadDb\(/.test(source(f)))).toEqual([]);
  });
});

describe('DATABASE_REPLICA_URL', () => {
  it('is optional, and a PostgreSQL address when given', async () => {
    const { parseEnv } = await import('@/lib/env');
    expect(parseEnv({ NODE_ENV: 'test', DATABASE_REPLICA_URL: '' }).DATABASE_REPLICA_URL).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'test', DATABASE_REPLICA_URL: 'postgres://replica.example/vigie', DATABASE_REPLICA_POOL_MAX: '20' })).toMatchObject({ DATABASE_REPLICA_URL: 'postgres://replica.example/vigie', DATABASE_REPLICA_POOL_MAX: 20 });
    expect(() => parseEnv({ DATABASE_REPLICA_URL: 'mysql://replica.example/vigie' })).toThrow(/DATABASE_REPLICA_URL/);
    expect(() => parseEnv({ DATABASE_REPLICA_URL: 'postgres://replica.example/vigie', DATABASE_REPLICA_POOL_MAX: '0' })).toThrow(/DATABASE_REPLICA_POOL_MAX/);
  });
});
