import type { Locale } from '@/lib/i18n/config';
import type { AppTranslator } from '@/lib/i18n/translate';
import { SITE_FIELDS, type SiteField } from '@/lib/validation/sites';

/** The site form's texts, shared by the create form (list page) and the edit form (site page). */
export function siteFormLabels(t: AppTranslator, submit: string) {
  return {
    name: t('sites.name'),
    address: t('sites.address'),
    landlord: t('sites.landlord'),
    dwellings: t('sites.dwellings'),
    latitude: t('sites.latitude'),
    longitude: t('sites.longitude'),
    latitudeHint: t('sites.latitudeHint'),
    longitudeHint: t('sites.longitudeHint'),
    submit,
    required: t('common.required'),
  };
}

export const EMPTY_SITE: Record<SiteField, string> = Object.fromEntries(SITE_FIELDS.map((f) => [f, ''])) as Record<SiteField, string>;

/** A number as the reader types it: French writes a decimal comma (the schema accepts both). */
export function numberForInput(locale: Locale, value: number): string {
  // String() is the shortest exact form, but writes tiny values as "1e-7", which the schema refuses.
  const plain = /e/i.test(String(value)) ? value.toFixed(12).replace(/\.?0+$/, '') : String(value);
  return locale === 'fr' ? plain.replace('.', ',') : plain;
}
