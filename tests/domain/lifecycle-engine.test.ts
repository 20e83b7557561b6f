import { describe, expect, it } from 'vitest';
import { defineLifecycle, ENGINE_ERRORS } from '@/lib/domain/lifecycle-engine';

/** A second, made-up lifecycle: the engine is not the proposal's alone. */
const door = defineLifecycle<'closed' | 'open' | 'sealed', { key?: boolean; note?: string }>()(['closed', 'open', 'sealed'], [
  { command: 'open', from: ['closed'], to: 'open', roles: ['member'], guard: (c) => (c.key ? null : 'door.no_key') },
  { command: 'close', from: ['open'], to: 'closed', roles: ['member', 'chair'] },
  { command: 'seal', from: ['closed'], to: 'sealed', roles: ['chair'], input: (c) => (c.note ? null : 'door.note_required') },
]);

describe('defineLifecycle', () => {
  it('decides in a fixed order: command, state, role, guard, input', () => {
    expect(door.transition('closed', 'kick', { roles: ['chair'] })).toEqual({ ok: false, reason: ENGINE_ERRORS.unknownCommand });
    expect(door.transition('open', 'open', { roles: ['member'], key: true })).toEqual({ ok: false, reason: ENGINE_ERRORS.notAllowedFromState });
    expect(door.transition('closed', 'open', { roles: ['chair'], key: true })).toEqual({ ok: false, reason: ENGINE_ERRORS.forbiddenRole });
    expect(door.transition('closed', 'open', { roles: ['member'] })).toEqual({ ok: false, reason: 'door.no_key' });
    expect(door.transition('closed', 'seal', { roles: ['chair'] })).toEqual({ ok: false, reason: 'door.note_required' });
    expect(door.transition('closed', 'seal', { roles: ['chair'], note: 'x' })).toEqual({ ok: true, to: 'sealed' });
  });

  it('offers commands whose input is still to be typed, not those whose guard refuses', () => {
    expect(door.allowedCommands('closed', ['member', 'chair'], {})).toEqual(['seal']);
    expect(door.allowedCommands('closed', ['member', 'chair'], { key: true })).toEqual(['open', 'seal']);
  });

  it('derives terminal states and recognises only its commands', () => {
    expect(door.states.filter(door.isTerminal)).toEqual(['sealed']);
    expect(door.commands).toEqual(['open', 'close', 'seal']);
    expect(door.isCommand('seal')).toBe(true);
    expect(door.isCommand('toString')).toBe(false);
  });

  it('refuses a table that lists a command twice', () => {
    expect(() =>
      defineLifecycle<'a' | 'b', object>()(['a', 'b'], [
        { command: 'go', from: ['a'], to: 'b', roles: ['chair'] },
        { command: 'go', from: ['b'], to: 'a', roles: ['chair'] },
      ]),
    ).toThrow(/twice/);
  });
});
