import { z } from 'zod';
import { checkSubmittable, type ProposalDraft } from '@/lib/domain/conformance';
import type { FieldErrors } from '@/lib/errors';
import { addFieldIssues, formNumber, optionalChoice, optionalText, revision, uuid } from './fields';
import { CAMERA_PLACEMENTS, CAMERA_TYPES, OPENINGS } from '@/lib/domain/vocabulary';

/**
 * The proposal form, shared by react-hook-form and the server. Two levels:
 * - `proposalDraftSchema`: what may be saved as a draft at any time (right types, sane
 *   bounds, blanks allowed);
 * - `proposalSubmitSchema`: everything required, plus DOMAIN.md rules 1–4, each reported
 *   on its field.
 */

const text = optionalText;

export const cameraSchema = z.object({
  latitude: formNumber(-90, 90, { integer: false }),
  longitude: formNumber(-180, 180, { integer: false }),
  placement: optionalChoice(CAMERA_PLACEMENTS),
  filmsPublicRoad: z.boolean({ error: 'validation.invalid' }).default(false),
  type: optionalChoice(CAMERA_TYPES),
  mount: text(200),
  directionDegrees: formNumber(0, 359, { integer: true }),
  angleDegrees: formNumber(1, 360, { integer: true }),
  openingsInView: z.array(z.enum(OPENINGS, { error: 'validation.invalid' })).max(OPENINGS.length).default([]),
  maskingPlanned: z.boolean({ error: 'validation.invalid' }).default(false),
  maskingDescription: text(2000),
});

export const signageSchema = z.object({
  controller: text(500),
  purposes: text(1000),
  rights: text(1000),
  contact: text(500),
  retention: text(500),
});

const proposalFields = {
  siteId: uuid,
  title: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  cameras: z.array(cameraSchema).max(50, { error: 'validation.too_many' }).default([]),
  // Unknown codes are kept here and refused at submission with a field message (rule 1).
  purposes: z.array(z.string().max(100)).max(20).default([]),
  retentionDays: formNumber(0, 3650, { integer: true }),
  retentionJustification: text(2000),
  viewers: text(1000),
  signage: signageSchema.default({ controller: '', purposes: '', rights: '', contact: '', retention: '' }),
  investmentEuros: formNumber(0, 100_000_000, { integer: true }),
  yearlyCostEuros: formNumber(0, 100_000_000, { integer: true }),
  justification: text(5000),
};

export const proposalDraftSchema = z.object(proposalFields);
export type ProposalFormInput = z.input<typeof proposalDraftSchema>;
export type ProposalFormValues = z.output<typeof proposalDraftSchema>;

/** Everything a submission needs beyond the legal rules: no blank left. */
function missingForSubmission(p: ProposalFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const required = 'validation.required';
  p.cameras.forEach((c, i) => {
    for (const field of ['latitude', 'longitude', 'placement', 'type', 'directionDegrees', 'angleDegrees'] as const) {
      if (c[field] === null) errors[`cameras.${i}.${field}`] = required;
    }
    if (!c.mount) errors[`cameras.${i}.mount`] = required;
  });
  if (p.retentionDays === null) errors.retentionDays = required;
  if (!p.viewers) errors.viewers = required;
  if (p.investmentEuros === null) errors.investmentEuros = required;
  if (p.yearlyCostEuros === null) errors.yearlyCostEuros = required;
  if (!p.justification) errors.justification = required;
  return errors;
}

/** Every reason this proposal cannot be submitted yet, field by field (empty: it can). */
export function submissionErrors(p: ProposalFormValues): FieldErrors {
  const conformance = checkSubmittable({ ...p, retentionDays: p.retentionDays ?? Number.NaN } as ProposalDraft);
  // A blank field says "required" rather than a rule it cannot be checked against yet.
  return { ...conformance, ...missingForSubmission(p) };
}

function refineSubmission(value: ProposalFormValues, ctx: z.RefinementCtx) {
  addFieldIssues(ctx, submissionErrors(value));
}

export const proposalSubmitSchema = proposalDraftSchema.superRefine(refineSubmission);

/** Saves carry the revision the form was opened with: an older one is refused. */
const saved = { proposalId: uuid, revision };
export const saveProposalSchema = proposalDraftSchema.extend(saved);
export const submitProposalSchema = saveProposalSchema.superRefine(refineSubmission);
export const withdrawProposalSchema = z.object({
  proposalId: uuid,
  reason: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(2000, { error: 'validation.too_long' }),
});
export const proposalIdSchema = z.object({ proposalId: uuid });
