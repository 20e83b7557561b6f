import { openDataError, openDataRoute, preflight } from '@/lib/open-data/http';

export const dynamic = 'force-dynamic';

/** Any other address under /api/v1: a 404 in JSON, as a program reading the API expects, not the site's HTML page. */
export const GET = openDataRoute(async (request) => openDataError(request, 'not_found'));

export const OPTIONS = preflight;
