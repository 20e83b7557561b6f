import Papa from 'papaparse';
import type { PublicCamera } from '@/lib/domain/camera-status';
import type { RegisterEntry } from '@/lib/domain/register';
import { CAMERA_REGIMES, type AuthorisationStatus } from '@/lib/domain/vocabulary';

/**
 * The register as CSV (RFC 4180): one row per entry, the JSON's fields flattened
 * (`site.name` → `site_name`, `votes.for` → `votes_for`), lists joined with " | ",
 * booleans as true/false, null as an empty cell, codes (not words) for every closed list.
 * The JSON stays the lossless format (and the one the hashes are computed on). After the
 * votes come the serve-time columns, as the JSON's `authorisation` and `cameras` say them
 * today: the prefect's authorisation status and expiry (the order + 5 years), the cameras'
 * regimes, and how many cameras are authorised and in service.
 */

/** An entry with what is live beside it today (db/queries/register.ts walkRegisterLive). */
export interface CsvItem {
  entry: RegisterEntry;
  live: { authorisation: { status: AuthorisationStatus; expiresAt: string | null } | null; cameras: readonly PublicCamera[] };
}

export const CSV_COLUMNS = [
  'reference',
  'sequence',
  'kind',
  'corrects',
  'note',
  'published_at',
  'decided_at',
  'site_id',
  'site_name',
  'site_address',
  'site_landlord',
  'site_lat',
  'site_lon',
  'camera_count',
  'purposes',
  'retention_days',
  'privacy_masking',
  'masked_camera_count',
  'investment_euros',
  'yearly_cost_euros',
  'diagnostic_conclusion',
  'diagnostic_summary',
  'outcome',
  'conditions',
  'reasons',
  'public_summary',
  'votes_for',
  'votes_against',
  'votes_abstain',
  'votes_recused',
  'authorisation_status',
  'authorisation_expires_at',
  'camera_regimes',
  'cameras_authorised',
  'cameras_in_service',
  'previous_hash',
  'hash',
] as const;

export const LIST_SEPARATOR = ' | ';

/** A condition on one line: "masking: Masquer les fenêtres du bâtiment B. (2027-01-31)". */
export function conditionText(c: RegisterEntry['conditions'][number]): string {
  return `${c.kind}: ${c.text}${c.dueDate ? ` (${c.dueDate})` : ''}`;
}

export function csvRow({ entry: e, live }: CsvItem): (string | number | boolean | null)[] {
  return [
    e.reference,
    e.sequence,
    e.kind,
    e.corrects,
    e.note,
    e.publishedAt,
    e.decidedAt,
    e.site.id,
    e.site.name,
    e.site.address,
    e.site.landlord,
    e.site.lat,
    e.site.lon,
    e.cameraCount,
    e.purposes.join(LIST_SEPARATOR),
    e.retentionDays,
    e.privacyMasking,
    e.maskedCameraCount,
    e.investmentEuros,
    e.yearlyCostEuros,
    e.diagnosticConclusion,
    e.diagnosticSummary,
    e.outcome,
    e.conditions.map(conditionText).join(LIST_SEPARATOR),
    e.reasons,
    e.publicSummary,
    e.votes.for,
    e.votes.against,
    e.votes.abstain,
    e.votes.recused,
    live.authorisation?.status ?? null,
    live.authorisation?.expiresAt ?? null,
    CAMERA_REGIMES.filter((r) => live.cameras.some((c) => c.regime === r)).join(LIST_SEPARATOR),
    live.cameras.filter((c) => c.authorised).length,
    live.cameras.filter((c) => c.inService).length,
    e.previousHash,
    e.hash,
  ];
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
 * first) gets a leading apostrophe, as OWASP advises. Papaparse's own `escapeFormulae:
 * true` uses /^[=+\-@\t\r].*$/, which misses a formula followed by a line break ("."
 * stops at "\n"): this pattern looks at the first character only. Numbers are left alone
 * (a negative longitude stays a number).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Some rows as CSV text, each line ended by CRLF; the header line first when asked. */
export function csvLines(entries: CsvItem[], { header }: { header: boolean }): string {
  if (!entries.length && !header) return '';
  const text = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: entries.map(csvRow) },
    { header, newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  // Papaparse ends a header-only text with a line break, and a text with rows without one.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * The byte order mark starts the file: without it, Excel (still the spreadsheet most
 * residents open a .csv with) reads UTF-8 as Windows-1252 and garbles every accent
 * ("Ã©" for "é"). LibreOffice, pandas (`encoding="utf-8-sig"` or the default C engine),
 * R's readr, Papaparse and csvkit skip it.
 */
export const BOM = '\uFEFF';

/**
 * The CSV as a stream: the header at once, then one chunk per batch of the walk, so a
 * register of any size is sent without being held in memory.
 */
export function csvStream(entries: AsyncIterable<CsvItem>, batch: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = entries[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLines([], { header: true })));
        return;
      }
      const rows: CsvItem[] = [];
      let done = false;
      try {
        while (rows.length < batch) {
          const next = await iterator.next();
          if (next.done) {
            done = true;
            break;
          }
          rows.push(next.value);
        }
      } catch (error) {
        // The status line is long gone: the download ends in error (never a truncated file that looks whole).
        console.error('[open-data] CSV export failed:', error);
        controller.error(error);
        return;
      }
      if (rows.length) controller.enqueue(encoder.encode(csvLines(rows, { header: false })));
      if (done) controller.close();
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
