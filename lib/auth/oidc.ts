import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { userRoles, users } from '@/db/schema';
import { recordEvent } from '@/lib/workflow/audit';
import { logSecurityEvent } from './security-log';

export interface OidcIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** The claims of the provider's userinfo answer that matter here. */
export interface OidcProfile {
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

export function oidcIdentity(providerAccountId: string, profile: OidcProfile | null | undefined): OidcIdentity {
  return {
    subject: String(profile?.sub ?? providerAccountId),
    email: typeof profile?.email === 'string' ? profile.email : null,
    // Only an explicit `true` counts: a provider that does not say has not verified it.
    emailVerified: profile?.email_verified === true,
    name: typeof profile?.name === 'string' ? profile.name : null,
  };
}

/**
 * Finds the account of a person signing in with the city's SSO: by subject, else by a
 * verified email (linking the two), else creates an account with no role, which an
 * admin must grant. An existing account holding roles is linked by its email only once
 * an admin has allowed it (`ssoLinkAllowed`, used up by the link): whoever controls that
 * address at the provider must not inherit a committee member's powers by it. Returns
 * null for a deactivated account, an unverified or missing email, or such a link not allowed.
 */
export async function linkOidcAccount(db: Database, identity: OidcIdentity): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [bySubject] = await tx.select().from(users).where(eq(users.oidcSubject, identity.subject));
    if (bySubject) return bySubject.active ? bySubject.id : null;
    if (!identity.email || !identity.emailVerified) return null;
    const email = identity.email.trim().toLowerCase();
    const [byEmail] = await tx.select().from(users).where(eq(users.email, email)).for('update');
    if (byEmail) {
      // Inactive, or already linked to another identity at the provider: never re-linked by email.
      if (!byEmail.active || byEmail.oidcSubject) return null;
      if (!byEmail.ssoLinkAllowed) {
        const [role] = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, byEmail.id)).limit(1);
        if (role) return null;
      }
      await tx.update(users).set({ oidcSubject: identity.subject, ssoLinkAllowed: false, updatedAt: new Date() }).where(eq(users.id, byEmail.id));
      await recordEvent(tx, { actorId: byEmail.id, action: 'user.sso_linked', entityId: byEmail.id });
      await logSecurityEvent(tx, { kind: 'sso_linked', userId: byEmail.id, emailKey: email, details: { subject: identity.subject, allowedByAdmin: byEmail.ssoLinkAllowed } });
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
