import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { siteHistory } from '@/db/queries/register';
import { registerAtom } from '@/lib/open-data/atom';
import { ATOM_TYPE, ATOM_VARY, conditional, entityTag, openDataError, openDataRoute, preflight, publicOrigin, requestLocale, translatorFor } from '@/lib/open-data/http';
import { uuid } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** GET /api/v1/sites/<id>/decisions.atom: every register entry on one site, newest first. */
export const GET = openDataRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const notFound = () => openDataError(request, 'not_found', { message: t('openData.siteNotFound') });
  if (!uuid.safeParse(id).success) return notFound();
  const db = publicReadDb();
  const head = await registerHeadState(db);
  const history = await siteHistory(db, id);
  if (!history) return notFound();
  return conditional(
    request,
    entityTag(request, [head.sequence, head.hash, locale]),
    () => {
      const origin = publicOrigin(request);
      const { site } = history;
      const xml = registerAtom({
        entries: history.entries.map((e) => e.entry),
        locale,
        t,
        origin,
        self: `${origin}/api/v1/sites/${site.id}/decisions.atom`,
        alternate: `${origin}/registre/sites/${site.id}`,
        title: t('openData.feed.siteTitle', { site: site.name }),
        subtitle: t('openData.feed.siteSubtitle', { site: site.name, address: site.address }),
      });
      return new Response(xml, { headers: { 'Content-Type': ATOM_TYPE, 'Content-Language': locale } });
    },
    { vary: ATOM_VARY },
  );
});

export const OPTIONS = preflight;
