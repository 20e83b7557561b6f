import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/**
 * Hostile input, shared by the command test and the HTTP spec: values an attacker (or a
 * broken client) sends, and the database snapshot that proves a refusal changed nothing.
 */

/** Text that is valid as text: a field may store it, and then must store it exactly (React escapes it on display). */
export const TEXT_PAYLOADS = {
  rtl: 'fichier\u202Egnp.exe\u202C ok',
  zeroWidth: 'a\u200Bb\u200Cc\u200Dd\uFEFFe',
  html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
  sql: "x'); DROP TABLE users; --",
  sqlOr: "' OR 1=1 --",
  formula: '=HYPERLINK(1+1)',
  emoji: 'Élodie 👩🏽‍🔧 Œuvre',
} as const;

/** Text no field may accept: each must be a validation error, never a database error. */
export const BAD_TEXT = {
  nul: 'abc\u0000def',
  control: 'abc\u0001\u001bdef',
  loneSurrogate: 'abc\uD800def',
  megabyte: 'a'.repeat(1_048_576),
} as const;

/** Numbers that are no valid value of any field. */
export const BAD_NUMBERS = { nan: Number.NaN, infinity: Number.POSITIVE_INFINITY, minusInfinity: Number.NEGATIVE_INFINITY, huge: 1e308, minusHuge: -1e308 } as const;

/** Dates that do not exist or that nobody means. */
export const BAD_DATES = ['2026-02-30', '0000-00-00', '0000-01-01', '99999-01-01', '2026-13-01', '2026-00-10', '1e3', 'demain'] as const;
export const BAD_DATETIMES = ['2026-02-30T10:00', '0000-01-01T10:00', '0050-06-01T12:00', '99999-01-01T10:00', '2026-12-03T24:00', '2026-12-03T18:60', '2026-03-29T02:30'] as const;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public tables, read from the catalog: a table added later is in the snapshot too. */
async function tableNames(db: DbOrTx): Promise<string[]> {
  const rows = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  // Drizzle's own bookkeeping, the security log (written on purpose when a command is
  // refused) and the sign-in attempts (a wrong current password is counted on purpose).
  return rows.rows.map((r) => r.name).filter((n) => !n.startsWith('__drizzle') && !n.startsWith('security') && n !== 'sign_in_attempts');
}

export interface Snapshotter {
  /** Per table: row count and an md5 of every row, in one round trip. */
  take(db: DbOrTx): Promise<Record<string, string>>;
  /** Whether some row of some table holds this exact text. */
  holds(db: DbOrTx, text: string): Promise<boolean>;
}

export async function snapshotter(db: DbOrTx): Promise<Snapshotter> {
  const tables = await tableNames(db);
  const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
  const takeSql = tables.map((n) => `select '${n}' as t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as v from ${q(n)} x`).join(' union all ');
  const holdsSql = (param: string) => tables.map((n) => `select 1 from ${q(n)} x where strpos(x::text, ${param}) > 0`).join(' union all ');
  return {
    async take(d) {
      const rows = await d.execute<{ t: string; v: string }>(sql.raw(takeSql));
      return Object.fromEntries(rows.rows.map((r) => [r.t, r.v]));
    },
    async holds(d, text) {
      const literal = `'${text.replaceAll("'", "''")}'`;
      const rows = await d.execute(sql.raw(`select exists(${holdsSql(literal)}) as found`));
      return (rows.rows[0] as { found: boolean }).found;
    },
  };
}

/** The tables whose snapshot differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}
