import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';

/**
 * next-auth decodes the address itself and fails on a malformed percent-encoding (a 500,
 * or an "error=Configuration" page): such a request is refused as the bad input it is.
 */
function malformed(req: NextRequest): boolean {
  try {
    decodeURIComponent(req.nextUrl.pathname);
    for (const part of req.nextUrl.search.slice(1).split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    return false;
  } catch {
    return true;
  }
}

function guarded(handler: (req: NextRequest) => Promise<Response>) {
  return async (req: NextRequest) => {
    if (malformed(req)) return Response.json({ error: 'Malformed address.', message: 'Adresse mal formée.' }, { status: 400 });
    return handler(req);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
