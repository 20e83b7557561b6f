/**
 * What a script needs to drive the production app over HTTP, as a browser without
 * JavaScript would: the build (reused when current), the app's processes (started through
 * `scripts/vigie.ts`, like an operator does), sign-in and form posts with a session cookie.
 * Used by scripts/instances.ts, scripts/load.ts (which keeps its own App class: its crash
 * test kills and restarts the app in ways of its own) and scripts/bench.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = process.cwd();
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const NEXT = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
export const DEMO_PASSWORD = 'demo-vigie-2026';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the build

/** Newest modification time under the sources that go into the build. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['app', 'lib', 'db', 'auth.ts', 'auth.config.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']) walk(path.join(ROOT, p));
  return newest;
}

/** Builds the production app unless .next holds a build newer than every source file. */
export async function ensureBuild(log: (msg: string) => void): Promise<void> {
  const id = fs.statSync(path.join(ROOT, '.next', 'BUILD_ID'), { throwIfNoEntry: false });
  // `npm start` runs the standalone server (scripts/vigie.ts): a build without it is not reused.
  const standalone = fs.existsSync(path.join(ROOT, '.next', 'standalone', 'server.js'));
  if (id && standalone && id.mtimeMs >= newestSource()) {
    log('reusing the production build in .next (newer than every source file)');
    return;
  }
  log('building the production app (next build)…');
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, [NEXT, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error('next build failed');
}

// ---------------------------------------------------------------- the app's processes

/** One app instance: `scripts/vigie.ts <command>` in a process group of its own, its output in a log file. */
export class App {
  protected child: ChildProcess | null = null;
  protected exited: Promise<void> = Promise.resolve();
  readonly base: string;

  constructor(
    readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    port: number,
  ) {
    this.base = `http://localhost:${port}`;
  }

  private spawn(command: 'seed' | 'start'): ChildProcess {
    const out = fs.openSync(this.logFile, 'a');
    // Its own process group: a signal to the group reaches the launcher, the embedded
    // database it holds, and Next.js's server.
    const child = spawn(process.execPath, [TSX, 'scripts/vigie.ts', command], { cwd: ROOT, env: this.env, detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    return child;
  }

  async seed(): Promise<void> {
    const child = this.spawn('seed');
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
    if (code !== 0) throw new Error(`seeding failed: see ${this.logFile}`);
  }

  /** Starts the app and waits for /api/health; returns how long it took (ms). */
  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    const child = this.spawn('start');
    this.child = child;
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited while starting: see ${this.logFile}`);
      try {
        const res = await fetch(`${this.base}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return Date.now() - started;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`the app did not answer /api/health in ${timeoutMs / 1000} s: see ${this.logFile}`);
      await sleep(200);
    }
  }

  /** The app's output so far. */
  log(): string {
    return fs.readFileSync(this.logFile, 'utf8');
  }

  /** Waits until the app's output contains `text`. */
  async waitForLog(text: string, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!this.log().includes(text)) {
      if (Date.now() > end) throw new Error(`"${text}" not in ${this.logFile} after ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }

  protected groupAlive(): boolean {
    try {
      process.kill(-this.child!.pid!, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** A clean stop (SIGTERM to the group); returns how long it took (ms). */
  async stop(): Promise<number> {
    if (!this.child) return 0;
    const started = Date.now();
    const pid = this.child.pid!;
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const timeout = sleep(30_000).then(() => 'timeout' as const);
    if ((await Promise.race([this.exited, timeout])) === 'timeout') process.kill(-pid, 'SIGKILL');
    for (let i = 0; i < 100 && this.groupAlive(); i++) await sleep(50);
    this.child = null;
    return Date.now() - started;
  }
}

/**
 * The processes (Linux /proc) whose stat fields after the command name pass `test`: field
 * 0 is the state, 1 the parent's pid, 2 the process group.
 */
export function processesWhere(test: (fields: string[]) => boolean): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (test(stat.slice(stat.lastIndexOf(')') + 2).split(' '))) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

// ---------------------------------------------------------------- HTTP: sessions and forms

/** The HTML entities React writes in attribute values and text, decoded. */
export function decode(s: string): string {
  return s.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_m, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" })[e]!);
}

export type Fields = [string, string][];

/** The hidden fields of the first form whose markup contains `marker` (React's action id and state included). */
export function formFields(html: string, marker: string): Fields | null {
  for (const form of html.match(/<form[^>]*>[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(marker)) continue;
    const fields: Fields = [];
    for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name !== undefined) fields.push([decode(name), decode(/value="([^"]*)"/.exec(input)?.[1] ?? '')]);
    }
    return fields;
  }
  return null;
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export class Client {
  constructor(readonly base: string) {}

  /** One password sign-in as the no-JavaScript form posts it: the session cookie (if any) and where the app sent the browser. */
  async attemptSignIn(email: string, password: string): Promise<{ session: string | null; location: string }> {
    const csrf = await fetch(`${this.base}/api/auth/csrf`);
    const jar = cookiesOf(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar, Origin: this.base },
      body: new URLSearchParams({ csrfToken, email, password }),
    });
    await res.arrayBuffer();
    const session = res.headers.getSetCookie().find((c) => c.includes('session-token='));
    return { session: session ? session.split(';')[0]! : null, location: res.headers.get('location') ?? '' };
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const { session, location } = await this.attemptSignIn(email, password);
    if (!session) throw new Error(`sign-in refused for ${email} (${location})`);
    return session;
  }

  /** A page's HTML (anonymous without `cookie`); anything but a 2xx throws. */
  async page(pathname: string, cookie = ''): Promise<string> {
    const res = await fetch(`${this.base}${pathname}`, { headers: cookie ? { Cookie: cookie } : {}, signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`GET ${pathname}: ${res.status}`);
    return res.text();
  }

  /** Posts a form as a browser without JavaScript does. */
  async post(pathname: string, cookie: string, fields: Fields): Promise<{ status: number; location: string; body: string }> {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    const res = await fetch(`${this.base}${pathname}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: this.base },
      body: form,
      signal: AbortSignal.timeout(60_000),
    });
    const body = res.status === 303 ? '' : await res.text();
    return { status: res.status, location: res.headers.get('location') ?? '', body };
  }
}
