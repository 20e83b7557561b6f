import { eq } from 'drizzle-orm';
import { parisDate } from '@/lib/domain/paris-time';
import { FACT_TYPES, type FactType } from '@/lib/domain/vocabulary';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { FACT_TYPE_LABELS } from '@/lib/workflow/observatory';
import type { Database } from '../client';
import { sites, users } from '../schema';

/** The demo's observatory: this many years up to last year (2017–2025 when run in 2026). */
export const OBSERVATORY_SEED_YEARS = 9;

/** Typical yearly facts per type on a site of 100 dwellings (fictional, of the order seen in such neighbourhoods). */
const BASE: Record<FactType, number> = { drug_trafficking: 4, assault: 3, burglary: 5, theft: 8, vandalism: 10, nuisance: 7, fly_tipping: 6, other: 2 };

/** A small deterministic hash: the same site, year and type always give the same figure. */
function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** One figure: scaled by the site's size, with a deterministic wobble of ±40 %; some fall below 5. */
export function demoFigure(site: { name: string; dwellings: number }, year: number, type: FactType): number {
  const scale = site.dwellings / 100;
  const wobble = 0.6 + (hash(`${site.name}|${year}|${type}`) % 81) / 100;
  return Math.max(0, Math.round(BASE[type] * scale * wobble));
}

/**
 * Figures for every demo site and type over the last OBSERVATORY_SEED_YEARS years,
 * entered through the real import command (so the history shows one import), then one
 * site's last year corrected by hand (so the table shows a typed line too).
 */
export async function seedObservatory(db: Database, siteNames?: readonly string[]): Promise<void> {
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'prevention@demo.vigie.test'));
  if (!officer) throw new Error('seed: the prevention officer is missing');
  // The demo's sites only, when named (the bench adds thousands of its own beside them).
  const siteRows = (await db.select({ id: sites.id, name: sites.name, dwellings: sites.dwellings }).from(sites)).filter((s) => !siteNames || siteNames.includes(s.name));
  const lastYear = Number(parisDate(new Date()).slice(0, 4)) - 1;
  const years = Array.from({ length: OBSERVATORY_SEED_YEARS }, (_, i) => lastYear - OBSERVATORY_SEED_YEARS + 1 + i);
  const lines = ['site;annee;type;nombre'];
  for (const site of siteRows) for (const year of years) for (const type of FACT_TYPES) lines.push(`${site.name};${year};${FACT_TYPE_LABELS[type]};${demoFigure(site, year, type)}`);
  const run = async (command: Parameters<typeof runCommand>[1], input: unknown) => {
    const result = await runCommand(db, command, officer.id, input);
    if (!result.ok) throw new Error(`seed: ${command.name} failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
  };
  await run(COMMANDS.importObservatoryFigures, { fileName: `observatoire-${years[0]}-${lastYear}.csv`, text: lines.join('\r\n') });
  // A correction typed by hand: the landlord's late report of last year's fly-tipping on one site.
  const corrected = siteRows.find((s) => s.name === 'Résidence Voltaire') ?? siteRows[0]!;
  const counts = Object.fromEntries(FACT_TYPES.map((type) => [type, String(demoFigure(corrected, lastYear, type) + (type === 'fly_tipping' ? 3 : 0))]));
  await run(COMMANDS.enterObservatoryFigures, { siteId: corrected.id, year: String(lastYear), counts });
}
