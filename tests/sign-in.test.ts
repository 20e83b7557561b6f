import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAttempts, userRoles, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { linkOidcAccount } from '@/lib/auth/oidc';
import { authenticate, clientAddress, SIGN_IN_LIMITS } from '@/lib/auth/sign-in';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { FIXTURE_PASSWORD, makeUser } from './support/fixtures';

describe('clientAddress', () => {
  it('takes the entry appended by the nearest trusted proxy, ignoring what the client wrote', () => {
    expect(clientAddress('6.6.6.6, 10.0.0.7', 1)).toBe('10.0.0.7');
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.7', 2)).toBe('203.0.113.9');
    expect(clientAddress(null, 1)).toBe('unknown');
    expect(clientAddress('10.0.0.7', 3)).toBe('unknown');
  });
});

describe.each(BACKENDS)('sign-in on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.delete(signInAttempts);
  });

  it('accepts the right password, case-insensitively on the email', async () => {
    const user = await makeUser(t.db, ['technician'], { email: 'agent@ville.test' });
    expect(await authenticate(t.db, { email: '  Agent@Ville.TEST ', password: FIXTURE_PASSWORD }, '1.1.1.1')).toEqual({ ok: true, userId: user.id });
  });

  it('gives the same refusal for a wrong password, an unknown email, a deactivated account and a malformed request', async () => {
    await makeUser(t.db, ['technician'], { email: 'known@ville.test' });
    await makeUser(t.db, ['technician'], { email: 'gone@ville.test', active: false });
    const refusal = { ok: false, reason: 'invalid' };
    expect(await authenticate(t.db, { email: 'known@ville.test', password: 'wrong-password' }, 'a')).toEqual(refusal);
    expect(await authenticate(t.db, { email: 'nobody@ville.test', password: FIXTURE_PASSWORD }, 'a')).toEqual(refusal);
    expect(await authenticate(t.db, { email: 'gone@ville.test', password: FIXTURE_PASSWORD }, 'a')).toEqual(refusal);
    expect(await authenticate(t.db, { email: ['x'], password: 42 }, 'a')).toEqual(refusal);
  });

  it('spends the same argon2 work on an unknown email as on a known one', async () => {
    await makeUser(t.db, ['technician'], { email: 'timing@ville.test' });
    const time = async (email: string) => {
      const start = performance.now();
      await authenticate(t.db, { email, password: 'wrong-password' }, 'timing');
      return performance.now() - start;
    };
    await time('warm-up@ville.test');
    const known = Math.min(await time('timing@ville.test'), await time('timing@ville.test'));
    const unknown = Math.min(await time('nobody1@ville.test'), await time('nobody2@ville.test'));
    // Without the dummy verification an unknown email answers in a fraction of the time.
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it(`locks an account after ${SIGN_IN_LIMITS.perEmail} failures, even for the right password, and whether or not it exists`, async () => {
    await makeUser(t.db, ['technician'], { email: 'target@ville.test' });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect(await authenticate(t.db, { email: 'target@ville.test', password: 'wrong' }, `10.0.0.${i}`)).toMatchObject({ reason: 'invalid' });
      expect(await authenticate(t.db, { email: 'ghost@ville.test', password: 'wrong' }, `10.0.1.${i}`)).toMatchObject({ reason: 'invalid' });
    }
    expect(await authenticate(t.db, { email: 'target@ville.test', password: FIXTURE_PASSWORD }, '10.9.9.9')).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await authenticate(t.db, { email: 'ghost@ville.test', password: 'wrong' }, '10.9.9.9')).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('counts failures from the last success only, and forgets them after the window', async () => {
    await makeUser(t.db, ['technician'], { email: 'forgetful@ville.test' });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail - 1; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail - 1; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });

    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ reason: 'rate_limited' });
    const old = new Date(Date.now() - (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000);
    await t.db.update(signInAttempts).set({ createdAt: old });
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });
  });

  it(`limits one client address to ${SIGN_IN_LIMITS.perAddress} failures across accounts`, async () => {
    const user = await makeUser(t.db, ['technician'], { email: 'victim@ville.test' });
    // Recorded directly: the limit is read from the table, shared by every app instance.
    await t.db.insert(signInAttempts).values(
      Array.from({ length: SIGN_IN_LIMITS.perAddress }, (_, i) => ({ emailKey: `spray${i}@ville.test`, addressKey: '203.0.113.66', succeeded: false })),
    );
    expect(await authenticate(t.db, { email: 'victim@ville.test', password: FIXTURE_PASSWORD }, '203.0.113.66')).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await authenticate(t.db, { email: 'victim@ville.test', password: FIXTURE_PASSWORD }, '198.51.100.1')).toEqual({ ok: true, userId: user.id });
  });

  it('re-reads roles and the account state on every check', async () => {
    const user = await makeUser(t.db, ['technician', 'admin']);
    expect((await loadActor(t.db, user.id))?.roles).toEqual(['admin', 'technician']);
    await t.db.delete(userRoles).where(eq(userRoles.role, 'admin'));
    expect((await loadActor(t.db, user.id))?.roles).toEqual(['technician']);
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await loadActor(t.db, user.id)).toBeNull();
    expect(await loadActor(t.db, 'not-a-uuid')).toBeNull();
    expect(await loadActor(t.db, undefined)).toBeNull();
  });

  describe('the city SSO', () => {
    it('links an existing account by verified email, then finds it by subject', async () => {
      const user = await makeUser(t.db, ['member'], { email: 'sso@ville.test' });
      expect(await linkOidcAccount(t.db, { subject: 'sub-1', email: 'SSO@ville.test', emailVerified: true, name: 'X' })).toBe(user.id);
      expect(await linkOidcAccount(t.db, { subject: 'sub-1', email: null, emailVerified: false, name: null })).toBe(user.id);
    });

    it('creates an account with no role for a newcomer: roles come from an admin', async () => {
      const id = await linkOidcAccount(t.db, { subject: 'sub-new', email: 'new@ville.test', emailVerified: true, name: 'Nouvelle' });
      expect(id).toBeTruthy();
      expect(await loadActor(t.db, id)).toMatchObject({ email: 'new@ville.test', roles: [] });
    });

    it('refuses an unverified email and a deactivated account', async () => {
      await makeUser(t.db, ['member'], { email: 'off@ville.test', active: false });
      expect(await linkOidcAccount(t.db, { subject: 'sub-x', email: 'someone@ville.test', emailVerified: false, name: null })).toBeNull();
      expect(await linkOidcAccount(t.db, { subject: 'sub-off', email: 'off@ville.test', emailVerified: true, name: null })).toBeNull();
    });
  });
});
