import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { logSecurityEvent } from '@/lib/auth/security-log';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { recordSuccess, reserveAttempt, retryAfterError } from '@/lib/auth/sign-in';
import { AppError, isUniqueViolation } from '@/lib/errors';
import {
  allowSsoLinkSchema,
  changeOwnPasswordSchema,
  createUserSchema,
  resetPasswordSchema,
  roleChangeSchema,
  setActiveSchema,
} from '@/lib/validation/users';
import { recordEvent } from './audit';
import { defineCommand } from './command';

async function requireUserRow(tx: Tx, userId: string) {
  // FOR UPDATE: two admins changing the same account are serialised.
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

export const createUser = defineCommand({
  name: 'createUser',
  permission: 'users.manage',
  schema: createUserSchema,
  async run(tx, actor, input) {
    const passwordHash = await hashPassword(input.password);
    let id: string;
    try {
      // A savepoint, so that a duplicate email leaves the transaction usable for the error.
      [{ id }] = (await tx.transaction((sp) =>
        sp.insert(users).values({ name: input.name, email: input.email, passwordHash }).returning({ id: users.id }),
      )) as [{ id: string }];
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('conflict:email_taken', { email: 'errors.conflict:email_taken' });
      throw err;
    }
    const roles = [...new Set(input.roles)];
    if (roles.length) await tx.insert(userRoles).values(roles.map((role) => ({ userId: id, role, grantedBy: actor.id })));
    await recordEvent(tx, { actorId: actor.id, action: 'user.created', entityId: id, details: { roles, via: 'admin' } });
    return { id };
  },
});

export const grantRole = defineCommand({
  name: 'grantRole',
  permission: 'users.manage',
  schema: roleChangeSchema,
  async run(tx, actor, { userId, role }) {
    await requireUserRow(tx, userId);
    const inserted = await tx
      .insert(userRoles)
      .values({ userId, role, grantedBy: actor.id })
      .onConflictDoNothing()
      .returning({ role: userRoles.role });
    if (!inserted.length) throw new AppError('conflict:role_already_granted');
    await recordEvent(tx, { actorId: actor.id, action: 'user.role_granted', entityId: userId, details: { role } });
  },
});

export const revokeRole = defineCommand({
  name: 'revokeRole',
  permission: 'users.manage',
  schema: roleChangeSchema,
  async run(tx, actor, { userId, role }) {
    // An admin removing their own admin role could leave the city with no admin at all.
    if (userId === actor.id && role === 'admin') throw new AppError('conflict:self_lockout');
    await requireUserRow(tx, userId);
    const deleted = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
      .returning({ role: userRoles.role });
    if (!deleted.length) throw new AppError('conflict:role_not_granted');
    await recordEvent(tx, { actorId: actor.id, action: 'user.role_revoked', entityId: userId, details: { role } });
  },
});

export const resetPassword = defineCommand({
  name: 'resetPassword',
  permission: 'users.manage',
  schema: resetPasswordSchema,
  async run(tx, actor, { userId, password }) {
    await requireUserRow(tx, userId);
    await tx.update(users).set({ passwordHash: await hashPassword(password), updatedAt: new Date() }).where(eq(users.id, userId));
    // Whoever held the old password (or a session opened with it) is out.
    await revokeUserSessions(tx, userId, { reason: 'password_reset', by: actor.id });
    await recordEvent(tx, { actorId: actor.id, action: 'user.password_reset', entityId: userId });
  },
});

export const setUserActive = defineCommand({
  name: 'setUserActive',
  permission: 'users.manage',
  schema: setActiveSchema,
  async run(tx, actor, { userId, active }) {
    if (userId === actor.id && !active) throw new AppError('conflict:self_lockout');
    const row = await requireUserRow(tx, userId);
    if (row.active === active) return;
    await tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, userId));
    if (!active) await revokeUserSessions(tx, userId, { reason: 'deactivated', by: actor.id });
    await recordEvent(tx, {
      actorId: actor.id,
      action: active ? 'user.reactivated' : 'user.deactivated',
      entityId: userId,
      fromState: row.active ? 'active' : 'inactive',
      toState: active ? 'active' : 'inactive',
    });
  },
});

/**
 * Lets the next sign-in through the city's SSO link this account by its email, although
 * it holds roles (never done automatically: lib/auth/oidc.ts).
 */
export const allowSsoLink = defineCommand({
  name: 'allowSsoLink',
  permission: 'users.manage',
  schema: allowSsoLinkSchema,
  async run(tx, actor, { userId }) {
    const row = await requireUserRow(tx, userId);
    if (row.oidcSubject) throw new AppError('conflict:sso_already_linked');
    if (row.ssoLinkAllowed) return;
    await tx.update(users).set({ ssoLinkAllowed: true, updatedAt: new Date() }).where(eq(users.id, userId));
    await recordEvent(tx, { actorId: actor.id, action: 'user.sso_link_allowed', entityId: userId });
  },
});

export const changeOwnPassword = defineCommand({
  name: 'changeOwnPassword',
  permission: 'account.changePassword',
  schema: changeOwnPasswordSchema,
  // The current password is checked under the sign-in limits (the same per-account delay
  // and per-address limit), outside the transaction so that a wrong guess stays counted.
  async check(db, actor, input) {
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
    const address = actor.address || 'unknown';
    const reservation = await reserveAttempt(db, actor.email, address);
    if (!reservation.ok) {
      await logSecurityEvent(db, { kind: 'password_change_rate_limited', userId: actor.id, emailKey: actor.email, address, details: { limit: reservation.limit } });
      throw new AppError('conflict:too_many_attempts', { currentPassword: retryAfterError(reservation.retryAfterSeconds) });
    }
    if (!(await verifyPassword(row?.passwordHash, input.currentPassword))) {
      await logSecurityEvent(db, { kind: 'password_change_failed', userId: actor.id, emailKey: actor.email, address });
      throw new AppError('conflict:wrong_password', { currentPassword: 'errors.conflict:wrong_password' });
    }
    await recordSuccess(db, reservation.attemptId);
  },
  async run(tx, actor, input) {
    await requireUserRow(tx, actor.id);
    await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() }).where(eq(users.id, actor.id));
    // Every other session ends (one opened by someone who knew the old password); this one stays.
    await revokeUserSessions(tx, actor.id, { except: actor.sessionId, reason: 'password_changed', by: actor.id });
    await logSecurityEvent(tx, { kind: 'password_changed', userId: actor.id, emailKey: actor.email, address: actor.address ?? null });
    await recordEvent(tx, { actorId: actor.id, action: 'user.password_changed', entityId: actor.id });
  },
});
