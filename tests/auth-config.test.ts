import { Auth } from '@auth/core';
import Credentials from '@auth/core/providers/credentials';
import type { NextAuthConfig } from 'next-auth';
import { describe, expect, it, vi } from 'vitest';
import { authConfig, sessionCookie } from '@/auth.config';

type JwtArgs = Parameters<typeof authConfig.callbacks.jwt>[0];
type SessionArgs = Parameters<typeof authConfig.callbacks.session>[0];

describe('the session token', () => {
  it('carries the user id and nothing else, whatever the provider handed over', () => {
    const token = authConfig.callbacks.jwt({
      token: { name: 'Hélène', email: 'presidence@demo.vigie.test', picture: 'x', sub: 'old' },
      user: { id: 'user-1', name: 'Hélène', email: 'presidence@demo.vigie.test' },
    } as unknown as JwtArgs);
    expect(token).toEqual({ sub: 'user-1' });
  });

  it('keeps the same id on later requests', () => {
    expect(authConfig.callbacks.jwt({ token: { sub: 'user-1', email: 'x' } } as unknown as JwtArgs)).toEqual({ sub: 'user-1' });
  });

  it('exposes only the id to the app: roles are re-read from the database', () => {
    const session = authConfig.callbacks.session({
      session: { expires: '2026-12-01T00:00:00.000Z', user: { name: 'x', email: 'y' } },
      token: { sub: 'user-1' },
    } as unknown as SessionArgs);
    expect(session).toEqual({ expires: '2026-12-01T00:00:00.000Z', user: { id: 'user-1' } });
  });

  it('keeps its session id on every refresh, so that the database can end it', () => {
    expect(authConfig.callbacks.jwt({ token: { sub: 'user-1', sid: 'session-1', email: 'x' } } as unknown as JwtArgs)).toEqual({ sub: 'user-1', sid: 'session-1' });
    const session = authConfig.callbacks.session({
      session: { expires: '2026-12-01T00:00:00.000Z', user: {} },
      token: { sub: 'user-1', sid: 'session-1' },
    } as unknown as SessionArgs);
    expect(session).toEqual({ expires: '2026-12-01T00:00:00.000Z', user: { id: 'user-1' }, sessionId: 'session-1' });
  });
});

describe('the session cookie', () => {
  /** Signs in through next-auth itself and returns the Set-Cookie of the session token. */
  async function sessionSetCookie(config: Pick<NextAuthConfig, 'cookies' | 'useSecureCookies'>): Promise<string> {
    const base = 'http://localhost:3000/api/auth';
    const options = {
      ...authConfig,
      ...config,
      secret: 'a-test-secret-of-enough-length',
      basePath: '/api/auth',
      providers: [Credentials({ credentials: { email: {} }, authorize: () => ({ id: 'user-1' }) })],
    };
    const csrf = await Auth(new Request(`${base}/csrf`), options);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const res = await Auth(
      new Request(`${base}/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ csrfToken, email: 'x@ville.test', callbackUrl: '/espace' }),
      }),
      options,
    );
    const token = res.headers.getSetCookie().find((c) => c.includes('authjs.session-token='));
    if (!token) throw new Error(`no session cookie set: ${res.status}`);
    return token;
  }

  it('is HttpOnly and SameSite=Lax, as next-auth actually sets it', async () => {
    const setCookie = await sessionSetCookie({ cookies: authConfig.cookies, useSecureCookies: authConfig.useSecureCookies });
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
  });

  it('is Secure, with the __Secure- prefix, in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    try {
      const production = (await import('@/auth.config')).authConfig;
      expect(production.useSecureCookies).toBe(true);
      const setCookie = await sessionSetCookie({ cookies: production.cookies, useSecureCookies: production.useSecureCookies });
      expect(setCookie).toMatch(/^__Secure-authjs\.session-token=/);
      expect(setCookie).toMatch(/; Secure/i);
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect(setCookie).toMatch(/; SameSite=Lax/i);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('is not marked Secure in development, where the app runs over plain http', () => {
    expect(sessionCookie(false)).toEqual({ name: 'authjs.session-token', options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false } });
  });
});
