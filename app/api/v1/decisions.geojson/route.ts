import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { walkRegister } from '@/db/queries/register';
import { parisDate } from '@/lib/domain/paris-time';
import type { RegisterEntry } from '@/lib/domain/register';
import { siteCollection } from '@/lib/open-data/geojson';
import { conditional, entityTag, openDataRoute, preflight, publicOrigin, upToHead } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** GET /api/v1/decisions.geojson: one Point per site the register names, with its entries and the cameras authorised there today. */
export const GET = openDataRoute(async (request) => {
  const db = publicReadDb();
  const head = await registerHeadState(db);
  // Which decisions are in force depends on the day too (an authorisation expires).
  const today = parisDate(new Date());
  return conditional(request, entityTag(request, [head.sequence, head.hash, today]), async () => {
    const entries: RegisterEntry[] = [];
    for await (const entry of upToHead(walkRegister(db, {}, 1000), head.sequence)) entries.push(entry);
    const body = siteCollection(entries, { today, origin: publicOrigin(request) });
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/geo+json' } });
  });
});

export const OPTIONS = preflight;
