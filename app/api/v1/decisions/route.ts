import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { listRegister } from '@/db/queries/register';
import { API_PAGE_SIZE, badQuery, conditional, entityTag, openDataRoute, preflight, publicOrigin, registerFiltersOf } from '@/lib/open-data/http';
import { LICENCE } from '@/lib/open-data/licence';
import type { DecisionList } from '@/lib/open-data/schemas';
import { served } from '@/lib/open-data/served';
import { registerFiltersSchema, registerQueryFrom } from '@/lib/validation/register';

export const dynamic = 'force-dynamic';

/** GET /api/v1/decisions: register entries, newest first, one keyset page (`cursor`, `limit`), filtered as on the register page. */
export const GET = openDataRoute(async (request) => {
  const parsed = registerFiltersOf(request);
  if (!parsed.success) return badQuery(request, parsed.error);
  const db = publicReadDb();
  const head = await registerHeadState(db);
  return conditional(request, entityTag(request, [head.sequence, head.hash, head.version]), async () => {
    const filters = parsed.data;
    const page = await listRegister(db, filters, filters.limit ?? API_PAGE_SIZE);
    const body: DecisionList = {
      licence: { ...LICENCE },
      items: page.items.map(served),
      nextCursor: page.nextCursor,
      links: { next: page.nextCursor === null ? null : nextPage(request, page.nextCursor) },
    };
    return Response.json(body);
  });
});

export const OPTIONS = preflight;

/** The same query (known parameters only) with the next cursor. */
function nextPage(request: Request, cursor: number): string {
  const url = new URL(new URL(request.url).pathname, publicOrigin(request));
  const query = registerQueryFrom(new URL(request.url).searchParams);
  for (const name of Object.keys(registerFiltersSchema.shape)) if (name !== 'cursor' && query[name] !== undefined) url.searchParams.set(name, query[name]);
  url.searchParams.set('cursor', String(cursor));
  return url.toString();
}
