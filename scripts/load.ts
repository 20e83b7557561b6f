/**
 * Load with crashes, nothing lost (issue 9, part 6).
 *
 *   tsx scripts/load.ts [--seconds=60] [--crash-seconds=10] [--readers=100] [--writers=20]
 *                       [--db=postgres,embedded] [--port=3305] [--keep]
 *
 * For each database (PostgreSQL: a fresh database created on DATABASE_URL's server;
 * embedded: a fresh VIGIE_DATA_DIR), this seeds the demo and starts the production app
 * (`scripts/vigie.ts start`, reusing the build in .next when it is current), then:
 * 1. load: readers (public pages, the open-data API, staff pages with a session) and
 *    writers (staff commands through the real HTTP layer: server actions posted as
 *    no-JavaScript forms with a signed-in cookie) for --seconds. Each write the server
 *    acknowledged (its 303 to the success location) is recorded.
 * 2. crash: a write burst, and `kill -9` of the whole app (the launcher, the embedded
 *    database it holds, and Next.js's server) in the middle of it; then a restart.
 * 3. checks: the register verifies over HTTP, the app takes writes again, and (app
 *    stopped) every acknowledged write is in the database, with no half-written record.
 * Prints the figures and exits non-zero if anything was lost or unexpected.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedServer } from '../db/embedded';
import { createFreshDatabase } from '../db/fresh-database';
import { App as HarnessApp, Client, decode, ensureBuild, formFields, processesWhere, sleep, type Fields } from './app-harness';

// ---------------------------------------------------------------- options

type DbKind = 'postgres' | 'embedded';
interface Options {
  seconds: number;
  crashSeconds: number;
  readers: number;
  writers: number;
  databases: DbKind[];
  port: number;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const num = (name: string, fallback: number) => {
    const raw = arg(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const dbs = (arg('db') ?? (process.env.DATABASE_URL ? 'postgres,embedded' : 'embedded')).split(',') as DbKind[];
  for (const d of dbs) if (d !== 'postgres' && d !== 'embedded') throw new Error(`--db: unknown database ${d}`);
  if (dbs.includes('postgres') && !process.env.DATABASE_URL) throw new Error('--db=postgres needs DATABASE_URL (a PostgreSQL server where this may create a database)');
  return {
    seconds: num('seconds', 60),
    crashSeconds: num('crash-seconds', 10),
    readers: num('readers', 100),
    writers: num('writers', 20),
    databases: dbs,
    port: num('port', 3305),
    keep: argv.includes('--keep'),
  };
}

const log = (msg: string) => console.log(`[load] ${msg}`);

// ---------------------------------------------------------------- the app process (scripts/app-harness.ts)

/** The harness's app, which the crash check can also kill -9 like a crash of the machine. */
class App extends HarnessApp {
  /** kill -9 of every process of the app; returns how many processes there were. */
  async crash(): Promise<number> {
    const pid = this.child!.pid!;
    const members = processGroup(pid);
    process.kill(-pid, 'SIGKILL');
    await this.exited;
    for (let i = 0; i < 100 && this.groupAlive(); i++) await sleep(50);
    if (this.groupAlive()) throw new Error('processes of the app survived kill -9');
    this.child = null;
    return members;
  }
}

/** How many processes are in the group, to show the kill reached them all. */
const processGroup = (pgid: number) => processesWhere((fields) => Number(fields[2]) === pgid).length;

// ---------------------------------------------------------------- HTTP: sessions and forms (scripts/app-harness.ts)

/**
 * What a refused form says, to count refusals by kind: the form's state travels in the
 * page's React payload (`{"ok":false,"message":…,"fieldErrors":{"_form":…}}`), the
 * page itself may already show the newer state.
 */
function refusalText(html: string): string {
  const payload = html.replace(/\\"/g, '"');
  const state = /"ok":false,"message":"((?:[^"\\]|\\.)*)"(?:,"fieldErrors":\{"_form":"((?:[^"\\]|\\.)*)")?/.exec(payload);
  if (state) return (state[2] || state[1]!).slice(0, 90);
  const summary = /class="error-summary"[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return decode(summary.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()).slice(0, 90) || '(no message)';
}

function networkKind(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timeout';
  return e?.cause?.code ?? e?.cause?.message ?? String(err).slice(0, 60);
}

// ---------------------------------------------------------------- what happened

type Phase = 'load' | 'crash' | 'after';
type WriteKind = 'create draft' | 'withdraw draft' | 'withdraw again' | 'deliberation' | 'vote' | 'register correction';

interface Write {
  kind: WriteKind;
  phase: Phase;
  /** What identifies it in the database: a proposal id, a message body, a member's vote. */
  key: string;
  choice?: string;
  startedAt: number;
  /** acknowledged | expected refusal | refused: … | http … | network … */
  outcome: string;
  acknowledged: boolean;
  /** A created proposal's id, read from the acknowledged answer's location. */
  id?: string;
}

class Stats {
  reads = 0;
  readErrors = new Map<string, number>();
  latencies: number[] = [];
  writes: Write[] = [];
  writeLatencies: number[] = [];

  readError(kind: string) {
    this.readErrors.set(kind, (this.readErrors.get(kind) ?? 0) + 1);
  }
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// ---------------------------------------------------------------- the actors

interface World {
  client: Client;
  cookies: Map<string, string>;
  members: string[]; // emails of the voters: the chair and the five members
  sessionPath: string;
  underVotePath: string;
  proposalUnderVote: string;
  references: string[];
  /** Forms read once and posted many times (their hidden fields do not change between posts). */
  forms: Map<string, Fields>;
  sites: string[];
  /** The latest version, in the register, of the decision the chair keeps correcting. */
  registerHead: string;
}

/** The hidden fields of a form on `pathname`, read once per account and kind (the first page view). */
async function formOf(world: World, key: string, pathname: string, cookie: string, marker: string): Promise<Fields> {
  const cached = world.forms.get(key);
  if (cached) return cached;
  const html = await world.client.page(pathname, cookie);
  const fields = formFields(html, marker);
  if (!fields) throw new Error(`no form with ${marker} on ${pathname}`);
  if (marker === 'name="title"') world.sites = [...html.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  world.forms.set(key, fields);
  return fields;
}

const MEMBERS = ['presidence@demo.vigie.test', ...[1, 2, 3, 4, 5].map((i) => `membre${i}@demo.vigie.test`)];
const TECHNICIAN = 'technicien@demo.vigie.test';

async function discover(client: Client, dbLabel: string): Promise<World> {
  const cookies = new Map<string, string>();
  // Each account signs in once (sign-in attempts are limited): its cookie is shared by its workers.
  for (const email of [TECHNICIAN, ...MEMBERS]) cookies.set(email, await client.signIn(email));
  const chair = cookies.get(MEMBERS[0]!)!;
  const list = await client.page('/espace/seances', chair);
  let sessionPath = '';
  let underVotePath = '';
  for (const href of new Set(list.match(/\/espace\/seances\/[0-9a-f-]{36}/g) ?? [])) {
    const html = await client.page(href, cookies.get(MEMBERS[1]!)!);
    if (html.includes('name="choice"')) {
      sessionPath = href;
      underVotePath = /\/espace\/propositions\/[0-9a-f-]{36}/.exec(html)![0];
      break;
    }
  }
  if (!sessionPath) throw new Error(`${dbLabel}: the demo's session with an open vote was not found`);
  const decisions = (await (await fetch(`${client.base}/api/v1/decisions`)).json()) as { data?: { reference: string }[]; items?: { reference: string }[] };
  const references = (decisions.data ?? decisions.items ?? []).map((d) => d.reference);
  const world: World = { client, cookies, members: MEMBERS, sessionPath, underVotePath, proposalUnderVote: underVotePath.split('/').pop()!, references, forms: new Map(), sites: [], registerHead: references[0] ?? '' };
  // Each writer's form, read before the clock starts: the load phase is about posting.
  await formOf(world, 'create', '/espace/propositions/nouvelle', cookies.get(TECHNICIAN)!, 'name="title"');
  for (const email of MEMBERS) {
    await formOf(world, `deliberation ${email}`, underVotePath, cookies.get(email)!, 'name="body"');
    await formOf(world, `vote ${email}`, sessionPath, cookies.get(email)!, 'name="choice"');
  }
  return world;
}

interface Run {
  stats: Stats;
  phase: Phase;
  until: number;
  stopped: boolean;
}

async function reader(world: World, run: Run, n: number): Promise<void> {
  const member = world.cookies.get(MEMBERS[1 + (n % 5)]!)!;
  const targets: [string, string][] = [
    ['/registre', ''],
    ['/api/v1/decisions', ''],
    ['/', ''],
    ['/espace', member],
    [world.underVotePath, member],
    ['/espace/propositions', member],
    ...world.references.slice(0, 4).map((r): [string, string] => [`/registre/${encodeURIComponent(r)}`, '']),
  ];
  let i = n;
  while (!run.stopped && Date.now() < run.until) {
    const [url, cookie] = targets[i++ % targets.length]!;
    const t0 = Date.now();
    try {
      const res = await fetch(`${world.client.base}${url}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        run.stats.reads++;
        run.stats.latencies.push(Date.now() - t0);
      } else run.stats.readError(`http ${res.status} ${url.split('/').slice(0, 3).join('/')}`);
    } catch (err) {
      run.stats.readError(`network ${networkKind(err)}`);
      await sleep(100);
    }
  }
}

/** Posts one write and records its outcome; `ack` says which answer is the success. */
async function write(
  run: Run,
  kind: WriteKind,
  key: string,
  post: () => Promise<{ status: number; location: string; body: string }>,
  ack: (location: string) => boolean,
  extra: Partial<Write> = {},
): Promise<Write> {
  const w: Write = { kind, phase: run.phase, key, startedAt: Date.now(), outcome: '', acknowledged: false, ...extra };
  run.stats.writes.push(w);
  try {
    const res = await post();
    if (res.status === 303 && ack(res.location)) {
      w.acknowledged = true;
      w.outcome = 'acknowledged';
      w.id = /\/espace\/propositions\/([0-9a-f-]{36})/.exec(res.location)?.[1];
      run.stats.writeLatencies.push(Date.now() - w.startedAt);
    } else if (res.status === 200 || (res.status === 303 && res.location.includes('erreur='))) {
      w.outcome = `refused: ${res.status === 200 ? refusalText(res.body) : res.location.replace(/.*erreur=/, '')}`;
    } else {
      w.outcome = `http ${res.status}`;
    }
  } catch (err) {
    w.outcome = `network ${networkKind(err)}`;
    await sleep(100);
  }
  return w;
}

/** The technician: creates a draft, withdraws it, and now and then tries to withdraw it again (a refusal expected). */
async function technician(world: World, run: Run, n: number): Promise<void> {
  const cookie = world.cookies.get(TECHNICIAN)!;
  let count = 0;
  while (!run.stopped && Date.now() < run.until) {
    let createForm: Fields;
    try {
      createForm = await formOf(world, 'create', '/espace/propositions/nouvelle', cookie, 'name="title"');
    } catch (err) {
      run.stats.readError(`form ${networkKind(err)}`);
      await sleep(200);
      continue;
    }
    const title = `Charge ${run.phase} ${n}-${++count} ${crypto.randomBytes(4).toString('hex')}`;
    const created = await write(
      run,
      'create draft',
      title,
      () => world.client.post('/espace/propositions/nouvelle', cookie, [...createForm, ['siteId', world.sites[count % world.sites.length]!], ['title', title]]),
      (loc) => /\/espace\/propositions\/[0-9a-f-]{36}\/modifier\?ok=created/.test(loc),
    );
    if (!created.acknowledged || run.stopped || Date.now() >= run.until) continue;
    // The new proposal's id is in the success location.
    const proposalId = created.id;
    if (!proposalId) continue;
    const page = `/espace/propositions/${proposalId}`;
    let withdrawForm: Fields;
    try {
      withdrawForm = await formOf(world, 'withdraw', page, cookie, 'name="reason"');
    } catch (err) {
      run.stats.readError(`form ${networkKind(err)}`);
      continue;
    }
    const fields = (): Fields => [...withdrawForm.filter(([k]) => k !== 'proposalId'), ['proposalId', proposalId], ['reason', `Retrait de charge ${title}`], ['confirmed', 'on']];
    const withdrawn = await write(run, 'withdraw draft', proposalId, () => world.client.post(page, cookie, fields()), (loc) => loc.includes('ok=withdrawn'));
    if (withdrawn.acknowledged && count % 4 === 0) {
      await write(run, 'withdraw again', proposalId, () => world.client.post(page, cookie, fields()), () => false);
    }
  }
}

/** A member posts to the internal deliberation of the file under vote. */
async function deliberator(world: World, run: Run, n: number): Promise<void> {
  const email = MEMBERS[n % MEMBERS.length]!;
  const cookie = world.cookies.get(email)!;
  while (!run.stopped && Date.now() < run.until) {
    let form: Fields;
    try {
      form = await formOf(world, `deliberation ${email}`, world.underVotePath, cookie, 'name="body"');
    } catch (err) {
      run.stats.readError(`form ${networkKind(err)}`);
      await sleep(200);
      continue;
    }
    const body = `Message de charge ${crypto.randomUUID()}`;
    await write(run, 'deliberation', body, () => world.client.post(world.underVotePath, cookie, [...form, ['body', body]]), (loc) => loc.includes('ok=deliberation_posted'));
  }
}

/**
 * The chair corrects the latest version of a published decision, from two writers at once:
 * each correction appends to the register's hash chain, and the one that loses the race
 * to correct the same version gets the expected "already corrected" refusal.
 */
async function corrector(world: World, run: Run): Promise<void> {
  const cookie = world.cookies.get(MEMBERS[0]!)!;
  while (!run.stopped && Date.now() < run.until) {
    const target = world.registerHead;
    const page = `/espace/registre/${encodeURIComponent(target)}/corriger`;
    let fields: Fields | null;
    try {
      const html = await world.client.page(page, cookie);
      // Corrected meanwhile: the page names the newer version.
      const newer = new RegExp(`/espace/registre/([^/"]+)/corriger`).exec(html.replace(page, ''))?.[1];
      if (newer && html.includes('name="note"') === false) {
        if (world.registerHead === target) world.registerHead = decodeURIComponent(newer);
        continue;
      }
      fields = formFields(html, 'name="note"');
      if (!fields) throw new Error(`no correction form on ${page}`);
    } catch (err) {
      run.stats.readError(`form ${networkKind(err)}`);
      await sleep(200);
      continue;
    }
    const note = `Correction de charge ${crypto.randomUUID()}`;
    const w = await write(
      run,
      'register correction',
      note,
      () => world.client.post(page, cookie, [...fields!, ['kind', 'correction'], ['note', note], ['reasons', `Motifs corrigés (${note}).`], ['publicSummary', `Résumé corrigé (${note}).`], ['confirmed', 'on']]),
      (loc) => loc.includes('ok=register_corrected'),
    );
    if (!w.acknowledged) await sleep(50);
  }
}

/** One voter per member (so that each member's last acknowledged vote is known): changes their vote again and again. */
async function voter(world: World, run: Run, email: string, last: Map<string, string>): Promise<void> {
  const cookie = world.cookies.get(email)!;
  const choices = ['for', 'against', 'abstain'];
  while (!run.stopped && Date.now() < run.until) {
    let form: Fields;
    try {
      form = await formOf(world, `vote ${email}`, world.sessionPath, cookie, 'name="choice"');
    } catch (err) {
      run.stats.readError(`form ${networkKind(err)}`);
      await sleep(200);
      continue;
    }
    const previous = last.get(email);
    const choice = choices[(choices.indexOf(previous ?? 'abstain') + 1) % 3]!;
    const w = await write(run, 'vote', email, () => world.client.post(world.sessionPath, cookie, [...form, ['choice', choice]]), (loc) => loc.includes('ok=voted'), { choice });
    if (w.acknowledged) last.set(email, choice);
  }
}

async function drive(world: World, stats: Stats, phase: Phase, seconds: number, readers: number, writers: number, lastVote: Map<string, string>, during?: (run: Run) => Promise<void>) {
  const run: Run = { stats, phase, until: Date.now() + seconds * 1000, stopped: false };
  const tasks: Promise<void>[] = [];
  for (let i = 0; i < readers; i++) tasks.push(reader(world, run, i));
  // The writers: one voter per member, then technicians and deliberations in turn.
  for (let i = 0; i < writers; i++) {
    if (i < MEMBERS.length) tasks.push(voter(world, run, MEMBERS[i]!, lastVote));
    else if (i < MEMBERS.length + 2 && world.registerHead) tasks.push(corrector(world, run));
    else if (i % 2 === 0) tasks.push(technician(world, run, i));
    else tasks.push(deliberator(world, run, i));
  }
  if (during) await during(run);
  await Promise.all(tasks);
}

/** The refusals the scenario provokes on purpose: a second withdrawal, two corrections of one version. */
const EXPECTED_REFUSALS: Partial<Record<WriteKind, RegExp>> = {
  'withdraw again': /^refused: /,
  'register correction': /^refused: .*(déjà été corrigée|already been corrected)/i,
};

// ---------------------------------------------------------------- the checks in the database

interface Verdict {
  missing: string[];
  halfWritten: string[];
  inFlightStored: number;
}

async function checkDatabase(url: string, writes: Write[], lastVote: Map<string, string>, inFlightVotes: Map<string, Set<string>>): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const missing: string[] = [];
  const halfWritten: string[] = [];
  try {
    const acked = writes.filter((w) => w.acknowledged);
    // Drafts: each acknowledged creation is a proposal with that title and id.
    const created = acked.filter((w) => w.kind === 'create draft');
    const { rows: proposals } = await client.query<{ id: string; title: string; state: string }>('SELECT id, title, state FROM proposals WHERE title = ANY($1)', [created.map((w) => w.key)]);
    const byTitle = new Map(proposals.map((p) => [p.title, p]));
    for (const w of created) {
      const p = byTitle.get(w.key);
      if (!p || p.id !== w.id) missing.push(`create draft "${w.key}"`);
    }
    const state = new Map(proposals.map((p) => [p.id, p.state]));
    for (const w of acked.filter((x) => x.kind === 'withdraw draft')) if (state.get(w.key) !== 'withdrawn') missing.push(`withdraw ${w.key}`);
    const bodies = acked.filter((w) => w.kind === 'deliberation').map((w) => w.key);
    const { rows: messages } = await client.query<{ body: string }>('SELECT body FROM deliberation_messages WHERE body = ANY($1)', [bodies]);
    const stored = new Set(messages.map((m) => m.body));
    for (const b of bodies) if (!stored.has(b)) missing.push(`deliberation "${b}"`);
    const notes = acked.filter((w) => w.kind === 'register correction').map((w) => w.key);
    const { rows: corrections } = await client.query<{ note: string }>(`SELECT entry->>'note' AS note FROM register_entries WHERE entry->>'note' = ANY($1)`, [notes]);
    const entered = new Set(corrections.map((c) => c.note));
    for (const n of notes) if (!entered.has(n)) missing.push(`register correction "${n}"`);
    // Votes: each member's stored choice is their last acknowledged one, or the one in flight when the app died.
    const { rows: votes } = await client.query<{ email: string; choice: string; revision: number; events: string }>(`
      SELECT u.email, v.choice, v.revision,
             (SELECT count(*) FROM audit_events e WHERE e.action = 'vote.cast' AND e.entity_id = v.item_id AND e.details->>'memberId' = v.member_id::text) AS events
        FROM votes v JOIN users u ON u.id = v.member_id
        JOIN agenda_items i ON i.id = v.item_id WHERE i.state = 'voting'`);
    for (const [email, choice] of lastVote) {
      const v = votes.find((x) => x.email === email);
      const allowed = new Set([choice, ...(inFlightVotes.get(email) ?? [])]);
      if (!v || !allowed.has(v.choice)) missing.push(`vote of ${email}: acknowledged ${choice}, stored ${v?.choice ?? 'none'}`);
    }
    // No half-written record: each change carries the audit event written in its transaction.
    const half = async (label: string, sql: string) => {
      const { rows } = await client.query<{ n: string }>(sql);
      if (Number(rows[0]!.n) > 0) halfWritten.push(`${rows[0]!.n} ${label}`);
    };
    // A proposal is created blank by a technician or opened from a published decision (a change, a re-review).
    await half('proposals without their creation event', `SELECT count(*) AS n FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_id = p.id AND e.action IN ('proposal.created', 'proposal.opened_from_decision'))`);
    await half('withdrawn proposals without their transition event', `SELECT count(*) AS n FROM proposals p WHERE p.state = 'withdrawn' AND (p.withdrawn_reason IS NULL OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_id = p.id AND e.to_state = 'withdrawn'))`);
    await half('deliberation messages without their event', `SELECT count(*) AS n FROM deliberation_messages m WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.action = 'deliberation.posted' AND e.details->>'messageId' = m.id::text)`);
    await half('register entries without their event', `SELECT count(*) AS n FROM register_entries r WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.action = 'decision.entered_in_register' AND e.details->>'reference' = r.reference)`);
    const tally = votes.filter((v) => Number(v.events) !== v.revision);
    if (tally.length) halfWritten.push(`${tally.length} votes whose revision differs from their recorded casts`);
    // Writes not acknowledged (in flight when the app died) may or may not have landed: counted, not judged.
    const unacked = writes.filter((w) => !w.acknowledged && w.kind === 'deliberation');
    const { rows: landed } = await client.query<{ n: string }>('SELECT count(*) AS n FROM deliberation_messages WHERE body = ANY($1)', [unacked.map((w) => w.key)]);
    return { missing, halfWritten, inFlightStored: Number(landed[0]!.n) };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- one database, start to end

interface Report {
  db: DbKind;
  ok: boolean;
  lines: string[];
}

function summarize(writes: Write[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const w of writes) {
    // Refusals told apart by kind, not by the register reference they name.
    const key = `${w.kind}: ${w.outcome.replace(/CE-\d{4}-\d+/g, 'CE-…')}`;
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  return new Map([...by].sort());
}

async function runOn(db: DbKind, options: Options, workDir: string): Promise<Report> {
  const lines: string[] = [];
  const say = (s: string) => {
    lines.push(s);
    log(`${db}: ${s}`);
  };
  let ok = true;
  const fail = (s: string) => {
    ok = false;
    say(`FAIL ${s}`);
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    AUTH_SECRET: 'load-test-secret-not-for-production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let dbUrl = '';
  let dropDb: (() => Promise<void>) | null = null;
  const dataDir = path.join(workDir, `data-${db}`);
  if (db === 'postgres') {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'vigie_load');
    dbUrl = fresh.url;
    env.DATABASE_URL = dbUrl;
    dropDb = fresh.drop;
  } else {
    env.DATABASE_URL = '';
    env.VIGIE_DATA_DIR = dataDir;
  }
  const app = new App(env, path.join(workDir, `app-${db}.log`), options.port);
  const stats = new Stats();
  const lastVote = new Map<string, string>();
  try {
    await app.seed();
    say(`seeded; app up in ${await app.start()} ms`);
    const world = await discover(new Client(app.base), db);

    // 1. Load.
    const t0 = Date.now();
    await drive(world, stats, 'load', options.seconds, options.readers, options.writers, lastVote);
    const elapsed = (Date.now() - t0) / 1000;
    const loadWrites = stats.writes.filter((w) => w.phase === 'load');
    const ackLoad = loadWrites.filter((w) => w.acknowledged).length;
    say(`load: ${options.readers} readers + ${options.writers} writers for ${elapsed.toFixed(1)} s`);
    say(
      `  reads: ${stats.reads} answered 200 (${(stats.reads / elapsed).toFixed(0)} req/s), latency p50 ${percentile(stats.latencies, 50)} ms, p95 ${percentile(stats.latencies, 95)} ms, p99 ${percentile(stats.latencies, 99)} ms`,
    );
    say(`  writes: ${loadWrites.length} posted (${(loadWrites.length / elapsed).toFixed(0)}/s), ${ackLoad} acknowledged, p95 ${percentile(stats.writeLatencies, 95)} ms`);
    for (const [k, n] of summarize(loadWrites)) say(`    ${n} × ${k}`);
    if (stats.readErrors.size) for (const [k, n] of stats.readErrors) fail(`read error: ${n} × ${k}`);
    else say('  read errors: 0');
    for (const w of loadWrites) {
      const expected = w.acknowledged || (EXPECTED_REFUSALS[w.kind]?.test(w.outcome) ?? false);
      if (!expected) {
        fail(`unexpected write outcome during load: ${w.kind}: ${w.outcome}`);
        break;
      }
    }

    // 2. Crash in the middle of a write burst.
    const readErrorsBefore = new Map(stats.readErrors);
    let killedAt = 0;
    let processes = 0;
    const burstStart = Date.now();
    await drive(world, stats, 'crash', options.crashSeconds, 0, options.writers, lastVote, async (run) => {
      await sleep((options.crashSeconds * 1000) / 2);
      // In the middle of the burst: writes acknowledged in it already, others in flight.
      while (stats.writes.filter((w) => w.phase === 'crash' && w.acknowledged).length < 5 && Date.now() < run.until) await sleep(50);
      // No new write from here: those in flight meet the crash.
      run.stopped = true;
      killedAt = Date.now();
      processes = await app.crash();
    });
    const crashWrites = stats.writes.filter((w) => w.phase === 'crash');
    const inFlight = crashWrites.filter((w) => !w.acknowledged && w.startedAt <= killedAt);
    say(`crash: ${options.writers} writers, kill -9 of the app's ${processes} processes (launcher, embedded database if any, Next.js) ${((killedAt - burstStart) / 1000).toFixed(1)} s into the burst`);
    say(`  burst writes: ${crashWrites.length} posted, ${crashWrites.filter((w) => w.acknowledged).length} acknowledged, ${inFlight.length} in flight when killed`);
    for (const [k, n] of summarize(crashWrites)) say(`    ${n} × ${k}`);
    // Before the kill, the same rule as under load; at the kill, a cut connection is the only other answer.
    for (const w of crashWrites) {
      if (w.acknowledged || EXPECTED_REFUSALS[w.kind]?.test(w.outcome) || w.outcome.startsWith('network ')) continue;
      fail(`unexpected write outcome in the burst: ${w.kind}: ${w.outcome}`);
      break;
    }
    const inFlightVotes = new Map<string, Set<string>>();
    for (const w of inFlight) if (w.kind === 'vote') inFlightVotes.set(w.key, new Set([...(inFlightVotes.get(w.key) ?? []), w.choice!]));
    for (const [k] of stats.readErrors) if (!readErrorsBefore.has(k) && !k.startsWith('network') && !k.startsWith('form')) fail(`read error in the burst: ${k}`);

    const restartMs = await app.start();
    say(`restart: up again in ${restartMs} ms`);
    const verify = (await (await fetch(`${app.base}/api/v1/register/verify`)).json()) as { ok: boolean; length: number };
    if (verify.ok) say(`  register verifies: ${verify.length} entries`);
    else fail(`register does not verify after the crash: ${JSON.stringify(verify)}`);
    // The same cookies still work, and the app takes writes again.
    const after: Run = { stats, phase: 'after', until: Date.now() + 60_000, stopped: false };
    const cookie = world.cookies.get(MEMBERS[1]!)!;
    const form = formFields(await world.client.page(world.underVotePath, cookie), 'name="body"');
    const body = `Après le redémarrage ${crypto.randomUUID()}`;
    const w = await write(after, 'deliberation', body, () => world.client.post(world.underVotePath, cookie, [...(form ?? []), ['body', body]]), (loc) => loc.includes('ok=deliberation_posted'));
    if (w.acknowledged) say('  a write after the restart: acknowledged');
    else fail(`a write after the restart was not acknowledged: ${w.outcome}`);
    await app.stop();

    // 3. Every acknowledged write, in the database (the app stopped: the embedded folder opens here).
    let verdict: Verdict;
    if (db === 'postgres') verdict = await checkDatabase(dbUrl, stats.writes, lastVote, inFlightVotes);
    else {
      const server = await startEmbeddedServer({ dataDir, env: {} });
      try {
        verdict = await checkDatabase(server.url, stats.writes, lastVote, inFlightVotes);
      } finally {
        await server.stop();
      }
    }
    const acked = stats.writes.filter((x) => x.acknowledged).length;
    say(`stored: ${acked - verdict.missing.length} of ${acked} acknowledged writes; ${verdict.inFlightStored} unacknowledged deliberations landed anyway`);
    for (const m of verdict.missing.slice(0, 10)) fail(`acknowledged but not stored: ${m}`);
    if (verdict.halfWritten.length) for (const h of verdict.halfWritten) fail(`half-written: ${h}`);
    else say('  half-written records: 0 (proposals, withdrawals, deliberations, register entries with their audit events; votes with their casts)');
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  } finally {
    await app.stop().catch(() => {});
    if (!options.keep) await dropDb?.().catch(() => {});
  }
  return { db, ok, lines };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-load-'));
  log(`logs and embedded data in ${workDir}`);
  if (!options.databases.includes('postgres')) log('PostgreSQL skipped: DATABASE_URL is not set (set it to a server where a database may be created)');
  await ensureBuild(log);
  const reports: Report[] = [];
  for (const db of options.databases) reports.push(await runOn(db, options, workDir));
  console.log('\n[load] summary');
  for (const r of reports) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.db}\n  ${r.lines.join('\n  ')}`);
  if (!options.keep && reports.every((r) => r.ok)) fs.rmSync(workDir, { recursive: true, force: true });
  return reports.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[load] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
