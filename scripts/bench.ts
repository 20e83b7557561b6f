/**
 * The performance bench (`npm run bench`): see README, "Performance", and docs/performance.md.
 *
 *   tsx scripts/bench.ts [--decisions=1000,10000,100000] [--duration=10] [--connections=8]
 *                        [--port=3310] [--short] [--no-lighthouse] [--keep]
 *
 * For each size: a fresh database (PostgreSQL when DATABASE_URL is set: a new database on
 * that server; the embedded one otherwise), seeded by bench/seed.ts; the production
 * server (Next's standalone output, through `scripts/vigie.ts start`); then autocannon on
 * each scenario, one after the other, while the server's RSS is sampled from /proc. Prints
 * a table and writes bench/results/<date>-<db>-<n>.json. Exits non-zero when a rule fails
 * (any error, a JavaScript budget) or, outside --short, a target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { startEmbeddedServer } from '../db/embedded';
import { createFreshDatabase } from '../db/fresh-database';
import { SEARCH_WORDS } from '../bench/generate';
import { BENCH_PASSWORD, BENCH_VOTERS, VOTE_FILE_TITLE } from '../bench/seed';
import { failed, formatTable, scenarioTable, summarize, withRatios, type Check, type ScenarioResult } from '../bench/stats';
import { Client, decode, ensureBuild, formFields, processesWhere } from './app-harness';
import { LEAFLET_MARKERS } from './check-client-bundle';

const ROOT = process.cwd();
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const log = (msg: string) => console.log(`[bench] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * JavaScript budget per public page, gzip, all the page's own script files: React 19 and
 * Next's runtime weigh ~150 KB gzip before any page code; the public pages add a language
 * switch and small forms. 200 KB leaves room for that and catches a library slipping in (the
 * map library alone is ~45 KB gzip, react-hook-form ~10 KB). The map page carries Leaflet on top.
 */
export const JS_BUDGET_KB = { default: 200, map: 260 } as const;
/** react-hook-form's option name, kept by the minifier (it is a property key). */
const FORM_MARKER = 'shouldUnregister';

interface Options {
  sizes: number[];
  duration: number;
  connections: number;
  port: number;
  short: boolean;
  lighthouse: boolean;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const short = argv.includes('--short');
  const sizes = (arg('decisions') ?? (short ? '1000' : '1000,10000,100000')).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--decisions: a list of positive integers');
  return {
    sizes,
    duration: Number(arg('duration') ?? (short ? 3 : 10)),
    connections: Number(arg('connections') ?? 8),
    port: Number(arg('port') ?? 3310),
    short,
    lighthouse: !argv.includes('--no-lighthouse') && !short,
    keep: argv.includes('--keep'),
  };
}

// ---------------------------------------------------------------- processes and memory

const children = (pid: number) => processesWhere((fields) => Number(fields[1]) === pid);

function tree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}

function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

/** The Next.js server (standalone server.js) under the launcher, and its children. */
function serverPids(launcher: number): number[] {
  for (const pid of tree(launcher)) {
    try {
      // Next renames its process ("next-server (v16…)"), which rewrites its command line.
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('standalone/server.js') || cmdline.startsWith('next-server')) return tree(pid);
    } catch {
      // gone
    }
  }
  return [];
}

class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peak = 0;
  constructor(private readonly pids: () => number[]) {}
  now(): number {
    return rssMb(this.pids());
  }
  start(): void {
    this.peak = this.now();
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, this.now())), 100);
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.peak;
  }
}

class App {
  private child: ChildProcess | null = null;
  readonly base: string;
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }
  get pid(): number {
    return this.child!.pid!;
  }
  async start(): Promise<void> {
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(process.execPath, [TSX, 'scripts/vigie.ts', 'start'], { cwd: ROOT, env: this.env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.child = child;
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited while starting: see ${this.logFile}`);
      try {
        if ((await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) return;
      } catch {
        // not yet
      }
      if (Date.now() - started > 120_000) throw new Error(`the app did not start in 120 s: see ${this.logFile}`);
      await sleep(250);
    }
  }
  async stop(): Promise<void> {
    if (!this.child) return;
    const pid = this.child.pid!;
    const exited = new Promise<void>((r) => (this.child!.exitCode !== null ? r() : this.child!.on('exit', () => r())));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // gone
    }
    if ((await Promise.race([exited.then(() => 'ok'), sleep(20_000).then(() => 'timeout')])) === 'timeout') process.kill(-pid, 'SIGKILL');
    this.child = null;
  }
}

// ---------------------------------------------------------------- load

/** autocannon on one scenario; each response's latency recorded (autocannon reports no p95). */
async function load(base: string, name: string, paths: () => string, options: Options, sampler: RssSampler, connections = options.connections, duration = options.duration): Promise<ScenarioResult> {
  const latencies: number[] = [];
  sampler.start();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration,
        // What a browser sends for a page: the page cache serves only requests that ask for HTML.
        headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'identity' },
        requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  const peak = sampler.stop();
  const errors = result.errors + result.timeouts + result.non2xx;
  return summarize(name, latencies, result.duration, errors, peak);
}

// ---------------------------------------------------------------- HTTP helpers

const signIn = (base: string, email: string) => new Client(base).signIn(email, BENCH_PASSWORD);
const page = (base: string, pathname: string, cookie = '') => new Client(base).page(pathname, cookie);

/** The 20 bench members, signed in, on the session whose vote is open: their cookies, that page, and each one's vote form. */
async function votingRoom(base: string) {
  const cookies = await Promise.all(BENCH_VOTERS.map((email) => signIn(base, email)));
  const list = await page(base, '/espace/seances', cookies[0]);
  let sessionPath = '';
  for (const href of new Set(list.match(/\/espace\/seances\/[0-9a-f-]{36}/g) ?? [])) {
    const html = await page(base, href, cookies[0]);
    if (html.includes('name="choice"') && decode(html).includes(VOTE_FILE_TITLE)) {
      sessionPath = href;
      break;
    }
  }
  if (!sessionPath) throw new Error('the bench session with an open vote was not found');
  const forms = await Promise.all(cookies.map(async (c) => formFields(await page(base, sessionPath, c), 'name="choice"')!));
  return { cookies, sessionPath, forms };
}

/**
 * The staff vote round-trip: 20 members vote at once, again and again for the duration,
 * each changing their vote every round. `script`: as the session page sends it with
 * JavaScript (StepForm's sendTo: the vote route, JSON; the answer is the confirmation,
 * the page is not loaded again): the target. Without: the form posted to the server action
 * and the 303 followed to the whole session page (informative: the page's rendering).
 */
async function voteRoundTrip(base: string, seconds: number, sampler: RssSampler, script: boolean): Promise<ScenarioResult> {
  const { cookies, sessionPath, forms } = await votingRoom(base);
  const latencies: number[] = [];
  let errors = 0;
  const choices = ['for', 'against', 'abstain'];
  const vote = async (cookie: string, fields: [string, string][], choice: string) => {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    form.append('choice', choice);
    const headers = { Cookie: cookie, Origin: base, ...(script ? { Accept: 'application/json' } : {}) };
    const res = await fetch(`${base}${script ? '/espace/seances/vote' : sessionPath}`, { method: 'POST', redirect: 'manual', headers, body: form, signal: AbortSignal.timeout(30_000) });
    if (script) {
      const answer = (await res.json()) as { ok?: boolean };
      if (res.status !== 200 || !answer.ok) throw new Error(`${res.status} ${JSON.stringify(answer)}`);
      return;
    }
    await res.arrayBuffer();
    const location = res.headers.get('location') ?? '';
    if (res.status !== 303 || !location.includes('ok=voted')) throw new Error(`${res.status} ${location}`);
    const after = await fetch(new URL(location, base), { headers: { Cookie: cookie }, signal: AbortSignal.timeout(30_000) });
    await after.arrayBuffer();
    if (after.status !== 200) throw new Error(`${after.status}`);
  };
  const until = Date.now() + seconds * 1000;
  sampler.start();
  const t0 = Date.now();
  for (let round = 0; Date.now() < until; round++) {
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const started = performance.now();
        try {
          await vote(cookie, forms[i]!, choices[(round + i) % 3]!);
          latencies.push(performance.now() - started);
        } catch (err) {
          errors++;
          if (errors <= 3) log(`vote error: ${err instanceof Error ? err.message : String(err)}`);
        }
      }),
    );
  }
  const peak = sampler.stop();
  const name = script ? 'staff vote round-trip (20 at once)' : 'staff vote without JavaScript (post + page, 20 at once)';
  return summarize(name, latencies, (Date.now() - t0) / 1000, errors, peak);
}

/**
 * One download of `url` read at about 20 MB/s (a slow reader), the server's RSS sampled
 * throughout. A server that builds the whole file before sending it, or that reads the
 * database faster than the reader takes the bytes (no backpressure), holds the file in
 * memory: its RSS grows by at least the file's size. A streaming one stays flat.
 */
async function readSlowly(url: string, sampler: RssSampler): Promise<{ bytes: number; rssBeforeMb: number; rssPeakMb: number; seconds: number }> {
  const rssBeforeMb = Math.round(sampler.now());
  sampler.start();
  const started = Date.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(600_000) });
  const reader = res.body!.getReader();
  let bytes = 0;
  let sincePause = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    sincePause += value.byteLength;
    if (sincePause >= 2_000_000) {
      sincePause = 0;
      await sleep(100);
    }
  }
  return { bytes, rssBeforeMb, rssPeakMb: Math.round(sampler.stop()), seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** Gzip size (KB) of every script file a page loads, and whether Leaflet or react-hook-form is in them. */
async function pageJavaScript(base: string, pathname: string): Promise<{ page: string; files: number; gzipKb: number; leaflet: boolean; forms: boolean }> {
  const html = await page(base, pathname);
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => decode(m[1]!)))];
  let gzip = 0;
  let leaflet = false;
  let forms = false;
  for (const src of srcs) {
    const text = await (await fetch(new URL(src, base))).text();
    gzip += zlib.gzipSync(text, { level: 9 }).length;
    leaflet ||= text.includes(LEAFLET_MARKERS.js);
    forms ||= text.includes(FORM_MARKER);
  }
  return { page: pathname, files: srcs.length, gzipKb: Math.round(gzip / 102.4) / 10, leaflet, forms };
}

/** Lighthouse 12.2.3 (devDependency) with the system Chromium, headless. */
async function lighthouse(url: string, workDir: string): Promise<{ performance: number; accessibility: number } | { error: string }> {
  const out = path.join(workDir, `lh-${Date.now()}.json`);
  const cli = path.join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, [cli, url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
      stdio: ['ignore', 'ignore', 'pipe'],
    }).on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0 || !fs.existsSync(out)) return { error: `lighthouse exited ${code}` };
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }> };
  return { performance: Math.round((report.categories.performance?.score ?? 0) * 100), accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100) };
}

// ---------------------------------------------------------------- one size

interface SizeReport {
  decisions: number;
  db: 'postgres' | 'embedded';
  seedSeconds: number;
  scenarios: ScenarioResult[];
  publicationVisibleMs: number | null;
  csv: { rssBeforeMb: number; rssPeakMb: number; bytes: number; slowRead: { rssBeforeMb: number; rssPeakMb: number; seconds: number } } | null;
  javascript: Awaited<ReturnType<typeof pageJavaScript>>[];
  lighthouse: Record<string, Awaited<ReturnType<typeof lighthouse>>>;
  registerVerifies: boolean;
}

async function runSize(n: number, options: Options, workDir: string, withLighthouse: boolean): Promise<SizeReport> {
  const db: 'postgres' | 'embedded' = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(options.port), AUTH_SECRET: 'bench-secret-not-for-production', NEXT_TELEMETRY_DISABLED: '1' };
  let dropDb: (() => Promise<void>) | null = null;
  const seedStarted = Date.now();
  const seed = async (url: string) => {
    const code = await new Promise<number>((resolve) => {
      spawn(process.execPath, [TSX, 'bench/seed.ts', String(n)], { cwd: ROOT, env: { ...env, DATABASE_URL: url }, stdio: 'inherit' }).on('exit', (c) => resolve(c ?? 1));
    });
    if (code !== 0) throw new Error('seeding failed');
  };
  let dbUrl = '';
  if (db === 'postgres') {
    const fresh = await createFreshDatabase(process.env.DATABASE_URL!, 'vigie_bench');
    dbUrl = fresh.url;
    env.DATABASE_URL = dbUrl;
    dropDb = fresh.drop;
    await seed(dbUrl);
  } else {
    const dataDir = path.join(workDir, `data-${n}`);
    const server = await startEmbeddedServer({ dataDir, env: {} });
    try {
      await seed(server.url);
    } finally {
      await server.stop();
    }
    env.DATABASE_URL = '';
    env.VIGIE_DATA_DIR = dataDir;
  }
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  log(`${n} decisions seeded on ${db === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'the embedded PostgreSQL (PGlite)'} in ${seedSeconds.toFixed(1)} s`);
  const app = new App(env, path.join(workDir, `app-${n}.log`), options.port);
  const report: SizeReport = { decisions: n, db, seedSeconds, scenarios: [], publicationVisibleMs: null, csv: null, javascript: [], lighthouse: {}, registerVerifies: false };
  try {
    await app.start();
    const sampler = new RssSampler(() => serverPids(app.pid));
    const base = app.base;
    // What the scenarios rotate through: references and keyset cursors spread over the register.
    const head = ((await (await fetch(`${base}/api/v1/decisions?limit=1`)).json()) as { items: { sequence: number }[] }).items[0]!.sequence;
    const references: string[] = [];
    for (let i = 0; i < 10; i++) {
      const cursor = 1 + Math.floor(((i + 0.5) / 10) * head);
      const list = (await (await fetch(`${base}/api/v1/decisions?limit=50&cursor=${cursor}`)).json()) as { items: { reference: string }[] };
      references.push(...list.items.map((d) => d.reference));
    }
    let k = 0;
    const rotate = <T>(list: T[]) => () => list[k++ % list.length]!;
    const landing = await page(base, '/');
    const asset = /\/_next\/static\/[^"]+\.js/.exec(landing)?.[0];
    if (!asset) throw new Error('no static asset found on /');
    const searches = SEARCH_WORDS.flatMap((w) => [`/registre?q=${encodeURIComponent(w)}`, ...['favourable', 'unfavourable'].map((o) => `/registre?q=${encodeURIComponent(w)}&outcome=${o}`)]);
    const cursors = Array.from({ length: 500 }, (_, i) => (i % 5 === 0 ? '/api/v1/decisions' : `/api/v1/decisions?cursor=${1 + Math.floor(((i * 7919) % 1000) / 1000 * head)}`));
    // Warm-up: each scenario's first requests (the compiled route, the database's first reads).
    for (const p of ['/', '/registre', searches[0]!, `/registre/${references[0]}`, '/api/v1/decisions', asset]) await page(base, p);

    const results: ScenarioResult[] = [];
    results.push(await load(base, 'static asset (baseline)', () => asset, options, sampler));
    // /registre, with a publication in the middle: how long until the list shows it.
    const registreRun = load(base, '/registre', () => '/registre', options, sampler);
    if (db === 'postgres') {
      await sleep((options.duration * 1000) / 3);
      report.publicationVisibleMs = await publishAndWatch(base, dbUrl, env);
    }
    results.push(await registreRun);
    results.push(await load(base, '/registre?q=… (filtered search)', rotate(searches), options, sampler));
    // A decision in the local news: hundreds of residents open the same few pages (the target).
    results.push(await load(base, '/registre/[reference]', rotate(references.slice(0, 10).map((r) => `/registre/${encodeURIComponent(r)}`)), options, sampler));
    // And the long tail: 490 other decisions, most of them opened for the first time in the
    // run, so rendered (a page-cache miss each): informative, what a cold page costs.
    results.push(await load(base, '/registre/[reference] (490 others, first views)', rotate(references.slice(10).map((r) => `/registre/${encodeURIComponent(r)}`)), options, sampler));
    results.push(await load(base, '/api/v1/decisions (JSON, keyset pages)', rotate(cursors), options, sampler));
    // The CSV: whole register per request, two at a time; memory before and at its peak.
    await sleep(1000);
    const rssBefore = sampler.now();
    const csv = await load(base, '/api/v1/decisions.csv (whole register)', () => '/api/v1/decisions.csv', options, sampler, 2, Math.max(options.duration, 5));
    await sleep(1000);
    const slowRead = await readSlowly(`${base}/api/v1/decisions.csv`, sampler);
    const csvBytes = slowRead.bytes;
    report.csv = { rssBeforeMb: Math.round(rssBefore), rssPeakMb: csv.peakRssMb, bytes: csvBytes, slowRead: { rssBeforeMb: slowRead.rssBeforeMb, rssPeakMb: slowRead.rssPeakMb, seconds: slowRead.seconds } };
    results.push({ ...csv, note: `${(csvBytes / 1e6).toFixed(1)} MB per response` });
    results.push(await voteRoundTrip(base, options.duration, sampler, true));
    results.push(await voteRoundTrip(base, options.duration, sampler, false));
    report.scenarios = withRatios(results, results[0]!);

    const verify = (await (await fetch(`${base}/api/v1/register/verify`, { signal: AbortSignal.timeout(300_000) })).json()) as { ok: boolean };
    report.registerVerifies = verify.ok;
    const decision = references[0]!;
    for (const p of ['/', '/registre', `/registre/${encodeURIComponent(decision)}`, '/rapport', '/carte', '/accessibilite']) report.javascript.push(await pageJavaScript(base, p));
    if (withLighthouse) {
      const rapport = new URL((await fetch(`${base}/rapport`, { redirect: 'manual' })).headers.get('location') ?? '/rapport', base).pathname;
      for (const p of ['/', '/registre', `/registre/${encodeURIComponent(decision)}`, rapport]) {
        log(`lighthouse ${p}…`);
        report.lighthouse[p] = await lighthouse(`${base}${p}`, workDir);
      }
    }
  } finally {
    await app.stop().catch(() => {});
    if (!options.keep) await dropDb?.().catch(() => {});
  }
  return report;
}

/** Publishes the bench's waiting decision through the app's command (another process), then polls /registre until it shows. */
async function publishAndWatch(base: string, url: string, env: NodeJS.ProcessEnv): Promise<number> {
  const out = await new Promise<string>((resolve, reject) => {
    let text = '';
    const child = spawn(process.execPath, [TSX, 'bench/seed.ts', 'publish'], { cwd: ROOT, env: { ...env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (c) => (c === 0 ? resolve(text) : reject(new Error('publish failed'))));
  });
  const { reference, at } = JSON.parse(out.trim().split('\n').pop()!) as { reference: string; at: number };
  for (;;) {
    const html = await page(base, '/registre');
    if (html.includes(reference)) return Date.now() - at;
    if (Date.now() - at > 30_000) return Infinity;
    await sleep(20);
  }
}

// ---------------------------------------------------------------- targets and report

function checks(reports: SizeReport[], options: Options): Check[] {
  const out: Check[] = [];
  const target = (name: string, ok: boolean, detail: string) => out.push({ name, ok, detail, kind: 'target' });
  const rule = (name: string, ok: boolean, detail: string) => out.push({ name, ok, detail, kind: 'rule' });
  const byName = (r: SizeReport, prefix: string) => r.scenarios.find((s) => s.name.startsWith(prefix))!;
  for (const r of reports) {
    const at = `${r.decisions}`;
    for (const s of r.scenarios) rule(`no error: ${s.name} @${at}`, s.errors === 0, `${s.errors} errors`);
    rule(`register verifies @${at}`, r.registerVerifies, r.registerVerifies ? 'ok' : 'broken chain');
    for (const js of r.javascript) {
      const budget = js.page === '/carte' ? JS_BUDGET_KB.map : JS_BUDGET_KB.default;
      rule(`JS budget ${js.page} @${at}`, js.gzipKb <= budget, `${js.gzipKb} KB gzip (budget ${budget})`);
      if (js.page !== '/carte') rule(`no map library on ${js.page}`, !js.leaflet, js.leaflet ? 'Leaflet shipped' : 'absent');
      rule(`no form library on ${js.page}`, !js.forms, js.forms ? 'react-hook-form shipped' : 'absent');
    }
    for (const prefix of ['/registre', '/registre/[reference]']) {
      const s = r.scenarios.find((x) => x.name === prefix)!;
      target(`${prefix} ≥ 0.5× baseline req/s @${at}`, (s.ratio?.rps ?? 0) >= 0.5, `${s.ratio?.rps}×`);
    }
    if (r.publicationVisibleMs !== null) target(`publication visible ≤ 1 s @${at}`, r.publicationVisibleMs <= 1000, `${r.publicationVisibleMs} ms`);
    const vote = byName(r, 'staff vote round-trip');
    target(`vote round-trip p95 < 100 ms (20 at once) @${at}`, vote.p95 < 100, `${vote.p95} ms`);
    if (r.decisions >= 100_000) {
      const search = byName(r, '/registre?q=');
      target(`filtered search p95 < 50 ms @${at} (${options.connections} connections)`, search.p95 < 50, `${search.p95} ms`);
    }
    for (const [p, lh] of Object.entries(r.lighthouse)) {
      if ('error' in lh) target(`lighthouse ${p}`, false, lh.error);
      else {
        target(`lighthouse performance ≥ 95 ${p}`, lh.performance >= 95, `${lh.performance}`);
        target(`lighthouse accessibility = 100 ${p}`, lh.accessibility === 100, `${lh.accessibility}`);
      }
    }
  }
  // Flat memory: one download read slowly (readSlowly). Under load, RSS grows whatever the
  // route does (V8 sizes its heap to the allocation rate); a slow reader shows buffering
  // plainly: the server would hold the file (at least its size, twice that as a string).
  // Judged where the file is large enough (50 MB) to stand out of the heap's own movements
  // (tens of MB after the load scenarios), with the line at half the file's size.
  for (const r of reports) {
    if (!r.csv || r.csv.bytes < 50_000_000) continue;
    const { rssBeforeMb, rssPeakMb, seconds } = r.csv.slowRead;
    const growth = rssPeakMb - rssBeforeMb;
    const fileMb = r.csv.bytes / 1e6;
    target(
      `CSV streams with flat memory @${r.decisions}`,
      growth < fileMb / 2,
      `one ${fileMb.toFixed(1)} MB download read in ${seconds} s: server RSS ${rssBeforeMb} → ${rssPeakMb} MB (+${growth} MB; a whole-file buffer would add at least ${fileMb.toFixed(0)})`,
    );
  }
  const small = reports.find((r) => r.decisions === 1000);
  const large = reports.find((r) => r.decisions === 100_000);
  if (small && large) {
    for (const prefix of ['/registre?q=', '/api/v1/decisions (JSON']) {
      const a = byName(small, prefix).p95;
      const b = byName(large, prefix).p95;
      target(`growth ${prefix}… p95 100k ≤ 1.5× 1k`, b <= 1.5 * a, `${b} ms vs ${a} ms (${a > 0 ? (b / a).toFixed(2) : '∞'}×)`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-'));
  log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL from DATABASE_URL (a fresh database per size)' : 'embedded PostgreSQL (PGlite; set DATABASE_URL for a real PostgreSQL)'}`);
  log(`sizes ${options.sizes.join(', ')}; ${options.duration} s per scenario; ${options.connections} connections${options.short ? '; --short: targets informative' : ''}${options.lighthouse ? '' : '; Lighthouse skipped'}`);
  await ensureBuild(log);
  const reports: SizeReport[] = [];
  for (const [i, n] of options.sizes.entries()) {
    // Lighthouse once, on the largest register (the pages' weight does not depend on it much; 4 runs take ~1 min).
    reports.push(await runSize(n, options, workDir, options.lighthouse && i === options.sizes.length - 1));
  }
  const all = checks(reports, options);
  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version, loadAverage: os.loadavg() };
  for (const r of reports) {
    console.log(`\n[bench] ${r.decisions} decisions, ${r.db === 'postgres' ? 'PostgreSQL' : 'embedded PostgreSQL (PGlite)'} (seeded in ${r.seedSeconds.toFixed(0)} s)`);
    console.log(scenarioTable(r.scenarios));
    if (r.publicationVisibleMs !== null) console.log(`publication visible on /registre after ${r.publicationVisibleMs} ms`);
    else console.log('publication visibility: not measured on the embedded database (it takes one connection: the app\'s)');
    if (r.csv) console.log(`CSV: under load, RSS ${r.csv.rssBeforeMb} MB before, ${r.csv.rssPeakMb} MB at peak; ${(r.csv.bytes / 1e6).toFixed(1)} MB per response; one download read slowly (${r.csv.slowRead.seconds} s): RSS ${r.csv.slowRead.rssBeforeMb} → ${r.csv.slowRead.rssPeakMb} MB`);
    console.log(formatTable(['page', 'scripts', 'JS gzip KB', 'Leaflet', 'react-hook-form'], r.javascript.map((j) => [j.page, j.files, j.gzipKb, j.leaflet ? 'yes' : 'no', j.forms ? 'yes' : 'no'])));
    if (Object.keys(r.lighthouse).length) {
      console.log(formatTable(['page', 'performance', 'accessibility'], Object.entries(r.lighthouse).map(([p, lh]) => ('error' in lh ? [p, lh.error, ''] : [p, lh.performance, lh.accessibility]))));
    } else console.log(`Lighthouse: skipped${options.short ? ' (--short: four runs take about a minute)' : ' here (run on the largest size only)'}`);
    // --short runs (npm test, CI) are written beside the others but not committed (.gitignore).
    const file = path.join(resultsDir, `${stamp}-${r.db}-${r.decisions}${options.short ? '-short' : ''}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), options, machine, ...r }, null, 2)}\n`);
    log(`written ${path.relative(ROOT, file)}`);
  }
  console.log('\n[bench] checks');
  for (const c of all) console.log(`${c.ok ? 'ok  ' : c.kind === 'target' && options.short ? 'info' : 'FAIL'} ${c.kind === 'target' ? 'target' : 'rule  '} ${c.name}: ${c.detail}`);
  const bad = failed(all, options.short);
  log(`${bad.length ? `${bad.length} failed` : 'all passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
  return bad.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[bench] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
