import { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';
import { addFieldIssues, confirmation, formNumber, optionalChoice, optionalText, revision, uuid } from './fields';
import { DIAGNOSTIC_CONCLUSIONS, DPIA_STATUSES, FACT_TYPES } from '@/lib/domain/vocabulary';
import { isCalendarDay } from '@/lib/domain/authorisation';
import { documentProblem, MAX_DOCUMENT_MEGABYTES } from '@/lib/domain/documents';
import { dpiaStatusGaps, type DpiaGap } from '@/lib/domain/dpia';
import { parisDate } from '@/lib/domain/paris-time';

export const ACTORS = ['landlord', 'tenants', 'police'] as const;
export const ALTERNATIVES = ['lighting', 'mediation', 'nightCorrespondents', 'accessControl', 'layout'] as const;
export const DIAGNOSTIC_TEXTS = ['siteDescription', 'proportionality', 'privacyRisks', 'expectedEffect', 'costAssessment', 'publicSummary'] as const;

const text = optionalText;
const currentYear = () => new Date().getFullYear();
const count = formNumber(0, 1_000_000, { integer: true });
const year = formNumber(1990, 2100, { integer: true });
/** A day typed in a date input, or blank (not given yet): "2026-03-31" or null. */
const optionalDay = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '') || v === undefined ? null : typeof v === 'string' ? v.trim() : v,
  z
    .string({ error: 'validation.date' })
    .refine((v) => isCalendarDay(v) && Number(v.slice(0, 4)) >= 2000, { error: 'validation.date' })
    .nullable(),
);

export const diagnosticDraftSchema = z.object({
  delinquencyFacts: z
    .array(z.object({ type: z.enum(FACT_TYPES, { error: 'validation.invalid' }), year, count }))
    .max(100, { error: 'validation.too_many' })
    .default([]),
  siteDescription: text(10_000),
  actorsConsulted: z.object({ landlord: text(4000), tenants: text(4000), police: text(4000) }).default({ landlord: '', tenants: '', police: '' }),
  alternatives: z
    .object({ lighting: text(4000), mediation: text(4000), nightCorrespondents: text(4000), accessControl: text(4000), layout: text(4000) })
    .default({ lighting: '', mediation: '', nightCorrespondents: '', accessControl: '', layout: '' }),
  proportionality: text(10_000),
  privacyRisks: text(10_000),
  expectedEffect: text(10_000),
  costAssessment: text(10_000),
  dpiaStatus: optionalChoice(DPIA_STATUSES),
  /** Completed assessment: the data-protection officer's opinion on it, its day and its text (GDPR art. 35.2). */
  dpoOpinionOn: optionalDay,
  dpoOpinion: text(10_000),
  /** Assessment not required: why. */
  dpiaNotRequiredReason: text(4000),
  publicSummary: text(3000),
  conclusion: optionalChoice(DIAGNOSTIC_CONCLUSIONS),
  conditions: text(4000),
  /** Re-review only: the site's figures before and after its cameras, against the sites without (required to conclude then). */
  evaluationComparison: text(10_000),
});
/** The form's fields: the draft's, and the box that confirms concluding (checked only then). */
export type DiagnosticFormInput = z.input<typeof diagnosticDraftSchema> & { confirmed?: boolean };
export type DiagnosticFormValues = z.output<typeof diagnosticDraftSchema>;

/** DOMAIN.md rule 5: every section filled in before the diagnostic may be concluded and signed. */
export function diagnosticCompletenessErrors(input: DiagnosticFormValues): FieldErrors {
  // Runs on partly parsed values too (see `everyTime` below): a part of the wrong shape reads as empty.
  const d = (input && typeof input === 'object' ? input : {}) as Partial<DiagnosticFormValues>;
  const facts = Array.isArray(d.delinquencyFacts) ? d.delinquencyFacts : [];
  const errors: FieldErrors = {};
  const required = 'validation.required';
  if (facts.length === 0) errors.delinquencyFacts = 'validation.facts_required';
  facts.forEach((f, i) => {
    if (f?.year === null || f?.year === undefined) errors[`delinquencyFacts.${i}.year`] = required;
    else if (typeof f.year === 'number' && f.year > currentYear()) errors[`delinquencyFacts.${i}.year`] = 'validation.year_in_future';
    if (f?.count === null || f?.count === undefined) errors[`delinquencyFacts.${i}.count`] = required;
  });
  for (const field of DIAGNOSTIC_TEXTS) if (!d[field]) errors[field] = required;
  for (const actor of ACTORS) if (!d.actorsConsulted?.[actor]) errors[`actorsConsulted.${actor}`] = required;
  for (const alt of ALTERNATIVES) if (!d.alternatives?.[alt]) errors[`alternatives.${alt}`] = required;
  if (!d.dpiaStatus) errors.dpiaStatus = required;
  // The document is another form's (it is checked where it is known: dpiaDocumentErrors).
  Object.assign(errors, dpiaErrors(d, true));
  if (!d.conclusion) errors.conclusion = required;
  if (d.conclusion === 'opportune_with_conditions' && !d.conditions) errors.conditions = 'validation.conditions_required';
  return errors;
}

/**
 * A re-review's diagnostic must compare the site's figures before and after its cameras
 * (issue 10, item 4): its conclusion needs `evaluationComparison`. Other kinds are not
 * asked. The server checks it in concludeDiagnostic (the proposal's kind is known there).
 */
export function reReviewErrors(kind: string, values: Pick<DiagnosticFormValues, 'evaluationComparison'>): FieldErrors {
  return kind === 're_review' && !values.evaluationComparison ? { evaluationComparison: 'validation.evaluation_comparison_required' } : {};
}

/** Where each gap of the impact assessment is typed or attached. */
const DPIA_FIELDS: Record<Exclude<DpiaGap, 'status' | 'not_finished'>, [field: string, message: string]> = {
  document: ['dpiaDocument', 'validation.dpia_document_required'],
  dpo_opinion_on: ['dpoOpinionOn', 'validation.dpo_opinion_on_required'],
  dpo_opinion: ['dpoOpinion', 'validation.dpo_opinion_required'],
  reasons: ['dpiaNotRequiredReason', 'validation.dpia_reasons_required'],
};

/**
 * What the impact assessment's status asks before the diagnostic is concluded
 * (lib/domain/dpia.ts): completed, its document and the DPO's opinion (a day already
 * passed, and its text); not required, the reasons. `hasDocument`: whether the assessment
 * is attached (the upload is its own form: the server knows, the browser is told).
 */
export function dpiaErrors(values: Partial<Pick<DiagnosticFormValues, 'dpiaStatus' | 'dpoOpinionOn' | 'dpoOpinion' | 'dpiaNotRequiredReason'>>, hasDocument: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const gaps = dpiaStatusGaps({
    dpiaStatus: values.dpiaStatus ?? null,
    hasDocument,
    dpoOpinionOn: typeof values.dpoOpinionOn === 'string' ? values.dpoOpinionOn : null,
    dpoOpinion: typeof values.dpoOpinion === 'string' ? values.dpoOpinion : null,
    dpiaNotRequiredReason: typeof values.dpiaNotRequiredReason === 'string' ? values.dpiaNotRequiredReason : null,
  });
  for (const gap of gaps) {
    if (gap === 'status' || gap === 'not_finished') continue;
    const [field, message] = DPIA_FIELDS[gap];
    errors[field] = message;
  }
  if (values.dpiaStatus === 'completed' && typeof values.dpoOpinionOn === 'string' && isCalendarDay(values.dpoOpinionOn) && values.dpoOpinionOn > parisDate(new Date())) {
    errors.dpoOpinionOn = 'validation.day_in_future';
  }
  return errors;
}

/** The attached assessment, checked where it is known (the command, and the browser told by the page). */
export function dpiaDocumentErrors(dpiaStatus: string | null | undefined, hasDocument: boolean): FieldErrors {
  return dpiaStatus === 'completed' && !hasDocument ? { [DPIA_FIELDS.document[0]]: DPIA_FIELDS.document[1] } : {};
}

const saved = { diagnosticId: uuid, revision };
export const saveDiagnosticSchema = diagnosticDraftSchema.extend(saved);
const refineCompleteness = (value: DiagnosticFormValues, ctx: z.RefinementCtx) => addFieldIssues(ctx, diagnosticCompletenessErrors(value));
// `when`: the completeness checks run even if a field failed its format check: every error in one round.
const everyTime = { when: () => true };
/**
 * Concluding signs the diagnostic in the officer's name and cannot be undone (a revision is
 * a new version): the form asks them to confirm, and the server refuses without it.
 */
const concluding = confirmation('validation.confirm_conclude');
export const concludeDiagnosticSchema = saveDiagnosticSchema.extend(concluding).superRefine(refineCompleteness, everyTime);
/** The same checks for the browser form (no ids). */
export const diagnosticConcludeFormSchema = diagnosticDraftSchema.extend(concluding).superRefine(refineCompleteness, everyTime);
/**
 * The browser form's checks for a proposal of this kind (a re-review asks for the
 * comparison too), knowing whether the impact assessment is attached.
 */
export const diagnosticConcludeFormSchemaFor = (kind: string, hasDpiaDocument: boolean) =>
  diagnosticConcludeFormSchema.superRefine((value, ctx) => addFieldIssues(ctx, { ...reReviewErrors(kind, value), ...dpiaDocumentErrors(value.dpiaStatus, hasDpiaDocument) }), everyTime);

/* ------------------------------------------------------------------------------------
 * The impact assessment's document, uploaded with a form of its own (a PDF).
 * ---------------------------------------------------------------------------------- */

/** A file as the upload's server action hands it over: the name the browser sent, and its bytes. */
export interface UploadedDocument {
  name: string;
  bytes: Uint8Array;
}

const isUpload = (v: unknown): v is UploadedDocument =>
  typeof v === 'object' && v !== null && typeof (v as UploadedDocument).name === 'string' && (v as UploadedDocument).bytes instanceof Uint8Array;

/** A PDF, not empty, within the size limit; its name is made safe when it is stored (lib/storage). */
export const pdfUpload = z.custom<UploadedDocument>(isUpload, { error: 'validation.file_required' }).superRefine((file, ctx) => {
  const problem = documentProblem(file.bytes);
  if (problem === 'too_big') ctx.addIssue({ code: 'custom', message: 'validation.file_too_big', params: { max: MAX_DOCUMENT_MEGABYTES } });
  else if (problem) ctx.addIssue({ code: 'custom', message: `validation.file_${problem}` });
});

export const attachDpiaDocumentSchema = z.object({ diagnosticId: uuid, document: pdfUpload });
