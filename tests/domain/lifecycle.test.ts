import { describe, expect, it } from 'vitest';
import { LIFECYCLE_ERRORS, PROPOSAL_COMMANDS, TRANSITIONS, allowedCommands, isProposalCommand, isTerminal, transition, type GuardContext, type ProposalCommand } from '@/lib/domain/lifecycle';
import { ROLES, type Role, DECISION_OUTCOMES, PROPOSAL_STATES, type ProposalState } from '@/lib/domain/vocabulary';

/**
 * The lifecycle of DOMAIN.md written out by hand, independently of the table: the
 * table must match it exactly, so a slip in either is caught.
 */
const EXPECTED: Record<ProposalCommand, { from: ProposalState[]; to: ProposalState; roles: Role[] }> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['technician'] },
  startDiagnostic: { from: ['submitted'], to: 'in_diagnostic', roles: ['diagnostician'] },
  concludeDiagnostic: { from: ['in_diagnostic'], to: 'diagnosed', roles: ['diagnostician'] },
  reviseDiagnostic: { from: ['diagnosed'], to: 'in_diagnostic', roles: ['diagnostician'] },
  withdraw: {
    from: ['draft', 'submitted', 'in_diagnostic', 'diagnosed', 'under_review', 'info_requested'],
    to: 'withdrawn',
    roles: ['technician'],
  },
  schedule: { from: ['diagnosed'], to: 'under_review', roles: ['chair'] },
  requestInfo: { from: ['under_review'], to: 'info_requested', roles: ['chair'] },
  answerInfo: { from: ['info_requested'], to: 'under_review', roles: ['technician'] },
  openVote: { from: ['under_review'], to: 'voting', roles: ['chair'] },
  closeVote: { from: ['voting'], to: 'decided', roles: ['chair'] },
  adjournToDiagnostic: { from: ['decided'], to: 'in_diagnostic', roles: ['chair'] },
  adjournToReview: { from: ['decided'], to: 'under_review', roles: ['chair'] },
  publish: { from: ['decided'], to: 'published', roles: ['chair'] },
};

/** A context every guard of `command` accepts (adjourning and publishing need opposite outcomes). */
function passing(command: string): GuardContext {
  return {
    hasConcludedDiagnostic: true,
    reason: 'Le bailleur a installé un contrôle d’accès.',
    isAuthor: true,
    outcome: command.startsWith('adjourn') ? 'adjourned' : 'favourable',
  };
}

const row = (command: ProposalCommand) => TRANSITIONS.find((t) => t.command === command)!;

describe('the transitions table', () => {
  it('matches the lifecycle of DOMAIN.md exactly', () => {
    const actual = Object.fromEntries(
      TRANSITIONS.map((t) => [t.command, { from: [...t.from], to: t.to, roles: [...t.roles] }]),
    );
    expect(actual).toEqual(EXPECTED);
  });

  it('has one row per command, with known states and roles', () => {
    expect(new Set(PROPOSAL_COMMANDS).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) {
      expect(t.from.length).toBeGreaterThan(0);
      for (const s of [...t.from, t.to]) expect(PROPOSAL_STATES).toContain(s);
      expect(t.roles.length).toBeGreaterThan(0);
      for (const r of t.roles) expect(ROLES).toContain(r);
    }
  });

  it('recognises its own commands and nothing else', () => {
    for (const c of PROPOSAL_COMMANDS) expect(isProposalCommand(c)).toBe(true);
    for (const c of ['', 'approve', 'Submit', 'toString', '__proto__', 42, null]) {
      expect(isProposalCommand(c)).toBe(false);
    }
  });
});

describe('transition, for every (state × command × role)', () => {
  for (const t of TRANSITIONS) {
    for (const state of PROPOSAL_STATES) {
      const fromHere = (t.from as readonly ProposalState[]).includes(state);
      for (const role of ROLES) {
        const allowedRole = (t.roles as readonly Role[]).includes(role);
        const expected = !fromHere
          ? { ok: false, reason: LIFECYCLE_ERRORS.notAllowedFromState }
          : allowedRole
            ? { ok: true, to: t.to }
            : { ok: false, reason: LIFECYCLE_ERRORS.forbiddenRole };
        it(`${t.command} from ${state} as ${role} → ${'to' in expected ? expected.to : expected.reason}`, () => {
          expect(transition(state, t.command, { ...passing(t.command), roles: [role] })).toEqual(expected);
        });
      }
    }
  }
});

describe('transition refusals', () => {
  it('refuses an unknown command from every state, whoever asks', () => {
    for (const state of PROPOSAL_STATES) {
      for (const command of ['', 'approve', 'delete', 'toString', '__proto__', 'constructor']) {
        expect(transition(state, command, { ...passing(command), roles: [...ROLES] })).toEqual({
          ok: false,
          reason: LIFECYCLE_ERRORS.unknownCommand,
        });
      }
    }
  });

  it('refuses an actor with no role at all', () => {
    for (const t of TRANSITIONS) {
      expect(transition(t.from[0], t.command, { ...passing(t.command), roles: [] })).toEqual({
        ok: false,
        reason: LIFECYCLE_ERRORS.forbiddenRole,
      });
    }
  });

  it('lets a person holding several roles act under the one the row needs', () => {
    for (const t of TRANSITIONS) {
      const others = ROLES.filter((r) => !(t.roles as readonly Role[]).includes(r));
      const ctx = { ...passing(t.command), roles: [...others, t.roles[0]] };
      expect(transition(t.from[0], t.command, ctx)).toEqual({
        ok: true,
        to: t.to,
      });
    }
  });

  it('gives members and admins no lifecycle command at all', () => {
    for (const state of PROPOSAL_STATES) {
      for (const t of TRANSITIONS) {
        expect(transition(state, t.command, { ...passing(t.command), roles: ['member', 'admin'] }).ok).toBe(false);
      }
    }
  });

  it('checks state before role, and role before the guard', () => {
    const noDiagnostic = { hasConcludedDiagnostic: false };
    expect(transition('draft', 'schedule', { ...noDiagnostic, roles: ['technician'] })).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.notAllowedFromState,
    });
    expect(transition('diagnosed', 'schedule', { ...noDiagnostic, roles: ['technician'] })).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.forbiddenRole,
    });
    expect(transition('diagnosed', 'schedule', { ...noDiagnostic, roles: ['chair'] })).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.diagnosticNotConcluded,
    });
  });
});

describe('guards', () => {
  it('refuses to schedule a review without a concluded, signed diagnostic (the central rule)', () => {
    const ctx = { ...passing('schedule'), hasConcludedDiagnostic: false, roles: ['chair'] as Role[] };
    expect(transition('diagnosed', 'schedule', ctx)).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.diagnosticNotConcluded,
    });
    expect(transition('diagnosed', 'schedule', { hasConcludedDiagnostic: true, roles: ['chair'] })).toEqual({
      ok: true,
      to: 'under_review',
    });
  });

  it('refuses to conclude a diagnostic that is not complete and signed', () => {
    const ctx = { hasConcludedDiagnostic: false, roles: ['diagnostician'] as Role[] };
    expect(transition('in_diagnostic', 'concludeDiagnostic', ctx)).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.diagnosticIncomplete,
    });
    expect(transition('in_diagnostic', 'concludeDiagnostic', { ...ctx, hasConcludedDiagnostic: true })).toEqual({
      ok: true,
      to: 'diagnosed',
    });
  });

  it('never reaches review, vote, decision or publication without a concluded diagnostic', () => {
    // Walk the whole graph with every role and every other guard satisfied.
    const reached = new Set<ProposalState>(['draft']);
    const queue: ProposalState[] = ['draft'];
    for (let state = queue.shift(); state; state = queue.shift()) {
      for (const t of TRANSITIONS) {
        const ctx = { ...passing(t.command), hasConcludedDiagnostic: false, roles: [...ROLES] };
        const result = transition(state, t.command, ctx);
        if (result.ok && !reached.has(result.to)) {
          reached.add(result.to);
          queue.push(result.to);
        }
      }
    }
    expect([...reached].sort()).toEqual(['draft', 'in_diagnostic', 'submitted', 'withdrawn']);
  });

  it('requires a non-blank reason to withdraw, from every state that allows it', () => {
    for (const state of EXPECTED.withdraw.from) {
      for (const reason of [undefined, null, '', '   ', '\n\t']) {
        expect(transition(state, 'withdraw', { ...passing('withdraw'), reason, roles: ['technician'] })).toEqual({
          ok: false,
          reason: LIFECYCLE_ERRORS.reasonRequired,
        });
      }
      const ctx = { ...passing('withdraw'), reason: 'Projet abandonné', roles: ['technician'] as Role[] };
      expect(transition(state, 'withdraw', ctx)).toEqual({
        ok: true,
        to: 'withdrawn',
      });
    }
  });

  it('refuses to withdraw once the vote is open or later', () => {
    for (const state of ['voting', 'decided', 'published', 'withdrawn'] as const) {
      expect(transition(state, 'withdraw', { ...passing('withdraw'), roles: ['technician'] })).toEqual({
        ok: false,
        reason: LIFECYCLE_ERRORS.notAllowedFromState,
      });
    }
  });

  it('lets only the author submit, answer and withdraw (a missing flag refuses)', () => {
    for (const command of ['submit', 'answerInfo', 'withdraw'] as const) {
      for (const isAuthor of [false, undefined]) {
        const ctx = { ...passing(command), isAuthor, roles: ['technician'] as Role[] };
        expect(transition(row(command).from[0]!, command, ctx)).toEqual({
          ok: false,
          reason: LIFECYCLE_ERRORS.notAuthor,
        });
      }
    }
  });

  it('does not ask for authorship, reason or outcome where the table does not', () => {
    const bare = { hasConcludedDiagnostic: true };
    const unguarded = ['startDiagnostic', 'requestInfo', 'openVote', 'closeVote'] as const;
    for (const command of unguarded) {
      const t = row(command);
      expect(transition(t.from[0]!, command, { ...bare, roles: [...t.roles] })).toEqual({ ok: true, to: t.to });
    }
  });

  it('adjourns only an adjourned decision, to diagnostic or to review', () => {
    for (const command of ['adjournToDiagnostic', 'adjournToReview'] as const) {
      for (const outcome of [undefined, null, 'favourable', 'favourable_with_conditions', 'unfavourable'] as const) {
        expect(transition('decided', command, { ...passing(command), outcome, roles: ['chair'] })).toEqual({
          ok: false,
          reason: LIFECYCLE_ERRORS.notAdjourned,
        });
      }
      expect(transition('decided', command, { ...passing(command), outcome: 'adjourned', roles: ['chair'] })).toEqual({
        ok: true,
        to: EXPECTED[command].to,
      });
    }
  });

  it('publishes only a final outcome, never an adjourned or missing one', () => {
    for (const outcome of DECISION_OUTCOMES) {
      const expected =
        outcome === 'adjourned'
          ? { ok: false, reason: LIFECYCLE_ERRORS.noFinalOutcome }
          : { ok: true, to: 'published' };
      expect(transition('decided', 'publish', { ...passing('publish'), outcome, roles: ['chair'] })).toEqual(expected);
    }
    for (const outcome of [undefined, null]) {
      expect(transition('decided', 'publish', { ...passing('publish'), outcome, roles: ['chair'] })).toEqual({
        ok: false,
        reason: LIFECYCLE_ERRORS.noFinalOutcome,
      });
    }
  });
});

describe('allowedCommands', () => {
  it('returns exactly the commands transition() accepts, for every state and role', () => {
    for (const state of PROPOSAL_STATES) {
      for (const role of ROLES) {
        for (const ctx of [passing('x'), passing('adjourn'), { hasConcludedDiagnostic: false }]) {
          const expected = PROPOSAL_COMMANDS.filter((c) => transition(state, c, { ...ctx, roles: [role] }).ok);
          expect(allowedCommands(state, [role], ctx)).toEqual(expected);
        }
      }
    }
  });

  it('offers the buttons each actor expects', () => {
    const author = { hasConcludedDiagnostic: false, isAuthor: true, reason: 'Motif' };
    expect(allowedCommands('draft', ['technician'], author)).toEqual(['submit', 'withdraw']);
    expect(allowedCommands('draft', ['technician'], { ...author, isAuthor: false })).toEqual([]);
    expect(allowedCommands('submitted', ['diagnostician'], author)).toEqual(['startDiagnostic']);
    expect(allowedCommands('diagnosed', ['chair'], { hasConcludedDiagnostic: true })).toEqual(['schedule']);
    expect(allowedCommands('diagnosed', ['chair'], { hasConcludedDiagnostic: false })).toEqual([]);
    expect(allowedCommands('under_review', ['chair'], { hasConcludedDiagnostic: true })).toEqual([
      'requestInfo',
      'openVote',
    ]);
    expect(allowedCommands('info_requested', ['technician'], { ...author, hasConcludedDiagnostic: true })).toEqual([
      'withdraw',
      'answerInfo',
    ]);
    expect(allowedCommands('decided', ['chair'], { hasConcludedDiagnostic: true, outcome: 'adjourned' })).toEqual([
      'adjournToDiagnostic',
      'adjournToReview',
    ]);
    expect(allowedCommands('decided', ['chair'], { hasConcludedDiagnostic: true, outcome: 'unfavourable' })).toEqual([
      'publish',
    ]);
  });

  it('offers nothing in a terminal state, even to someone holding every role', () => {
    for (const state of ['published', 'withdrawn'] as const) {
      expect(allowedCommands(state, [...ROLES], passing('x'))).toEqual([]);
      expect(allowedCommands(state, [...ROLES], passing('adjourn'))).toEqual([]);
    }
  });
});

describe('isTerminal', () => {
  it('is true exactly for published and withdrawn', () => {
    expect(PROPOSAL_STATES.filter(isTerminal)).toEqual(['published', 'withdrawn']);
  });

  it('agrees with the table: a non-terminal state has a way out, a terminal one none', () => {
    for (const state of PROPOSAL_STATES) {
      const leaves = TRANSITIONS.some((t) => (t.from as readonly ProposalState[]).includes(state));
      expect(isTerminal(state)).toBe(!leaves);
    }
  });

  it('every state is reachable from draft', () => {
    const reached = new Set<ProposalState>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...PROPOSAL_STATES].sort());
  });
});

describe('input rules', () => {
  it('offers withdrawal before a reason is typed, and transition() still requires one', () => {
    const author = { hasConcludedDiagnostic: false, isAuthor: true };
    expect(allowedCommands('submitted', ['technician'], author)).toEqual(['withdraw']);
    expect(transition('submitted', 'withdraw', { ...author, roles: ['technician'] })).toEqual({
      ok: false,
      reason: LIFECYCLE_ERRORS.reasonRequired,
    });
  });
});
