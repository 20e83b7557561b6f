import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { securityEvents, signInAttempts, userRoles, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { linkOidcAccount, oidcIdentity } from '@/lib/auth/oidc';
import { accountDelaySeconds, authenticate, clientAddress, PEER_ADDRESS_HEADER, retryAfterError, SIGN_IN_LIMITS } from '@/lib/auth/sign-in';
import { translateFieldError } from '@/lib/forms';
import { MESSAGES } from '@/lib/i18n/messages';
import { createTranslator } from 'next-intl';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { FIXTURE_PASSWORD, makeUser } from './support/fixtures';
import { COMMANDS, runCommand } from '@/lib/workflow';

// Counts the argon2 verifications: the attempt limits exist to keep that number down.
const argon2 = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      argon2.calls += 1;
      return original.verifyPassword(...args);
    },
  };
});

// Records each real argon2 verification and the parameters of the hash it ran against.
const argon2Runs = vi.hoisted(() => ({ params: [] as string[] }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      argon2Runs.params.push(String(args[0]).split('$').slice(1, 4).join('$'));
      return original.verify(...args);
    },
  };
});

const headers = (h: Record<string, string>) => new Headers(h);

describe('clientAddress', () => {
  it('with no proxy (the default), is the TCP peer, whatever X-Forwarded-For the client wrote', () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.9' }), 0, true)).toBe('203.0.113.9');
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '203.0.113.9' }), 0, true)).toBe('203.0.113.9');
  });

  it('with N proxies, takes the Nth address before the peer, ignoring what the client wrote further left', () => {
    const h = headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.8', [PEER_ADDRESS_HEADER]: '10.0.0.7' });
    expect(clientAddress(h, 1, true)).toBe('10.0.0.8');
    expect(clientAddress(h, 2, true)).toBe('203.0.113.9');
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: '10.0.0.7' }), 1, true)).toBe('unknown');
  });

  it('ignores a peer header when the preload that writes it is not running (a client could have sent it)', () => {
    const forged = headers({ 'x-forwarded-for': '10.0.0.7', [PEER_ADDRESS_HEADER]: '6.6.6.6' });
    expect(clientAddress(forged, 0, false)).toBe('10.0.0.7');
    // In this process the preload was never loaded: the default says so.
    expect(clientAddress(forged, 0)).toBe('10.0.0.7');
  });

  it('without the peer header, falls back to the last X-Forwarded-For entry (what Next.js fills from the socket)', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }), 0)).toBe('10.0.0.7');
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' }), 1)).toBe('10.0.0.7');
    expect(clientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.7' }), 2)).toBe('203.0.113.9');
    expect(clientAddress(headers({}), 1)).toBe('unknown');
  });
});

describe('the per-account delay', () => {
  it('is none for the first failures, then doubles up to its cap', () => {
    const free = SIGN_IN_LIMITS.freeFailuresPerEmail;
    expect(accountDelaySeconds(free - 1)).toBe(0);
    expect(accountDelaySeconds(free)).toBe(SIGN_IN_LIMITS.firstDelaySeconds);
    expect(accountDelaySeconds(free + 1)).toBe(SIGN_IN_LIMITS.firstDelaySeconds * 2);
    expect(accountDelaySeconds(free + 40)).toBe(SIGN_IN_LIMITS.maxDelaySeconds);
  });
});

describe('the refusal of an attempt inside the delay', () => {
  it('says when to try again, in seconds then in minutes, in both languages', () => {
    const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr });
    const en = createTranslator({ locale: 'en', messages: MESSAGES.en });
    expect(translateFieldError(fr, retryAfterError(4))).toBe('Trop de tentatives avec un mauvais mot de passe. Réessayez dans 4 s.');
    expect(translateFieldError(fr, retryAfterError(290))).toBe('Trop de tentatives avec un mauvais mot de passe. Réessayez dans 5 min.');
    expect(translateFieldError(en, retryAfterError(290))).toBe('Too many attempts with a wrong password. Try again in 5 min.');
  });
});

describe('the SSO identity', () => {
  it('counts an email as verified only when the provider says so explicitly', () => {
    expect(oidcIdentity('acc', { sub: 's', email: 'a@ville.test', email_verified: true }).emailVerified).toBe(true);
    expect(oidcIdentity('acc', { sub: 's', email: 'a@ville.test' }).emailVerified).toBe(false);
    expect(oidcIdentity('acc', { sub: 's', email: 'a@ville.test', email_verified: 'true' }).emailVerified).toBe(false);
    expect(oidcIdentity('acc', { sub: 's', email: 'a@ville.test', email_verified: false }).emailVerified).toBe(false);
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
    argon2.calls = 0;
  });
  // Moves every recorded attempt back in time, as if that much had passed.
  const elapse = (seconds: number) =>
    t.db.update(signInAttempts).set({ createdAt: sql`${signInAttempts.createdAt} - make_interval(secs => ${seconds})` });

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
    const runsFor = async (email: string) => {
      argon2Runs.params = [];
      await authenticate(t.db, { email, password: 'wrong-password' }, 'timing');
      return argon2Runs.params;
    };
    // Counted, not timed (timings flake on a busy machine): one verification each, against
    // a hash of the same cost, so an unknown email cannot be told from a known one.
    const known = await runsFor('timing@ville.test');
    const unknown = await runsFor('nobody@ville.test');
    expect(known).toHaveLength(1);
    expect(known[0]).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/);
    expect(unknown).toEqual(known);
  });

  it('lets at most the free failures of one account reach argon2 when 12 wrong passwords arrive at once', async () => {
    await makeUser(t.db, ['technician'], { email: 'raced@ville.test' });
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => authenticate(t.db, { email: 'raced@ville.test', password: `wrong-${i}` }, `198.51.100.${i}`)),
    );
    expect(argon2.calls).toBe(SIGN_IN_LIMITS.freeFailuresPerEmail);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'invalid')).toHaveLength(SIGN_IN_LIMITS.freeFailuresPerEmail);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'rate_limited')).toHaveLength(12 - SIGN_IN_LIMITS.freeFailuresPerEmail);
    const recorded = await t.db.select().from(signInAttempts).where(eq(signInAttempts.emailKey, 'raced@ville.test'));
    expect(recorded).toHaveLength(SIGN_IN_LIMITS.freeFailuresPerEmail);
  });

  it('holds the per-address limit against parallel attempts on many accounts', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perAddress + 6 }, (_, i) => authenticate(t.db, { email: `spray-${i}@ville.test`, password: 'wrong' }, '203.0.113.77')),
    );
    expect(argon2.calls).toBe(SIGN_IN_LIMITS.perAddress);
    expect(outcomes.filter((o) => !o.ok && o.reason === 'rate_limited')).toHaveLength(6);
  });

  it('after the free failures, makes each attempt wait a growing delay, and says how long, without checking the password', async () => {
    const user = await makeUser(t.db, ['technician'], { email: 'target@ville.test' });
    const free = SIGN_IN_LIMITS.freeFailuresPerEmail;
    for (let i = 0; i < free; i++) {
      expect(await authenticate(t.db, { email: 'target@ville.test', password: 'wrong' }, `10.0.0.${i}`)).toMatchObject({ reason: 'invalid' });
      expect(await authenticate(t.db, { email: 'ghost@ville.test', password: 'wrong' }, `10.0.1.${i}`)).toMatchObject({ reason: 'invalid' });
    }
    argon2.calls = 0;
    // Even the right password, from another address, and whether or not the account exists.
    const refused = await authenticate(t.db, { email: 'target@ville.test', password: FIXTURE_PASSWORD }, '10.9.9.9');
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(refused.ok === false && refused.reason === 'rate_limited' && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.ok === false && refused.reason === 'rate_limited' && refused.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.firstDelaySeconds);
    expect(await authenticate(t.db, { email: 'ghost@ville.test', password: 'wrong' }, '10.9.9.9')).toMatchObject({ reason: 'rate_limited' });
    expect(argon2.calls).toBe(0);

    // Once the delay has passed, one more try; a wrong one doubles the next delay.
    await elapse(SIGN_IN_LIMITS.firstDelaySeconds);
    expect(await authenticate(t.db, { email: 'target@ville.test', password: 'wrong' }, '10.9.9.9')).toMatchObject({ reason: 'invalid' });
    await elapse(SIGN_IN_LIMITS.firstDelaySeconds);
    const doubled = await authenticate(t.db, { email: 'target@ville.test', password: FIXTURE_PASSWORD }, '10.9.9.9');
    expect(doubled).toMatchObject({ reason: 'rate_limited' });
    expect(doubled.ok === false && doubled.reason === 'rate_limited' && doubled.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.firstDelaySeconds - 1);

    // The owner is not locked out for the window: after the delay, their password works.
    await elapse(SIGN_IN_LIMITS.firstDelaySeconds * 2);
    expect(await authenticate(t.db, { email: 'target@ville.test', password: FIXTURE_PASSWORD }, '10.9.9.9')).toEqual({ ok: true, userId: user.id });
  });

  it('counts failures from the last success only, and forgets them after the window', async () => {
    await makeUser(t.db, ['technician'], { email: 'forgetful@ville.test' });
    const free = SIGN_IN_LIMITS.freeFailuresPerEmail;
    for (let i = 0; i < free - 1; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });
    for (let i = 0; i < free - 1; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });

    for (let i = 0; i < free; i++) await authenticate(t.db, { email: 'forgetful@ville.test', password: 'wrong' }, 'x');
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ reason: 'rate_limited' });
    await elapse((SIGN_IN_LIMITS.windowMinutes + 1) * 60);
    expect(await authenticate(t.db, { email: 'forgetful@ville.test', password: FIXTURE_PASSWORD }, 'x')).toMatchObject({ ok: true });
  });

  it(`limits one client address to ${SIGN_IN_LIMITS.perAddress} failures across accounts, and says when it may try again`, async () => {
    const user = await makeUser(t.db, ['technician'], { email: 'victim@ville.test' });
    // Recorded directly: the limit is read from the table, shared by every app instance.
    await t.db.insert(signInAttempts).values(
      Array.from({ length: SIGN_IN_LIMITS.perAddress }, (_, i) => ({ emailKey: `spray${i}@ville.test`, addressKey: '203.0.113.66', succeeded: false })),
    );
    const refused = await authenticate(t.db, { email: 'victim@ville.test', password: FIXTURE_PASSWORD }, '203.0.113.66');
    expect(refused).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(refused.ok === false && refused.reason === 'rate_limited' && refused.retryAfterSeconds).toBeGreaterThan(SIGN_IN_LIMITS.windowMinutes * 60 - 60);
    expect(await authenticate(t.db, { email: 'victim@ville.test', password: FIXTURE_PASSWORD }, '198.51.100.1')).toEqual({ ok: true, userId: user.id });
    // A success of one's own account does not reset the address's count for the others.
    expect(await authenticate(t.db, { email: 'victim@ville.test', password: FIXTURE_PASSWORD }, '203.0.113.66')).toMatchObject({ reason: 'rate_limited' });
  });

  it('writes sign-ins, failures and refusals to the security log', async () => {
    await t.db.delete(securityEvents);
    const user = await makeUser(t.db, ['technician'], { email: 'logged@ville.test' });
    await authenticate(t.db, { email: 'logged@ville.test', password: 'wrong' }, '192.0.2.1');
    await authenticate(t.db, { email: 'logged@ville.test', password: FIXTURE_PASSWORD }, '192.0.2.1');
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailuresPerEmail + 1; i++) await authenticate(t.db, { email: 'logged@ville.test', password: 'wrong' }, '192.0.2.1');
    const rows = await t.db.select().from(securityEvents).orderBy(securityEvents.createdAt);
    expect(rows.map((r) => r.kind)).toEqual([
      'sign_in_failed',
      'sign_in',
      ...Array<string>(SIGN_IN_LIMITS.freeFailuresPerEmail).fill('sign_in_failed'),
      'sign_in_rate_limited',
    ]);
    expect(rows[1]).toMatchObject({ userId: user.id, emailKey: 'logged@ville.test', address: '192.0.2.1' });
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
    it('links an existing account without a role by verified email, then finds it by subject', async () => {
      const user = await makeUser(t.db, [], { email: 'sso@ville.test' });
      expect(await linkOidcAccount(t.db, { subject: 'sub-1', email: 'SSO@ville.test', emailVerified: true, name: 'X' })).toBe(user.id);
      expect(await linkOidcAccount(t.db, { subject: 'sub-1', email: null, emailVerified: false, name: null })).toBe(user.id);
    });

    it('never links an account holding roles by its email, unless an admin allowed it, once', async () => {
      const admin = await makeUser(t.db, ['admin']);
      const member = await makeUser(t.db, ['member'], { email: 'member-sso@ville.test' });
      const identity = { subject: 'sub-m', email: 'member-sso@ville.test', emailVerified: true, name: null };
      expect(await linkOidcAccount(t.db, identity)).toBeNull();
      expect((await t.db.select().from(users).where(eq(users.id, member.id)))[0]?.oidcSubject).toBeNull();

      expect(await runCommand(t.db, COMMANDS.allowSsoLink, admin.id, { userId: member.id })).toMatchObject({ ok: true });
      expect(await linkOidcAccount(t.db, identity)).toBe(member.id);
      expect((await t.db.select().from(users).where(eq(users.id, member.id)))[0]).toMatchObject({ oidcSubject: 'sub-m', ssoLinkAllowed: false });
      expect(await loadActor(t.db, member.id)).toMatchObject({ roles: ['member'] });
      // Linked: found by its subject from now on; allowing again makes no sense.
      expect(await linkOidcAccount(t.db, { subject: 'sub-m', email: null, emailVerified: false, name: null })).toBe(member.id);
      expect(await runCommand(t.db, COMMANDS.allowSsoLink, admin.id, { userId: member.id })).toMatchObject({ code: 'conflict:sso_already_linked' });

      // The permission is used up by the link: another subject with the same email gets nothing.
      const other = await makeUser(t.db, ['chair'], { email: 'chair-sso@ville.test' });
      await runCommand(t.db, COMMANDS.allowSsoLink, admin.id, { userId: other.id });
      expect(await linkOidcAccount(t.db, { subject: 'sub-c', email: 'chair-sso@ville.test', emailVerified: true, name: null })).toBe(other.id);
      expect(await linkOidcAccount(t.db, { subject: 'sub-c2', email: 'chair-sso@ville.test', emailVerified: true, name: null })).toBeNull();
    });

    it('creates an account with no role for a newcomer: roles come from an admin', async () => {
      const id = await linkOidcAccount(t.db, { subject: 'sub-new', email: 'new@ville.test', emailVerified: true, name: 'Nouvelle' });
      expect(id).toBeTruthy();
      expect(await loadActor(t.db, id)).toMatchObject({ email: 'new@ville.test', roles: [] });
    });

    it('refuses an unverified or unconfirmed email and a deactivated account', async () => {
      await makeUser(t.db, [], { email: 'unverified@ville.test' });
      await makeUser(t.db, ['member'], { email: 'off@ville.test', active: false });
      expect(await linkOidcAccount(t.db, { subject: 'sub-x', email: 'someone@ville.test', emailVerified: false, name: null })).toBeNull();
      // A provider that says nothing about verification is not trusted either.
      expect(await linkOidcAccount(t.db, oidcIdentity('acc', { sub: 'sub-y', email: 'unverified@ville.test' }))).toBeNull();
      expect(await linkOidcAccount(t.db, { subject: 'sub-off', email: 'off@ville.test', emailVerified: true, name: null })).toBeNull();
    });
  });
});
