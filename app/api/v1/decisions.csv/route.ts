import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { walkRegister } from '@/db/queries/register';
import { csvStream } from '@/lib/open-data/csv';
import { badQuery, conditional, entityTag, openDataRoute, preflight, registerFiltersOf, upToHead } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** Entries read and written per chunk of the stream. */
const BATCH = 500;

/**
 * GET /api/v1/decisions.csv: the register (filtered as the JSON, `cursor` and `limit`
 * aside) in register order, streamed batch by batch. The licence is in the Link header.
 */
export const GET = openDataRoute(async (request) => {
  const parsed = registerFiltersOf(request);
  if (!parsed.success) return badQuery(request, parsed.error);
  const { cursor: _cursor, limit: _limit, ...filters } = parsed.data;
  const db = publicReadDb();
  const head = await registerHeadState(db);
  return conditional(request, entityTag(request, [head.sequence, head.hash, head.version]), () => {
    const entries = upToHead(walkRegister(db, filters, BATCH), head.sequence);
    return new Response(csvStream(entries, BATCH), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="registre-des-avis.csv"' },
    });
  });
});

export const OPTIONS = preflight;
