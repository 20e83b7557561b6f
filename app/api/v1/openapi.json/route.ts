import { conditional, entityTag, openDataRoute, preflight, publicOrigin } from '@/lib/open-data/http';
import { openApiDocument } from '@/lib/open-data/openapi';

export const dynamic = 'force-dynamic';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the open data, generated from the schemas its answers are built with. */
export const GET = openDataRoute(async (request) =>
  conditional(request, entityTag(request, ['openapi']), () => Response.json(openApiDocument(publicOrigin(request)))),
);

export const OPTIONS = preflight;
