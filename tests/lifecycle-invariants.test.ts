import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { checkInvariants, snapshot } from './support/invariants';
import { freshCast, nextStep, prng, type Cast } from './support/lifecycle-model';

/**
 * Issue 9, part 3: random committees at work on the real database. Each run gives a fresh
 * cast (every role, an author and a diagnostician who also sit on the committee, a
 * deactivated member) a sequence of commands, mostly the ones the state allows, sometimes
 * anything by anyone; after every command the invariants of tests/support/invariants.ts
 * are checked with SQL over the real tables. INVARIANT_RUNS and INVARIANT_STEPS make a
 * longer search; INVARIANT_SEED replays one.
 */

const RUNS = Number(process.env.INVARIANT_RUNS ?? 6);
const STEPS = Number(process.env.INVARIANT_STEPS ?? 100);
const SEED = process.env.INVARIANT_SEED ? Number(process.env.INVARIANT_SEED) : undefined;

type AnyCommand = Parameters<typeof runCommand>[1];

/** The cast's part a person plays, for the trace. */
function nameOf(cast: Cast, id: string | null): string {
  if (!id) return 'anonymous';
  const member = cast.members.indexOf(id);
  if (member >= 0) return `member${member + 1}`;
  return (['chair', 'techMember', 'technician', 'diagMember', 'diagnostician', 'admin', 'ghost'] as const).find((k) => cast[k] === id) ?? 'stranger';
}

describe.each(BACKENDS)('lifecycle invariants on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t?.close());

  it('hold after every command of random sequences by random actors', { timeout: Math.max(300_000, RUNS * STEPS * 400) }, async () => {
    const accepted = new Map<string, number>();
    const refused = new Map<string, number>();
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    let runs = 0;
    let steps = 0;
    const runSeconds: number[] = [];
    const started = Date.now();

    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { minLength: STEPS, maxLength: STEPS }), async (seeds) => {
        runs += 1;
        const runStarted = Date.now();
        const cast = await freshCast(t.db, t.pool);
        let before = await snapshot(t.pool);
        const trace: string[] = [];
        for (const [i, seed] of seeds.entries()) {
          const step = await nextStep(t.pool, cast, prng(seed));
          const result = await runCommand(t.db, COMMANDS[step.command] as AnyCommand, step.actor, step.input);
          steps += 1;
          const who = nameOf(cast, step.actor);
          if (result.ok) bump(accepted, step.command);
          else bump(refused, result.code);
          trace.push(`${i}. ${step.planned ? '' : '(random) '}${step.command} by ${who}: ${result.ok ? 'ok' : result.code}`);
          const { violations, after } = await checkInvariants(t.db, t.pool, before, result.ok ? { ok: true } : { ok: false, code: result.code });
          if (violations.length) {
            throw new Error(`invariant broken after step ${i} (${step.command}, input ${JSON.stringify(step.input).slice(0, 400)}):\n  ${violations.join('\n  ')}\nlast steps:\n  ${trace.slice(-25).join('\n  ')}`);
          }
          before = after;
        }
        runSeconds.push((Date.now() - runStarted) / 1000);
      }),
      // No shrinking: the database keeps what a failing run wrote, so the trace above is the report.
      { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );

    const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const published = (await t.pool.query<{ n: string }>(`SELECT count(*) AS n FROM register_entries WHERE kind = 'decision'`)).rows[0]!.n;
    const votes = (await t.pool.query<{ n: string }>('SELECT count(*) AS n FROM votes')).rows[0]!.n;
    const line = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(
      `[invariants ${backend}] ${runs} runs × ${STEPS} steps = ${steps} commands in ${((Date.now() - started) / 1000).toFixed(1)} s, 0 violations; ` +
        `${count(accepted)} accepted, ${count(refused)} refused; ${votes} votes, ${published} decisions published ` +
        `(runs took ${Math.min(...runSeconds).toFixed(1)}–${Math.max(...runSeconds).toFixed(1)} s, first ${runSeconds[0]!.toFixed(1)}, last ${runSeconds.at(-1)!.toFixed(1)})\n` +
        `  accepted: ${line(accepted)}\n  refused: ${line(refused)}`,
    );
    // The generator must reach the end of the lifecycle, or the property says little.
    expect(Number(published)).toBeGreaterThan(0);
    expect(refused.has('internal')).toBe(false);
  });
});
