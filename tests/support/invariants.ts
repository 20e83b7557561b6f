import type pg from 'pg';
import type { Database } from '@/db/client';
import { TRANSITIONS } from '@/lib/domain/lifecycle';
import { verifyRegister } from '@/lib/open-data/verify';

/**
 * The lifecycle's invariants, stated as SQL over the real tables (not over any model of
 * them): what the property test checks after every command. Each check returns the
 * violations it found, as readable lines; an empty list means it holds.
 */

type Q = Pick<pg.Pool, 'query'>;

/** Every proposal's state, and every vote's identity and revision: what a step may change. */
export interface Before {
  states: Map<string, string>;
  votes: Map<string, number>;
  decisions: Set<string>;
  /** Signatures already there: concluded diagnostics, signed decisions, signed minutes. */
  signatures: Set<string>;
  fingerprint: string;
  auditCount: number;
  transitionEvents: Map<string, number>;
}

const LEGAL_MOVES = new Set(TRANSITIONS.flatMap((t) => t.from.map((from) => `${from}>${t.to}`)));

/**
 * A summary of every domain table a command may write: row counts and the sum of the
 * revision tokens. A refused command must leave it exactly as it was. audit_events is
 * left out on purpose: a refusal may be logged for security, it is not a change of state.
 */
const FINGERPRINT_SQL = `SELECT concat_ws('|',
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM proposals),
  (SELECT count(*) FROM cameras),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM diagnostics),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM sessions),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM agenda_items),
  (SELECT count(*) FROM attendance),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM votes),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM decisions),
  (SELECT count(*) FROM conflicts),
  (SELECT count(*) FROM dissents),
  (SELECT count(*) FROM deliberation_messages),
  (SELECT count(*) || ':' || count(answered_at) FROM info_requests),
  (SELECT count(*) FROM register_entries),
  (SELECT count(*) || ':' || count(*) FILTER (WHERE active) || ':' || md5(string_agg(password_hash, '' ORDER BY id)) FROM users),
  (SELECT count(*) FROM user_roles),
  (SELECT count(*) || ':' || coalesce(sum(revision), 0) FROM sites),
  (SELECT revision FROM committee_settings WHERE id = 1)
) AS f`;

export async function snapshot(pool: Q): Promise<Before> {
  const states = await pool.query<{ id: string; state: string }>('SELECT id, state FROM proposals');
  const votes = await pool.query<{ id: string; revision: number }>('SELECT id, revision FROM votes');
  const decisions = await pool.query<{ id: string }>('SELECT id FROM decisions');
  const signatures = await pool.query<{ key: string }>(SIGNATURES_SQL);
  const [f] = (await pool.query<{ f: string }>(FINGERPRINT_SQL)).rows;
  const [a] = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_events')).rows;
  const moves = await pool.query<{ key: string; n: string }>(
    `SELECT entity_id || ':' || from_state || '>' || to_state AS key, count(*) AS n FROM audit_events WHERE from_state IS NOT NULL AND to_state IS NOT NULL GROUP BY 1`,
  );
  return {
    states: new Map(states.rows.map((r) => [r.id, r.state])),
    votes: new Map(votes.rows.map((r) => [r.id, r.revision])),
    decisions: new Set(decisions.rows.map((r) => r.id)),
    signatures: new Set(signatures.rows.map((r) => r.key)),
    fingerprint: f!.f,
    auditCount: Number(a!.n),
    transitionEvents: new Map(moves.rows.map((r) => [r.key, Number(r.n)])),
  };
}

/** Every signature with the role it needs: the signer's roles now are those they signed with (checked on new ones). */
const SIGNATURES_SQL = `
  SELECT 'diagnostic ' || id AS key, signed_by AS signer, 'diagnostician' AS role FROM diagnostics WHERE signed_by IS NOT NULL
  UNION ALL SELECT 'decision ' || id, signed_by, 'chair' FROM decisions WHERE signed_by IS NOT NULL
  UNION ALL SELECT 'minutes of session ' || id, minutes_signed_by, 'chair' FROM sessions WHERE minutes_signed_by IS NOT NULL`;

async function signatures(pool: Q, before: Before): Promise<string[]> {
  const { rows } = await pool.query<{ key: string; ok: boolean }>(`
    SELECT s.key, EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role::text = s.role WHERE u.id = s.signer AND u.active) AS ok
    FROM (${SIGNATURES_SQL}) s`);
  return rows.filter((r) => !r.ok && !before.signatures.has(r.key)).map((r) => `${r.key} signed by someone who is not an active ${r.key.startsWith('diagnostic') ? 'diagnostician' : 'chair'}`);
}

/** DOMAIN rule 5: nothing from "diagnosed" on without a concluded, signed latest diagnostic. */
async function reviewGate(pool: Q): Promise<string[]> {
  const { rows } = await pool.query<{ id: string; state: string }>(`
    SELECT p.id, p.state FROM proposals p
    WHERE p.state IN ('diagnosed', 'under_review', 'info_requested', 'voting', 'decided', 'published')
      AND NOT EXISTS (
        SELECT 1 FROM diagnostics d
        WHERE d.proposal_id = p.id AND d.state = 'concluded' AND d.signed_by IS NOT NULL AND d.signed_at IS NOT NULL
          AND d.conclusion IS NOT NULL
          AND d.version = (SELECT max(version) FROM diagnostics WHERE proposal_id = p.id))`);
  return rows.map((r) => `proposal ${r.id} is ${r.state} without a concluded, signed diagnostic`);
}

/**
 * DOMAIN rule 6, for the votes written by this step (their state now is the state they
 * were cast in): the member serves (active, member role), is not recused (author,
 * diagnostic signer, declared conflict), and the vote was cast by them present, or by the
 * present member holding their proxy. For every stored vote: never by the file's author,
 * and never on an item of a session that was not held.
 */
async function voteEligibility(pool: Q, before: Before): Promise<string[]> {
  const out: string[] = [];
  const { rows } = await pool.query<{ id: string; revision: number; member_id: string; cast_by: string; item_id: string; why: string | null }>(`
    SELECT v.id, v.revision, v.member_id, v.cast_by, v.item_id,
      CASE
        WHEN i.state <> 'voting' THEN 'item not open'
        WHEN NOT EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'member' WHERE u.id = v.member_id AND u.active) THEN 'member not serving'
        WHEN NOT EXISTS (SELECT 1 FROM users u WHERE u.id = v.cast_by AND u.active) THEN 'cast by an inactive account'
        WHEN p.author_id = v.member_id THEN 'member is the author'
        WHEN EXISTS (SELECT 1 FROM diagnostics d WHERE d.proposal_id = p.id AND d.signed_by = v.member_id) THEN 'member signed the diagnostic'
        WHEN EXISTS (SELECT 1 FROM conflicts c WHERE c.proposal_id = p.id AND c.member_id = v.member_id) THEN 'member declared a conflict'
        WHEN NOT EXISTS (
          SELECT 1 FROM attendance a WHERE a.session_id = i.session_id AND a.member_id = v.member_id
            AND ((a.status = 'present' AND v.cast_by = v.member_id)
              OR (a.status = 'proxy' AND a.proxy_holder_id = v.cast_by
                  AND EXISTS (SELECT 1 FROM attendance h WHERE h.session_id = i.session_id AND h.member_id = v.cast_by AND h.status = 'present')))) THEN 'not present nor represented by the caster'
        ELSE NULL
      END AS why
    FROM votes v JOIN agenda_items i ON i.id = v.item_id JOIN proposals p ON p.id = i.proposal_id`);
  for (const v of rows) {
    const fresh = before.votes.get(v.id) !== v.revision;
    if (fresh && v.why) out.push(`vote ${v.id} on item ${v.item_id} by member ${v.member_id} (cast by ${v.cast_by}): ${v.why}`);
    // Not fresh: a vote on a closed item cannot change (also held by the vote_rules trigger).
  }
  const { rows: always } = await pool.query<{ id: string; why: string }>(`
    SELECT v.id, CASE WHEN p.author_id = v.member_id THEN 'by the author' ELSE 'on a session not held' END AS why
    FROM votes v JOIN agenda_items i ON i.id = v.item_id JOIN proposals p ON p.id = i.proposal_id JOIN sessions s ON s.id = i.session_id
    WHERE p.author_id = v.member_id OR s.state NOT IN ('held', 'closed')`);
  for (const v of always) out.push(`vote ${v.id} ${v.why}`);
  for (const id of before.votes.keys()) if (!rows.some((v) => v.id === id)) out.push(`vote ${id} disappeared`);
  return out;
}

/** Every decision's counts are the stored votes of its item; a new decision counts the recused members of that moment. */
async function tallies(pool: Q, before: Before): Promise<string[]> {
  const { rows } = await pool.query<{ id: string; stored: string; counted: string; recused: number; recused_now: number; outcome: string; f: number; a: number; n: number; rule: string }>(`
    SELECT d.id, d.outcome, d.votes_for AS f, d.votes_against AS a, d.votes_for + d.votes_against + d.votes_abstain AS n,
      (SELECT majority_rule FROM committee_settings WHERE id = 1) AS rule,
      d.votes_for || '/' || d.votes_against || '/' || d.votes_abstain AS stored,
      count(v.*) FILTER (WHERE v.choice = 'for') || '/' || count(v.*) FILTER (WHERE v.choice = 'against') || '/' || count(v.*) FILTER (WHERE v.choice = 'abstain') AS counted,
      d.recused,
      (SELECT count(*)::int FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'member'
        WHERE u.active AND (u.id = p.author_id
          OR EXISTS (SELECT 1 FROM diagnostics x WHERE x.proposal_id = p.id AND x.signed_by = u.id)
          OR EXISTS (SELECT 1 FROM conflicts c WHERE c.proposal_id = p.id AND c.member_id = u.id))) AS recused_now
    FROM decisions d JOIN proposals p ON p.id = d.proposal_id LEFT JOIN votes v ON v.item_id = d.item_id
    GROUP BY d.id, p.id`);
  const out: string[] = [];
  for (const d of rows) {
    if (d.stored !== d.counted) out.push(`decision ${d.id} tally ${d.stored} but stored votes ${d.counted}`);
    if (before.decisions.has(d.id)) continue;
    if (d.recused !== d.recused_now) out.push(`decision ${d.id} says ${d.recused} recused, ${d.recused_now} are`);
    // The outcome agrees with the counts: "for" wins a favourable opinion, "against" an unfavourable one
    // (a tie goes either way, by the chair's casting vote). Under the absolute rule every ballot was cast
    // by someone present or represented, so "for" must also be more than half of the ballots.
    const favourable = d.outcome.startsWith('favourable');
    if ((favourable && d.f < d.a) || (d.outcome === 'unfavourable' && d.f > d.a && d.rule === 'cast')) out.push(`decision ${d.id} is ${d.outcome} with ${d.stored}`);
    if (favourable && d.rule === 'absolute_of_present' && d.f !== d.a && d.f * 2 <= d.n) out.push(`decision ${d.id} is ${d.outcome} with ${d.stored}: not more than half of the ballots`);
  }
  return out;
}

/** Nothing in the register that the chair did not sign; every published file has its signed, final decision in it. */
async function publication(pool: Q): Promise<string[]> {
  const out: string[] = [];
  const { rows: unsigned } = await pool.query<{ sequence: number; why: string }>(`
    SELECT e.sequence, CASE WHEN d.signed_at IS NULL OR d.signed_by IS NULL THEN 'decision not signed' ELSE 'adjourned decision published' END AS why
    FROM register_entries e JOIN decisions d ON d.id = e.decision_id
    WHERE d.signed_at IS NULL OR d.signed_by IS NULL OR d.outcome = 'adjourned'`);
  for (const e of unsigned) out.push(`register entry ${e.sequence}: ${e.why}`);
  const { rows: files } = await pool.query<{ id: string }>(`
    SELECT p.id FROM proposals p WHERE p.state = 'published' AND NOT EXISTS (
      SELECT 1 FROM decisions d JOIN register_entries e ON e.decision_id = d.id AND e.kind = 'decision'
      WHERE d.proposal_id = p.id AND d.signed_at IS NOT NULL)`);
  for (const f of files) out.push(`proposal ${f.id} published without a signed decision in the register`);
  const { rows: twice } = await pool.query<{ decision_id: string }>(`SELECT decision_id FROM register_entries WHERE kind = 'decision' GROUP BY 1 HAVING count(*) > 1`);
  for (const t of twice) out.push(`decision ${t.decision_id} published twice`);
  return out;
}

/** The register verifies as /api/v1/register/verify does, over all its entries. */
async function register(db: Database, pool: Q): Promise<string[]> {
  const verdict = await verifyRegister(db);
  const [{ n }] = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM register_entries')).rows as [{ n: string }];
  if (!verdict.ok) return [`register fails verification at ${verdict.firstInvalidSequence} (${verdict.reason})`];
  if (verdict.length !== Number(n)) return [`register verified ${verdict.length} entries of ${n}`];
  return [];
}

/** A proposal moves only along the lifecycle table, one step at a time, each move in the audit trail. */
async function moves(pool: Q, before: Before, after: Before): Promise<string[]> {
  const out: string[] = [];
  for (const [id, to] of after.states) {
    const from = before.states.get(id);
    if (from === undefined) {
      if (to !== 'draft') out.push(`proposal ${id} created in state ${to}`);
      continue;
    }
    if (from === to) continue;
    if (!LEGAL_MOVES.has(`${from}>${to}`)) out.push(`proposal ${id} moved ${from} → ${to}, not in the lifecycle table`);
    const key = `${id}:${from}>${to}`;
    if ((after.transitionEvents.get(key) ?? 0) <= (before.transitionEvents.get(key) ?? 0)) out.push(`proposal ${id} moved ${from} → ${to} with no audit event`);
  }
  for (const id of before.states.keys()) if (!after.states.has(id)) out.push(`proposal ${id} disappeared`);
  void pool;
  return out;
}

export interface StepOutcome {
  ok: boolean;
  code?: string;
}

/** All the invariants after one command; `before` was taken just before it ran. */
export async function checkInvariants(db: Database, pool: Q, before: Before, outcome: StepOutcome): Promise<{ violations: string[]; after: Before }> {
  const after = await snapshot(pool);
  const violations = [
    ...(await reviewGate(pool)),
    ...(await voteEligibility(pool, before)),
    ...(await tallies(pool, before)),
    ...(await publication(pool)),
    ...(await register(db, pool)),
    ...(await signatures(pool, before)),
    ...(await moves(pool, before, after)),
  ];
  // Never a server error, whatever the input.
  if (!outcome.ok && outcome.code === 'internal') violations.push('the command failed with an internal error');
  // A refused command changes nothing; an accepted change is in the audit trail.
  if (!outcome.ok && after.fingerprint !== before.fingerprint) violations.push(`refused (${outcome.code}) but the data changed`);
  if (outcome.ok && after.fingerprint !== before.fingerprint && after.auditCount <= before.auditCount) violations.push('the data changed with no audit event');
  return { violations, after };
}
