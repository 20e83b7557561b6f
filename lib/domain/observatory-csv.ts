import Papa from 'papaparse';
import { MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_FIGURE_COUNT, MIN_FIGURE_YEAR } from './observatory-limits';
import { FACT_TYPES, type FactType } from './vocabulary';

/**
 * The observatory's CSV import, checked row by row (issue 10, item 5). Pure: the caller
 * gives the file's text, the sites and the French labels of the fact types; the answer is
 * either every row, ready to write, or every problem, each naming the line as a
 * spreadsheet shows it (the header is line 1). All or nothing: one problem, nothing is
 * written (the command runs in one transaction and writes only a clean file).
 *
 * The format (docs/observatory.md, and the help on /espace/observatoire):
 * - a header line with the columns `site`, `annee` (or `année`), `type`, `nombre`, in any
 *   order, any case; other columns are refused (a typo would silently be ignored);
 * - separator `;` (what a French spreadsheet writes) or `,` or a tab;
 * - `site`: the site's exact name as in the register (case and accents as typed there,
 *   spaces around ignored) or its identifier; a name two sites share must be given by id;
 * - `annee`: a year from 1990 to the current year;
 * - `type`: the code (`drug_trafficking`…) or the French label ("Trafic de stupéfiants");
 * - `nombre`: a whole number from 0 to 1 000 000 (spaces between thousands allowed);
 * - one row per site, year and type: the same triple twice in a file is refused.
 * UTF-8 (with or without BOM), UTF-16 with BOM and Windows-1252 are read (decodeCsv).
 */

export const CSV_COLUMNS = ['site', 'annee', 'type', 'nombre'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export { MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_FIGURE_COUNT, MAX_REPORTED_PROBLEMS, MIN_FIGURE_YEAR } from './observatory-limits';

export interface CsvSite {
  id: string;
  name: string;
}

export interface CsvRow {
  line: number;
  siteId: string;
  year: number;
  factType: FactType;
  count: number;
}

export type CsvProblemCode =
  | 'empty'
  | 'not_text'
  | 'too_big'
  | 'too_many_rows'
  | 'missing_column'
  | 'unknown_column'
  | 'duplicate_column'
  | 'malformed'
  | 'missing_value'
  | 'unknown_site'
  | 'ambiguous_site'
  | 'year_out_of_range'
  | 'unknown_type'
  | 'bad_count'
  | 'duplicate_row';

/** One problem: the line (0 for the file as a whole), what is wrong, and the value read. */
export interface CsvProblem {
  line: number;
  code: CsvProblemCode;
  params?: Record<string, string | number>;
}

export type CsvCheck = { ok: true; rows: CsvRow[] } | { ok: false; problems: CsvProblem[] };

export interface CsvContext {
  sites: readonly CsvSite[];
  /** French labels of the fact types (the diagnostic's categories). */
  typeLabels: Readonly<Record<FactType, string>>;
  /** The last year allowed (the current Paris year). */
  currentYear: number;
}

/** For comparing header names and type labels: no case, no accents, single spaces. */
export function looseKey(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** Site names compare exactly as typed in the register, but for Unicode form and surrounding spaces. */
const siteKey = (value: string) => value.normalize('NFC').trim();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE = /^\d{1,7}$/;
const NUMBER_SPACES = /[ \u00a0\u202f]/g;

/** Shortens a value quoted back in a message: a report must stay readable whatever the file holds. */
function quoted(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

/**
 * Reads the bytes of an uploaded file as text: UTF-8 (a BOM is dropped), UTF-16 when it
 * starts with its BOM, else Windows-1252 (what a French spreadsheet saves as "CSV").
 * A file holding NUL bytes without a UTF-16 BOM is not a text file.
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; code: 'not_text' | 'too_big' } {
  if (bytes.byteLength > MAX_CSV_BYTES) return { ok: false, code: 'too_big' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { ok: false, code: 'not_text' };
  try {
    // `ignoreBOM: false` (the default) drops a UTF-8 BOM.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

const HEADER_ALIASES: Record<string, CsvColumn> = { site: 'site', annee: 'annee', type: 'type', nombre: 'nombre', 'site id': 'site', residence: 'site', 'type de fait': 'type', 'nombre de faits': 'nombre' };

/** Checks the whole file: every problem is reported, so one round of corrections is enough. */
export function checkObservatoryCsv(input: string, context: CsvContext): CsvCheck {
  const text = input.replace(/^\uFEFF/, '');
  if (text.length > MAX_CSV_BYTES) return { ok: false, problems: [{ line: 0, code: 'too_big' }] };
  if (text.includes('\u0000')) return { ok: false, problems: [{ line: 0, code: 'not_text' }] };
  if (text.trim() === '') return { ok: false, problems: [{ line: 0, code: 'empty' }] };

  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: false });
  const records = parsed.data;
  // A quote opened and never closed swallows the rest of the file: say where it starts.
  const badQuote = parsed.errors.find((e) => e.type === 'Quotes');
  if (badQuote) return { ok: false, problems: [{ line: (badQuote.row ?? 0) + 1, code: 'malformed' }] };

  const problems: CsvProblem[] = [];
  const header = records[0] ?? [];
  const columnAt = new Map<CsvColumn, number>();
  header.forEach((cell, i) => {
    const name = HEADER_ALIASES[looseKey(cell)];
    if (!name) {
      if (cell.trim() !== '') problems.push({ line: 1, code: 'unknown_column', params: { value: quoted(cell) } });
      return;
    }
    if (columnAt.has(name)) problems.push({ line: 1, code: 'duplicate_column', params: { column: name } });
    else columnAt.set(name, i);
  });
  for (const column of CSV_COLUMNS) if (!columnAt.has(column)) problems.push({ line: 1, code: 'missing_column', params: { column } });
  if (problems.length) return { ok: false, problems };

  // Data rows, numbered as a spreadsheet shows them; blank lines are skipped but counted.
  const data = records.slice(1).map((cells, i) => ({ line: i + 2, cells })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (data.length === 0) return { ok: false, problems: [{ line: 0, code: 'empty' }] };
  if (data.length > MAX_CSV_ROWS) return { ok: false, problems: [{ line: 0, code: 'too_many_rows', params: { max: MAX_CSV_ROWS } }] };

  const byId = new Map(context.sites.map((s) => [s.id.toLowerCase(), s]));
  const byName = new Map<string, CsvSite[]>();
  for (const site of context.sites) byName.set(siteKey(site.name), [...(byName.get(siteKey(site.name)) ?? []), site]);
  const typeByKey = new Map<string, FactType>();
  for (const type of FACT_TYPES) {
    typeByKey.set(looseKey(type), type);
    typeByKey.set(looseKey(context.typeLabels[type]), type);
  }

  const rows: CsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of data) {
    const cell = (column: CsvColumn) => (cells[columnAt.get(column)!] ?? '').trim();
    const before = problems.length;
    const missing = CSV_COLUMNS.filter((c) => cell(c) === '');
    for (const column of missing) problems.push({ line, code: 'missing_value', params: { column } });

    let siteId: string | undefined;
    const siteValue = cell('site');
    if (siteValue !== '') {
      const candidates = UUID.test(siteValue) ? [byId.get(siteValue.toLowerCase())].filter((s) => s !== undefined) : (byName.get(siteKey(siteValue)) ?? []);
      if (candidates.length === 0) problems.push({ line, code: 'unknown_site', params: { value: quoted(siteValue) } });
      else if (candidates.length > 1) problems.push({ line, code: 'ambiguous_site', params: { value: quoted(siteValue) } });
      else siteId = candidates[0]!.id;
    }

    let year: number | undefined;
    const yearValue = cell('annee');
    if (yearValue !== '') {
      const n = /^\d{4}$/.test(yearValue) ? Number(yearValue) : NaN;
      if (Number.isInteger(n) && n >= MIN_FIGURE_YEAR && n <= context.currentYear) year = n;
      // Years as text: a number parameter would be printed with a thousands separator ("2 026").
      else problems.push({ line, code: 'year_out_of_range', params: { value: quoted(yearValue), min: String(MIN_FIGURE_YEAR), max: String(context.currentYear) } });
    }

    let factType: FactType | undefined;
    const typeValue = cell('type');
    if (typeValue !== '') {
      factType = typeByKey.get(looseKey(typeValue));
      if (!factType) problems.push({ line, code: 'unknown_type', params: { value: quoted(typeValue) } });
    }

    let count: number | undefined;
    const countValue = cell('nombre');
    if (countValue !== '') {
      const compact = countValue.replace(NUMBER_SPACES, '');
      const n = WHOLE.test(compact) ? Number(compact) : NaN;
      if (Number.isInteger(n) && n <= MAX_FIGURE_COUNT) count = n;
      else problems.push({ line, code: 'bad_count', params: { value: quoted(countValue), max: MAX_FIGURE_COUNT } });
    }

    if (problems.length > before || siteId === undefined || year === undefined || factType === undefined || count === undefined) continue;
    const key = `${siteId}|${year}|${factType}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ line, code: 'duplicate_row', params: { first } });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, siteId, year, factType, count });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/**
 * The template offered for download: the header, then one line per site and type for last
 * year with the count left blank (an unfilled template is refused: nothing is imported by
 * mistake). Without sites, one example site name.
 */
export function csvTemplate(context: Pick<CsvContext, 'typeLabels' | 'currentYear'> & { siteNames: readonly string[] }): string {
  const names = context.siteNames.length ? context.siteNames : ['Résidence des Exemples'];
  const escape = (v: string) => (/[";,\t\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const year = String(context.currentYear - 1);
  const lines = [CSV_COLUMNS.join(';'), ...names.flatMap((site) => FACT_TYPES.map((type) => [escape(site), year, escape(context.typeLabels[type]), ''].join(';')))];
  // A BOM, so that a French spreadsheet opens the accents right; CRLF, as spreadsheets write.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
