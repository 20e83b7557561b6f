import type { CameraPlacement, CameraType, Opening, Signage } from './vocabulary';
import { RETENTION_MAX_DAYS, RETENTION_RECOMMENDED_MAX_DAYS, isPurposeCode } from '@/lib/domain/legal';

/**
 * The legal conformance rules 1–4 of DOMAIN.md, checked before a proposal may be
 * submitted. Shapes and ranges of single fields (coordinates, degrees, lengths) are the
 * zod schema's job; these are the rules of law and of the committee.
 */


export interface CameraDraft {
  latitude: number;
  longitude: number;
  placement: CameraPlacement;
  filmsPublicRoad: boolean;
  type: CameraType;
  mount: string;
  /** 0–359, clockwise from north. */
  directionDegrees: number;
  /** 1–360. */
  angleDegrees: number;
  /** Parts of dwellings that fall in the field of view. */
  openingsInView: Opening[];
  maskingPlanned: boolean;
  maskingDescription: string;
}

export type SignageDraft = Signage;

export interface ProposalDraft {
  siteId: string;
  cameras: CameraDraft[];
  purposes: string[];
  retentionDays: number;
  retentionJustification: string;
  viewers: string;
  signage: SignageDraft;
  investmentEuros: number;
  yearlyCostEuros: number;
  justification: string;
}

export const CONFORMANCE_ERRORS = {
  camerasRequired: 'validation.cameras_required',
  purposesRequired: 'validation.purposes_required',
  purposeUnknown: 'validation.purpose_unknown',
  retentionRange: 'validation.retention_range',
  retentionJustificationRequired: 'validation.retention_justification_required',
  maskingRequired: 'validation.masking_required',
  maskingDescriptionRequired: 'validation.masking_description_required',
  signageRequired: 'validation.signage_required',
} as const;

/** Field path ('cameras.0.maskingPlanned') → catalog key; empty means conformant. */
export type ConformanceErrors = Record<string, string>;

const SIGNAGE_FIELDS: readonly (keyof SignageDraft)[] = ['controller', 'purposes', 'rights', 'contact', 'retention'];

const isBlank = (s: string | null | undefined) => !s?.trim();

/** Rule 1: at least one purpose, each from CSI L251-2. */
export function checkPurposes(p: Pick<ProposalDraft, 'purposes'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  if (p.purposes.length === 0) errors.purposes = CONFORMANCE_ERRORS.purposesRequired;
  p.purposes.forEach((code, i) => {
    if (!isPurposeCode(code)) errors[`purposes.${i}`] = CONFORMANCE_ERRORS.purposeUnknown;
  });
  return errors;
}

/** Rule 2: a whole number of days, 1 to 30 (CSI L252-5); above 15 needs a written reason. */
export function checkRetention(p: Pick<ProposalDraft, 'retentionDays' | 'retentionJustification'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  const days = p.retentionDays;
  if (!Number.isInteger(days) || days < 1 || days > RETENTION_MAX_DAYS) {
    errors.retentionDays = CONFORMANCE_ERRORS.retentionRange;
  }
  // Also flagged when out of range, so the author learns both requirements at once.
  if (days > RETENTION_RECOMMENDED_MAX_DAYS && isBlank(p.retentionJustification)) {
    errors.retentionJustification = CONFORMANCE_ERRORS.retentionJustificationRequired;
  }
  return errors;
}

/**
 * Rule 3 (CSI L251-3): a camera with any part of a dwelling in view must plan masking,
 * and say what it masks. Applied to every camera, not only public-road ones: the
 * committee holds residents' privacy to the same standard on the landlord's grounds.
 */
export function checkCameras(p: Pick<ProposalDraft, 'cameras'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  if (p.cameras.length === 0) errors.cameras = CONFORMANCE_ERRORS.camerasRequired;
  p.cameras.forEach((camera, i) => {
    if (camera.openingsInView.length === 0) return;
    if (!camera.maskingPlanned) errors[`cameras.${i}.maskingPlanned`] = CONFORMANCE_ERRORS.maskingRequired;
    else if (isBlank(camera.maskingDescription)) {
      errors[`cameras.${i}.maskingDescription`] = CONFORMANCE_ERRORS.maskingDescriptionRequired;
    }
  });
  return errors;
}

/** Rule 4: every item of the public information sign is filled in. */
export function checkSignage(p: Pick<ProposalDraft, 'signage'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  for (const field of SIGNAGE_FIELDS) {
    if (isBlank(p.signage[field])) errors[`signage.${field}`] = CONFORMANCE_ERRORS.signageRequired;
  }
  return errors;
}

/** All rules at once, for the submit command and the form: empty means it may be submitted. */
export function checkSubmittable(p: ProposalDraft): ConformanceErrors {
  return { ...checkPurposes(p), ...checkRetention(p), ...checkCameras(p), ...checkSignage(p) };
}
