import type { createFormatter } from 'next-intl';

type NumberFormatter = Pick<ReturnType<typeof createFormatter>, 'number'>;

/** A file's size as people read it ("245 ko", "1,2 Mo"), with the page's formatter (useFormatter or getFormatter). */
export function fileSizeInWords(format: NumberFormatter, bytes: number): string {
  return bytes < 1024 * 1024
    ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
    : format.number(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
