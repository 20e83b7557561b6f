import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, prng, uuidFrom } from '@/bench/generate';
import { loadDataset, seedScenarios } from '@/bench/seed';
import { failed, formatTable, percentile, summarize, withRatios } from '@/bench/stats';
import { seedDemo } from '@/db/seed';
import { agendaItems, decisions, registerEntries, sites, votes } from '@/db/schema';
import { registerEntrySchema, verifyChain, type RegisterEntry } from '@/lib/domain/register';
import { verifyRegister } from '@/lib/open-data/verify';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

function entriesOf(n: number, seed?: number): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  for (const batch of generateDataset(n, seed).files(64)) for (const f of batch) out.push(f.entry, ...(f.correction ? [f.correction] : []));
  return out;
}

describe('the bench generator', () => {
  it('gives the same data for the same size and seed, and other data for another seed', () => {
    const a = entriesOf(300);
    const b = entriesOf(300);
    expect(b).toEqual(a);
    expect(generateDataset(300).sites).toEqual(generateDataset(300).sites);
    expect(entriesOf(300, 7)[0]!.hash).not.toBe(a[0]!.hash);
  });

  it('yields the same files however they are batched, and walked twice', () => {
    const data = generateDataset(250);
    const once = [...data.files(1000)].flat().map((f) => f.entry.hash);
    const twice = [...data.files(7)].flat().map((f) => f.entry.hash);
    expect(twice).toEqual(once);
    expect(once).toHaveLength(250);
  });

  it('makes a register that verifies, with valid entries, unique references and one correction in 100', () => {
    const entries = entriesOf(500);
    expect(verifyChain(entries)).toMatchObject({ ok: true, length: 505 });
    for (const e of entries.slice(0, 50)) expect(registerEntrySchema.safeParse(e).success).toBe(true);
    expect(new Set(entries.map((e) => e.reference)).size).toBe(entries.length);
    expect(entries.filter((e) => e.kind === 'correction')).toHaveLength(5);
  });

  it('has realistic sizes: one site per 20 decisions, texts of hundreds of characters, 7 votes', () => {
    const data = generateDataset(2000);
    expect(data.sites).toHaveLength(100);
    expect(new Set(data.sites.map((s) => s.name)).size).toBe(100);
    const files = [...data.files(500)].flat();
    const reasons = files.map((f) => f.entry.reasons.length);
    expect(Math.min(...reasons)).toBeGreaterThanOrEqual(400);
    expect(percentile(reasons, 50)).toBeLessThan(1200);
    expect(files.every((f) => f.votes.length === 7)).toBe(true);
    expect(files.every((f) => f.publishedAt.getUTCFullYear() <= 2019)).toBe(true);
  });

  it('draws uuids of the right shape from its PRNG', () => {
    const r = prng(1);
    expect(uuidFrom(r)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe.each(BACKENDS)('the bench database on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  }, 120_000);
  afterAll(() => t.close());

  it('loads the generated past, then the demo and the scenarios on top, and the whole register verifies', async () => {
    const { entries } = await loadDataset(t.pool, generateDataset(120), { batchSize: 50 });
    expect(entries).toBe(121);
    const [{ n }] = (await t.db.select({ n: count() }).from(decisions)) as [{ n: number }];
    expect(n).toBe(120);
    const [{ n: voteCount }] = (await t.db.select({ n: count() }).from(votes)) as [{ n: number }];
    expect(voteCount).toBe(120 * 7);
    expect(await verifyRegister(t.db)).toMatchObject({ ok: true, length: 121 });
    // The site name column copies the entry's.
    const [row] = await t.db.select({ siteName: registerEntries.siteName, entry: registerEntries.entry }).from(registerEntries).where(eq(registerEntries.sequence, 1));
    expect(row!.siteName).toBe(row!.entry.site.name);

    await seedDemo(t.db, { alongsideAccounts: true });
    await seedScenarios(t.db);
    const verdict = await verifyRegister(t.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.length).toBeGreaterThan(121);
    const [{ n: siteCount }] = (await t.db.select({ n: count() }).from(sites)) as [{ n: number }];
    expect(siteCount).toBeGreaterThanOrEqual(8 + 8);
    const open = await t.db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.state, 'voting'));
    // The demo's open vote and the bench's.
    expect(open).toHaveLength(2);
  }, 300_000);
});

describe('the bench figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 95)).toBe(0);
    expect(percentile([3, 1, 2], 100)).toBe(3);
  });

  it('divides each scenario by the baseline', () => {
    const base = summarize('base', [1, 1, 2, 2], 1, 0, 100);
    const page = summarize('page', [4, 4, 8, 8], 2, 0, 120);
    const [b, p] = withRatios([base, page], base);
    expect(b!.ratio).toBeNull();
    expect(p!.ratio).toEqual({ rps: 0.5, p50: 4, p95: 4, p99: 4 });
  });

  it('prints aligned tables', () => {
    const text = formatTable(['name', 'n'], [['a', 1], ['bbb', 22]]);
    expect(text.split('\n')).toEqual(['name  n', '----  --', 'a      1', 'bbb   22']);
  });

  it('fails on rules always and on targets outside --short only', () => {
    const checks = [
      { name: 'errors', ok: false, detail: '', kind: 'rule' as const },
      { name: 'p95', ok: false, detail: '', kind: 'target' as const },
    ];
    expect(failed(checks, true).map((c) => c.name)).toEqual(['errors']);
    expect(failed(checks, false).map((c) => c.name)).toEqual(['errors', 'p95']);
  });
});
