import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/workflow/audit';

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/**
 * Finds the account of a person signing in with the city's SSO: by subject, else by a
 * verified email (linking the two), else creates an account with no role, which an
 * admin must grant. Returns null for a deactivated account or an identity without email.
 */
export async function linkOidcAccount(db: Database, identity: OidcIdentity): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [bySubject] = await tx.select().from(users).where(eq(users.oidcSubject, identity.subject));
    if (bySubject) return bySubject.active ? bySubject.id : null;
    if (!identity.email || !identity.emailVerified) return null;
    const email = identity.email.trim().toLowerCase();
    const [byEmail] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (byEmail) {
      if (!byEmail.active) return null;
      await tx.update(users).set({ oidcSubject: identity.subject, updatedAt: new Date() }).where(eq(users.id, byEmail.id));
      return byEmail.id;
    }
    const [created] = await tx
      .insert(users)
      .values({ email, name: identity.name?.trim() || email, oidcSubject: identity.subject, passwordHash: null })
      .returning({ id: users.id });
    await recordEvent(tx, { actorId: created!.id, action: 'user.created', entityId: created!.id, details: { via: 'oidc', roles: [] } });
    return created!.id;
  });
}
