import { publicReadDb } from '@/db/client';
import { registerHeadState } from '@/db/queries/open-data';
import { registerEntry } from '@/db/queries/register';
import { isRegisterReference } from '@/lib/domain/register';
import { served } from '@/lib/open-data/served';
import { conditional, entityTag, openDataError, openDataRoute, preflight, publicOrigin, requestLocale, translatorFor } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/decisions/CE-2026-001: one entry as published (its hash can be rechecked
 * from this body, leaving out the serve-time follow-up), with its authorisation and conditions' follow-up of today. Its versions are named in Link headers (RFC 5829): the entry
 * it corrects (`predecessor-version`), the one that corrects it (`successor-version`).
 */
export const GET = openDataRoute<{ params: Promise<{ reference: string }> }>(async (request, { params }) => {
  const { reference } = await params;
  if (!isRegisterReference(reference)) return openDataError(request, 'not_found');
  const db = publicReadDb();
  const head = await registerHeadState(db);
  const found = await registerEntry(db, reference);
  if (!found) return openDataError(request, 'not_found', { message: translatorFor(requestLocale(request))('openData.notFound', { reference }) });
  return conditional(request, entityTag(request, [head.sequence, head.hash, head.version]), () => {
    const origin = publicOrigin(request);
    const link = (ref: string, rel: string) => `<${origin}/api/v1/decisions/${encodeURIComponent(ref)}>; rel="${rel}"`;
    const response = Response.json(served(found));
    if (found.entry.corrects) response.headers.append('Link', link(found.entry.corrects, 'predecessor-version'));
    if (found.correctedBy) response.headers.append('Link', link(found.correctedBy.reference, 'successor-version'));
    return response;
  });
});

export const OPTIONS = preflight;
