import { and, count, eq, gt, lt, max } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { signInAttempts, users } from '@/db/schema';
import { signInSchema } from '@/lib/validation/users';
import { verifyPassword } from './password';

/** Limits on failed attempts within the window, per account and per client address. */
export const SIGN_IN_LIMITS = { windowMinutes: 15, perEmail: 5, perAddress: 30 } as const;

export type SignInOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

async function recentFailures(db: Database, column: typeof signInAttempts.emailKey | typeof signInAttempts.addressKey, key: string) {
  const since = new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  // Failures count from the later of the window start and the last success for this key.
  const [last] = await db
    .select({ at: max(signInAttempts.createdAt) })
    .from(signInAttempts)
    .where(and(eq(column, key), eq(signInAttempts.succeeded, true)));
  const from = last?.at && last.at > since ? last.at : since;
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(column, key), eq(signInAttempts.succeeded, false), gt(signInAttempts.createdAt, from)));
  return row?.n ?? 0;
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

  if (
    (await recentFailures(db, signInAttempts.emailKey, email)) >= SIGN_IN_LIMITS.perEmail ||
    (await recentFailures(db, signInAttempts.addressKey, addressKey)) >= SIGN_IN_LIMITS.perAddress
  ) {
    return { ok: false, reason: 'rate_limited' };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  const succeeded = Boolean(user && user.active && passwordOk);

  await db.insert(signInAttempts).values({ emailKey: email, addressKey, succeeded });
  if (succeeded) {
    // Keep the table small: attempts older than a day no longer matter.
    await db.delete(signInAttempts).where(lt(signInAttempts.createdAt, new Date(Date.now() - 86_400_000)));
    return { ok: true, userId: user!.id };
  }
  return { ok: false, reason: 'invalid' };
}

/**
 * The client address as seen by the app. Each trusted reverse proxy appends the address
 * it received the request from to X-Forwarded-For, so with N proxies the Nth entry from
 * the end is the client's; entries before it are whatever the client wrote. Without a
 * proxy Next.js fills the header from the socket only when the client sent none, so the
 * address can be forged: the per-address limit is then a speed bump and the per-account
 * limit still holds.
 */
export function clientAddress(forwardedFor: string | null, trustedProxyHops: number): string {
  const parts = (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return parts[parts.length - Math.max(1, trustedProxyHops)] ?? 'unknown';
}
