import { z } from 'zod';
import { PUBLISHED_OUTCOMES } from '@/lib/domain/vocabulary';
import { REVIEW_TEXT_MAX } from './committee';
import { confirmation, requiredText, uuid } from './fields';

/** Schemas of the register's commands: publishing a signed decision, correcting or revoking a published entry. */

export const publishDecisionSchema = z.object({ decisionId: uuid });

const reference = z.string({ error: 'validation.required' }).trim().regex(/^CE-\d{4}-\d{3,}$/, { error: 'validation.invalid' });

export const correctRegisterEntrySchema = z.discriminatedUnion(
  'kind',
  [
    // A correction replaces the published wording (reasons, public summary); the rest is the decision's.
    z.object({ kind: z.literal('correction'), reference, note: requiredText(REVIEW_TEXT_MAX), reasons: requiredText(10_000), publicSummary: requiredText(3000) }),
    z.object({ kind: z.literal('revocation'), reference, note: requiredText(REVIEW_TEXT_MAX) }),
  ],
  { error: 'validation.invalid' },
);
export type CorrectRegisterEntryInput = z.output<typeof correctRegisterEntrySchema>;

export const publishDecisionFormSchema = publishDecisionSchema.extend(confirmation('validation.confirm_publish_decision'));

/**
 * The register's filters, read from a query string by the public page and the open data
 * alike. Text is bounded and stripped of NUL and control characters (PostgreSQL refuses NUL);
 * anything malformed is an error the caller shows (the page) or answers 400 with (the API).
 */
const filterText = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .pipe(z.string().max(max, { error: 'validation.too_long' }))
    .optional()
    .transform((v) => (v ? v : undefined));

export const REGISTER_PAGE_SIZE = 20;
export const REGISTER_API_MAX_LIMIT = 500;

export const registerFiltersSchema = z.object({
  q: filterText(200),
  site: z.uuid({ error: 'register.filters.invalid_site' }).optional(),
  outcome: z.enum(PUBLISHED_OUTCOMES, { error: 'register.filters.invalid_outcome' }).optional(),
  year: z.coerce.number({ error: 'register.filters.invalid_year' }).int({ error: 'register.filters.invalid_year' }).min(2000, { error: 'register.filters.invalid_year' }).max(2100, { error: 'register.filters.invalid_year' }).optional(),
  landlord: filterText(200),
  /** Keyset: the sequence number the next page starts below. */
  cursor: z.coerce.number({ error: 'register.filters.invalid_cursor' }).int({ error: 'register.filters.invalid_cursor' }).min(1, { error: 'register.filters.invalid_cursor' }).max(2_147_483_647, { error: 'register.filters.invalid_cursor' }).optional(),
  limit: z.coerce.number({ error: 'register.filters.invalid_limit' }).int({ error: 'register.filters.invalid_limit' }).min(1, { error: 'register.filters.invalid_limit' }).max(REGISTER_API_MAX_LIMIT, { error: 'register.filters.invalid_limit' }).optional(),
});
export type RegisterFilters = Partial<z.output<typeof registerFiltersSchema>>;

/** Query parameters as the schema expects them: an empty field of the GET form means "no filter". */
export function registerQueryFrom(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const out: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === 'string' && v.trim() !== '' && !(k in out)) out[k] = v;
  return out;
}

/** The chair's correction form: the command's input and the "I confirm" box, for either kind of entry. */
const [correctionInput, revocationInput] = correctRegisterEntrySchema.options;
const confirmCorrection = confirmation('validation.confirm_correct_register_entry');
export const correctRegisterEntryFormSchema = z.discriminatedUnion('kind', [correctionInput.extend(confirmCorrection), revocationInput.extend(confirmCorrection)], { error: 'validation.invalid' });
