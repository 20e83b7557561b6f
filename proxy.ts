import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';

const { auth } = NextAuth(authConfig);

/**
 * Only a convenience: sends anonymous visitors of the staff area to the sign-in page.
 * It is not the security boundary; every page and command checks the user itself.
 */
export default auth((req) => {
  if (!req.auth?.user?.id) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('retour', req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(url);
  }
});

export const config = { matcher: ['/espace', '/espace/:path*'] };
