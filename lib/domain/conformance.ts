import type { CameraPlacement, CameraRegime, CameraType, Opening, Signage } from './vocabulary';
import { RETENTION_MAX_DAYS, RETENTION_RECOMMENDED_MAX_DAYS, isPurposeCode } from '@/lib/domain/legal';
import { checkRegimes, isCameraRegime, openingsToMask } from './regimes';

/**
 * The legal conformance rules 1–4 of DOMAIN.md, checked before a proposal may be
 * submitted. Shapes and ranges of single fields (coordinates, degrees, lengths) are the
 * zod schema's job; these are the rules of law and of the committee.
 */


export interface CameraDraft {
  latitude: number;
  longitude: number;
  placement: CameraPlacement;
  /** Who may walk into the place filmed: decides the purposes, masking and procedure (lib/domain/regimes.ts). */
  regime: CameraRegime | null;
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
  signageRetentionMismatch: 'validation.signage_retention_mismatch',
  signagePictogram: 'validation.signage_pictogram',
  signageTelephone: 'validation.signage_telephone',
  signageComplaint: 'validation.signage_complaint',
  cameraTooFar: 'validation.camera_too_far',
} as const;

/** A rule's message: a catalog key, with the numbers its text names when it has any. */
export type ConformanceError = string | { key: string; params: Record<string, string | number> };
/** Field path ('cameras.0.maskingPlanned') → message; empty means conformant. */
export type ConformanceErrors = Record<string, ConformanceError>;

const SIGNAGE_FIELDS = ['controller', 'telephone', 'purposes', 'retention', 'rights', 'contact', 'complaint'] as const satisfies readonly (keyof SignageDraft)[];

const isBlank = (s: string | null | undefined) => !s?.trim();

/** Rule 1: at least one purpose, each from the closed list (CSI L251-2, or the landlord's for a common area: lib/domain/legal.ts). */
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
 * Rule 3: a camera with a part of a dwelling in view that its regime forbids to film must
 * plan masking, and say what it masks (lib/domain/regimes.ts: CSI L251-3 on the public road
 * and in places open to the public, the CNIL in a landlord's common areas). A camera with no
 * regime yet is held to the strictest list until its regime is given.
 */
export function checkCameras(p: Pick<ProposalDraft, 'cameras'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  if (p.cameras.length === 0) errors.cameras = CONFORMANCE_ERRORS.camerasRequired;
  p.cameras.forEach((camera, i) => {
    const regime = isCameraRegime(camera.regime) ? camera.regime : 'public_road';
    if (openingsToMask(regime, camera.openingsInView).length === 0) return;
    if (!camera.maskingPlanned) errors[`cameras.${i}.maskingPlanned`] = CONFORMANCE_ERRORS.maskingRequired;
    else if (isBlank(camera.maskingDescription)) {
      errors[`cameras.${i}.maskingDescription`] = CONFORMANCE_ERRORS.maskingDescriptionRequired;
    }
  });
  return errors;
}

/** A telephone number as a sign prints it: 10 to 15 digits, with spaces, dots, dashes or a leading +. */
const TELEPHONE = /^\+?[\d\s.()-]+$/u;
export function isTelephoneNumber(value: string): boolean {
  const digits = value.replace(/\D/gu, '').length;
  return TELEPHONE.test(value.trim()) && digits >= 10 && digits <= 15;
}

/**
 * Rule 4: the sign carries what the law and the CNIL list (CSI L251-3, GDPR art. 13): the
 * pictogram, the controller's name or title and telephone number, the purposes, the
 * retention, the rights and whom to ask, and the right to complain to the CNIL.
 */
export function checkSignage(p: Pick<ProposalDraft, 'signage'>): ConformanceErrors {
  const errors: ConformanceErrors = {};
  if (p.signage.pictogram !== true) errors['signage.pictogram'] = CONFORMANCE_ERRORS.signagePictogram;
  for (const field of SIGNAGE_FIELDS) {
    if (isBlank(p.signage[field])) errors[`signage.${field}`] = CONFORMANCE_ERRORS.signageRequired;
  }
  if (!isBlank(p.signage.telephone) && !isTelephoneNumber(p.signage.telephone)) errors['signage.telephone'] = CONFORMANCE_ERRORS.signageTelephone;
  if (!isBlank(p.signage.complaint) && !/\bCNIL\b/iu.test(p.signage.complaint)) errors['signage.complaint'] = CONFORMANCE_ERRORS.signageComplaint;
  return errors;
}

// "15 jours", "15 j", "15 days", "15\u00a0jours": a number of days stated in the sign's text.
const DAYS_STATED = /(\d+)\s*(?:jours?|j\b|days?\b)/giu;

/**
 * Rule 4 continued: the sign tells the public how long images are kept, so a number of
 * days it states must be the retention period of the proposal. A text that states no
 * number of days ("un mois") is left to the committee's reading.
 */
export function checkSignageRetention(p: Pick<ProposalDraft, 'retentionDays' | 'signage'>): ConformanceErrors {
  // A period the retention rule refuses is fixed there first.
  if (!Number.isInteger(p.retentionDays) || p.retentionDays < 1 || p.retentionDays > RETENTION_MAX_DAYS) return {};
  const stated = [...(p.signage.retention ?? '').matchAll(DAYS_STATED)].map((m) => Number(m[1]));
  const wrong = stated.find((days) => days !== p.retentionDays);
  return wrong === undefined
    ? {}
    : { 'signage.retention': { key: CONFORMANCE_ERRORS.signageRetentionMismatch, params: { stated: wrong, days: p.retentionDays } } };
}

/** How far a camera may stand from its site's recorded position. */
export const CAMERA_MAX_DISTANCE_METRES = 1000;
const EARTH_RADIUS_METRES = 6_371_008.8;

export interface Position {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres between two positions in decimal degrees (haversine). */
export function distanceMetres(a: Position, b: Position): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Each camera lies near its site (within CAMERA_MAX_DISTANCE_METRES): a camera typed at
 * 0, 0 or on the wrong site is refused on its latitude, with the distance in the message.
 * Cameras whose position is not a pair of numbers yet are left to the other checks.
 */
export function checkCamerasNearSite(cameras: readonly { latitude: unknown; longitude: unknown }[], site: Position): ConformanceErrors {
  const errors: ConformanceErrors = {};
  cameras.forEach((camera, i) => {
    if (typeof camera.latitude !== 'number' || typeof camera.longitude !== 'number') return;
    if (!Number.isFinite(camera.latitude) || !Number.isFinite(camera.longitude)) return;
    const distance = distanceMetres({ latitude: camera.latitude, longitude: camera.longitude }, site);
    if (distance > CAMERA_MAX_DISTANCE_METRES) {
      errors[`cameras.${i}.latitude`] = { key: CONFORMANCE_ERRORS.cameraTooFar, params: { distance: Math.round(distance), max: CAMERA_MAX_DISTANCE_METRES } };
    }
  });
  return errors;
}

/** All rules at once, for the submit command and the form: empty means it may be submitted. */
export function checkSubmittable(p: ProposalDraft): ConformanceErrors {
  return { ...checkRegimes(p), ...checkPurposes(p), ...checkRetention(p), ...checkCameras(p), ...checkSignage(p), ...checkSignageRetention(p) };
}
