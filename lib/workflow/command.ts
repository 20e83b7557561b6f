import type { z } from 'zod';
import type { Database, Tx } from '@/db/client';
import { loadActor, type Actor, type ActorRef } from '@/lib/auth/actor';
import { logSecurityEvent } from '@/lib/auth/security-log';
import { can, type Permission } from '@/lib/auth/permissions';
import { AppError, isDatabaseRuleRefusal, isUniqueViolation, type ErrorCode, type FieldErrors } from '@/lib/errors';
import { fieldErrorsFrom } from '@/lib/validation/fields';

/**
 * A change of state. Every mutation of the app is one of these, run by `runCommand`:
 * who is asking (re-read from the database), may they (the permission table, then the
 * command's own per-record rules), is the input right (its zod schema), then the change
 * and its audit event in one transaction.
 */
export interface Command<S extends z.ZodType, R> {
  name: string;
  permission: Permission;
  schema: S;
  run(tx: Tx, actor: Actor, input: z.output<S>): Promise<R>;
  /**
   * Optional, before the transaction: work whose record must survive a refusal (a
   * password attempt counted) or that must not hold a connection (argon2). Throws an
   * AppError to refuse.
   */
  check?(db: Database, actor: Actor, input: z.output<S>): Promise<void>;
}

export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
  return command;
}

/**
 * Work that must happen only once the command's transaction has committed, and that
 * must never undo it: sending the emails of the notices the command raised. A command
 * (or a helper it calls, like `notify`) registers it with `afterCommit(tx, task)`; when
 * the transaction rolls back, the tasks are dropped with it.
 *
 * Why not inside the transaction: an email cannot be rolled back, and a slow mail
 * server must not hold a database lock (or, on the embedded database, the only
 * connection). Why not a queue: the notices table already is one (`emailed_at IS
 * NULL`), so a task only says "deliver what is pending", and whatever a failed attempt
 * left is picked up by the next one.
 */
export type AfterCommitTask = (db: Database) => Promise<void>;

const pendingTasks = new WeakMap<Tx, AfterCommitTask[]>();

/**
 * Runs `task` after this transaction commits (once, however often it is registered).
 * Outside runCommand (a seed, a test's own transaction) there is nobody to run it: the
 * task is dropped, and the work it stood for waits for the next command that runs one.
 */
export function afterCommit(tx: Tx, task: AfterCommitTask): void {
  const tasks = pendingTasks.get(tx);
  if (tasks && !tasks.includes(task)) tasks.push(task);
}

export interface RunOptions {
  /**
   * How the after-commit work is run. Default: awaited before runCommand returns
   * (tests and scripts see its effects at once). Server actions pass Next's `after()`,
   * so the answer goes out first and the mail server's speed never delays the user.
   */
  schedule?: (work: () => Promise<void>) => void;
}

/** Each task on its own: a failing one is logged and never changes the command's result. */
async function runTasks(db: Database, tasks: AfterCommitTask[]): Promise<void> {
  for (const task of tasks) {
    try {
      await task(db);
    } catch (err) {
      console.error('[after commit] task failed:', err);
    }
  }
}

async function scheduleTasks(db: Database, tasks: AfterCommitTask[], schedule: RunOptions['schedule']): Promise<void> {
  if (schedule) {
    try {
      schedule(() => runTasks(db, tasks));
      return;
    } catch (err) {
      // The change is committed whatever happens here: run the work now instead.
      console.error('[after commit] could not schedule, running now:', err);
    }
  }
  await runTasks(db, tasks);
}

export type CommandResult<R> =
  | { ok: true; value: R }
  | { ok: false; code: ErrorCode; fieldErrors: FieldErrors };

/**
 * `actorId`: a request's SessionRef (its session must still be open), or a bare user id
 * from trusted server code (scripts, tests).
 */
export async function runCommand<S extends z.ZodType, R>(
  db: Database,
  command: Command<S, R>,
  actorId: ActorRef,
  rawInput: unknown,
  options: RunOptions = {},
): Promise<CommandResult<R>> {
  const tasks: AfterCommitTask[] = [];
  let actor: Actor | null = null;
  try {
    actor = await loadActor(db, actorId);
    if (!actor) throw new AppError('unauthenticated');
    if (!can(actor.roles, command.permission)) throw new AppError('forbidden');
    const parsed = command.schema.safeParse(rawInput);
    if (!parsed.success) throw new AppError('invalid', fieldErrorsFrom(parsed.error));
    const checked = actor;
    await command.check?.(db, checked, parsed.data);
    const value = await db.transaction((tx) => {
      pendingTasks.set(tx, tasks);
      return command.run(tx, checked, parsed.data);
    });
    // Committed: now, and only now, the work that must follow it.
    if (tasks.length) await scheduleTasks(db, tasks, options.schedule);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) {
      // Refusals that may be someone probing go to the security log: a statement of its
      // own, after the transaction rolled back, that never changes the answer.
      if (err.code === 'forbidden' || err.code === 'not_found') {
        await logSecurityEvent(db, { kind: err.code, userId: actor?.id ?? null, address: actor?.address ?? null, details: { command: command.name } });
      }
      return { ok: false, code: err.code, fieldErrors: err.fieldErrors };
    }
    // A unique violation the command did not anticipate still becomes a clear conflict.
    if (isUniqueViolation(err)) return { ok: false, code: 'conflict:duplicate', fieldErrors: {} };
    // The database's own rules (the review gate, a read-only diagnostic) refused the change.
    if (isDatabaseRuleRefusal(err)) return { ok: false, code: 'conflict:state', fieldErrors: {} };
    // Logged with its cause for the operator; the user only ever sees a translated message.
    console.error(`[command ${command.name}] failed:`, err);
    return { ok: false, code: 'internal', fieldErrors: {} };
  }
}
