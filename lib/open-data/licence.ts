import { MESSAGES } from '@/lib/i18n/messages';

/**
 * The open data's licence: the Licence Ouverte / Open Licence 2.0 of Etalab, the French
 * State's licence for public sector information (reuse free of charge, commercial use
 * included, on condition of naming the source and the date of the last update). Every
 * format states it: the JSON and GeoJSON bodies (`licence`), the Atom feed (`<rights>`),
 * the OpenAPI document (`info.license`), and every answer's `Link: <…>; rel="license"`
 * header (RFC 8288; the only place a CSV file can carry it without breaking its readers).
 */
export const LICENCE = {
  name: 'Licence Ouverte / Open Licence version 2.0',
  /** Its SPDX identifier. */
  id: 'etalab-2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  /** Whom to name when reusing the data (the licence's "paternité"). */
  producer: `${MESSAGES.fr.common.city} – ${MESSAGES.fr.openData.producer}`,
} as const;

/** The licence in one line, for the Atom feed's `<rights>`. */
export const LICENCE_TEXT = `${LICENCE.name} (Etalab), ${LICENCE.url} – ${LICENCE.producer}`;

/** The `Link` header value naming the licence. */
export const LICENCE_LINK = `<${LICENCE.url}>; rel="license"`;
