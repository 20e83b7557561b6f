import 'server-only';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { requestActorRef } from '@/lib/auth/session';
import { flashLocation } from '@/lib/flash';
import { ERROR_STATUS } from '@/lib/errors';
import { failureState, type FormState } from '@/lib/forms';
import type { AppTranslator } from '@/lib/i18n/translate';
import { uuid } from '@/lib/validation/fields';
import { runCommand, type Command, type RunOptions } from '@/lib/workflow/command';

/** Work after the commit (notice emails) runs once the answer is sent: the user never waits for the mail server. */
const RUN: RunOptions = { schedule: (work) => after(work) };

/**
 * The one way a server action runs a command: the session's user id, runCommand (which
 * re-checks who, may they, the input and the move), then either a redirect or a
 * translated state for the form. Actions files only say which command, how to read the
 * form, and where to go next.
 */

/** What to do after the command succeeded: go somewhere, or tell the form (with anything else it needs). */
export type ActionSuccess<Extra extends object> = { redirect: string } | ({ message: string } & Partial<Extra>);

interface Handlers<S extends z.ZodType, R, Extra extends object> {
  /** `input` is the command's parsed input: ids in it are validated. */
  onSuccess(value: R, input: z.output<S>, t: AppTranslator): ActionSuccess<Extra>;
  /** Added to a failure's state (e.g. the values typed, to show them again). */
  onFailure?(raw: unknown): Partial<Extra>;
}

/** The command run as this request's user, and the translator for what it answers. */
async function runForRequest<S extends z.ZodType, R>(command: Command<S, R>, raw: unknown) {
  const [t, actorId] = await Promise.all([getTranslations(), requestActorRef()]);
  return { t, result: await runCommand(getDb(), command, actorId, raw, RUN) };
}

async function perform<S extends z.ZodType, R, Extra extends object>(
  command: Command<S, R>,
  raw: unknown,
  { onSuccess, onFailure }: Handlers<S, R, Extra>,
): Promise<FormState & Partial<Extra>> {
  const { t, result } = await runForRequest(command, raw);
  if (!result.ok) return { ...failureState(result, t), ...onFailure?.(raw) } as FormState & Partial<Extra>;
  // The command accepted this input, so parsing it again gives the same (validated) values.
  const outcome = onSuccess(result.value, command.schema.parse(raw), t);
  if ('redirect' in outcome) redirect(outcome.redirect);
  return { ok: true, ...outcome } as FormState & Partial<Extra>;
}

/** A form posted with useActionState: `(previous state, form data) → state`. Works without JavaScript. */
export function formAction<S extends z.ZodType, R, Extra extends object = object>(
  command: Command<S, R>,
  read: (formData: FormData) => unknown,
  handlers: Handlers<S, R, Extra>,
) {
  return async (_previous: FormState & Partial<Extra>, formData: FormData) => perform(command, read(formData), handlers);
}

/**
 * A route handler's run of a command, for a form that script sends without reloading the
 * page: the same checks as an action (runCommand), answered in JSON: 200 with `ok` and
 * what onSuccess adds, or the code's status with the translated state the form shows.
 */
export async function jsonCommand<S extends z.ZodType, R>(
  command: Command<S, R>,
  raw: unknown,
  onSuccess: (value: R, input: z.output<S>, t: AppTranslator) => Record<string, unknown>,
): Promise<Response> {
  const { t, result } = await runForRequest(command, raw);
  const headers = { 'Cache-Control': 'no-store' };
  if (!result.ok) return Response.json(failureState(result, t), { status: ERROR_STATUS[result.code], headers });
  return Response.json({ ...onSuccess(result.value, command.schema.parse(raw), t), ok: true }, { headers });
}

/** A client form that posts its checked values (forms that need JavaScript anyway: map, repeatable cameras). */
export function valuesAction<S extends z.ZodType, R, Extra extends object = object>(command: Command<S, R>, handlers: Handlers<S, R, Extra>) {
  return async (values: unknown) => perform(command, values, handlers);
}

/**
 * A one-button step (a plain form, no JavaScript needed): runs the command, then
 * redirects with `?ok=<flag>` to `next`, or back to `back` with `?erreur=<code>`.
 */
export function buttonAction<S extends z.ZodType, R>(
  command: Command<S, R>,
  read: (formData: FormData) => unknown,
  { back, ok, next }: { back: (formData: FormData) => string; ok: (value: R, input: z.output<S>) => string; next?: (value: R, input: z.output<S>) => string },
) {
  return async (formData: FormData): Promise<void> => {
    const raw = read(formData);
    const result = await runCommand(getDb(), command, await requestActorRef(), raw, RUN);
    if (!result.ok) redirect(flashLocation(result, back(formData), ''));
    const input = command.schema.parse(raw);
    redirect(flashLocation(result, back(formData), ok(result.value, input), next ? next(result.value, input) : back(formData)));
  };
}

/** `base/id` when `id` is a well-formed id, else `base`: never a path built from unchecked input. */
export function recordPath(base: string, id: unknown, suffix = ''): string {
  const parsed = uuid.safeParse(id);
  return parsed.success ? `${base}/${parsed.data}${suffix}` : base;
}
