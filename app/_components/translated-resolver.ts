import { toNestErrors } from '@hookform/resolvers';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { translateFieldError } from '@/lib/forms';
import type { AppTranslator } from '@/lib/i18n/translate';
import { fieldErrorsFrom } from '@/lib/validation/fields';

/**
 * react-hook-form's resolver for the server's zod schema, reading its issues the way the
 * server does (fieldErrorsFrom), so that a message keeps the limit it names ("entre 1 et
 * 30") and arrives translated, exactly as the server would word it.
 */
export function translatedResolver<Input extends FieldValues, Output>(schema: () => z.ZodType<Output, Input>, t: AppTranslator): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const parsed = await schema().safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: FieldErrors = {};
    for (const [path, error] of Object.entries(fieldErrorsFrom(parsed.error))) {
      flat[path] = { type: 'validation', message: translateFieldError(t, error) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
