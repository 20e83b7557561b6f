import crypto from 'node:crypto';
import type pg from 'pg';
import type { Database } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { dateToParisLocal } from '@/lib/domain/paris-time';
import { CONDITION_KINDS, type Role } from '@/lib/domain/vocabulary';
import { COMMANDS } from '@/lib/workflow';
import { completeDiagnostic, makeSite, makeUser, validProposal } from './fixtures';

/**
 * The random actor of the lifecycle property test: from the database as it stands, it
 * proposes the commands a real committee would run next (with inputs built from the
 * current records), and sometimes anything at all (any command, any person, a stale
 * revision, an id of something else). Everything goes through runCommand, as in the app.
 */

export type CommandName = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export interface Step {
  command: CommandName;
  actor: string | null;
  input: unknown;
  /** Chosen among the commands the state allows (true) or at random (false). */
  planned: boolean;
}

/** A small deterministic generator: fast-check gives the seed, the step is a function of it and of the database. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(xs: readonly T[]): T {
      return xs[Math.floor(next() * xs.length)]!;
    },
  };
}
export type Rng = ReturnType<typeof prng>;

/** The cast of one run: every role, a person holding two (recused as author or diagnostician), and a deactivated member. */
export interface Cast {
  chair: string;
  members: string[];
  techMember: string;
  technician: string;
  diagMember: string;
  diagnostician: string;
  admin: string;
  ghost: string;
  siteId: string;
  all: string[];
}

/**
 * A fresh cast for a run. The accounts of earlier runs are deactivated first (a reset:
 * serving members and quorums are counted over the whole committee), and the committee
 * settings go back to their defaults.
 */
export async function freshCast(db: Database, pool: Pick<pg.Pool, 'query'>): Promise<Cast> {
  await pool.query('UPDATE users SET active = false WHERE active');
  await pool.query(`UPDATE committee_settings SET quorum_rule = 'majority_of_serving', quorum_fixed = NULL, majority_rule = 'cast', chair_casting_vote = true, notice_days = 5, proxies_allowed = false WHERE id = 1`);
  const user = async (roles: Role[], active = true) => (await makeUser(db, roles, { active })).id;
  const cast = {
    chair: await user(['chair', 'member']),
    members: [await user(['member']), await user(['member']), await user(['member'])],
    techMember: await user(['technician', 'member']),
    technician: await user(['technician']),
    diagMember: await user(['diagnostician', 'member']),
    diagnostician: await user(['diagnostician']),
    admin: await user(['admin']),
    ghost: await user(['member'], false),
    siteId: (await makeSite(db)).id,
  };
  return { ...cast, all: [cast.chair, ...cast.members, cast.techMember, cast.technician, cast.diagMember, cast.diagnostician, cast.admin, cast.ghost] };
}

interface Row {
  [k: string]: unknown;
}

/** The run's records as they stand now. */
async function readWorld(pool: Pick<pg.Pool, 'query'>, cast: Cast) {
  const q = async <T extends Row>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;
  const people = cast.all;
  const proposals = await q<{ id: string; state: string; revision: number; author_id: string }>('SELECT id, state, revision, author_id FROM proposals WHERE author_id = ANY($1) ORDER BY number', [people]);
  const ids = proposals.map((p) => p.id);
  const diagnostics = await q<{ id: string; proposal_id: string; state: string; revision: number }>(
    'SELECT DISTINCT ON (proposal_id) id, proposal_id, state, revision FROM diagnostics WHERE proposal_id = ANY($1) ORDER BY proposal_id, version DESC',
    [ids],
  );
  const sessions = await q<{ id: string; state: string; minutes_signed_at: Date | null }>('SELECT id, state, minutes_signed_at FROM sessions WHERE created_by = ANY($1) ORDER BY number', [people]);
  const items = await q<{ id: string; session_id: string; proposal_id: string; state: string; revision: number; rapporteur_id: string | null }>(
    'SELECT id, session_id, proposal_id, state, revision, rapporteur_id FROM agenda_items WHERE session_id = ANY($1) ORDER BY created_at, position',
    [sessions.map((s) => s.id)],
  );
  const attendance = await q<{ session_id: string; member_id: string; status: string; proxy_holder_id: string | null }>('SELECT a.* FROM attendance a JOIN users u ON u.id = a.member_id WHERE a.session_id = ANY($1) ORDER BY u.created_at, u.name', [sessions.map((s) => s.id)]);
  const votes = await q<{ item_id: string; member_id: string; choice: string }>('SELECT item_id, member_id, choice FROM votes WHERE item_id = ANY($1) ORDER BY created_at', [items.map((i) => i.id)]);
  const decisions = await q<{ id: string; proposal_id: string; outcome: string; signed_at: Date | null; revision: number; item_id: string }>(
    'SELECT id, proposal_id, outcome, signed_at, revision, item_id FROM decisions WHERE proposal_id = ANY($1) ORDER BY created_at',
    [ids],
  );
  const entries = await q<{ reference: string; kind: string; decision_id: string; corrected: boolean }>(
    'SELECT e.reference, e.kind, e.decision_id, EXISTS (SELECT 1 FROM register_entries c WHERE c.corrects_sequence = e.sequence) AS corrected FROM register_entries e WHERE decision_id = ANY($1) ORDER BY e.sequence',
    [decisions.map((d) => d.id)],
  );
  const openRequests = await q<{ id: string; proposal_id: string }>('SELECT id, proposal_id FROM info_requests WHERE proposal_id = ANY($1) AND answered_at IS NULL', [ids]);
  const notices = await q<{ id: string; recipient_id: string }>('SELECT id, recipient_id FROM notices WHERE recipient_id = ANY($1) ORDER BY created_at DESC, kind LIMIT 20', [people]);
  const serving = (await q<{ id: string }>(`SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'member' WHERE u.active ORDER BY u.created_at, u.name`)).map((r) => r.id);
  const active = (await q<{ id: string }>('SELECT id FROM users WHERE active AND id = ANY($1)', [people])).map((r) => r.id);
  const roles = await q<{ user_id: string; role: Role }>('SELECT user_id, role FROM user_roles WHERE user_id = ANY($1)', [people]);
  const [settings] = await q<{ revision: number; proxies_allowed: boolean; quorum_rule: string; quorum_fixed: number | null; majority_rule: string; chair_casting_vote: boolean; notice_days: number }>(
    'SELECT * FROM committee_settings WHERE id = 1',
  );
  return { proposals, diagnostics, sessions, items, attendance, votes, decisions, entries, openRequests, notices, serving, active, roles, settings: settings! };
}
type World = Awaited<ReturnType<typeof readWorld>>;

interface Candidate {
  command: CommandName;
  actor: string;
  input: unknown;
  weight: number;
}

const when = () => dateToParisLocal(new Date(Date.now() - 3_600_000));
const condition = (rng: Rng) => ({ kind: rng.pick(CONDITION_KINDS), text: 'Masquage vérifié après pose.', dueDate: null });
const choice = (rng: Rng) => (rng.chance(0.6) ? 'for' : rng.chance(0.6) ? 'against' : 'abstain');

/** What a committee would plausibly do next, weighted toward moving files forward. */
function plannedCandidates(w: World, cast: Cast, rng: Rng): Candidate[] {
  const c: Candidate[] = [];
  const add = (command: CommandName, actor: string, input: unknown, weight = 1) => c.push({ command, actor, input, weight });
  const technicians = [cast.technician, cast.techMember];
  const officers = [cast.diagnostician, cast.diagMember];
  const committee = [cast.chair, ...cast.members, cast.techMember, cast.diagMember];
  const proposal = validProposal(cast.siteId);
  const live = w.proposals.filter((p) => !['published', 'withdrawn'].includes(p.state));
  if (live.length < 2) add('createProposal', rng.pick(technicians), proposal, 3);
  const planned = w.sessions.find((s) => s.state === 'planned');
  const onAgenda = (pid: string) => w.items.some((i) => i.proposal_id === pid && ['scheduled', 'voting'].includes(i.state));

  for (const p of w.proposals) {
    const withdraw = () => add('withdrawProposal', p.author_id, { proposalId: p.id, reason: 'Projet abandonné', confirmed: true }, 0.2);
    const diagnostic = w.diagnostics.find((d) => d.proposal_id === p.id);
    switch (p.state) {
      case 'draft':
        add('submitProposal', p.author_id, { ...proposal, proposalId: p.id, revision: p.revision }, 5);
        add('saveProposalDraft', p.author_id, { ...proposal, title: 'Hall B, version revue', proposalId: p.id, revision: p.revision }, 0.5);
        withdraw();
        break;
      case 'submitted':
        add('startDiagnostic', rng.pick(officers), { proposalId: p.id }, 5);
        withdraw();
        break;
      case 'in_diagnostic':
        // Too early: the gate must refuse it.
        add('scheduleReview', cast.chair, { proposalId: p.id, confirmed: true }, 0.3);
        if (diagnostic?.state === 'draft') {
          add('concludeDiagnostic', rng.pick(officers), { ...completeDiagnostic(), diagnosticId: diagnostic.id, revision: diagnostic.revision, confirmed: true }, 5);
          add('saveDiagnostic', rng.pick(officers), { ...completeDiagnostic(), conclusion: null, diagnosticId: diagnostic.id, revision: diagnostic.revision }, 0.5);
        }
        break;
      case 'diagnosed':
        add('scheduleReview', cast.chair, { proposalId: p.id, confirmed: true }, 5);
        add('reviseDiagnostic', rng.pick(officers), { proposalId: p.id }, 0.3);
        add('declareConflict', rng.pick(committee), { proposalId: p.id, reason: 'Logé par ce bailleur' }, 0.3);
        break;
      case 'under_review':
        if (!onAgenda(p.id)) {
          if (planned) add('addToAgenda', cast.chair, { sessionId: planned.id, proposalId: p.id, rapporteurId: rng.chance(0.5) ? rng.pick(committee) : '' }, 5);
          else add('planSession', cast.chair, { scheduledAt: when(), place: 'Salle du conseil' }, 5);
        }
        add('requestInfo', cast.chair, { proposalId: p.id, question: 'Quel éclairage a été essayé ?' }, 0.5);
        add('postDeliberation', rng.pick(committee), { proposalId: p.id, body: 'Le masquage me semble suffisant.' }, 0.3);
        add('declareConflict', rng.pick(committee), { proposalId: p.id, reason: 'Logé par ce bailleur' }, 0.3);
        add('recordConflict', cast.chair, { proposalId: p.id, memberId: rng.pick(committee), reason: 'Déclaré en séance' }, 0.2);
        withdraw();
        break;
      case 'info_requested': {
        const request = w.openRequests.find((r) => r.proposal_id === p.id);
        if (request) add('answerInfo', p.author_id, { proposalId: p.id, requestId: request.id, answer: 'Éclairage LED posé en 2024.' }, 5);
        withdraw();
        break;
      }
      case 'decided': {
        const decision = w.decisions.filter((d) => d.proposal_id === p.id).at(-1);
        if (!decision) break;
        if (decision.outcome === 'adjourned') add('returnAdjournedFile', cast.chair, { proposalId: p.id, to: rng.pick(['review', 'diagnostic']) }, 5);
        else if (!decision.signed_at) {
          const conditions = decision.outcome === 'favourable_with_conditions' || rng.chance(0.1) ? [condition(rng)] : [];
          add('signDecision', cast.chair, { decisionId: decision.id, revision: decision.revision, conditions, reasons: 'Diagnostic probant.', publicSummary: 'Avis rendu après examen.' }, 5);
          for (const v of w.votes.filter((x) => x.item_id === decision.item_id && x.choice === 'against')) add('attachDissent', v.member_id, { decisionId: decision.id, text: 'Je reste opposé·e.' }, 0.5);
          // Too early: an unsigned decision is never published.
          add('publishDecision', cast.chair, { decisionId: decision.id }, 0.5);
        } else add('publishDecision', cast.chair, { decisionId: decision.id }, 5);
        break;
      }
      case 'published': {
        const ids = new Set(w.decisions.filter((d) => d.proposal_id === p.id).map((d) => d.id));
        const last = w.entries.find((e) => ids.has(e.decision_id) && !e.corrected && e.kind !== 'revocation');
        if (last) {
          const input = rng.chance(0.7)
            ? { kind: 'correction', reference: last.reference, note: 'Coquille', reasons: 'Diagnostic probant, corrigé.', publicSummary: 'Avis corrigé.' }
            : { kind: 'revocation', reference: last.reference, note: 'Caméra jamais posée' };
          add('correctRegisterEntry', cast.chair, input, 0.5);
        }
        break;
      }
    }
  }

  for (const s of w.sessions) {
    const items = w.items.filter((i) => i.session_id === s.id);
    switch (s.state) {
      case 'planned':
        if (items.length) add('conveneSession', cast.chair, { sessionId: s.id, reason: 'Séance extraordinaire' }, 4);
        // Too early: no vote before the session is held.
        for (const i of items) add('openItemVote', cast.chair, { itemId: i.id }, 0.1);
        for (const i of items) {
          add('removeFromAgenda', cast.chair, { itemId: i.id }, 0.2);
          add('setRapporteur', cast.chair, { itemId: i.id, rapporteurId: rng.pick(committee) }, 0.3);
          add('proposeConditions', i.rapporteur_id && rng.chance(0.5) ? i.rapporteur_id : cast.chair, { itemId: i.id, revision: i.revision, conditions: rng.chance(0.5) ? [condition(rng)] : [] }, 0.7);
        }
        break;
      case 'convened': {
        // Everyone serving is listed (as the form does); mostly present; proxies when allowed.
        const rows = w.serving.map((memberId) => ({ memberId, status: rng.chance(0.8) ? 'present' : rng.pick(['absent', 'excused']), proxyHolderId: null as string | null }));
        if (w.settings.proxies_allowed) {
          const holders = rows.filter((r) => r.status === 'present').map((r) => r.memberId);
          for (const r of rows) {
            if (r.status === 'present' || !holders.length || !rng.chance(0.7)) continue;
            r.status = 'proxy';
            r.proxyHolderId = holders.splice(rng.int(holders.length), 1)[0]!;
          }
        }
        add('holdSession', cast.chair, { sessionId: s.id, attendance: rows }, 5);
        break;
      }
      case 'held': {
        const here = w.attendance.filter((a) => a.session_id === s.id);
        for (const i of items) {
          if (i.state === 'scheduled') {
            add('openItemVote', cast.chair, { itemId: i.id }, 5);
            add('adjournItem', cast.chair, { itemId: i.id, reason: 'Dossier incomplet' }, 0.2);
          }
          if (i.state === 'voting') {
            // Every present member tries, recused ones too: the server says who may.
            for (const a of here.filter((x) => x.status === 'present')) add('castVote', a.member_id, { itemId: i.id, choice: choice(rng) }, 1.5);
            for (const a of here.filter((x) => x.status === 'proxy' && x.proxy_holder_id)) add('castVote', a.proxy_holder_id!, { itemId: i.id, choice: choice(rng), forMemberId: a.member_id }, 1);
            // Those who may not: absent, excused, not on the attendance list, deactivated, or voting for someone else.
            for (const a of here.filter((x) => x.status !== 'present')) add('castVote', a.member_id, { itemId: i.id, choice: choice(rng) }, 0.2);
            add('castVote', rng.pick([cast.ghost, cast.technician, cast.admin, ...committee]), { itemId: i.id, choice: choice(rng), forMemberId: rng.chance(0.5) ? rng.pick(committee) : '' }, 0.3);
            const cast_ = w.votes.filter((v) => v.item_id === i.id).length;
            add('closeItemVote', cast.chair, { itemId: i.id, confirmed: true }, cast_ >= 3 ? 4 : 0.3);
          }
        }
        // Too late: a closed vote takes no more ballots.
        for (const i of items.filter((x) => x.state === 'voted')) add('castVote', rng.pick(committee), { itemId: i.id, choice: choice(rng) }, 0.2);
        if (!items.some((i) => i.state === 'voting')) add('closeSession', cast.chair, { sessionId: s.id, confirmed: true }, items.some((i) => i.state === 'scheduled') ? 0.5 : 3);
        break;
      }
      case 'closed':
        if (!s.minutes_signed_at) add('signMinutes', cast.chair, { sessionId: s.id, confirmed: true }, 0.5);
        break;
    }
  }

  // The admin now and then changes the committee under the chair's feet.
  const st = w.settings;
  const settings = { quorumRule: st.quorum_rule, quorumFixed: st.quorum_fixed ?? '', majorityRule: st.majority_rule, chairCastingVote: st.chair_casting_vote, noticeDays: st.notice_days, proxiesAllowed: st.proxies_allowed, revision: st.revision };
  add('updateCommitteeSettings', cast.admin, { ...settings, proxiesAllowed: !st.proxies_allowed }, 0.4);
  add('updateCommitteeSettings', cast.admin, { ...settings, majorityRule: rng.pick(['cast', 'absolute_of_present']), chairCastingVote: rng.chance(0.5) }, 0.2);
  // A member leaves (or the deactivated one comes back); anyone away is soon brought back, so runs go on.
  const someone = rng.pick([...cast.members, cast.techMember, cast.diagMember, cast.ghost]);
  add('setUserActive', cast.admin, { userId: someone, active: !w.active.includes(someone) }, 0.3);
  const away = cast.all.find((id) => id !== cast.ghost && !w.active.includes(id));
  if (away) add('setUserActive', cast.admin, { userId: away, active: true }, 1);
  const hasMember = w.roles.some((r) => r.user_id === someone && r.role === 'member');
  add(hasMember ? 'revokeRole' : 'grantRole', cast.admin, { userId: someone, role: 'member' }, 0.2);
  const notice = w.notices[0];
  if (notice) add('markAllNoticesRead', notice.recipient_id, { newestId: notice.id }, 0.1);
  return c;
}

/** One input that every command's schema can read its own fields from (zod drops the rest), built from the run's records. */
function anyInput(w: World, cast: Cast, rng: Rng): unknown {
  const id = <T extends { id: string }>(xs: T[]) => (xs.length && rng.chance(0.9) ? rng.pick(xs).id : crypto.randomUUID());
  const person = () => rng.pick(cast.all);
  const input: Record<string, unknown> = {
    ...validProposal(cast.siteId),
    ...completeDiagnostic(),
    proposalId: id(w.proposals),
    diagnosticId: id(w.diagnostics),
    sessionId: id(w.sessions),
    itemId: id(w.items),
    decisionId: id(w.decisions),
    requestId: id(w.openRequests),
    noticeId: id(w.notices),
    newestId: id(w.notices),
    userId: person(),
    memberId: person(),
    rapporteurId: person(),
    forMemberId: rng.chance(0.2) ? person() : '',
    revision: 1 + rng.int(4),
    confirmed: rng.chance(0.8),
    reason: rng.pick(['', 'Motif', ' ']),
    question: 'Question ?',
    answer: 'Réponse.',
    body: 'Avis.',
    text: 'Texte.',
    note: 'Note',
    reasons: 'Motifs',
    choice: rng.pick(['for', 'against', 'abstain', 'maybe']),
    to: rng.pick(['review', 'diagnostic', 'nowhere']),
    role: rng.pick(['member', 'chair', 'admin', 'technician', 'diagnostician', 'root']),
    active: rng.chance(0.5),
    kind: rng.pick(['correction', 'revocation']),
    reference: w.entries.length ? rng.pick(w.entries).reference : 'CE-2026-999',
    conditions: rng.chance(0.5) ? [condition(rng)] : [],
    scheduledAt: rng.chance(0.8) ? when() : '2026-02-30T25:00',
    place: 'Salle',
    attendance: w.serving.map((memberId) => ({ memberId, status: rng.pick(['present', 'absent', 'proxy']), proxyHolderId: rng.chance(0.3) ? person() : null })),
    quorumRule: rng.pick(['majority_of_serving', 'fixed']),
    quorumFixed: rng.pick([1, 2, '', 0, -1]),
    majorityRule: 'cast',
    chairCastingVote: true,
    noticeDays: 5,
    proxiesAllowed: rng.chance(0.5),
    name: 'Nouvelle personne',
    email: `p${rng.int(1e9)}@example.test`,
    password: rng.chance(0.5) ? 'short' : 'a-long-enough-password-2026',
    roles: ['member'],
    currentPassword: 'wrong-password',
    newPassword: 'another-long-password-2026',
    confirmPassword: 'another-long-password-2026',
  };
  // Sometimes the input itself is wrong: a missing body, a foreign type, a field of the wrong kind.
  const r = rng.next();
  if (r < 0.05) return {};
  if (r < 0.08) return 'not an object';
  if (r < 0.12) input[rng.pick(Object.keys(input))] = rng.pick([null, 42, 'x', { nested: true }, Number.NaN]);
  return input;
}

/**
 * The next step: 80% among the planned candidates (a stale revision or a wrong person now
 * and then), 20% any command by anyone (a member of the cast, a deactivated account,
 * nobody) with an input made of the run's records.
 */
export async function nextStep(pool: Pick<pg.Pool, 'query'>, cast: Cast, rng: Rng, plannedShare = 0.8): Promise<Step> {
  const w = await readWorld(pool, cast);
  if (rng.chance(plannedShare)) {
    const candidates = plannedCandidates(w, cast, rng);
    const total = candidates.reduce((s, x) => s + x.weight, 0);
    let r = rng.next() * total;
    const chosen = candidates.find((x) => (r -= x.weight) < 0) ?? candidates.at(-1)!;
    let { actor, input } = chosen;
    // A replayed form (revision one behind) or a colleague clicking the same button.
    if (rng.chance(0.05) && input && typeof input === 'object' && 'revision' in input) input = { ...input, revision: Math.max(1, Number(input.revision) - 1) };
    if (rng.chance(0.05)) actor = rng.pick(cast.all);
    return { command: chosen.command, actor, input, planned: true };
  }
  const command = rng.pick(COMMAND_NAMES);
  // Half the time someone whose role allows the command, so that the records' own rules are tried too.
  const allowed = cast.all.filter((id) => can(w.roles.filter((r) => r.user_id === id).map((r) => r.role), COMMANDS[command].permission));
  const actor = rng.chance(0.05) ? null : rng.chance(0.05) ? crypto.randomUUID() : allowed.length && rng.chance(0.5) ? rng.pick(allowed) : rng.pick(cast.all);
  return { command, actor, input: anyInput(w, cast, rng), planned: false };
}
