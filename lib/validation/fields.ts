import { z } from 'zod';
import type { FieldError, FieldErrors } from '@/lib/errors';

/**
 * Every message in these schemas is a catalog key (see lib/i18n): the same schema runs
 * in the browser (react-hook-form's zodResolver) and on the server (safeParse), and
 * each side translates the key into the reader's language.
 */
export const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.too_long' })
    .refine(isStorableText, { error: 'validation.control_characters' });

/**
 * Characters no stored text may hold: NUL (PostgreSQL refuses it in text and JSON, so it
 * would fail the whole command), the other control characters but tab and line breaks
 * (invisible, and not allowed in XML 1.0: the Atom feed would break), the two Unicode
 * non-characters U+FFFE/U+FFFF (same), and a lone surrogate (not Unicode at all).
 * Zero-width and right-to-left characters stay allowed: names and addresses may need them.
 */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** A short code chosen from a list (kept as typed in a draft, checked against the list later). */
export const storableCode = (max: number) => z.string({ error: 'validation.invalid' }).max(max, { error: 'validation.too_long' }).refine(isStorableText, { error: 'validation.control_characters' });

export const email = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'validation.email' }).max(254, { error: 'validation.too_long' }));

export const PASSWORD_MIN = 12;
export const newPassword = z
  .string({ error: 'validation.required' })
  .min(PASSWORD_MIN, { error: 'validation.password_length' })
  .max(200, { error: 'validation.too_long' });

export const uuid = z.uuid({ error: 'validation.invalid' });

/**
 * The concurrency token an edit form was opened with (the record's `revision`): a number,
 * or its digits as a form sends them. Nothing else is read as one (`true` or `[1]` would
 * coerce to 1 and pass for a form opened on the first revision).
 */
export const revision = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.invalid' }),
);

/**
 * Flattens zod issues to `path → message`, keeping the first message per field. The
 * limit a message names travels with it: a custom issue's `params`, or the `maximum` of a
 * too-long text or too-long list ("2 000 caractères au maximum").
 */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_form';
    out[path] ??= messageOf(issue);
  }
  return out;
}

function messageOf(issue: z.core.$ZodIssue): FieldError {
  const key = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  if (issue.code === 'custom' && issue.params) return { key, params: issue.params as Record<string, string | number> };
  if (issue.code === 'too_big' && (key === 'validation.too_long' || key === 'validation.too_many')) return { key, params: { max: Number(issue.maximum) } };
  return key;
}

// Spaces French writes inside numbers ("1 200"): ordinary, no-break and narrow no-break.
const NUMBER_SPACES = /[ \u00a0\u202f]/g;
// Plain decimal notation only: Number() alone would also take "0x1F", "1e3" or "Infinity".
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * Reads a number typed in a form: a decimal point or a French decimal comma ("48,8846"),
 * spaces between thousands. '' → undefined (not given); text that is not a plain decimal
 * stays a string so that zod reports it as not a number; non-strings pass unchanged.
 */
export function parseFormNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(NUMBER_SPACES, '');
  if (compact === '') return undefined;
  return DECIMAL.test(compact) ? Number(compact.replace(',', '.')) : value;
}

/** An optional number typed in a form: blank (or NaN from a number input) means "not given yet". */
export const formNumber = (min: number, max: number, { integer }: { integer: boolean }) =>
  z.preprocess(
    (v) => {
      const parsed = parseFormNumber(v);
      return parsed === undefined || parsed === null || (typeof parsed === 'number' && Number.isNaN(parsed)) ? null : parsed;
    },
    (integer ? z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }) : z.number({ error: 'validation.number' }))
      // One message that names both limits, whichever is crossed.
      .superRefine((n, ctx) => {
        if (n < min || n > max) ctx.addIssue({ code: 'custom', message: 'validation.between', params: { min, max } });
      })
      .nullable(),
  );

/** Optional free text: trimmed, bounded, '' when absent. */
export const optionalText = (max: number) =>
  z.string({ error: 'validation.invalid' }).trim().max(max, { error: 'validation.too_long' }).refine(isStorableText, { error: 'validation.control_characters' }).default('');

/** Reports rule violations computed outside zod (`path → message`) as zod issues on their fields. */
export function addFieldIssues(ctx: z.RefinementCtx, errors: FieldErrors): void {
  for (const [path, error] of Object.entries(errors)) {
    const at = path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (typeof error === 'string') ctx.addIssue({ code: 'custom', path: at, message: error });
    else ctx.addIssue({ code: 'custom', path: at, message: error.key, params: error.params });
  }
}

/** A choice from a select: '' (the "choose…" option) means not chosen yet. */
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values, { error: 'validation.invalid' }).nullable());

/** The ticked box of a form that does something irreversible (sign, publish, close). */
export const confirmation = (message: string) => ({ confirmed: z.literal(true, { error: message }) });
