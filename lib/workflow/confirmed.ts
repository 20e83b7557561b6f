import type { z } from 'zod';
import type { Command } from './command';

/**
 * A command as its confirming form runs it: the same name, permission and change, with a
 * schema that also requires the form's "I confirm" box (lib/validation/committee.ts
 * `*FormSchema`). The command stays in COMMANDS unchanged for every other caller.
 */
export function confirmed<S extends z.ZodType, F extends z.ZodType<z.output<S>>, R>(command: Command<S, R>, formSchema: F): Command<F, R> {
  // The form schema's output is the command's input plus `confirmed`, which the command ignores.
  return { name: command.name, permission: command.permission, schema: formSchema, run: (tx, actor, input) => command.run(tx, actor, input as z.output<S>) };
}
