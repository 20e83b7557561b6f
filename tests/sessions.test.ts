import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSessions, securityEvents, signInAttempts, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { logSecurityEvent, pruneSecurityLog, SECURITY_LOG_RETENTION_DAYS } from '@/lib/auth/security-log';
import { openSession, revokeSession, SESSION_ABSOLUTE_HOURS } from '@/lib/auth/sessions';
import { authenticate, SIGN_IN_LIMITS } from '@/lib/auth/sign-in';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { FIXTURE_PASSWORD, makeUser } from './support/fixtures';

describe.each(BACKENDS)('sessions and the security log on %s', (backend) => {
  let t: TestDatabase;
  let admin: { id: string };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    admin = await makeUser(t.db, ['admin']);
  });
  afterAll(() => t.close());

  const ref = (userId: string, sessionId: string | undefined) => ({ userId, sessionId, address: '192.0.2.10' });
  const isOpen = async (userId: string, sessionId: string) => (await loadActor(t.db, ref(userId, sessionId))) !== null;

  it('opens /espace to a session until it is signed out', async () => {
    const person = await makeUser(t.db, ['member']);
    const sid = await openSession(t.db, person.id);
    expect(await loadActor(t.db, ref(person.id, sid))).toMatchObject({ id: person.id, roles: ['member'], sessionId: sid, address: '192.0.2.10' });
    expect(await revokeSession(t.db, sid)).toBe(true);
    // The same token, replayed after sign-out, opens nothing.
    expect(await loadActor(t.db, ref(person.id, sid))).toBeNull();
    expect(await revokeSession(t.db, sid)).toBe(false);
  });

  it('refuses a token without a session, with another person’s session, or with a malformed one', async () => {
    const person = await makeUser(t.db, ['member']);
    const other = await makeUser(t.db, ['member']);
    const theirs = await openSession(t.db, other.id);
    expect(await loadActor(t.db, ref(person.id, undefined))).toBeNull();
    expect(await loadActor(t.db, ref(person.id, theirs))).toBeNull();
    expect(await loadActor(t.db, ref(person.id, 'not-a-uuid'))).toBeNull();
    expect(await isOpen(other.id, theirs)).toBe(true);
  });

  it(`ends a session ${SESSION_ABSOLUTE_HOURS} h after sign-in, however active it was`, async () => {
    const person = await makeUser(t.db, ['member']);
    const startedAt = new Date(Date.now() - (SESSION_ABSOLUTE_HOURS * 3_600_000 - 60_000));
    const sid = await openSession(t.db, person.id, startedAt);
    expect(await isOpen(person.id, sid)).toBe(true);
    const expired = await openSession(t.db, person.id, new Date(Date.now() - SESSION_ABSOLUTE_HOURS * 3_600_000 - 1000));
    expect(await isOpen(person.id, expired)).toBe(false);
  });

  it('drops the sessions past their lifetime at the next sign-in, and only those', async () => {
    const person = await makeUser(t.db, ['member']);
    const old = await openSession(t.db, person.id, new Date(Date.now() - SESSION_ABSOLUTE_HOURS * 3_600_000 - 1000));
    const open = await openSession(t.db, person.id);
    const left = await t.db.select({ id: authSessions.id }).from(authSessions).where(eq(authSessions.userId, person.id));
    expect(left.map((r) => r.id)).toEqual([open]);
    expect(old).not.toBe(open);
  });

  it('ends the other sessions on a password change, and keeps the one that made it', async () => {
    const person = await makeUser(t.db, ['technician'], { email: 'changer@ville.test' });
    const here = await openSession(t.db, person.id);
    const elsewhere = await openSession(t.db, person.id);
    const result = await runCommand(t.db, COMMANDS.changeOwnPassword, ref(person.id, here), {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'a-new-password-42',
      confirmPassword: 'a-new-password-42',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await isOpen(person.id, here)).toBe(true);
    expect(await isOpen(person.id, elsewhere)).toBe(false);
    const kinds = (await t.db.select().from(securityEvents).where(eq(securityEvents.userId, person.id))).map((e) => e.kind).sort();
    expect(kinds).toEqual(['password_changed', 'session_revoked']);
  });

  it('ends every session of a person on an admin reset and on deactivation', async () => {
    const person = await makeUser(t.db, ['member']);
    const first = await openSession(t.db, person.id);
    expect(await runCommand(t.db, COMMANDS.resetPassword, admin.id, { userId: person.id, password: 'reset-by-admin-1' })).toMatchObject({ ok: true });
    expect(await isOpen(person.id, first)).toBe(false);

    const second = await openSession(t.db, person.id);
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: person.id, active: false })).toMatchObject({ ok: true });
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: person.id, active: true })).toMatchObject({ ok: true });
    // Reactivating the account does not bring an ended session back.
    expect(await isOpen(person.id, second)).toBe(false);
  });

  it('refuses a command from a signed-out session', async () => {
    const person = await makeUser(t.db, ['technician']);
    const sid = await openSession(t.db, person.id);
    await revokeSession(t.db, sid);
    const result = await runCommand(t.db, COMMANDS.changeOwnPassword, ref(person.id, sid), {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'a-new-password-42',
      confirmPassword: 'a-new-password-42',
    });
    expect(result).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  it('checks the current password under the sign-in limits: a growing delay, shared with sign-in', async () => {
    const person = await makeUser(t.db, ['technician'], { email: 'guesser@ville.test' });
    const sid = await openSession(t.db, person.id);
    const change = (currentPassword: string) =>
      runCommand(t.db, COMMANDS.changeOwnPassword, ref(person.id, sid), { currentPassword, newPassword: 'a-new-password-42', confirmPassword: 'a-new-password-42' });
    for (let i = 0; i < SIGN_IN_LIMITS.freeFailuresPerEmail; i++) expect(await change(`guess-${i}`)).toMatchObject({ code: 'conflict:wrong_password' });
    // Even the right password waits out the delay, and the refusal says for how long.
    expect(await change(FIXTURE_PASSWORD)).toEqual({
      ok: false,
      code: 'conflict:too_many_attempts',
      fieldErrors: { currentPassword: { key: 'signIn.retryInSeconds', params: { seconds: expect.any(Number) } } },
    });
    expect(await authenticate(t.db, { email: 'guesser@ville.test', password: FIXTURE_PASSWORD }, '192.0.2.99')).toMatchObject({ reason: 'rate_limited' });
    await t.db.update(signInAttempts).set({ createdAt: sql`${signInAttempts.createdAt} - interval '5 seconds'` }).where(eq(signInAttempts.emailKey, 'guesser@ville.test'));
    expect(await change(FIXTURE_PASSWORD)).toMatchObject({ ok: true });
    expect(await t.db.select().from(securityEvents).where(and(eq(securityEvents.userId, person.id), eq(securityEvents.kind, 'password_change_failed')))).toHaveLength(
      SIGN_IN_LIMITS.freeFailuresPerEmail,
    );
  });

  it('logs forbidden and not-found commands, although their transaction rolled back', async () => {
    const technician = await makeUser(t.db, ['technician']);
    const sid = await openSession(t.db, technician.id);
    expect(await runCommand(t.db, COMMANDS.resetPassword, ref(technician.id, sid), { userId: admin.id, password: 'hijacked-password' })).toMatchObject({
      code: 'forbidden',
    });
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await runCommand(t.db, COMMANDS.resetPassword, admin.id, { userId: missing, password: 'whatever-password' })).toMatchObject({ code: 'not_found' });
    const forbidden = await t.db.select().from(securityEvents).where(eq(securityEvents.kind, 'forbidden'));
    expect(forbidden).toEqual([expect.objectContaining({ userId: technician.id, address: '192.0.2.10', details: { command: 'resetPassword' } })]);
    const notFound = await t.db.select().from(securityEvents).where(eq(securityEvents.kind, 'not_found'));
    expect(notFound).toEqual([expect.objectContaining({ userId: admin.id, details: { command: 'resetPassword' } })]);
  });

  it(`keeps the security log ${SECURITY_LOG_RETENTION_DAYS} days, when sign-in attempts go after a day`, async () => {
    const person = await makeUser(t.db, ['member'], { email: 'retention@ville.test' });
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    await t.db.delete(securityEvents);
    await logSecurityEvent(t.db, { kind: 'sign_in_failed', emailKey: 'old@ville.test' });
    await logSecurityEvent(t.db, { kind: 'sign_in_failed', emailKey: 'recent@ville.test' });
    await t.db.update(securityEvents).set({ createdAt: daysAgo(SECURITY_LOG_RETENTION_DAYS + 1) }).where(eq(securityEvents.emailKey, 'old@ville.test'));
    await t.db.update(securityEvents).set({ createdAt: daysAgo(SECURITY_LOG_RETENTION_DAYS - 1) }).where(eq(securityEvents.emailKey, 'recent@ville.test'));
    await t.db.insert(signInAttempts).values({ emailKey: 'old@ville.test', addressKey: 'x', succeeded: false, createdAt: daysAgo(2) });

    // A successful sign-in prunes both tables, each by its own rule.
    expect(await authenticate(t.db, { email: 'retention@ville.test', password: FIXTURE_PASSWORD }, '192.0.2.3')).toEqual({ ok: true, userId: person.id });
    expect(await t.db.select().from(signInAttempts).where(eq(signInAttempts.emailKey, 'old@ville.test'))).toHaveLength(0);
    const kept = (await t.db.select().from(securityEvents)).map((e) => e.emailKey).sort();
    expect(kept).toEqual(['recent@ville.test', 'retention@ville.test']);
    await pruneSecurityLog(t.db, daysAgo(-2));
    expect((await t.db.select().from(securityEvents)).map((e) => e.emailKey).sort()).toEqual(['retention@ville.test']);
  });

  it('deletes sessions with their account', async () => {
    const person = await makeUser(t.db, []);
    await openSession(t.db, person.id);
    await t.db.delete(users).where(eq(users.id, person.id));
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, person.id))).toHaveLength(0);
  });
});
