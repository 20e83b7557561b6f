import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkObservatoryCsv, csvTemplate, decodeCsv, MAX_CSV_ROWS, type CsvContext } from '@/lib/domain/observatory-csv';
import { FACT_TYPES } from '@/lib/domain/vocabulary';
import frDiagnostics from '@/lib/i18n/messages/fr/diagnostics';

const A = { id: '11111111-1111-4111-8111-111111111111', name: 'Résidence des Bergères' };
const B = { id: '22222222-2222-4222-8222-222222222222', name: 'Cité Lorilleux' };
const TWIN1 = { id: '33333333-3333-4333-8333-333333333333', name: 'Les Jumelles' };
const TWIN2 = { id: '44444444-4444-4444-8444-444444444444', name: 'Les Jumelles' };
const context: CsvContext = { sites: [A, B, TWIN1, TWIN2], typeLabels: frDiagnostics.diagnostic.factTypes, currentYear: 2026 };
const check = (text: string) => checkObservatoryCsv(text, context);
const problems = (text: string) => {
  const r = check(text);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('the observatory CSV check', () => {
  it('reads a good file: names or ids, codes or French labels, any case, semicolons, spaced thousands', () => {
    const r = check(`site;annee;type;nombre\nRésidence des Bergères;2024;Dégradations;12\n${B.id};2023;drug_trafficking;3\n  Cité Lorilleux ;2025;TRAFIC DE STUPEFIANTS;1 200\n`);
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, siteId: A.id, year: 2024, factType: 'vandalism', count: 12 },
        { line: 3, siteId: B.id, year: 2023, factType: 'drug_trafficking', count: 3 },
        { line: 4, siteId: B.id, year: 2025, factType: 'drug_trafficking', count: 1200 },
      ],
    });
  });

  it('takes commas, tabs, a BOM, CRLF line ends, columns in another order and "année"', () => {
    expect(check('\uFEFFnombre,type,Année,site\r\n4,theft,2022,Cité Lorilleux\r\n')).toMatchObject({ ok: true, rows: [{ line: 2, count: 4, factType: 'theft', year: 2022 }] });
    expect(check('site\tannee\ttype\tnombre\nCité Lorilleux\t2022\tVols\t0\n')).toMatchObject({ ok: true, rows: [{ count: 0 }] });
  });

  it('names each wrong row with its spreadsheet line number and why', () => {
    const found = problems(
      [
        'site;annee;type;nombre',
        'Résidence des Bergères;2024;Vols;3', // 2: fine
        'Résidence Inconnue;2024;Vols;3', // 3: unknown site
        'Cité Lorilleux;1989;Vols;3', // 4: year too early
        'Cité Lorilleux;2027;Vols;3', // 5: year in the future
        'Cité Lorilleux;2024;Braquages;3', // 6: unknown type
        'Cité Lorilleux;2024;Vols;-1', // 7: negative
        'Cité Lorilleux;2023;Vols;2,5', // 8: not whole
        '', // 9: blank, skipped but counted
        'Résidence des Bergères;2024;theft;9', // 10: duplicate of line 2
        'Les Jumelles;2024;Vols;1', // 11: ambiguous name
        'Cité Lorilleux;;Vols;1', // 12: missing year
      ].join('\n'),
    );
    expect(found.map((p) => [p.line, p.code])).toEqual([
      [3, 'unknown_site'],
      [4, 'year_out_of_range'],
      [5, 'year_out_of_range'],
      [6, 'unknown_type'],
      [7, 'bad_count'],
      [8, 'bad_count'],
      [10, 'duplicate_row'],
      [11, 'ambiguous_site'],
      [12, 'missing_value'],
    ]);
    expect(found.find((p) => p.line === 10)?.params).toEqual({ first: 2 });
    expect(found.find((p) => p.line === 3)?.params).toEqual({ value: 'Résidence Inconnue' });
  });

  it('refuses a missing, unknown or repeated column on line 1', () => {
    expect(problems('site;annee;nombre\nCité Lorilleux;2024;3').map((p) => [p.line, p.code, p.params?.column])).toEqual([[1, 'missing_column', 'type']]);
    expect(problems('site;annee;type;nombre;commentaire\nx;2024;Vols;3').map((p) => p.code)).toEqual(['unknown_column']);
    expect(problems('site;annee;type;nombre;site\nx;2024;Vols;3').map((p) => p.code)).toEqual(['duplicate_column']);
  });

  it('refuses an empty file, a header alone, a binary file, an unclosed quote and too many rows', () => {
    expect(problems('').map((p) => p.code)).toEqual(['empty']);
    expect(problems('\uFEFF  \n').map((p) => p.code)).toEqual(['empty']);
    expect(problems('site;annee;type;nombre\n\n').map((p) => p.code)).toEqual(['empty']);
    expect(problems('site;annee;type;nombre\nCité\u0000;2024;Vols;3').map((p) => p.code)).toEqual(['not_text']);
    expect(problems('site;annee;type;nombre\n"Cité Lorilleux;2024;Vols;3\nx;2024;Vols;3').map((p) => [p.line, p.code])).toEqual([[2, 'malformed']]);
    const big = ['site;annee;type;nombre', ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `Cité Lorilleux;${1990 + (i % 30)};Vols;${i}`)].join('\n');
    expect(problems(big).map((p) => p.code)).toEqual(['too_many_rows']);
  });

  it('counts lines as a spreadsheet does: a quoted cell with a line break is one row', () => {
    expect(problems('site;annee;type;nombre\n"Cité\nLorilleux";2024;Vols;3\nCité Lorilleux;2024;Vols;x').map((p) => [p.line, p.code])).toEqual([
      [2, 'unknown_site'],
      [3, 'bad_count'],
    ]);
  });

  it('decodes UTF-8 (BOM dropped), UTF-16 with BOM and Windows-1252, and refuses binary', () => {
    const text = 'site;annee;type;nombre\nRésidence des Bergères;2024;Dégradations;1\n';
    const utf8 = new TextEncoder().encode(`\uFEFF${text}`);
    expect(decodeCsv(utf8)).toEqual({ ok: true, text });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(utf16)).toEqual({ ok: true, text });
    // "é" is 0xE9 in Windows-1252: not valid UTF-8.
    const latin = new Uint8Array(Array.from(text).map((c) => c.charCodeAt(0)));
    expect(decodeCsv(latin)).toEqual({ ok: true, text });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({ ok: false, code: 'not_text' });
    expect(decodeCsv(new Uint8Array(900_001))).toEqual({ ok: false, code: 'too_big' });
  });

  it('offers a template that is refused until filled in, and accepted once filled', () => {
    const template = csvTemplate({ typeLabels: context.typeLabels, currentYear: 2026, siteNames: [A.name, B.name] });
    const refused = problems(template);
    expect(refused).toHaveLength(2 * FACT_TYPES.length);
    expect(refused.every((p) => p.code === 'missing_value' && p.params?.column === 'nombre')).toBe(true);
    const filled = template.replace(/;\r\n/g, ';7\r\n');
    expect(check(filled)).toMatchObject({ ok: true });
    if (check(filled).ok) expect((check(filled) as { rows: unknown[] }).rows).toHaveLength(2 * FACT_TYPES.length);
  });

  it('property: any file either gives every row, all clean, or names problems and no rows', () => {
    const cell = fc.oneof(
      fc.constantFrom(A.name, B.name, 'Les Jumelles', A.id, 'Inconnue', '', ' ', '"', ';', '2024', 'Vols', 'theft', '12', '-3', '1 000', 'é', '\u0000'),
      fc.string({ maxLength: 8 }),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 5 });
    fc.assert(
      fc.property(fc.boolean(), fc.array(row, { maxLength: 12 }), (withHeader, rows) => {
        const text = [withHeader ? 'site;annee;type;nombre' : 'x', ...rows.map((r) => r.join(';'))].join('\n');
        const r = check(text);
        if (r.ok) {
          expect(r.rows.length).toBeGreaterThan(0);
          for (const row of r.rows) {
            expect(context.sites.map((s) => s.id)).toContain(row.siteId);
            expect(FACT_TYPES).toContain(row.factType);
            expect(Number.isInteger(row.count) && row.count >= 0).toBe(true);
            expect(row.year >= 1990 && row.year <= 2026).toBe(true);
          }
          expect(new Set(r.rows.map((x) => `${x.siteId}|${x.year}|${x.factType}`)).size).toBe(r.rows.length);
        } else {
          expect(r.problems.length).toBeGreaterThan(0);
          expect(r).not.toHaveProperty('rows');
        }
      }),
      { numRuns: 300 },
    );
  });
});
