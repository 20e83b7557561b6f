import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';

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
export default auth((req) => {
  if (!req.nextUrl.pathname.startsWith('/espace')) {
    // A register address Next cannot decode (a stray "%") would get its bare, English 400
    // page: it names no entry, so it gets the public "page not found" (404) instead. The
    // target matches no route (an `_` folder never does), so nothing decodes the address again.
    if (!decodable(req.nextUrl.pathname)) return NextResponse.rewrite(new URL('/_introuvable', req.nextUrl));
    return;
  }
  if (!req.auth?.user?.id) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('retour', req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
});

export const config = { matcher: ['/espace', '/espace/:path*', '/registre/:path*'] };
