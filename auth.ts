import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authenticate, clientAddress } from '@/lib/auth/sign-in';
import { linkOidcAccount, oidcIdentity } from '@/lib/auth/oidc';
import { logSecurityEvent } from '@/lib/auth/security-log';
import { openSession, revokeSession } from '@/lib/auth/sessions';
import { env, oidcConfigured } from '@/lib/env';
import { authConfig } from './auth.config';

export const OIDC_PROVIDER_ID = 'ville';

/** Shown as "too many attempts, try again in …" rather than the generic refusal. */
export class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const address = clientAddress(request.headers, env().TRUSTED_PROXY_HOPS);
        const outcome = await authenticate(getDb(), credentials, address);
        if (outcome.ok) return { id: outcome.userId };
        if (outcome.reason === 'rate_limited') throw new RateLimited(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ];
  const e = env();
  if (oidcConfigured(e)) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: e.AUTH_OIDC_NAME ?? 'SSO',
      type: 'oidc',
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
      // Read the person from the userinfo endpoint: many providers leave the email out of
      // the ID token, and the email is how an existing account is found.
      idToken: false,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  providers: providers(),
  logger: {
    // A wrong password is an expected outcome, already answered; not worth a stack trace.
    error(error) {
      if (error.name === 'CredentialsSignin' || (error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  events: {
    // Whichever way the sign-out came (the header's button, /api/auth/signout), the
    // session ends in the database: a copy of the cookie no longer opens anything.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (await revokeSession(getDb(), token?.sid)) {
        await logSecurityEvent(getDb(), { kind: 'sign_out', userId: token?.sub ?? null, details: { session: token?.sid } });
      }
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      // The city's SSO proves who the person is; their roles still come from an admin.
      const userId = await linkOidcAccount(getDb(), oidcIdentity(account.providerAccountId, profile));
      if (!userId) {
        await logSecurityEvent(getDb(), { kind: 'sign_in_sso_refused', details: { subject: String(profile?.sub ?? account.providerAccountId) } });
        return false;
      }
      return true;
    },
    async jwt(params) {
      const { account, profile, user } = params;
      if (account?.provider === OIDC_PROVIDER_ID) {
        // Already linked by the signIn callback: this finds the account by its subject.
        const userId = await linkOidcAccount(getDb(), oidcIdentity(account.providerAccountId, profile));
        if (!userId) return { sub: undefined };
        await logSecurityEvent(getDb(), { kind: 'sign_in', userId, details: { via: 'oidc' } });
        return { sub: userId, sid: await openSession(getDb(), userId) };
      }
      const token = authConfig.callbacks.jwt(params);
      // A sign-in (user is set only then) opens a session the database can end.
      if (user?.id) return { ...token, sid: await openSession(getDb(), user.id) };
      return token;
    },
  },
}));
