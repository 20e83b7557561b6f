import type { Role } from './vocabulary';

/**
 * One engine for every lifecycle of the domain (the proposal today; the committee
 * session and the vote next): a table of transitions, each a command that moves a
 * record from some states to one state, for some roles, under guards. Pure: callers load
 * the record, build the context and ask. Refusals are catalog keys, never text.
 */

/** Returns a catalog key when the move is refused, null when it may go ahead. */
export type Guard<Ctx> = (ctx: Ctx) => string | null;

export interface TransitionRow<State extends string, Ctx> {
  readonly command: string;
  readonly from: readonly State[];
  readonly to: State;
  readonly roles: readonly Role[];
  /** A rule about the record and the actor (is the diagnostic signed, are they the author). */
  readonly guard?: Guard<Ctx>;
  /**
   * A rule about what the actor typed (a reason given). Checked by `transition`, not by
   * `allowedCommands`: a button is offered before its form is filled in.
   */
  readonly input?: Guard<Ctx>;
}

export const ENGINE_ERRORS = {
  unknownCommand: 'lifecycle.unknown_command',
  notAllowedFromState: 'lifecycle.not_allowed_from_state',
  forbiddenRole: 'lifecycle.forbidden_role',
} as const;

export type TransitionResult<State extends string> = { ok: true; to: State } | { ok: false; reason: string };

export interface Lifecycle<State extends string, Command extends string, Ctx> {
  readonly states: readonly State[];
  readonly transitions: readonly TransitionRow<State, Ctx>[];
  /** Every command, in table order. */
  readonly commands: readonly Command[];
  isCommand(value: unknown): value is Command;
  /**
   * Decides one move. Checks run in a fixed order so each refusal has one clear reason:
   * unknown command, wrong state, wrong role, the row's guard, then its input rule.
   * `command` is a plain string because it may come straight from a form.
   */
  transition(state: State, command: string, ctx: Ctx & { roles: readonly Role[] }): TransitionResult<State>;
  /** The commands this actor may start now, in table order (the UI's buttons). */
  allowedCommands(state: State, roles: readonly Role[], ctx: Ctx): Command[];
  /** A state no command leaves (derived from the table, so it cannot drift). */
  isTerminal(state: State): boolean;
}

/**
 * `defineLifecycle<State, Context>()(states, table)`: curried so that the states and the
 * context are named while the table's command names are inferred as literal types.
 */
export function defineLifecycle<State extends string, Ctx>() {
  return <const Rows extends readonly TransitionRow<State, Ctx>[]>(
    states: readonly State[],
    transitions: Rows,
  ): Lifecycle<State, Rows[number]['command'], Ctx> & { readonly transitions: Rows } =>
    ({ ...buildLifecycle<State, Ctx, Rows[number]['command']>(states, transitions), transitions });
}

function buildLifecycle<State extends string, Ctx, Command extends string>(
  states: readonly State[],
  transitions: readonly TransitionRow<State, Ctx>[],
): Lifecycle<State, Command, Ctx> {
  const rows = new Map<string, TransitionRow<State, Ctx>>(transitions.map((t) => [t.command, t]));
  if (rows.size !== transitions.length) throw new Error('defineLifecycle: a command appears twice');
  const commands = transitions.map((t) => t.command as Command);

  function decide(state: State, command: string, ctx: Ctx & { roles: readonly Role[] }, withInput: boolean): TransitionResult<State> {
    const row = rows.get(command);
    if (!row) return { ok: false, reason: ENGINE_ERRORS.unknownCommand };
    if (!row.from.includes(state)) return { ok: false, reason: ENGINE_ERRORS.notAllowedFromState };
    if (!ctx.roles.some((r) => row.roles.includes(r))) return { ok: false, reason: ENGINE_ERRORS.forbiddenRole };
    const refused = row.guard?.(ctx) ?? (withInput ? (row.input?.(ctx) ?? null) : null);
    return refused ? { ok: false, reason: refused } : { ok: true, to: row.to };
  }

  return {
    states,
    transitions,
    commands,
    isCommand: (value): value is Command => typeof value === 'string' && rows.has(value),
    transition: (state, command, ctx) => decide(state, command, ctx, true),
    allowedCommands: (state, roles, ctx) => commands.filter((c) => decide(state, c, { ...ctx, roles }, false).ok),
    isTerminal: (state) => !transitions.some((t) => t.from.includes(state)),
  };
}
