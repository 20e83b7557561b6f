import { CAMERA_PRECISIONS } from '@/lib/domain/vocabulary';
import { z } from 'zod';
import { RENEWAL_LEAD_MONTHS } from '@/lib/domain/authorisation';
import { MAJORITY_RULES, QUORUM_RULES, VOTE_CHOICES } from '@/lib/domain/committee';
import { parisLocalToDate } from '@/lib/domain/paris-time';
import { ATTENDANCE, CONDITION_KINDS } from '@/lib/domain/vocabulary';
import { confirmation, formNumber, isStorableText, optionalText, requiredText, revision, uuid } from './fields';

/** Schemas of the committee's commands: settings, sessions, agenda, attendance, conflicts, votes, decisions. */

/** A checkbox as a form sends it ('on', or nothing when unticked) or as JSON: anything else is not an answer. */
const checkbox = z.preprocess((v) => {
  if (v === 'on' || v === 'true') return true;
  if (v === undefined || v === null || v === '' || v === 'false') return false;
  return v;
}, z.boolean({ error: 'validation.invalid' }));

export const committeeSettingsSchema = z
  .object({
    quorumRule: z.enum(QUORUM_RULES, { error: 'validation.invalid' }),
    quorumFixed: formNumber(1, 200, { integer: true }),
    majorityRule: z.enum(MAJORITY_RULES, { error: 'validation.invalid' }),
    chairCastingVote: checkbox,
    noticeDays: formNumber(0, 60, { integer: true }).refine((v) => v !== null, { error: 'validation.required' }),
    proxiesAllowed: checkbox,
    /**
     * Months before the prefect's authorisation expires that its renewal is due and the
     * committee's re-review opens: prefecture practice (4), not law. The settings form always
     * sends it (blank: required); a caller that leaves it out keeps the stored value.
     */
    renewalLeadMonths: formNumber(RENEWAL_LEAD_MONTHS.min, RENEWAL_LEAD_MONTHS.max, { integer: true })
      .refine((v) => v !== null, { error: 'validation.required' })
      .optional(),
    /** Where the open data places a camera: its site's point, or its own position rounded (never its aim). Left out: kept. */
    cameraPrecision: z.enum(CAMERA_PRECISIONS, { error: 'validation.invalid' }).optional(),
    revision,
  })
  .refine((v) => v.quorumRule !== 'fixed' || v.quorumFixed !== null, { path: ['quorumFixed'], error: 'validation.required' });

/**
 * The years a committee date may fall in. A typo like 0026 or 20266 is refused rather
 * than stored as a date no one meant (and no year-0000 slips through to the calendar).
 */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;
const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return /^\d{4}-/.test(value) && year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};

/** A date and time typed in Paris ("2026-12-03T18:30"), read as an instant. */
const parisDateTime = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .transform((value, ctx) => {
    const date = yearInRange(value) ? parisLocalToDate(value) : null;
    if (!date) ctx.addIssue({ code: 'custom', message: 'validation.datetime' });
    return date ?? new Date(Number.NaN);
  });

export const planSessionSchema = z
  .object({
    scheduledAt: parisDateTime,
    place: optionalText(300),
    videoLink: z.union([z.literal(''), z.url({ protocol: /^https$/, error: 'validation.https_url' }).max(500, { error: 'validation.too_long' }).refine(isStorableText, { error: 'validation.https_url' })]).default(''),
  })
  .refine((v) => v.place !== '' || v.videoLink !== '', { path: ['place'], error: 'validation.place_or_link' });

export const sessionIdSchema = z.object({ sessionId: uuid });
export const itemIdSchema = z.object({ itemId: uuid });

export const addToAgendaSchema = z.object({ sessionId: uuid, proposalId: uuid, rapporteurId: z.union([z.literal(''), uuid]).default('').transform((v) => v || null) });

export const setRapporteurSchema = z.object({ itemId: uuid, rapporteurId: uuid });

export const conditionSchema = z.object({
  kind: z.enum(CONDITION_KINDS, { error: 'validation.invalid' }),
  text: requiredText(2000),
  dueDate: z.union([z.literal(''), z.null(), z.iso.date({ error: 'validation.date' }).refine(yearInRange, { error: 'validation.date' })]).transform((v) => v || null).default(null),
});
export const conditionsSchema = z.array(conditionSchema).max(20, { error: 'validation.too_many' });

export const proposeConditionsSchema = z.object({ itemId: uuid, revision, conditions: conditionsSchema });

export const conveneSessionSchema = z.object({ sessionId: uuid, reason: optionalText(2000) });

export const holdSessionSchema = z.object({
  sessionId: uuid,
  attendance: z
    .array(
      z.object({
        memberId: uuid,
        status: z.enum(ATTENDANCE, { error: 'validation.invalid' }),
        proxyHolderId: z.union([z.literal(''), z.null(), uuid]).transform((v) => v || null).default(null),
      }),
    )
    .max(500),
});

export const declareConflictSchema = z.object({ proposalId: uuid, reason: requiredText(2000) });
export const recordConflictSchema = z.object({ proposalId: uuid, memberId: uuid, reason: requiredText(2000) });

export const castVoteSchema = z.object({
  itemId: uuid,
  choice: z.enum(VOTE_CHOICES, { error: 'validation.vote_choice' }),
  /** When voting by proxy: the absent member whose vote this is. */
  forMemberId: z.union([z.literal(''), z.null(), uuid]).transform((v) => v || null).default(null),
});

export const adjournItemSchema = z.object({ itemId: uuid, reason: requiredText(2000) });

export const returnAdjournedSchema = z.object({ proposalId: uuid, to: z.enum(['review', 'diagnostic'], { error: 'validation.invalid' }) });

export const signDecisionSchema = z.object({
  decisionId: uuid,
  revision,
  conditions: conditionsSchema,
  reasons: requiredText(10_000),
  publicSummary: requiredText(3000),
});

export const attachDissentSchema = z.object({ decisionId: uuid, text: requiredText(2000) });

/** The committee's internal deliberation on a file, and its questions to the technician (and the answers). */
export const REVIEW_TEXT_MAX = 5000;
export const postDeliberationSchema = z.object({ proposalId: uuid, body: requiredText(REVIEW_TEXT_MAX) });
export const requestInfoSchema = z.object({ proposalId: uuid, question: requiredText(REVIEW_TEXT_MAX) });
export const answerInfoSchema = z.object({ proposalId: uuid, requestId: uuid, answer: requiredText(REVIEW_TEXT_MAX) });

/**
 * The forms of the committee's irreversible steps carry an "I confirm" box that the server
 * checks (as withdrawing or scheduling a file does): the command's own input plus `confirmed`.
 */
export const closeItemVoteFormSchema = itemIdSchema.extend(confirmation('validation.confirm_close_vote'));
export const signDecisionFormSchema = signDecisionSchema.extend(confirmation('validation.confirm_sign_decision'));
export const closeSessionFormSchema = sessionIdSchema.extend(confirmation('validation.confirm_close_session'));
export const signMinutesFormSchema = sessionIdSchema.extend(confirmation('validation.confirm_sign_minutes'));
