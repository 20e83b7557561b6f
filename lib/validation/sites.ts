import { z } from 'zod';
import { parseFormNumber, requiredText, revision, uuid } from './fields';

/** The fields of a site that the admin edits, in the order the forms show them. */
export { SITE_FIELDS, type SiteField } from '@/lib/domain/vocabulary';

export const DWELLINGS_MAX = 100_000;

/**
 * A number typed in a form: a string with a decimal point or a French decimal comma
 * ("48,8846"), or already a number (JSON callers). An empty field is "required"; text
 * that is not a plain decimal stays a string so that zod reports it as not a number.
 */
const requiredFormNumber = (range: { min: number; max: number; key: string; integer?: boolean }) =>
  z.preprocess(parseFormNumber,
    (range.integer ? z.int({ error: numberError(range.key) }) : z.number({ error: numberError(range.key) }))
      .min(range.min, { error: range.key })
      .max(range.max, { error: range.key }),
  );

/** Missing → required; a fraction where a whole number is due → the range message; else not a number. */
function numberError(rangeKey: string) {
  return (issue: { input?: unknown }) => {
    if (issue.input === undefined || issue.input === null) return 'validation.required';
    return typeof issue.input === 'number' && Number.isFinite(issue.input) ? rangeKey : 'validation.number';
  };
}

const siteFields = {
  name: requiredText(160),
  address: requiredText(300),
  landlord: requiredText(160),
  dwellings: requiredFormNumber({ min: 1, max: DWELLINGS_MAX, key: 'validation.dwellings_range', integer: true }),
  latitude: requiredFormNumber({ min: -90, max: 90, key: 'validation.latitude_range' }),
  longitude: requiredFormNumber({ min: -180, max: 180, key: 'validation.longitude_range' }),
};

export const siteSchema = z.object(siteFields);
export type SiteInput = z.input<typeof siteSchema>;
export type SiteValues = z.output<typeof siteSchema>;

/** Edits carry the site's `revision` the form was opened with: an older one is refused. */
export const updateSiteSchema = z.object({
  siteId: uuid,
  revision,
  ...siteFields,
});

export const archiveSiteSchema = z.object({ siteId: uuid });
