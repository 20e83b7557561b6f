import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { cameraPrecision, publicCameras } from '@/db/queries/public-cameras';
import { walkRegisterRows } from '@/db/queries/register';
import { parisDate } from '@/lib/domain/paris-time';
import type { RegisterEntry } from '@/lib/domain/register';
import { MESSAGES } from '@/lib/i18n/messages';
import { siteCollection } from '@/lib/open-data/geojson';
import { conditional, entityTag, openDataRoute, preflight, publicOrigin } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** GET /api/v1/decisions.geojson: one Point per site the register names, with its counts of cameras authorised and in service today, and one per camera in service. */
export const GET = openDataRoute(async (request) => {
  const db = publicReadDb();
  const head = await registerHeadState(db);
  // What is authorised or in service depends on the live records and the day (head.version says both).
  const today = parisDate(new Date());
  return conditional(request, entityTag(request, [head.sequence, head.hash, head.version]), async () => {
    const entries: { entry: RegisterEntry; decisionId: string }[] = [];
    for await (const row of walkRegisterRows(db, {}, 1000, head.sequence)) entries.push(row);
    const [camerasOf, precision] = await Promise.all([publicCameras(db, today), cameraPrecision(db)]);
    const body = siteCollection({ entries, camerasOf, precision, cityName: MESSAGES.fr.common.city, origin: publicOrigin(request) });
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/geo+json' } });
  });
});

export const OPTIONS = preflight;
