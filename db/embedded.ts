import fs from 'node:fs';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded PostgreSQL (PGlite) served over the PostgreSQL protocol, so the app
 * always talks `pg` whatever the backend.
 *
 * Why this shape:
 * - PGlite is single-user and has no cross-process lock: two processes opening the
 *   same folder corrupt it. Exactly one process (the launcher in scripts/vigie.ts, or a
 *   test) owns the folder, guarded by a lock file holding its pid.
 * - The socket server runs every client connection in PGlite's one session; two
 *   connections could interleave their extended-protocol messages and transactions.
 *   The server therefore serves one connection at a time: another one waits until the
 *   first closes (a pool replacing a broken client reconnects before the server has
 *   seen the old socket close), and is dropped if it waits too long. The app's pool has
 *   a single connection (DATABASE_POOL_MAX=1): concurrent transactions queue in the pool.
 */
export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder that holds the database, or `memory://` for a throwaway one (tests). */
  dataDir: string;
  port?: number;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Start from an empty database (the e2e tests do). Done under the lock. */
  reset?: boolean;
  /** How long a connection may wait for the open one to close before it is dropped. */
  connectionWaitMs?: number;
}

export class EmbeddedDatabaseError extends Error {}

export function assertEmbeddedAllowed(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV === 'production') {
    throw new EmbeddedDatabaseError(
      'The embedded database is refused when NODE_ENV=production: set DATABASE_URL to a PostgreSQL server (15 or newer).',
    );
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>/vigie.lock` for this process, or explains who holds it. */
export function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'vigie.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      // This very process counts too: opening the folder twice in one process corrupts it as well.
      if (Number.isFinite(holder) && pidAlive(holder)) {
        throw new EmbeddedDatabaseError(
          `The embedded database in ${dataDir} is already in use by process ${holder}. Stop it first (only one process may open this folder).`,
        );
      }
      // The holder died without cleaning up: the lock is stale.
      fs.unlinkSync(lockPath);
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock ${dataDir}.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedServer(options: EmbeddedOptions): Promise<EmbeddedServer> {
  assertEmbeddedAllowed(options.env ?? process.env);
  const inMemory = options.dataDir.startsWith('memory://');
  const releaseLock = inMemory ? () => {} : acquireLock(options.dataDir);
  let db: PGlite | undefined;
  try {
    const pgdata = path.join(options.dataDir, 'pgdata');
    if (options.reset && !inMemory) fs.rmSync(pgdata, { recursive: true, force: true });
    // unaccent: the register's French full-text search folds accents (migration 0010).
    db = await PGlite.create(inMemory ? options.dataDir : pgdata, { extensions: { unaccent } });
    const port = options.port ?? (await freePort());
    // The library's own limit only bounds how many sockets may wait; `serveOneAtATime` admits one.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 });
    serveOneAtATime(server, options.connectionWaitMs ?? 15_000);
    await server.start();
    const pglite = db;
    return {
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      port,
      async stop() {
        await server.stop();
        await pglite.close();
        releaseLock();
      },
    };
  } catch (err) {
    await db?.close().catch(() => {});
    releaseLock();
    throw err;
  }
}

/**
 * Admits one client connection at a time into the server's single PGlite session.
 * Wraps the library's connection handler (its `handleConnection` method, pinned
 * version): a socket that arrives while another is open is held (its bytes stay
 * buffered, unread) until that one closes.
 */
function serveOneAtATime(server: PGLiteSocketServer, waitMs: number): void {
  const internals = server as unknown as { handleConnection(socket: Socket): void };
  const admit = internals.handleConnection.bind(server);
  let busy = false;
  internals.handleConnection = (socket: Socket) => {
    const deadline = Date.now() + waitMs;
    const tryAdmit = () => {
      if (socket.destroyed) return;
      if (busy) {
        if (Date.now() > deadline) socket.destroy();
        else setTimeout(tryAdmit, 10);
        return;
      }
      busy = true;
      socket.once('close', () => {
        busy = false;
      });
      admit(socket);
    };
    tryAdmit();
  };
}
