import { and, count, desc, eq, gt, lt, max, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { FieldError } from '@/lib/errors';
import { signInAttempts, users } from '@/db/schema';
import { signInSchema } from '@/lib/validation/users';
import { verifyPassword } from './password';
import { logSecurityEvent, pruneSecurityLog } from './security-log';

/**
 * Limits on failed attempts within the window. Per account: the first failures are
 * answered at once, then each further attempt waits a delay that doubles, up to a cap,
 * so that nobody can lock a colleague out for long. Per client address: a hard limit,
 * across accounts, against someone trying many accounts.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  freeFailuresPerEmail: 5,
  firstDelaySeconds: 2,
  maxDelaySeconds: 300,
  perAddress: 30,
} as const;

/** The wait before the next attempt on an account that has this many recent failures. */
export function accountDelaySeconds(failures: number): number {
  const beyond = failures - SIGN_IN_LIMITS.freeFailuresPerEmail;
  if (beyond < 0) return 0;
  return Math.min(SIGN_IN_LIMITS.maxDelaySeconds, SIGN_IN_LIMITS.firstDelaySeconds * 2 ** beyond);
}

export type SignInOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export type Reservation = { ok: true; attemptId: string } | { ok: false; limit: 'account' | 'address'; retryAfterSeconds: number };

const lockKey = (kind: string, key: string) => sql`select pg_advisory_xact_lock(hashtextextended(${`vigie:sign-in:${kind}:${key}`}, 0))`;

/**
 * Counts the recent failures of this account and this address and, if they allow one
 * more try, records it as a failure, all in one transaction holding a lock on both keys:
 * parallel attempts line up, and each one sees the failures recorded before it. The
 * password is checked after this (outside the transaction, so argon2 never holds a
 * connection), and the attempt flipped to a success if it was right.
 */
export async function reserveAttempt(db: Database, emailKey: string, addressKey: string, now = new Date()): Promise<Reservation> {
  return db.transaction(async (tx) => {
    // Always the email first, then the address: one order, so two attempts never deadlock.
    await tx.execute(lockKey('email', emailKey));
    await tx.execute(lockKey('address', addressKey));
    const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);

    // Per account, failures count from the later of the window start and its last success.
    const [lastSuccess] = await tx
      .select({ at: max(signInAttempts.createdAt) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.emailKey, emailKey), eq(signInAttempts.succeeded, true)));
    const from = lastSuccess?.at && lastSuccess.at > since ? lastSuccess.at : since;
    const [account] = await tx
      .select({ n: count(), latest: max(signInAttempts.createdAt) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.emailKey, emailKey), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, from)));
    const delayMs = accountDelaySeconds(account?.n ?? 0) * 1000;
    if (delayMs && account?.latest) {
      const waitMs = account.latest.getTime() + delayMs - now.getTime();
      if (waitMs > 0) return { ok: false, limit: 'account', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }

    // Per address, every failure in the window counts: a success of one's own account
    // must not reset the count for the accounts being tried.
    const [oldestCounted] = await tx
      .select({ at: signInAttempts.createdAt })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.addressKey, addressKey), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, since)))
      .orderBy(desc(signInAttempts.createdAt))
      .offset(SIGN_IN_LIMITS.perAddress - 1)
      .limit(1);
    if (oldestCounted) {
      const waitMs = oldestCounted.at.getTime() + SIGN_IN_LIMITS.windowMinutes * 60_000 - now.getTime();
      return { ok: false, limit: 'address', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }

    const [attempt] = await tx
      .insert(signInAttempts)
      .values({ emailKey, addressKey, succeeded: false, createdAt: now })
      .returning({ id: signInAttempts.id });
    return { ok: true, attemptId: attempt!.id };
  });
}

/** The field message for a refused attempt: when to try again, in seconds or minutes. */
export function retryAfterError(seconds: number): FieldError {
  return seconds < 90
    ? { key: 'signIn.retryInSeconds', params: { seconds } }
    : { key: 'signIn.retryInMinutes', params: { minutes: Math.ceil(seconds / 60) } };
}

/** The reserved attempt turned out right: it no longer counts as a failure. */
export async function recordSuccess(db: Database, attemptId: string): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}

/**
 * Checks an email and password. Says nothing about whether the email exists: the same
 * refusal and the same argon2 work either way. The limits live in the database so that
 * several app instances share them.
 */
export async function authenticate(db: Database, raw: unknown, address: string): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    await verifyPassword(null, 'x'); // same cost as a real miss
    return { ok: false, reason: 'invalid' };
  }
  const { email, password } = parsed.data;
  const addressKey = address || 'unknown';

  const reservation = await reserveAttempt(db, email, addressKey);
  if (!reservation.ok) {
    await logSecurityEvent(db, {
      kind: 'sign_in_rate_limited',
      emailKey: email,
      address: addressKey,
      details: { limit: reservation.limit, retryAfterSeconds: reservation.retryAfterSeconds },
    });
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: reservation.retryAfterSeconds };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  const succeeded = Boolean(user && user.active && passwordOk);

  if (succeeded) {
    await recordSuccess(db, reservation.attemptId);
    // Keep the table small: attempts older than a day no longer matter. The security
    // log is another matter: kept a year.
    await db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(Date.now() - 86_400_000)));
    await pruneSecurityLog(db);
    await logSecurityEvent(db, { kind: 'sign_in', userId: user!.id, emailKey: email, address: addressKey, details: { via: 'password' } });
    return { ok: true, userId: user!.id };
  }
  await logSecurityEvent(db, { kind: 'sign_in_failed', userId: user?.id ?? null, emailKey: email, address: addressKey, details: { via: 'password' } });
  return { ok: false, reason: 'invalid' };
}

/**
 * Set on every request by scripts/peer-address.mjs from the TCP socket, replacing any a
 * client sent; read only when that preload runs in this process (it says so), since
 * without it the header is whatever the client wrote.
 */
export const PEER_ADDRESS_HEADER = 'x-vigie-peer-address';
const peerAddressPreloaded = () => (globalThis as Record<symbol, unknown>)[Symbol.for('vigie.peerAddressPreloaded')] === true;

/**
 * The client address as seen by the app. Its chain is X-Forwarded-For followed by the
 * socket's peer: each trusted reverse proxy appends the address it received the request
 * from, so with N proxies in front the client is the Nth entry before the peer, and with
 * none (the default) the peer itself. Entries further left are whatever the client wrote.
 * Without the peer header (the app started without scripts/vigie.ts) the last
 * X-Forwarded-For entry stands in for it, as Next.js fills it from the socket only when
 * the client sent none.
 */
export function clientAddress(headers: { get(name: string): string | null }, trustedProxyHops: number, peerHeaderIsOurs = peerAddressPreloaded()): string {
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const hops = Math.max(0, trustedProxyHops);
  const peer = peerHeaderIsOurs ? headers.get(PEER_ADDRESS_HEADER)?.trim() : undefined;
  if (peer) return [...chain, peer][chain.length - hops] ?? 'unknown';
  return chain[chain.length - Math.max(1, hops)] ?? 'unknown';
}
