import type { CommandResult } from '@/lib/workflow/command';
import { catalogs, type Locale, type Translate } from '@/lib/i18n/catalog';

/** What a server action hands back to its form: translated, ready to show. */
export interface FormState {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
}

export function failureState(result: Extract<CommandResult<unknown>, { ok: false }>, t: Translate): FormState {
  return {
    ok: false,
    message: t(`errors.${result.code}`),
    fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, key]) => [field, t(key)])),
  };
}

/** The validation and error messages a client form needs to translate zod's keys itself. */
export function clientMessages(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of ['validation', 'errors'] as const) {
    for (const [key, text] of Object.entries(catalogs[locale][section])) out[`${section}.${key}`] = text;
  }
  return out;
}

export function formString(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}
