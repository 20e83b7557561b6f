import type { FieldError } from '@/lib/errors';
import { translateKey, type AppTranslator } from '@/lib/i18n/translate';
import type { CommandResult } from '@/lib/workflow/command';

/** What a server action hands back to its form: translated, ready to show. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

// Limits read the same in both languages with a thin space between thousands ("2 000", SI style).
const limitFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** A field message in the reader's language, with the limit it names ("2 000 caractères au maximum"). */
export function translateFieldError(t: AppTranslator, error: FieldError): string {
  if (typeof error === 'string') return translateKey(t, error);
  const params = Object.fromEntries(Object.entries(error.params).map(([name, v]) => [name, typeof v === 'number' ? limitFormat.format(v) : v]));
  return translateKey(t, error.key, params);
}

/** `t` is the action's `await getTranslations()` (or a `createTranslator` outside a request). */
export function failureState(result: Extract<CommandResult<unknown>, { ok: false }>, t: AppTranslator): FormState {
  return {
    ok: false,
    message: t(`errors.${result.code}`),
    fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, error]) => [field, translateFieldError(t, error)])),
  };
}

export function formString(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Every text entry of a form, to show it again after a refusal (React resets the form after an action). */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) if (typeof value === 'string' && !name.startsWith('$')) values[name] = value;
  return values;
}
