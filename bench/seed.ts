/**
 * Loads the benchmark's database: the generated past (bench/generate.ts), then the demo on
 * top of it (accounts, the demo's sites and files), then what the load scenarios need: 20
 * more members and a session where all serving members are present, with one vote open
 * (the staff vote round-trip) and one signed decision not yet published (the publication
 * whose visibility the bench times).
 *
 *   tsx bench/seed.ts <decisions>        (DATABASE_URL: a migrated, empty database)
 *   tsx bench/seed.ts publish            (publishes the waiting decision, prints its reference)
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import { createDb, createPool, type Database } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { CONCLUDED_DIAGNOSTIC, DEMO_PASSWORD, SIGNAGE, camera, commandRunner, completeProposal, seedDemo } from '@/db/seed';
import { decisions, registerEntries, userRoles, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { dateToParisLocal } from '@/lib/domain/paris-time';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { servingMemberIds } from '@/lib/workflow/committee';
import { searchTextOf } from '@/lib/workflow/register';
import { generateDataset, type BenchDataset } from './generate';

/** The members who vote at once in the round-trip scenario. */
export const BENCH_VOTERS = Array.from({ length: 20 }, (_, i) => `vote${String(i + 1).padStart(2, '0')}@bench.vigie.test`);
export const BENCH_PASSWORD = DEMO_PASSWORD;
/** The title of the bench's files (the scenarios find them by it). */
export const VOTE_FILE_TITLE = 'Banc d’essai : vote simultané';
export const PUBLISH_FILE_TITLE = 'Banc d’essai : publication chronométrée';

type Col = [name: string, type: string];

/**
 * One multi-row INSERT per table and batch: every column passed as one array parameter and
 * cast back to its type (`unnest`), so a batch of 1,000 rows is one round trip whatever its
 * width.
 */
async function insertRows(client: pg.PoolClient, table: string, cols: Col[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const params = cols.map((_, c) => rows.map((r) => (r[c] === null || r[c] === undefined ? null : typeof r[c] === 'string' ? r[c] : r[c] instanceof Date ? (r[c] as Date).toISOString() : JSON.stringify(r[c]))));
  const names = cols.map(([n]) => n);
  const sqlText = `INSERT INTO ${table} (${names.join(', ')}) SELECT ${cols.map(([n, t]) => `${n}::${t}`).join(', ')} FROM unnest(${cols.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS u(${names.join(', ')})`;
  await client.query(sqlText, params);
}

const pgArray = (list: string[]) => `{${list.map((s) => `"${s.replace(/"/g, '\\"')}"`).join(',')}}`;

/**
 * Writes the generated past. The database's guards are triggers that check one command at
 * a time (the review gate on a proposal's state, a vote only while its vote is open, the
 * register's chain to the previous row); a past written in bulk has no "open vote" moment,
 * so each batch's transaction sets `session_replication_role = replica`, which turns them
 * (and the foreign-key triggers) off for that transaction only. The chain is computed with
 * the app's own hash (lib/domain/register.ts), and the register verifies afterwards
 * (tests/bench-generate.test.ts, and the bench checks /api/v1/register/verify).
 */
export async function loadDataset(pool: pg.Pool, data: BenchDataset, { batchSize = 1000, log = (line: string): void => void line } = {}): Promise<{ entries: number }> {
  const client = await pool.connect();
  let entries = 0;
  try {
    const passwordHash = await hashPassword(`${DEMO_PASSWORD}-former-staff-${Math.random()}`);
    const { staff } = data;
    const staffRows: unknown[][] = [
      [staff.technician, 'ancien-technicien@bench.vigie.test', 'Technicien (ancien)'],
      [staff.officer, 'ancienne-prevention@bench.vigie.test', 'Chargée de prévention (ancienne)'],
      [staff.chair, 'ancienne-presidence@bench.vigie.test', 'Présidente (ancienne)'],
      ...staff.members.map((id, i) => [id, `ancien-membre${i + 1}@bench.vigie.test`, `Membre ${i + 1} (ancien)`]),
    ].map((r) => [...r, passwordHash, 'false']);
    await client.query('BEGIN');
    await insertRows(client, 'users', [['id', 'uuid'], ['email', 'text'], ['name', 'text'], ['password_hash', 'text'], ['active', 'boolean']], staffRows);
    for (let i = 0; i < data.sites.length; i += batchSize) {
      await insertRows(
        client,
        'sites',
        [['id', 'uuid'], ['name', 'text'], ['address', 'text'], ['landlord', 'text'], ['dwellings', 'integer'], ['latitude', 'double precision'], ['longitude', 'double precision']],
        data.sites.slice(i, i + batchSize).map((s) => [s.id, s.name, s.address, s.landlord, String(s.dwellings), String(s.latitude), String(s.longitude)]),
      );
    }
    for (let i = 0; i < data.sessions.length; i += batchSize) {
      const rows: unknown[][] = data.sessions.slice(i, i + batchSize).map((s) => {
        const convened = new Date(s.heldAt.getTime() - 10 * 86_400_000);
        return [s.id, 'closed', s.heldAt, 'Hôtel de ville, salle du conseil municipal', convened, s.heldAt, s.heldAt, staff.chair, staff.chair, s.heldAt, convened, s.heldAt];
      });
      await insertRows(
        client,
        'sessions',
        [['id', 'uuid'], ['state', 'session_state'], ['scheduled_at', 'timestamptz'], ['place', 'text'], ['convened_at', 'timestamptz'], ['held_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['minutes_signed_by', 'uuid'], ['created_by', 'uuid'], ['minutes_signed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        rows,
      );
      const attendance = data.sessions.slice(i, i + batchSize).flatMap((s) => [staff.chair, ...staff.members].map((m) => [s.id, m, 'present']));
      await insertRows(client, 'attendance', [['session_id', 'uuid'], ['member_id', 'uuid'], ['status', 'attendance_status']], attendance);
    }
    await client.query('COMMIT');

    for (const batch of data.files(batchSize)) {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const day = 86_400_000;
      await insertRows(
        client,
        'proposals',
        [['id', 'uuid'], ['site_id', 'uuid'], ['author_id', 'uuid'], ['state', 'proposal_state'], ['title', 'text'], ['purposes', 'text[]'], ['retention_days', 'integer'], ['viewers', 'text'], ['signage', 'jsonb'], ['investment_euros', 'integer'], ['yearly_cost_euros', 'integer'], ['justification', 'text'], ['submitted_at', 'timestamptz'], ['diagnosed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.map((f) => [f.proposalId, f.site.id, staff.technician, 'published', f.title, pgArray(f.purposes), String(f.retentionDays), 'Opérateurs habilités du centre de supervision urbain (3 personnes)', SIGNAGE, String(f.investmentEuros), String(f.yearlyCostEuros), f.justification, new Date(f.decidedAt.getTime() - 70 * day), new Date(f.decidedAt.getTime() - 40 * day), new Date(f.decidedAt.getTime() - 75 * day), f.publishedAt]),
      );
      await insertRows(
        client,
        'diagnostics',
        [['id', 'uuid'], ['proposal_id', 'uuid'], ['version', 'integer'], ['state', 'diagnostic_state'], ['site_description', 'text'], ['proportionality', 'text'], ['privacy_risks', 'text'], ['expected_effect', 'text'], ['cost_assessment', 'text'], ['dpia_status', 'dpia_status'], ['public_summary', 'text'], ['conclusion', 'diagnostic_conclusion'], ['started_by', 'uuid'], ['signed_by', 'uuid'], ['signed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.map((f) => {
          const signed = new Date(f.decidedAt.getTime() - 40 * day);
          return [f.diagnosticId, f.proposalId, '1', 'concluded', CONCLUDED_DIAGNOSTIC.siteDescription, CONCLUDED_DIAGNOSTIC.proportionality, CONCLUDED_DIAGNOSTIC.privacyRisks, CONCLUDED_DIAGNOSTIC.expectedEffect, CONCLUDED_DIAGNOSTIC.costAssessment, 'completed', f.entry.diagnosticSummary, f.entry.diagnosticConclusion, staff.officer, staff.officer, signed, new Date(signed.getTime() - 20 * day), signed];
        }),
      );
      await insertRows(
        client,
        'agenda_items',
        [['id', 'uuid'], ['session_id', 'uuid'], ['proposal_id', 'uuid'], ['position', 'integer'], ['rapporteur_id', 'uuid'], ['state', 'agenda_item_state'], ['draft_conditions', 'jsonb'], ['vote_opened_at', 'timestamptz'], ['vote_closed_at', 'timestamptz'], ['outcome', 'decision_outcome'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.map((f) => [f.itemId, f.sessionId, f.proposalId, String(f.position), staff.members[f.position % staff.members.length], 'voted', f.entry.conditions, f.decidedAt, f.decidedAt, f.entry.outcome, new Date(f.decidedAt.getTime() - 20 * day), f.decidedAt]),
      );
      await insertRows(
        client,
        'votes',
        [['item_id', 'uuid'], ['member_id', 'uuid'], ['cast_by', 'uuid'], ['choice', 'vote_choice'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.flatMap((f) => f.votes.map((v) => [f.itemId, v.memberId, v.memberId, v.choice, f.decidedAt, f.decidedAt])),
      );
      await insertRows(
        client,
        'decisions',
        [['id', 'uuid'], ['item_id', 'uuid'], ['proposal_id', 'uuid'], ['outcome', 'decision_outcome'], ['conditions', 'jsonb'], ['reasons', 'text'], ['public_summary', 'text'], ['votes_for', 'integer'], ['votes_against', 'integer'], ['votes_abstain', 'integer'], ['recused', 'integer'], ['signed_by', 'uuid'], ['signed_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
        batch.map((f) => {
          const e = f.entry;
          const signed = new Date(f.decidedAt.getTime() + day);
          return [f.decisionId, f.itemId, f.proposalId, e.outcome, e.conditions, e.reasons, e.publicSummary, String(e.votes.for), String(e.votes.against), String(e.votes.abstain), '0', staff.chair, signed, f.decidedAt, signed];
        }),
      );
      const entryRows = batch.flatMap((f) => {
        const row = (e: typeof f.entry, corrects: number | null) => [String(e.sequence), e.reference, e.kind, f.decisionId, corrects === null ? null : String(corrects), e.site.id, e.outcome, e.decidedAt.slice(0, 4), e.site.landlord, e.publishedAt, JSON.stringify(e), e.hash, e.previousHash, searchTextOf(e)];
        return [row(f.entry, null), ...(f.correction ? [row(f.correction, f.entry.sequence)] : [])];
      });
      await insertRows(
        client,
        'register_entries',
        [['sequence', 'integer'], ['reference', 'text'], ['kind', 'register_entry_kind'], ['decision_id', 'uuid'], ['corrects_sequence', 'integer'], ['site_id', 'uuid'], ['outcome', 'decision_outcome'], ['decided_year', 'integer'], ['landlord', 'text'], ['published_at', 'timestamptz'], ['entry', 'json'], ['hash', 'text'], ['previous_hash', 'text'], ['search_text', 'text']],
        entryRows,
      );
      await client.query('COMMIT');
      entries += entryRows.length;
      log(`${entries} register entries written`);
    }
    // Statistics for the planner, and the visibility map for index-only scans (autovacuum would, later).
    await client.query('VACUUM ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  return { entries };
}

/** The scenarios' own records, through the app's commands (so their state is the real one). */
export async function seedScenarios(db: Database): Promise<void> {
  const byEmail = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
  const user = (email: string) => byEmail.get(email)!;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const voters = await db
    .insert(users)
    .values(BENCH_VOTERS.map((email, i) => ({ email, name: `Membre du banc ${i + 1}`, passwordHash })))
    .returning({ id: users.id });
  await db.insert(userRoles).values(voters.map((v) => ({ userId: v.id, role: 'member' as const })));
  const chair = user('presidence@demo.vigie.test');
  const technician = user('technicien@demo.vigie.test');
  const officer = user('prevention@demo.vigie.test');
  const [site] = await db.execute<{ id: string; latitude: number; longitude: number }>(sql`SELECT id, latitude, longitude FROM sites WHERE name = 'Résidence Arago'`).then((r) => r.rows);
  const run = commandRunner(db, 'bench seed');
  const file = async (title: string) => {
    const { id } = await run<{ id: string }>(COMMANDS.createProposal, technician, { siteId: site!.id, title });
    const cameras = [camera(site!.latitude + 0.0002, site!.longitude - 0.0002, 120)];
    const justification = 'Dégradations répétées du hall, signalées par le bailleur et les locataires.';
    await run(COMMANDS.submitProposal, technician, { ...completeProposal(site!.id, title, cameras, justification), proposalId: id, revision: 1 });
    const diagnostic = await run<{ id: string }>(COMMANDS.startDiagnostic, officer, { proposalId: id });
    await run(COMMANDS.concludeDiagnostic, officer, { diagnosticId: diagnostic.id, revision: 1, confirmed: true, ...CONCLUDED_DIAGNOSTIC });
    await run(COMMANDS.scheduleReview, chair, { proposalId: id, confirmed: true });
    return id;
  };
  const voteFile = await file(VOTE_FILE_TITLE);
  const publishFile = await file(PUBLISH_FILE_TITLE);
  const today = `${dateToParisLocal(new Date()).slice(0, 10)}T08:00`;
  const { id: sessionId } = await run<{ id: string }>(COMMANDS.planSession, chair, { scheduledAt: today, place: 'Hôtel de ville, salle du conseil municipal' });
  const voteItem = await run<{ id: string }>(COMMANDS.addToAgenda, chair, { sessionId, proposalId: voteFile, rapporteurId: voters[0]!.id });
  const publishItem = await run<{ id: string }>(COMMANDS.addToAgenda, chair, { sessionId, proposalId: publishFile, rapporteurId: voters[1]!.id });
  await run(COMMANDS.conveneSession, chair, { sessionId, reason: 'Séance du banc d’essai.' });
  const serving = await db.transaction((tx) => servingMemberIds(tx));
  await run(COMMANDS.holdSession, chair, { sessionId, attendance: serving.map((memberId) => ({ memberId, status: 'present' })) });
  await run(COMMANDS.openItemVote, chair, { itemId: publishItem.id });
  for (const memberId of serving) await run(COMMANDS.castVote, memberId, { itemId: publishItem.id, choice: 'for' });
  const closed = await run<{ decisionId: string }>(COMMANDS.closeItemVote, chair, { itemId: publishItem.id });
  await run(COMMANDS.signDecision, chair, { decisionId: closed.decisionId, revision: 1, conditions: [], reasons: 'Faits documentés, alternatives essayées, une caméra orientée vers le seul hall.', publicSummary: 'Avis favorable à une caméra dans le hall (banc d’essai).' });
  await run(COMMANDS.openItemVote, chair, { itemId: voteItem.id });
}

/** Publishes the bench's signed decision (as the chair would): returns its reference. */
export async function publishWaiting(db: Database): Promise<string> {
  const [row] = await db.execute<{ id: string }>(
    sql`SELECT d.id FROM decisions d JOIN proposals p ON p.id = d.proposal_id WHERE p.title = ${PUBLISH_FILE_TITLE} AND d.signed_at IS NOT NULL`,
  ).then((r) => r.rows);
  if (!row) throw new Error('the bench has no signed decision waiting (seed it with bench/seed.ts)');
  const [chair] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'presidence@demo.vigie.test'));
  const result = await runCommand(db, COMMANDS.publishDecision, chair!.id, { decisionId: row.id });
  if (!result.ok) throw new Error(`publish failed: ${result.code}`);
  const [entry] = await db.select({ reference: registerEntries.reference }).from(registerEntries).where(and(eq(registerEntries.decisionId, row.id), isNull(registerEntries.correctsSequence)));
  return entry!.reference;
}

/** The whole bench database: migrations, the generated past, the demo, the scenarios. */
export async function seedBench(url: string, decisionsCount: number, log = (s: string) => console.log(`[bench-seed] ${s}`)): Promise<void> {
  const pool = createPool(url, { max: 1 });
  try {
    const db = createDb(pool);
    await runMigrations(db);
    const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(decisions);
    if ((existing?.n ?? 0) > 0) throw new Error('the bench seeds an empty database only');
    const t0 = Date.now();
    const { entries } = await loadDataset(pool, generateDataset(decisionsCount), { log: (s) => (/000 register/.test(s) ? log(s) : undefined) });
    log(`generated past: ${decisionsCount} decisions, ${entries} register entries in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await seedDemo(db, { alongsideAccounts: true });
    await seedScenarios(db);
    log(`demo and scenarios seeded (${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
  } finally {
    await pool.end();
  }
}

const invoked = process.argv[1] && /bench[\\/]seed\.ts$/.test(process.argv[1]);
if (invoked) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('[bench-seed] DATABASE_URL is required');
    process.exit(2);
  }
  const arg = process.argv[2] ?? '';
  const job =
    arg === 'publish'
      ? (async () => {
          const pool = createPool(url, { max: 1 });
          try {
            const reference = await publishWaiting(createDb(pool));
            console.log(JSON.stringify({ reference, at: Date.now() }));
          } finally {
            await pool.end();
          }
        })()
      : seedBench(url, Number(arg));
  job.then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`[bench-seed] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}
