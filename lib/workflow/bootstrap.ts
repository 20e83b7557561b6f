import { userRoles, users } from '@/db/schema';
import type { Database } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { isUniqueViolation } from '@/lib/errors';
import { createTranslator } from 'next-intl';
import { translateFieldError } from '@/lib/forms';
import { MESSAGES } from '@/lib/i18n/messages';
import { createUserSchema } from '@/lib/validation/users';
import { fieldErrorsFrom } from '@/lib/validation/fields';
import { recordEvent } from './audit';

export type BootstrapResult = { ok: true; id: string } | { ok: false; problems: string[] };

/**
 * Creates an admin account from the command line (`npm run admin:create`): how a new
 * deployment gets its first admin, who then manages everyone else in the app. It is
 * the one account creation with no signed-in actor, so it is recorded as by "the system".
 */
export async function createAdminAccount(db: Database, raw: unknown): Promise<BootstrapResult> {
  const parsed = createUserSchema.safeParse({ ...(raw as object), roles: ['admin'] });
  if (!parsed.success) {
    // Said on a terminal, in English like the rest of the command line.
    const t = createTranslator({ locale: 'en', messages: MESSAGES.en });
    return { ok: false, problems: Object.entries(fieldErrorsFrom(parsed.error)).map(([field, error]) => `${field}: ${translateFieldError(t, error)}`) };
  }
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx.insert(users).values({ name, email, passwordHash }).returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: created!.id, role: 'admin' });
      await recordEvent(tx, { actorId: null, action: 'user.created', entityId: created!.id, details: { roles: ['admin'], via: 'command_line' } });
      return created!.id;
    });
    return { ok: true, id };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, problems: [`email: an account already uses ${email}`] };
    throw err;
  }
}
