import type { CommandResult } from '@/lib/workflow/command';
import { translateKey, type AppTranslator } from '@/lib/i18n/translate';

/** What a server action hands back to its form: translated, ready to show. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

/** `t` is the action's `await getTranslations()` (or a `createTranslator` outside a request). */
export function failureState(result: Extract<CommandResult<unknown>, { ok: false }>, t: AppTranslator): FormState {
  return {
    ok: false,
    message: t(`errors.${result.code}`),
    // Field errors are catalog keys chosen at run time (zod messages, command refusals).
    fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, key]) => [field, translateKey(t, key)])),
  };
}

export function formString(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}
