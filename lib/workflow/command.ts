import type { z } from 'zod';
import type { Database, Tx } from '@/db/client';
import { loadActor, type Actor } from '@/lib/auth/actor';
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
}

export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
  return command;
}

export type CommandResult<R> =
  | { ok: true; value: R }
  | { ok: false; code: ErrorCode; fieldErrors: FieldErrors };

export async function runCommand<S extends z.ZodType, R>(
  db: Database,
  command: Command<S, R>,
  actorId: string | null | undefined,
  rawInput: unknown,
): Promise<CommandResult<R>> {
  try {
    const actor = await loadActor(db, actorId);
    if (!actor) throw new AppError('unauthenticated');
    if (!can(actor.roles, command.permission)) throw new AppError('forbidden');
    const parsed = command.schema.safeParse(rawInput);
    if (!parsed.success) throw new AppError('invalid', fieldErrorsFrom(parsed.error));
    const value = await db.transaction((tx) => command.run(tx, actor, parsed.data));
    return { ok: true, value };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, fieldErrors: err.fieldErrors };
    // A unique violation the command did not anticipate still becomes a clear conflict.
    if (isUniqueViolation(err)) return { ok: false, code: 'conflict:duplicate', fieldErrors: {} };
    // The database's own rules (the review gate, a read-only diagnostic) refused the change.
    if (isDatabaseRuleRefusal(err)) return { ok: false, code: 'conflict:state', fieldErrors: {} };
    // Logged with its cause for the operator; the user only ever sees a translated message.
    console.error(`[command ${command.name}] failed:`, err);
    return { ok: false, code: 'internal', fieldErrors: {} };
  }
}
