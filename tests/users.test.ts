import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, userRoles, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/sign-in';
import { COMMANDS, runCommand } from '@/lib/workflow';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { FIXTURE_PASSWORD, makeUser } from './support/fixtures';

describe.each(BACKENDS)('account commands on %s', (backend) => {
  let t: TestDatabase;
  let admin: { id: string };
  const rowCounts = async () => ({
    users: (await t.db.select({ n: count() }).from(users))[0]!.n,
    roles: (await t.db.select({ n: count() }).from(userRoles))[0]!.n,
    events: (await t.db.select({ n: count() }).from(auditEvents))[0]!.n,
  });

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    admin = await makeUser(t.db, ['admin']);
  });
  afterAll(() => t.close());

  it('creates an account with its roles, a hashed password and an audit event', async () => {
    const result = await runCommand(t.db, COMMANDS.createUser, admin.id, {
      name: ' Léa Martin ',
      email: 'Lea.Martin@Ville.test',
      password: 'a-long-password-1',
      roles: ['member', 'chair', 'member'],
    });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : '';
    expect(await loadActor(t.db, id)).toMatchObject({ name: 'Léa Martin', email: 'lea.martin@ville.test', roles: ['chair', 'member'] });
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticate(t.db, { email: 'lea.martin@ville.test', password: 'a-long-password-1' }, 'x')).toEqual({ ok: true, userId: id });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events).toMatchObject([{ action: 'user.created', actorId: admin.id }]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = await rowCounts();
    const result = await runCommand(t.db, COMMANDS.createUser, admin.id, { name: '  ', email: 'not-an-email', password: 'short', roles: ['king'] });
    expect(result).toEqual({
      ok: false,
      code: 'invalid',
      fieldErrors: { name: 'validation.required', email: 'validation.email', password: 'validation.password_length', 'roles.0': 'validation.role' },
    });
    expect(await runCommand(t.db, COMMANDS.createUser, admin.id, 'garbage')).toMatchObject({ ok: false, code: 'invalid' });
    expect(await runCommand(t.db, COMMANDS.createUser, admin.id, null)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a second account with the same email (any case) and writes nothing', async () => {
    await runCommand(t.db, COMMANDS.createUser, admin.id, { name: 'A', email: 'twin@ville.test', password: 'a-long-password-1', roles: [] });
    const before = await rowCounts();
    const result = await runCommand(t.db, COMMANDS.createUser, admin.id, { name: 'B', email: 'TWIN@ville.test', password: 'a-long-password-1', roles: ['admin'] });
    expect(result).toEqual({ ok: false, code: 'conflict:email_taken', fieldErrors: { email: 'errors.conflict:email_taken' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('grants and revokes roles, with effect on the next check', async () => {
    const person = await makeUser(t.db, ['technician']);
    expect(await runCommand(t.db, COMMANDS.grantRole, admin.id, { userId: person.id, role: 'diagnostician' })).toMatchObject({ ok: true });
    expect((await loadActor(t.db, person.id))?.roles).toEqual(['diagnostician', 'technician']);
    expect(await runCommand(t.db, COMMANDS.grantRole, admin.id, { userId: person.id, role: 'diagnostician' })).toMatchObject({ code: 'conflict:role_already_granted' });
    expect(await runCommand(t.db, COMMANDS.revokeRole, admin.id, { userId: person.id, role: 'technician' })).toMatchObject({ ok: true });
    expect((await loadActor(t.db, person.id))?.roles).toEqual(['diagnostician']);
    expect(await runCommand(t.db, COMMANDS.revokeRole, admin.id, { userId: person.id, role: 'technician' })).toMatchObject({ code: 'conflict:role_not_granted' });
    const actions = await t.db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.entityId, person.id));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'user.role_granted', details: { role: 'diagnostician' } },
        { action: 'user.role_revoked', details: { role: 'technician' } },
      ]),
    );
  });

  it('refuses to change an account that does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect(await runCommand(t.db, COMMANDS.grantRole, admin.id, { userId: ghost, role: 'member' })).toMatchObject({ code: 'not_found' });
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: ghost, active: false })).toMatchObject({ code: 'not_found' });
  });

  it('deactivates an account: it cannot sign in and its session stops working; reactivation restores it', async () => {
    const person = await makeUser(t.db, ['member'], { email: 'leaving@ville.test' });
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: person.id, active: false })).toMatchObject({ ok: true });
    expect(await authenticate(t.db, { email: 'leaving@ville.test', password: FIXTURE_PASSWORD }, 'y')).toMatchObject({ ok: false });
    expect(await loadActor(t.db, person.id)).toBeNull();
    // Its own commands are refused as if signed out.
    expect(await runCommand(t.db, COMMANDS.changeOwnPassword, person.id, {})).toMatchObject({ code: 'unauthenticated' });
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: person.id, active: true })).toMatchObject({ ok: true });
    expect(await loadActor(t.db, person.id)).not.toBeNull();
  });

  it('keeps an admin from locking themself out', async () => {
    expect(await runCommand(t.db, COMMANDS.revokeRole, admin.id, { userId: admin.id, role: 'admin' })).toMatchObject({ code: 'conflict:self_lockout' });
    expect(await runCommand(t.db, COMMANDS.setUserActive, admin.id, { userId: admin.id, active: false })).toMatchObject({ code: 'conflict:self_lockout' });
    expect((await loadActor(t.db, admin.id))?.roles).toEqual(['admin']);
  });

  it('resets a password', async () => {
    const person = await makeUser(t.db, ['member'], { email: 'forgot@ville.test' });
    expect(await runCommand(t.db, COMMANDS.resetPassword, admin.id, { userId: person.id, password: 'brand-new-password' })).toMatchObject({ ok: true });
    expect(await authenticate(t.db, { email: 'forgot@ville.test', password: 'brand-new-password' }, 'z')).toMatchObject({ ok: true });
    expect(await authenticate(t.db, { email: 'forgot@ville.test', password: FIXTURE_PASSWORD }, 'z')).toMatchObject({ ok: false });
  });

  it('lets a person change their own password only with the current one', async () => {
    const person = await makeUser(t.db, ['technician'], { email: 'self@ville.test' });
    const wrong = await runCommand(t.db, COMMANDS.changeOwnPassword, person.id, { currentPassword: 'nope', newPassword: 'another-password-9', confirmPassword: 'another-password-9' });
    expect(wrong).toMatchObject({ code: 'conflict:wrong_password', fieldErrors: { currentPassword: 'errors.conflict:wrong_password' } });
    const mismatch = await runCommand(t.db, COMMANDS.changeOwnPassword, person.id, { currentPassword: FIXTURE_PASSWORD, newPassword: 'another-password-9', confirmPassword: 'different' });
    expect(mismatch).toMatchObject({ code: 'invalid', fieldErrors: { confirmPassword: 'validation.password_mismatch' } });
    const ok = await runCommand(t.db, COMMANDS.changeOwnPassword, person.id, { currentPassword: FIXTURE_PASSWORD, newPassword: 'another-password-9', confirmPassword: 'another-password-9' });
    expect(ok).toMatchObject({ ok: true });
    expect(await authenticate(t.db, { email: 'self@ville.test', password: 'another-password-9' }, 'w')).toMatchObject({ ok: true });
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, 'user.password_changed')));
    expect(events).toHaveLength(1);
  });
});
