/**
 * Legal references as data. Article numbers live only here: loi 2023-380 and décret
 * 2023-1102 renumbered parts of the code once already, and may again. Labels are not
 * stored here (they are user-facing); the catalogs translate `purposes.<code>`.
 */

import type { CameraRegime } from './vocabulary';

export interface LegalReference {
  /** The issuing text: a code, a law, the GDPR, or the data-protection authority's guidance. */
  source: 'CSI' | 'CNIL' | 'GDPR' | 'law' | 'circular' | 'committee' | 'practice';
  /** Article number, or null for guidance that has none. */
  article: string | null;
  /** Numbered item (°) inside the article, if any. */
  item?: number;
  /** Citation as written in French legal documents, identical in every language. */
  citation: string;
}

const csi = (article: string, item?: number): LegalReference => ({
  source: 'CSI',
  article,
  ...(item === undefined ? {} : { item }),
  citation: `CSI, art. ${article}${item === undefined ? '' : `, ${item}°`}`,
});
const gdpr = (article: string, citation = `RGPD, art. ${article}`): LegalReference => ({ source: 'GDPR', article, citation });

/** The CNIL's guidance on cameras in housing buildings (common areas of landlords). */
export const CNIL_HOUSING_REFERENCE: LegalReference = { source: 'CNIL', article: null, citation: 'CNIL, la vidéosurveillance dans les immeubles d’habitation' };

/**
 * Every purpose (finalité) a proposal may give, with the regimes it serves:
 * - for the public road, the closed list of CSI art. L251-2, 1° to 11° (as also cited by
 *   R251-1 since décret 2023-1102);
 * - for a place open to the public, the same list plus its own clause of L251-2 (the safety
 *   of people and property in places particularly exposed to assault or theft);
 * - for a landlord's common area, outside the CSI's prefectoral regime: the protection of
 *   people and property in the common areas, on the landlord's legitimate interest
 *   (GDPR art. 6.1.f, as the CNIL reads it for housing buildings).
 */
const STREET_AND_OPEN = ['public_road', 'open_to_public'] as const;
export const PURPOSES = [
  { code: 'public_buildings_protection', ref: csi('L251-2', 1), regimes: STREET_AND_OPEN },
  { code: 'national_defence_installations', ref: csi('L251-2', 2), regimes: STREET_AND_OPEN },
  { code: 'traffic_regulation', ref: csi('L251-2', 3), regimes: STREET_AND_OPEN },
  { code: 'traffic_offences', ref: csi('L251-2', 4), regimes: STREET_AND_OPEN },
  { code: 'assault_theft_drug_trafficking_prevention', ref: csi('L251-2', 5), regimes: STREET_AND_OPEN },
  { code: 'terrorism_prevention', ref: csi('L251-2', 6), regimes: STREET_AND_OPEN },
  { code: 'natural_technological_risks', ref: csi('L251-2', 7), regimes: STREET_AND_OPEN },
  { code: 'rescue_fire', ref: csi('L251-2', 8), regimes: STREET_AND_OPEN },
  { code: 'amusement_parks', ref: csi('L251-2', 9), regimes: STREET_AND_OPEN },
  { code: 'vehicle_insurance_compliance', ref: csi('L251-2', 10), regimes: STREET_AND_OPEN },
  { code: 'fly_tipping', ref: csi('L251-2', 11), regimes: STREET_AND_OPEN },
  {
    code: 'open_place_safety',
    ref: { source: 'CSI', article: 'L251-2', citation: 'CSI, art. L251-2 (lieux et établissements ouverts au public)' },
    regimes: ['open_to_public'],
  },
  { code: 'common_area_protection', ref: gdpr('6', 'RGPD, art. 6.1.f (intérêt légitime du bailleur)'), regimes: ['private_common_area'] },
] as const satisfies readonly { code: string; ref: LegalReference; regimes: readonly CameraRegime[] }[];

export type PurposeCode = (typeof PURPOSES)[number]['code'];
export const PURPOSE_CODES: readonly PurposeCode[] = PURPOSES.map((p) => p.code);

export function isPurposeCode(value: unknown): value is PurposeCode {
  return typeof value === 'string' && (PURPOSE_CODES as readonly string[]).includes(value);
}

export const PURPOSES_REFERENCE = csi('L251-2');

/**
 * Recordings are destroyed within the period the authorisation sets, one month at most
 * (L252-5); a landlord's common-area system keeps to the same month, the CNIL's reading of
 * the GDPR's storage limitation for housing buildings.
 */
export const RETENTION_MAX_DAYS = 30;
export const RETENTION_MAX_REFERENCE = csi('L252-5');

/**
 * Above this, the proposal must justify its retention in writing. This is the committee's
 * own policy (DOMAIN.md; Lyon's charter sets 8 days), not a figure of the law or the CNIL,
 * which ask only for the shortest period the purpose needs within the month.
 */
export const RETENTION_RECOMMENDED_MAX_DAYS = 15;
export const RETENTION_RECOMMENDED_REFERENCE: LegalReference = { source: 'committee', article: null, citation: 'Politique du comité d’éthique' };

/** Public-road cameras must not show the inside of dwellings nor, specifically, their entrances. */
export const MASKING_REFERENCE = csi('L251-3');

/** The prefect's authorisation lasts five years from the order, renewable. */
export const VALIDITY_REFERENCE = csi('L252-4');
/** The prefect's silence for more than four months on a request means refusal. */
export const SILENCE_REFERENCE = csi('R252-15');
/** A landlord may let the police see common-area images in real time only under a convention with the State (formerly CCH L126-1-1). */
export const POLICE_TRANSMISSION_REFERENCE = csi('L272-2');
/** Every request to an administration is acknowledged, the acknowledgement stating the day of receipt from which a silence runs. */
export const ACKNOWLEDGEMENT_REFERENCE: LegalReference = { source: 'law', article: 'L112-3', citation: 'CRPA, art. L112-3' };
/**
 * Prefectures ask for the renewal file four months before the authorisation expires: their
 * published practice (`practice`: no text sets it), which the committee's settings may change.
 */
export const RENEWAL_LEAD_REFERENCE: LegalReference = { source: 'practice', article: null, citation: 'Pratique des préfectures (aucun texte ne fixe ce délai)' };
/** A data-protection impact assessment where the processing is likely to result in a high risk, with the DPO's advice (art. 35.2). */
export const DPIA_REFERENCE = gdpr('35');
/**
 * The request for the prefect's authorisation includes the impact assessment and the
 * data-protection officer's opinion on it (the instruction of 20 March 2024, after loi
 * 2023-380 and décret 2023-1102): the gate on filing (lib/domain/dpia.ts).
 */
export const PREFECTURE_FILE_DPIA_REFERENCE: LegalReference = {
  source: 'circular',
  article: null,
  citation: 'Instruction du ministre de l’Intérieur du 20 mars 2024 relative à la mise en conformité du régime de la vidéoprotection avec le droit européen relatif à la protection des données',
};
/** What a person filmed must be told: the information sign's content. */
export const SIGNAGE_REFERENCES: readonly LegalReference[] = [csi('L251-3'), gdpr('13'), { source: 'CNIL', article: null, citation: 'CNIL, vidéoprotection : quelles sont les dispositions applicables ?' }];
/** The legal basis of a landlord's common-area system. */
export const LANDLORD_BASIS_REFERENCE = gdpr('6', 'RGPD, art. 6.1.f');

/* ------------------------------------------------------------------------------------
 * The public pages' legal mentions: residents' rights (app/(public)/donnees-personnelles)
 * and the accessibility statement (app/(public)/accessibilite).
 * ---------------------------------------------------------------------------------- */

/** A system is installed only with the prefect's authorisation, after the departmental commission's opinion. */
export const AUTHORISATION_REFERENCE = csi('L252-1');
/** Anyone may refer any difficulty with a system to the departmental video-protection commission. */
export const VIDEO_COMMISSION_REFERENCE = csi('L253-5');
/** People exercise their rights over the images under the GDPR and the loi Informatique et libertés, as a decree sets out. */
export const DATA_SUBJECT_RIGHTS_REFERENCE = csi('L255-1');
/** Public bodies' online services must be accessible (the RGAA applies it). */
export const ACCESSIBILITY_LAW_REFERENCE: LegalReference = { source: 'law', article: '47', citation: 'loi n° 2005-102 du 11 février 2005, art. 47' };
