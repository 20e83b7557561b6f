/**
 * Back up and restore Vigie's database, whichever it is.
 *
 *   tsx scripts/backup.ts backup <file>    (npm run db:backup -- <file>)
 *   tsx scripts/backup.ts restore <file>   (npm run db:restore -- <file>)
 *
 * With DATABASE_URL: PostgreSQL, through the machine's pg_dump / pg_restore (custom
 * format: schema, data, triggers, functions and the migrations journal in the `drizzle`
 * schema). Without it: the embedded database in VIGIE_DATA_DIR (default ./.data), as
 * PGlite's own copy of its data folder (a gzipped tarball): the app must be stopped, since
 * only one process may open that folder.
 *
 * A restore only goes into an EMPTY database (a fresh PostgreSQL database, or an embedded
 * data folder with no database in it): it never merges into or overwrites live data.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { acquireLock, EmbeddedDatabaseError } from '../db/embedded';

const log = (msg: string) => console.log(`[vigie] ${msg}`);

export class BackupError extends Error {}

/** pg_dump's custom format starts with these bytes; PGlite's gzipped tarball with gzip's. */
const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function fileKind(file: string): 'pg_dump' | 'embedded' | 'unknown' {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_DUMP_MAGIC)) return 'pg_dump';
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'embedded';
    return 'unknown';
  } finally {
    fs.closeSync(fd);
  }
}

function exec(bin: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new BackupError(`${bin} was not found: install the PostgreSQL client tools (the same major version as the server, or newer), or set PG_DUMP / PG_RESTORE to their path.`) : err),
    );
    child.on('exit', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Tables, views, sequences or functions outside PostgreSQL's own schemas: the database is not empty. */
async function userObjectCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`
      SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%')
           + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) AS n`);
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

async function backupPostgres(url: string, file: string): Promise<void> {
  const tmp = `${file}.partial`;
  const { code, stderr } = await exec(process.env.PG_DUMP || 'pg_dump', ['--format=custom', '--file', tmp, '--dbname', url]);
  if (code !== 0) {
    fs.rmSync(tmp, { force: true });
    throw new BackupError(`pg_dump failed (exit ${code}):\n${stderr.trim()}`);
  }
  // Written aside then renamed: a backup cut short never passes for a whole one.
  fs.renameSync(tmp, file);
}

async function restorePostgres(url: string, file: string): Promise<void> {
  if ((await userObjectCount(url)) > 0) {
    throw new BackupError('The target database is not empty: restore only into a new, empty database (createdb, then point DATABASE_URL at it).');
  }
  // One transaction: a restore that fails half-way leaves the database empty, not half-filled.
  const { code, stderr } = await exec(process.env.PG_RESTORE || 'pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, file]);
  if (code !== 0) throw new BackupError(`pg_restore failed (exit ${code}):\n${stderr.trim()}`);
}

function pgdataOf(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/** Opens the embedded folder for this process only, or says that the app holds it. */
function lockEmbedded(dataDir: string): () => void {
  try {
    return acquireLock(dataDir);
  } catch (err) {
    if (err instanceof EmbeddedDatabaseError) throw new BackupError(`${err.message} Stop the app before a backup or a restore of the embedded database.`);
    throw err;
  }
}

async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  const pgdata = pgdataOf(dataDir);
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  const release = lockEmbedded(dataDir);
  try {
    const db = await PGlite.create(pgdata, { extensions: { unaccent } });
    try {
      const dump = await db.dumpDataDir('gzip');
      const tmp = `${file}.partial`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  const release = lockEmbedded(dataDir);
  const pgdata = pgdataOf(dataDir);
  try {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) {
      throw new BackupError(`${dataDir} already holds a database: restore only into an empty folder (set VIGIE_DATA_DIR to a new one).`);
    }
    try {
      const db = await PGlite.create(pgdata, { extensions: { unaccent }, loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        // Opened and readable: the migrations journal is there.
        await db.query('SELECT count(*) FROM drizzle.__drizzle_migrations');
      } finally {
        await db.close();
      }
    } catch (err) {
      // Only this restore wrote there (the folder was empty): a half-written one must not pass for a database.
      fs.rmSync(pgdata, { recursive: true, force: true });
      throw err;
    }
  } finally {
    release();
  }
}

export async function backup(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name.`);
  if (env.DATABASE_URL) {
    await backupPostgres(env.DATABASE_URL, target);
    return `PostgreSQL backed up to ${target}`;
  }
  const dataDir = path.resolve(env.VIGIE_DATA_DIR || '.data');
  await backupEmbedded(dataDir, target);
  return `embedded database ${dataDir} backed up to ${target}`;
}

export async function restore(file: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist.`);
  const kind = fileKind(source);
  if (env.DATABASE_URL) {
    if (kind !== 'pg_dump') throw new BackupError(`${source} is not a PostgreSQL backup (pg_dump custom format)${kind === 'embedded' ? ': it is an embedded one, restore it without DATABASE_URL' : ''}.`);
    await restorePostgres(env.DATABASE_URL, source);
    return `PostgreSQL restored from ${source}`;
  }
  if (kind !== 'embedded') throw new BackupError(`${source} is not an embedded database backup${kind === 'pg_dump' ? ': it is a PostgreSQL one, restore it with DATABASE_URL set' : ''}.`);
  const dataDir = path.resolve(env.VIGIE_DATA_DIR || '.data');
  await restoreEmbedded(dataDir, source);
  return `embedded database restored into ${dataDir} from ${source}`;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('usage: tsx scripts/backup.ts backup|restore <file>   (npm run db:backup -- <file>, npm run db:restore -- <file>)');
    process.exit(2);
  }
  (command === 'backup' ? backup(file) : restore(file)).then(
    (done) => {
      log(done);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`[vigie] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
