import { z } from 'zod';
import { checkCamerasNearSite, checkSubmittable, type CameraDraft, type Position, type ProposalDraft } from '@/lib/domain/conformance';
import type { FieldErrors } from '@/lib/errors';
import { addFieldIssues, formNumber, isStorableText, optionalChoice, optionalText, revision, storableCode, uuid } from './fields';
import { CAMERA_PLACEMENTS, CAMERA_REGIMES, CAMERA_TYPES, CAMERA_ZONES, OPENINGS } from '@/lib/domain/vocabulary';

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
  regime: optionalChoice(CAMERA_REGIMES),
  zone: optionalChoice(CAMERA_ZONES),
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
  pictogram: z.boolean({ error: 'validation.invalid' }).default(false),
  controller: text(500),
  telephone: text(40),
  purposes: text(1000),
  rights: text(1000),
  contact: text(500),
  retention: text(500),
  complaint: text(500),
});
export const EMPTY_SIGNAGE = { pictogram: false, controller: '', telephone: '', purposes: '', rights: '', contact: '', retention: '', complaint: '' } as const;

const proposalFields = {
  // The select's "choose…" option sends '': say what to do rather than "invalid".
  siteId: z.uuid({ error: 'validation.site_required' }),
  title: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }).refine(isStorableText, { error: 'validation.control_characters' }),
  cameras: z.array(cameraSchema).max(50, { error: 'validation.too_many' }).default([]),
  // Unknown codes are kept here and refused at submission with a field message (rule 1).
  purposes: z.array(storableCode(100)).max(20, { error: 'validation.too_many' }).default([]),
  retentionDays: formNumber(0, 3650, { integer: true }),
  retentionJustification: text(2000),
  viewers: text(1000),
  signage: signageSchema.default({ ...EMPTY_SIGNAGE }),
  investmentEuros: formNumber(0, 100_000_000, { integer: true }),
  yearlyCostEuros: formNumber(0, 100_000_000, { integer: true }),
  justification: text(5000),
};

export const proposalDraftSchema = z.object(proposalFields);
export type ProposalFormInput = z.input<typeof proposalDraftSchema>;
export type ProposalFormValues = z.output<typeof proposalDraftSchema>;

/**
 * The values as far as they parsed. The submission rules run even when some field failed
 * its format check (the author then learns every problem in one round), so they read a
 * possibly partial object: a field of the wrong type counts as not given.
 */
function readable(value: unknown) {
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const rec = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const arr = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  const signage = rec(o.signage);
  return {
    cameras: arr(o.cameras).map((raw) => {
      const c = rec(raw);
      return {
        latitude: num(c.latitude),
        longitude: num(c.longitude),
        placement: str(c.placement) || null,
        regime: str(c.regime) || null,
        type: str(c.type) || null,
        mount: str(c.mount),
        directionDegrees: num(c.directionDegrees),
        angleDegrees: num(c.angleDegrees),
        filmsPublicRoad: c.filmsPublicRoad === true,
        openingsInView: arr(c.openingsInView).filter((x): x is string => typeof x === 'string'),
        maskingPlanned: c.maskingPlanned === true,
        maskingDescription: str(c.maskingDescription),
      };
    }),
    purposes: arr(o.purposes).map((x) => String(x)),
    // A number typed where a whole one is due still gets its range and justification checks.
    retentionDays: num(o.retentionDays),
    retentionJustification: str(o.retentionJustification),
    viewers: str(o.viewers),
    signage: {
      pictogram: signage.pictogram === true,
      controller: str(signage.controller),
      telephone: str(signage.telephone),
      purposes: str(signage.purposes),
      rights: str(signage.rights),
      contact: str(signage.contact),
      retention: str(signage.retention),
      complaint: str(signage.complaint),
    },
    investmentEuros: num(o.investmentEuros),
    yearlyCostEuros: num(o.yearlyCostEuros),
    justification: str(o.justification),
  };
}

/** Everything a submission needs beyond the legal rules: no blank left. */
function missingForSubmission(p: ReturnType<typeof readable>, raw: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  const required = 'validation.required';
  // Only what is really blank: a value of the wrong shape already has its format message.
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  const rawCameras = Array.isArray(raw.cameras) ? (raw.cameras as Record<string, unknown>[]) : [];
  p.cameras.forEach((_, i) => {
    const given = rawCameras[i] ?? {};
    for (const field of ['latitude', 'longitude', 'placement', 'type', 'directionDegrees', 'angleDegrees', 'mount'] as const) {
      if (blank(given[field])) errors[`cameras.${i}.${field}`] = required;
    }
  });
  for (const field of ['retentionDays', 'investmentEuros', 'yearlyCostEuros'] as const) if (blank(raw[field])) errors[field] = required;
  for (const field of ['viewers', 'justification'] as const) if (!p[field].trim()) errors[field] = required;
  return errors;
}

/**
 * Every reason this proposal cannot be submitted yet, field by field (empty: it can).
 * `site`: where the site stands, when known, to check that each camera lies near it.
 */
export function submissionErrors(value: unknown, site?: Position): FieldErrors {
  const p = readable(value);
  const conformance = checkSubmittable({ ...p, retentionDays: p.retentionDays ?? Number.NaN } as unknown as ProposalDraft);
  const distance = site ? checkCamerasNearSite(p.cameras as Pick<CameraDraft, 'latitude' | 'longitude'>[], site) : {};
  // A blank field says "required" rather than a rule it cannot be checked against yet.
  return { ...distance, ...conformance, ...missingForSubmission(p, (value ?? {}) as Record<string, unknown>) };
}

// `when`: run even if some field failed its format check, so every error shows in one round.
const everyTime = { when: () => true };
const refineSubmission = (site?: Position) => (value: unknown, ctx: z.RefinementCtx) => addFieldIssues(ctx, submissionErrors(value, site));

export const proposalSubmitSchema = proposalDraftSchema.superRefine(refineSubmission(), everyTime);
/** The form's submission check, with the chosen site's position (the server checks it in the command). */
export const proposalSubmitSchemaNear = (site: Position | undefined) => proposalDraftSchema.superRefine(refineSubmission(site), everyTime);

/** Saves carry the revision the form was opened with: an older one is refused. */
const saved = { proposalId: uuid, revision };
export const saveProposalSchema = proposalDraftSchema.extend(saved);
export const submitProposalSchema = saveProposalSchema.superRefine(refineSubmission(), everyTime);
/** Withdrawing cannot be undone: the form asks the author to confirm, and the server refuses without it. */
export const withdrawProposalSchema = z.object({
  proposalId: uuid,
  reason: z.string({ error: 'validation.required' }).trim().min(1, { error: 'validation.required' }).max(2000, { error: 'validation.too_long' }).refine(isStorableText, { error: 'validation.control_characters' }),
  confirmed: z.literal(true, { error: 'validation.confirm_withdraw' }),
});
export const proposalIdSchema = z.object({ proposalId: uuid });
/** Putting a file on the committee's agenda cannot be undone: confirmed, or refused. */
export const scheduleReviewSchema = z.object({ proposalId: uuid, confirmed: z.literal(true, { error: 'validation.confirm_schedule' }) });
