import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { walkRegisterLive } from '@/db/queries/register';
import { parisDate } from '@/lib/domain/paris-time';
import { csvStream, type CsvItem } from '@/lib/open-data/csv';
import { badQuery, conditional, entityTag, openDataRoute, preflight, registerFiltersOf } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** Entries read and written per chunk of the stream. */
const BATCH = 500;

/**
 * GET /api/v1/decisions.csv: the register (filtered as the JSON, `cursor` and `limit`
 * aside) in register order, streamed batch by batch, each row with its live authorisation
 * and cameras on the day. The licence is in the Link header.
 */
export const GET = openDataRoute(async (request) => {
  const parsed = registerFiltersOf(request);
  if (!parsed.success) return badQuery(request, parsed.error);
  const { cursor: _cursor, limit: _limit, ...filters } = parsed.data;
  const db = publicReadDb();
  const head = await registerHeadState(db);
  return conditional(request, entityTag(request, [head.sequence, head.hash, head.version]), () => {
    const today = parisDate(new Date());
    const items = (async function* (): AsyncGenerator<CsvItem> {
      for await (const { entry, followUp } of walkRegisterLive(db, filters, BATCH, head.sequence, today)) yield { entry, live: followUp };
    })();
    return new Response(csvStream(items, BATCH), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="registre-des-avis.csv"' },
    });
  });
});

export const OPTIONS = preflight;
