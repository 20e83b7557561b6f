import { userRoles, users, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Database } from '@/db/client';

let counter = 0;
// Hashing is the slow part: one hash serves every fixture user.
let sharedHash: Promise<string> | undefined;
export const FIXTURE_PASSWORD = 'fixture-password-2026';

export async function makeUser(db: Database, roles: Role[], overrides: { email?: string; active?: boolean; name?: string } = {}) {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  counter += 1;
  const [user] = await db
    .insert(users)
    .values({
      name: overrides.name ?? `Person ${counter}`,
      email: overrides.email ?? `person${counter}-${Date.now()}@example.test`,
      passwordHash: await sharedHash,
      active: overrides.active ?? true,
    })
    .returning();
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: user!.id, role })));
  return user!;
}
