import { describe, expect, it } from 'vitest';
import { ENGINE_ERRORS } from '@/lib/domain/lifecycle-engine';
import { SESSION_ERRORS, sessionLifecycle } from '@/lib/domain/session-lifecycle';
import { ROLES } from '@/lib/domain/vocabulary';

const { transition, allowedCommands } = sessionLifecycle;
const ready = { agendaSize: 2, dateReached: true, openVotes: 0 };

describe('the session lifecycle', () => {
  it('goes planned → convened → held → closed, for the chair only', () => {
    expect(transition('planned', 'convene', { ...ready, roles: ['chair'] })).toEqual({ ok: true, to: 'convened' });
    expect(transition('convened', 'hold', { ...ready, roles: ['chair'] })).toEqual({ ok: true, to: 'held' });
    expect(transition('held', 'close', { ...ready, roles: ['chair'] })).toEqual({ ok: true, to: 'closed' });
    for (const role of ROLES.filter((r) => r !== 'chair')) {
      expect(transition('planned', 'convene', { ...ready, roles: [role] })).toEqual({ ok: false, reason: ENGINE_ERRORS.forbiddenRole });
    }
    expect(sessionLifecycle.states.filter(sessionLifecycle.isTerminal)).toEqual(['closed']);
  });

  it('convenes only with an agenda, and late only with a reason', () => {
    expect(transition('planned', 'convene', { ...ready, agendaSize: 0, roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.emptyAgenda });
    expect(transition('planned', 'convene', { ...ready, late: true, roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.lateReasonRequired });
    expect(transition('planned', 'convene', { ...ready, late: true, reason: '  ', roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.lateReasonRequired });
    expect(transition('planned', 'convene', { ...ready, late: true, reason: 'Urgence', roles: ['chair'] }).ok).toBe(true);
    // The button is offered before the reason is typed.
    expect(allowedCommands('planned', ['chair'], { ...ready, late: true })).toEqual(['convene']);
  });

  it('is held on its date, not before, and closes only once every vote is closed', () => {
    expect(transition('convened', 'hold', { ...ready, dateReached: false, roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.notYet });
    expect(transition('held', 'close', { ...ready, openVotes: 1, roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.votesOpen });
    expect(transition('held', 'close', { agendaSize: 1, roles: ['chair'] })).toEqual({ ok: false, reason: SESSION_ERRORS.votesOpen });
  });
});
