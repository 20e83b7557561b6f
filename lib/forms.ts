import type { FieldError } from '@/lib/errors';
import { catalogs, type Locale, type Translate } from '@/lib/i18n/catalog';
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
export function translateFieldError(t: Translate, error: FieldError): string {
  if (typeof error === 'string') return t(error);
  const params = Object.fromEntries(Object.entries(error.params).map(([name, v]) => [name, typeof v === 'number' ? limitFormat.format(v) : v]));
  return t(error.key, params);
}

export function failureState(result: Extract<CommandResult<unknown>, { ok: false }>, t: Translate): FormState {
  return {
    ok: false,
    message: t(`errors.${result.code}`),
    fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([field, error]) => [field, translateFieldError(t, error)])),
  };
}

/** A translate function over the messages a client form was handed (see clientMessages). */
export function translateWith(messages: Record<string, string>): Translate {
  return (key, params) => {
    const text = messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** The error summary's headings, for a form that gets its texts from the page. */
export function summaryTitles(t: Translate): { titleOne: string; titleMany: string } {
  return { titleOne: t('common.errorSummaryOne'), titleMany: t('common.errorSummaryMany') };
}

/** The validation and error messages a client form needs to translate zod's keys itself. */
export function clientMessages(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of ['validation', 'errors'] as const) {
    for (const [key, text] of Object.entries(catalogs[locale][section])) out[`${section}.${key}`] = text;
  }
  // The error summary's heading.
  out['common.errorSummaryOne'] = catalogs[locale].common.errorSummaryOne;
  out['common.errorSummaryMany'] = catalogs[locale].common.errorSummaryMany;
  return out;
}

export function formString(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
}
