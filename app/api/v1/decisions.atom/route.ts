import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { listRegister } from '@/db/queries/register';
import { registerAtom } from '@/lib/open-data/atom';
import { ATOM_TYPE, ATOM_VARY, conditional, entityTag, openDataRoute, preflight, publicOrigin, requestLocale, translatorFor } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** How many entries the register's feed holds: the latest publications. */
const FEED_SIZE = 50;

/** GET /api/v1/decisions.atom: the 50 latest register entries, in the reader's language (French by default). */
export const GET = openDataRoute(async (request) => {
  const db = publicReadDb();
  const head = await registerHeadState(db);
  const locale = requestLocale(request);
  return conditional(
    request,
    entityTag(request, [head.sequence, head.hash, locale]),
    async () => {
      const t = translatorFor(locale);
      const origin = publicOrigin(request);
      const { items } = await listRegister(db, {}, FEED_SIZE);
      const xml = registerAtom({
        entries: items.map((i) => i.entry),
        locale,
        t,
        origin,
        self: `${origin}/api/v1/decisions.atom`,
        alternate: `${origin}/registre`,
        title: t('openData.feed.title'),
        subtitle: t('openData.feed.subtitle'),
      });
      return new Response(xml, { headers: { 'Content-Type': ATOM_TYPE, 'Content-Language': locale } });
    },
    { vary: ATOM_VARY },
  );
});

export const OPTIONS = preflight;
