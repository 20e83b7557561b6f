import type { NextAuthConfig } from 'next-auth';

/**
 * The part of the next-auth setup that needs no database, shared by proxy.ts (which
 * only redirects) and auth.ts. The JWT carries the user id and nothing else: roles and
 * the account's state are re-read from the database on every check (lib/auth/session.ts).
 */
export const authConfig = {
  pages: { signIn: '/connexion', error: '/connexion' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  // The app is meant to run behind the city's reverse proxy, which sets the host.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      return { sub: user?.id ?? token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? '' } } as typeof session;
    },
  },
} satisfies NextAuthConfig;
