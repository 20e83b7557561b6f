import type { NextAuthConfig } from 'next-auth';

/**
 * The session cookie: unreadable by scripts, sent on top-level navigations from other
 * sites but never on their cross-site POSTs, and only over HTTPS in production (the
 * `__Secure-` prefix makes the browser insist). Localhost counts as secure for browsers,
 * so a production build still runs on http://localhost.
 */
export function sessionCookie(production: boolean) {
  return {
    name: `${production ? '__Secure-' : ''}authjs.session-token`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: production },
  };
}

const production = process.env.NODE_ENV === 'production';

/**
 * The part of the next-auth setup that needs no database, shared by proxy.ts (which
 * only redirects) and auth.ts. The JWT carries the user id and the session id, nothing
 * else: roles, the account's state and whether the session is still open are re-read
 * from the database on every check (lib/auth/actor.ts).
 */
export const authConfig = {
  pages: { signIn: '/connexion', error: '/connexion' },
  // Rolling: 8 h without a request ends it. The absolute limit is the session row's.
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  useSecureCookies: production,
  cookies: { sessionToken: sessionCookie(production) },
  // The app is meant to run behind the city's reverse proxy, which sets the host.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // A new sign-in gets its session id from auth.ts; later refreshes keep the one they have.
      if (user) return { sub: user.id };
      return token.sid ? { sub: token.sub, sid: token.sid } : { sub: token.sub };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub ?? '' }, sessionId: token.sid } as typeof session;
    },
  },
} satisfies NextAuthConfig;
