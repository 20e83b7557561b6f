/**
 * Legal references as data. Article numbers live only here: loi 2023-380 and décret
 * 2023-1102 renumbered parts of the code once already, and may again. Labels are not
 * stored here (they are user-facing); the catalogs translate `purposes.<code>`.
 */

export interface LegalReference {
  /** The issuing text: a code, a law, or the data-protection authority's guidance. */
  source: 'CSI' | 'CNIL' | 'law';
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

/**
 * The closed list of purposes (finalités) for which a public authority may film the
 * public road: CSI art. L251-2, 1° to 11° (as also cited by R251-1 since décret
 * 2023-1102). A proposal's purposes must all come from here.
 */
export const PURPOSES = [
  { code: 'public_buildings_protection', ref: csi('L251-2', 1) },
  { code: 'national_defence_installations', ref: csi('L251-2', 2) },
  { code: 'traffic_regulation', ref: csi('L251-2', 3) },
  { code: 'traffic_offences', ref: csi('L251-2', 4) },
  { code: 'assault_theft_drug_trafficking_prevention', ref: csi('L251-2', 5) },
  { code: 'terrorism_prevention', ref: csi('L251-2', 6) },
  { code: 'natural_technological_risks', ref: csi('L251-2', 7) },
  { code: 'rescue_fire', ref: csi('L251-2', 8) },
  { code: 'amusement_parks', ref: csi('L251-2', 9) },
  { code: 'vehicle_insurance_compliance', ref: csi('L251-2', 10) },
  { code: 'fly_tipping', ref: csi('L251-2', 11) },
] as const satisfies readonly { code: string; ref: LegalReference }[];

export type PurposeCode = (typeof PURPOSES)[number]['code'];
export const PURPOSE_CODES: readonly PurposeCode[] = PURPOSES.map((p) => p.code);

export function isPurposeCode(value: unknown): value is PurposeCode {
  return typeof value === 'string' && (PURPOSE_CODES as readonly string[]).includes(value);
}

export const PURPOSES_REFERENCE = csi('L251-2');

/** Recordings are destroyed within the period the authorisation sets, one month at most. */
export const RETENTION_MAX_DAYS = 30;
export const RETENTION_MAX_REFERENCE = csi('L252-5');

/**
 * Above this, the proposal must justify its retention. The CNIL asks for the shortest
 * period the purpose needs; DOMAIN.md sets the committee's threshold at 15 days.
 */
export const RETENTION_RECOMMENDED_MAX_DAYS = 15;
export const RETENTION_RECOMMENDED_REFERENCE: LegalReference = {
  source: 'CNIL',
  article: null,
  citation: 'CNIL, vidéoprotection sur la voie publique',
};

/** Public-road cameras must not show the inside of dwellings nor, specifically, their entrances. */
export const MASKING_REFERENCE = csi('L251-3');

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
