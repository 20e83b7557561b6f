import { describe, expect, it } from 'vitest';
import { authConfig } from '@/auth.config';

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
});
