import NextAuth, { CredentialsSignin, type Account, type NextAuthConfig, type Profile } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { authenticate, clientAddress } from '@/lib/auth/sign-in';
import { linkOidcAccount, type OidcIdentity } from '@/lib/auth/oidc';
import { env, oidcConfigured } from '@/lib/env';
import { authConfig } from './auth.config';

export const OIDC_PROVIDER_ID = 'ville';

function oidcIdentity(account: Account, profile: Profile | undefined): OidcIdentity {
  return {
    subject: String(profile?.sub ?? account.providerAccountId),
    email: typeof profile?.email === 'string' ? profile.email : null,
    emailVerified: profile?.email_verified !== false,
    name: typeof profile?.name === 'string' ? profile.name : null,
  };
}

/** Shown as "too many attempts" rather than the generic refusal. */
class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const address = clientAddress(request.headers.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS);
        const outcome = await authenticate(getDb(), credentials, address);
        if (outcome.ok) return { id: outcome.userId };
        if (outcome.reason === 'rate_limited') throw new RateLimited();
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
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      // The city's SSO proves who the person is; their roles still come from an admin.
      return (await linkOidcAccount(getDb(), oidcIdentity(account, profile))) !== null;
    },
    async jwt(params) {
      const { account, profile } = params;
      if (account?.provider === OIDC_PROVIDER_ID) {
        // Already linked by the signIn callback: this finds the account by its subject.
        return { sub: (await linkOidcAccount(getDb(), oidcIdentity(account, profile))) ?? undefined };
      }
      return authConfig.callbacks.jwt(params);
    },
  },
}));
