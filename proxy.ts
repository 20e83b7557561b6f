import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from './auth.config';
import { cachedPageResponse, isCacheablePageRequest } from './lib/page-cache';

const { auth } = NextAuth(authConfig);

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Only a convenience: sends anonymous visitors of the staff area to the sign-in page.
 * It is not the security boundary; every page and command checks the user itself.
 */
const staffArea = auth((req) => {
  if (!req.auth?.user?.id) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('retour', req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
});

export default async function proxy(req: NextRequest) {
  // next-auth's wrapper passes its second argument on to the callback above, which needs none.
  if (req.nextUrl.pathname === '/espace' || req.nextUrl.pathname.startsWith('/espace/')) return staffArea(req, { params: Promise.resolve({}) });
  // Public pages never go through next-auth here: a resident gets no cookie for reading.
  // A register address Next cannot decode (a stray "%") would get its bare, English 400
  // page: it names no entry, so it gets the public "page not found" (404) instead. The
  // target matches no route (an `_` folder never does), so nothing decodes the address again.
  if (!decodable(req.nextUrl.pathname)) return NextResponse.rewrite(new URL('/_introuvable', req.nextUrl));
  // Residents' reads of the register: from the page cache when it can answer.
  if (isCacheablePageRequest(req)) return (await cachedPageResponse(req)) ?? NextResponse.next();
  return NextResponse.next();
}

export const config = { matcher: ['/espace', '/espace/:path*', '/registre', '/registre/:path*', '/carte'] };
