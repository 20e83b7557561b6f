/**
 * The one entry point that runs the app on either database.
 *
 *   tsx scripts/vigie.ts migrate | seed | start | demo | dev | create-admin
 *
 * With DATABASE_URL set, everything talks to that PostgreSQL. Without it, this process
 * opens the embedded PostgreSQL (PGlite) in VIGIE_DATA_DIR (default ./.data), serves it
 * on a local port and hands its URL to the steps and to Next.js, which therefore always
 * talk `pg`. Only this process ever opens the folder (see db/embedded.ts).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDb, createPool } from '../db/client';
import { startEmbeddedServer, type EmbeddedServer } from '../db/embedded';
import { runMigrations } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { resolveStorageDir } from '../lib/storage/filesystem';
import { createAdminAccount } from '../lib/workflow/bootstrap';

const COMMANDS = ['migrate', 'seed', 'start', 'demo', 'dev', 'create-admin'] as const;
type Command = (typeof COMMANDS)[number];

const log = (msg: string) => console.log(`[vigie] ${msg}`);
const isProduction = process.env.NODE_ENV === 'production';
const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const peerPreload = pathToFileURL(path.join(process.cwd(), 'scripts', 'peer-address.mjs')).href;

const standaloneDir = path.join(process.cwd(), '.next', 'standalone');
const standaloneServer = path.join(standaloneDir, 'server.js');
// Runs the standalone output as server.js does, minus the hostname that would leak into every request's URL.
const standaloneLauncher = path.join(process.cwd(), 'scripts', 'standalone-server.mjs');

/**
 * The production server is Next's standalone output (`output: 'standalone'`): `next start`
 * only warns that it "does not work" with it. The standalone folder holds server.js and the
 * traced node_modules but not the static files: they are copied next to it (and public/, if
 * the app ever has one) before a start, so a fresh build is always served whole.
 */
function prepareStandalone(): void {
  if (!fs.existsSync(standaloneServer)) throw new Error('no production build: run `npm run build` first (.next/standalone/server.js is missing)');
  const buildId = fs.readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  placeCopy(path.join(process.cwd(), '.next', 'static'), path.join(standaloneDir, '.next', 'static'), buildId);
  const publicDir = path.join(process.cwd(), 'public');
  if (fs.existsSync(publicDir)) placeCopy(publicDir, path.join(standaloneDir, 'public'), buildId);
}

/**
 * `to` becomes a copy of `from` for this build, safely when several instances start at
 * once from one folder (the two-instance test does): a copy already made for this build is
 * kept; otherwise each process copies into a folder of its own and renames it into place,
 * and a process that finds the place taken by another's fresh copy drops its own.
 */
function placeCopy(from: string, to: string, buildId: string): void {
  const marker = path.join(to, '.vigie-build-id');
  const current = () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === buildId;
  if (current()) return;
  const staging = `${to}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(from, staging, { recursive: true });
  fs.writeFileSync(path.join(staging, '.vigie-build-id'), buildId);
  if (!current()) fs.rmSync(to, { recursive: true, force: true });
  try {
    fs.renameSync(staging, to);
  } catch (err) {
    // Another instance put its copy of this build there first.
    if (!current()) throw err;
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    // The preload hands each request's socket address to the app (see peer-address.mjs).
    const entry = args[0] === 'standalone' ? [standaloneLauncher, standaloneDir] : [nextBin, ...args];
    const child = spawn(process.execPath, ['--import', peerPreload, ...entry], { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** A demo or dev run needs a signing secret; production must bring its own. */
function authSecret(dataDir: string | null): string | undefined {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (isProduction) return undefined; // the app refuses to start, with a clear message
  if (!dataDir) return crypto.randomBytes(32).toString('base64url');
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

async function main(command: Command): Promise<number> {
  if (command === 'demo') {
    log('building the production app…');
    const built = await run(['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
    if (built !== 0) return built;
  }

  let embedded: EmbeddedServer | null = null;
  let databaseUrl = process.env.DATABASE_URL || '';
  const dataDir = databaseUrl ? null : path.resolve(process.env.VIGIE_DATA_DIR || '.data');
  if (dataDir) {
    embedded = await startEmbeddedServer({ dataDir, reset: process.env.VIGIE_RESET_DATA === '1' });
    databaseUrl = embedded.url;
    log(`embedded PostgreSQL: ${dataDir} (served on 127.0.0.1:${embedded.port})`);
  } else {
    log('PostgreSQL from DATABASE_URL');
  }
  const stop = async () => {
    await embedded?.stop();
    embedded = null;
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(143)));

  try {
    const pool = createPool(databaseUrl, { max: 1 });
    try {
      const db = createDb(pool);
      await runMigrations(db);
      log('migrations applied');
      if (command === 'create-admin') {
        const result = await createAdminAccount(db, {
          name: process.env.VIGIE_ADMIN_NAME,
          email: process.env.VIGIE_ADMIN_EMAIL,
          password: process.env.VIGIE_ADMIN_PASSWORD,
        });
        if (!result.ok) {
          console.error(`[vigie] no admin created (set VIGIE_ADMIN_NAME, VIGIE_ADMIN_EMAIL, VIGIE_ADMIN_PASSWORD):\n  ${result.problems.join('\n  ')}`);
          return 1;
        }
        log(`admin account created for ${process.env.VIGIE_ADMIN_EMAIL}`);
      }
      if (command === 'seed' || command === 'demo' || command === 'dev') {
        const seeded = await seedDemo(db);
        log(seeded ? 'demo data created (password for every account: demo-vigie-2026)' : 'database not empty: seed skipped');
      }
    } finally {
      await pool.end();
    }
    if (command === 'migrate' || command === 'seed' || command === 'create-admin') return 0;

    const port = process.env.PORT || '3000';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // The embedded server runs one session: one connection keeps transactions apart.
      DATABASE_POOL_MAX: embedded ? '1' : process.env.DATABASE_POOL_MAX,
      // The embedded database has no replica: every read goes to it.
      DATABASE_REPLICA_URL: embedded ? '' : process.env.DATABASE_REPLICA_URL,
      // Nor a second connection to listen for other instances' changes: there are none (the
      // folder is this process's alone), and it would wait behind the pool's (lib/cache-listener.ts).
      DATABASE_LISTEN: embedded ? 'false' : process.env.DATABASE_LISTEN,
      AUTH_SECRET: authSecret(dataDir),
      // Uploaded documents' folder (when no S3 bucket is set), made absolute here: the standalone server changes directory.
      STORAGE_DIR: resolveStorageDir(process.env),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    log(`starting on http://localhost:${port}`);
    if (command === 'dev') return await run(['dev', '-p', port], env);
    // The standalone server reads no next.config at start: its production checks run here.
    if (isProduction) {
      const { productionProblems } = (await import(pathToFileURL(path.join(process.cwd(), 'next.config.mjs')).href)) as { productionProblems: (e: NodeJS.ProcessEnv) => string[] };
      const problems = productionProblems(env);
      if (problems.length) throw new Error(`Vigie refuses to start:\n- ${problems.join('\n- ')}`);
    }
    prepareStandalone();
    // Listens on PORT, every interface, as `next start` did (scripts/standalone-server.mjs).
    return await run(['standalone'], { ...env, PORT: port });
  } finally {
    await stop();
  }
}

const command = process.argv[2] as Command;
if (!COMMANDS.includes(command)) {
  console.error(`usage: tsx scripts/vigie.ts ${COMMANDS.join('|')}`);
  process.exit(2);
}
main(command).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[vigie] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
