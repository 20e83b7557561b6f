import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';

/**
 * next-auth decodes parts of the request itself (proxy.ts already refuses an address with a
 * malformed percent-encoding): whatever it still cannot decode is bad input, a 400, not a 500.
 */
function guarded(handler: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest) => {
    try {
      return await handler(req);
    } catch (err) {
      if (err instanceof URIError) return Response.json({ error: 'Malformed request.', message: 'Requête mal formée.' }, { status: 400 });
      throw err;
    }
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
