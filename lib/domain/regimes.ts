import { CNIL_HOUSING_REFERENCE, MASKING_REFERENCE, PURPOSES, isPurposeCode, type LegalReference, type PurposeCode } from './legal';
import { CAMERA_REGIMES, type CameraRegime, type Opening } from './vocabulary';

/**
 * What a camera's legal regime decides (DOMAIN.md, "Three legal regimes"): one function per
 * rule, read by the proposal form, the submit command, the follow-up after the vote and the
 * public pages; the submission trigger of migration 0019 holds the purposes rule too.
 */

export function isCameraRegime(value: unknown): value is CameraRegime {
  return typeof value === 'string' && (CAMERA_REGIMES as readonly string[]).includes(value);
}

/**
 * The prefect authorises the public road and places open to the public (CSI L252-1); a
 * landlord's common area is the landlord's own processing under the GDPR, decided by its
 * board, with no prefectoral procedure.
 */
export function needsPrefectAuthorisation(regime: CameraRegime): boolean {
  return regime !== 'private_common_area';
}

/** Who answers for the images: the landlord for its common areas, else the city. */
export function controllerKind(regime: CameraRegime): 'city' | 'landlord' {
  return regime === 'private_common_area' ? 'landlord' : 'city';
}

/** The controller's name: the landlord named on the site, or the city. */
export function controllerOf(regime: CameraRegime, site: { landlord: string }, cityName: string): string {
  return controllerKind(regime) === 'landlord' ? site.landlord : cityName;
}

/** The purposes a camera of `regime` may serve. */
export function purposesFor(regime: CameraRegime): readonly PurposeCode[] {
  return PURPOSES.filter((p) => (p.regimes as readonly CameraRegime[]).includes(regime)).map((p) => p.code);
}

/** The regimes a purpose serves; none for an unknown code. */
export function regimesOfPurpose(code: string): readonly CameraRegime[] {
  return PURPOSES.find((p) => p.code === code)?.regimes ?? [];
}

/**
 * Which parts of dwellings in view must be masked, and under which text:
 * - public road and places open to the public (CSI L251-3): no image of the inside of
 *   dwellings (so windows, balconies and terraces, which show it) nor, specifically, of
 *   their entrances (a flat's door, the building's entrance);
 * - a landlord's common area (CNIL): halls, car parks, bike rooms, lift doors and courtyards
 *   may be filmed, so the building's entrance seen from the common area may stay in view;
 *   flat doors, windows, balconies and terraces may not.
 */
const MUST_MASK: Record<CameraRegime, readonly Opening[]> = {
  public_road: ['interior', 'window', 'balcony', 'terrace', 'door', 'building_entrance'],
  open_to_public: ['interior', 'window', 'balcony', 'terrace', 'door', 'building_entrance'],
  private_common_area: ['interior', 'window', 'balcony', 'terrace', 'door'],
};

export function openingsToMask(regime: CameraRegime, inView: readonly Opening[]): Opening[] {
  return inView.filter((o) => MUST_MASK[regime].includes(o));
}

export function maskingReference(regime: CameraRegime): LegalReference {
  return regime === 'private_common_area' ? CNIL_HOUSING_REFERENCE : MASKING_REFERENCE;
}

export const REGIME_ERRORS = {
  regimeRequired: 'validation.regime_required',
  purposeNotForRegimes: 'validation.purpose_not_for_regimes',
  purposeForRegimeRequired: 'validation.purpose_for_regime_required',
  commonAreaFilmsRoad: 'validation.common_area_films_road',
} as const;

type RegimeError = string | { key: string; params: Record<string, string | number> };

/**
 * The purposes agree with the cameras' regimes: every camera has a regime; a landlord's
 * common-area camera does not film the public road (only a public authority may, L251-2);
 * each purpose serves at least one regime present (a street purpose on a file of common-area
 * cameras only is refused); and each regime present has at least one purpose of its own.
 */
export function checkRegimes(p: { cameras: readonly { regime: string | null; filmsPublicRoad: boolean }[]; purposes: readonly string[] }): Record<string, RegimeError> {
  const errors: Record<string, RegimeError> = {};
  const present = new Set<CameraRegime>();
  p.cameras.forEach((camera, i) => {
    if (!isCameraRegime(camera.regime)) {
      errors[`cameras.${i}.regime`] = REGIME_ERRORS.regimeRequired;
      return;
    }
    present.add(camera.regime);
    if (camera.regime === 'private_common_area' && camera.filmsPublicRoad) errors[`cameras.${i}.filmsPublicRoad`] = REGIME_ERRORS.commonAreaFilmsRoad;
  });
  if (present.size === 0) return errors;
  p.purposes.forEach((code, i) => {
    // An unknown code has its own message (conformance rule 1).
    if (!isPurposeCode(code)) return;
    if (!regimesOfPurpose(code).some((r) => present.has(r))) errors[`purposes.${i}`] = REGIME_ERRORS.purposeNotForRegimes;
  });
  for (const regime of CAMERA_REGIMES) {
    if (!present.has(regime) || errors.purposes) continue;
    if (!p.purposes.some((code) => regimesOfPurpose(code).includes(regime))) {
      errors.purposes = { key: REGIME_ERRORS.purposeForRegimeRequired, params: { regime } };
    }
  }
  return errors;
}

/** The regimes a set of cameras falls under, in the vocabulary's order. */
export function regimesOf(cameras: readonly { regime: string | null }[]): CameraRegime[] {
  return CAMERA_REGIMES.filter((r) => cameras.some((c) => c.regime === r));
}
