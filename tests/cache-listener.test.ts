import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool, type Database } from '@/db/client';
import { listRegister } from '@/db/queries/register';
import { startChangeListener, type ChangeListener } from '@/lib/cache-listener';
import { announcePublicChange, PUBLIC_CHANGES_CHANNEL } from '@/lib/public-changes';
import { cachedRegisterRead, freshnessMs, HEAD_CHECK_MS, LISTENING_HEAD_CHECK_MS } from '@/lib/register-cache';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { createTestDatabase, type TestDatabase } from './support/db';
import { committeePeople, makeSite, ok, signedDecision } from './support/fixtures';

/**
 * The cross-instance invalidation of the public reads (lib/cache-listener.ts,
 * lib/public-changes.ts, docs/multi-instance.md). On PostgreSQL (DATABASE_URL): this
 * process's database handle is "instance A" with its listener; a second pool of its own
 * is "instance B", whose commands' notifications must clear A's cache; the listener's
 * connection is killed and must come back. On the embedded database: the notification
 * is only a statement of the command's transaction, which must work there too.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe.skipIf(!process.env.DATABASE_URL)('the change listener on postgres', () => {
  let t: TestDatabase;
  let listener: ChangeListener;
  let other: { pool: pg.Pool; db: Database };
  const heard: string[] = [];
  const logs: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const pool = createPool(t.url, { max: 2 });
    other = { pool, db: createDb(pool) };
    listener = startChangeListener({ connectionString: t.url, db: () => t.db, log: (l) => logs.push(l), reconnectMinMs: 50, onNotification: (topic) => heard.push(topic) });
    await listener.ready();
  }, 120_000);
  afterAll(async () => {
    await listener?.stop();
    await other?.pool.end();
    await t?.close();
  });

  /** A read counted each time it is really computed (not answered from the cache). */
  let loads = 0;
  const read = () =>
    cachedRegisterRead(t.db, 'counted', async () => {
      loads += 1;
      return loads;
    });

  it('trusts the cache longer while listening', () => {
    expect(listener.listening()).toBe(true);
    expect(freshnessMs(t.db)).toBe(LISTENING_HEAD_CHECK_MS);
  });

  it('clears the cache on a notification sent from another connection, at once', async () => {
    await read();
    const before = loads;
    // Cached: with the listener, the head is trusted for seconds.
    await read();
    expect(loads).toBe(before);
    const sent = Date.now();
    await other.db.transaction((tx) => announcePublicChange(tx, 'register'));
    await until(() => heard.includes('register'), 2000, 'the notification');
    await read();
    expect(loads).toBe(before + 1);
    expect(Date.now() - sent).toBeLessThan(HEAD_CHECK_MS);
  });

  it("shows another instance's publication at once, well before any head check", async () => {
    const people = await committeePeople(other.db);
    const site = await makeSite(other.db);
    const { decisionId } = await signedDecision(other.db, people, site.id);
    const before = await listRegister(t.db, {});
    // Within the listening head check: without the notification this would be served from the cache.
    const count = heard.length;
    const { reference } = await ok(runCommand(other.db, COMMANDS.publishDecision, people.chair.id, { decisionId }));
    await until(() => heard.length > count, 2000, 'the publication’s notification');
    const after = await listRegister(t.db, {});
    expect(before.items.map((i) => i.entry.reference)).not.toContain(reference);
    expect(after.items[0]!.entry.reference).toBe(reference);
  });

  it('hears nothing of a transaction that rolls back', async () => {
    const from = heard.length;
    await expect(
      other.db.transaction(async (tx) => {
        await announcePublicChange(tx, 'questions');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // A committed notification after it: notifications arrive in commit order, so the
    // rolled back one, had it been sent, would be heard first.
    await other.db.transaction((tx) => announcePublicChange(tx, 'condition'));
    await until(() => heard.length > from, 2000, 'the committed notification');
    await sleep(100);
    expect(heard.slice(from)).toEqual(['condition']);
  });

  it('ignores other channels', async () => {
    const from = heard.length;
    const c = new pg.Client({ connectionString: t.url });
    await c.connect();
    await c.query(`LISTEN vigie_other`);
    await c.query(`SELECT pg_notify('vigie_other', 'x'), pg_notify($1, 'register')`, [PUBLIC_CHANGES_CHANNEL]);
    await c.end();
    await until(() => heard.length > from, 2000, 'the notification');
    expect(heard.slice(from)).toEqual(['register']);
  });

  it('reconnects after its connection is killed, polls meanwhile, and clears the cache when back', async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'vigie-change-listener' AND datname = current_database()`,
      );
      expect(rows).toEqual([{ killed: true }]);
      await until(() => !listener.listening(), 5000, 'the listener to notice');
      // While it is down, the 250 ms head check is the safety net again.
      expect(freshnessMs(t.db)).toBe(HEAD_CHECK_MS);
      await read();
      const before = loads;
      await listener.ready(10_000);
      expect(freshnessMs(t.db)).toBe(LISTENING_HEAD_CHECK_MS);
      // Back: what was said while it was down is unknown, so the cache starts afresh.
      await read();
      expect(loads).toBe(before + 1);
      expect(logs.some((l) => l.includes('change listener lost'))).toBe(true);
      // And it hears the others again.
      const from = heard.length;
      await other.db.transaction((tx) => announcePublicChange(tx, 'authorisation'));
      await until(() => heard.length > from, 2000, 'a notification after the reconnection');
      expect(heard.slice(from)).toEqual(['authorisation']);
    } finally {
      await admin.end();
    }
  });

  it('stops for good: no connection left behind, no reconnection', async () => {
    await listener.stop();
    expect(listener.listening()).toBe(false);
    expect(freshnessMs(t.db)).toBe(HEAD_CHECK_MS);
    await sleep(200);
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'vigie-change-listener' AND datname = current_database()`);
    await admin.end();
    expect(rows).toEqual([]);
  });
});

describe('announcing a public change on embedded', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('embedded');
  });
  afterAll(() => t.close());

  it('is one more statement of the transaction, committed or rolled back with it', async () => {
    await t.db.transaction((tx) => announcePublicChange(tx, 'register'));
    await expect(
      t.db.transaction(async (tx) => {
        await announcePublicChange(tx, 'register');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    // The connection is still usable after both.
    expect((await t.db.execute('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});
