import { z } from 'zod';
import { isCalendarDay } from '@/lib/domain/authorisation';
import { RETENTION_MAX_DAYS } from '@/lib/domain/legal';
import { CDVP_OPINIONS, CONDITION_STATUSES, PREFECT_DECISIONS } from '@/lib/domain/vocabulary';
import { formNumber, optionalText, requiredText, uuid } from './fields';

/**
 * Schemas of what is recorded after the vote: the steps of the prefect's authorisation
 * (the filing, the prefecture's acknowledgement of receipt, the CDVP's opinion, the
 * prefect's decision with the retention its order sets, the notice of commissioning), a
 * landlord's board decision for common-area cameras, and the follow-up of the decision's
 * conditions. The rules that need the stored record
 * or today's date (order of the steps, no day in the future) are the command's
 * (lib/workflow/authorisations.ts and conditions.ts), with the same translated messages.
 */

/** The earliest year a step may be dated: a typo like 0026 is refused, not stored. */
export const FOLLOW_UP_MIN_YEAR = 2000;

/** A Paris calendar day as a date input sends it ("2026-03-31"). */
export const calendarDay = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .refine((v) => isCalendarDay(v) && Number(v.slice(0, 4)) >= FOLLOW_UP_MIN_YEAR, { error: 'validation.date' });

/**
 * The revision the form was opened with; 0 when nothing was recorded yet (the first step
 * creates the record). Digits as a form sends them, or a number; nothing else.
 */
export const revisionOrNew = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }),
);

const reference = requiredText(100);

export const recordFilingSchema = z.object({
  decisionId: uuid,
  revision: revisionOrNew,
  filedOn: calendarDay,
  prefectureReference: reference,
});

/** The prefecture's acknowledgement of receipt: the silence's four months run from the day it states (CSI R252-15). */
export const recordAcknowledgementSchema = z.object({
  decisionId: uuid,
  revision: revisionOrNew,
  acknowledgedOn: calendarDay,
});

export const recordCdvpOpinionSchema = z.object({
  decisionId: uuid,
  revision: revisionOrNew,
  cdvpOpinionOn: calendarDay,
  cdvpOpinion: z.enum(CDVP_OPINIONS, { error: 'validation.required' }),
});

export const recordPrefectDecisionSchema = z
  .object({
    decisionId: uuid,
    revision: revisionOrNew,
    decision: z.enum(PREFECT_DECISIONS, { error: 'validation.required' }),
    decidedOn: calendarDay,
    orderReference: optionalText(100),
    /** The retention the order sets, in days: one month at most (CSI L252-5); given with a grant. */
    orderRetentionDays: formNumber(1, RETENTION_MAX_DAYS, { integer: true }),
    refusalReason: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'granted' && !v.orderReference) ctx.addIssue({ code: 'custom', path: ['orderReference'], message: 'validation.required' });
    if (v.decision === 'granted' && v.orderRetentionDays === null) ctx.addIssue({ code: 'custom', path: ['orderRetentionDays'], message: 'validation.required' });
    if (v.decision === 'refused' && !v.refusalReason) ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'validation.required' });
    // The other field stays empty (the command says why): nothing typed is silently dropped.
  });

/** The day the prefect was told the cameras were put in service, as the order asks. */
export const recordCommissioningNoticeSchema = z.object({
  decisionId: uuid,
  revision: revisionOrNew,
  commissioningNoticeOn: calendarDay,
});

/** A checkbox as a form sends it ('on', or nothing when unticked) or as JSON: anything else is not an answer. */
const checkbox = z.preprocess((v) => {
  if (v === 'on' || v === 'true') return true;
  if (v === undefined || v === null || v === '' || v === 'false') return false;
  return v;
}, z.boolean({ error: 'validation.invalid' }));

/**
 * A landlord's board decision for its common-area cameras and, when the images go to the
 * police in real time, the convention CSI L272-2 requires (its day, parties, reference).
 * Which convention fields must be given, and which left empty, is the command's rule
 * (lib/domain/follow-up.ts `landlordDecisionIssues`), so each gets its own message.
 */
export const recordLandlordDecisionSchema = z.object({
  decisionId: uuid,
  revision: revisionOrNew,
  boardDecidedOn: calendarDay,
  boardReference: reference,
  policeTransmission: checkbox,
  conventionSignedOn: z.union([z.literal(''), calendarDay], { error: 'validation.date' }).default(''),
  conventionParties: optionalText(500),
  conventionReference: optionalText(100),
});

/** Conditions a decision may hold (a guard on the index, well above any real list). */
export const MAX_CONDITIONS = 50;

export const markConditionSchema = z.object({
  decisionId: uuid,
  conditionIndex: z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v),
    z.number({ error: 'validation.invalid' }).int({ error: 'validation.invalid' }).min(0, { error: 'validation.invalid' }).max(MAX_CONDITIONS - 1, { error: 'validation.invalid' }),
  ),
  revision: revisionOrNew,
  status: z.enum(CONDITION_STATUSES, { error: 'validation.required' }),
  note: requiredText(2000),
  checkedOn: calendarDay,
});

