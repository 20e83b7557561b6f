import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/sign-in';
import { createAdminAccount } from '@/lib/workflow/bootstrap';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';

describe.each(BACKENDS)('creating the first admin from the command line on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());

  it('creates an admin who can sign in, recorded as done by the system', async () => {
    const result = await createAdminAccount(t.db, { name: 'Secrétariat', email: 'Secretariat@Ville.test', password: 'a-strong-password-1' });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.id : '';
    expect(await loadActor(t.db, id)).toMatchObject({ email: 'secretariat@ville.test', roles: ['admin'] });
    expect(await authenticate(t.db, { email: 'secretariat@ville.test', password: 'a-strong-password-1' }, 'cli')).toEqual({ ok: true, userId: id });
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event).toMatchObject({ action: 'user.created', actorId: null });
  });

  it('explains bad input and an existing email, and creates nothing', async () => {
    const before = (await t.db.select().from(users)).length;
    expect(await createAdminAccount(t.db, { name: '', email: 'nope', password: 'short' })).toEqual({
      ok: false,
      problems: [
        'name: This field is required.',
        'email: Enter a valid email address, for example firstname.lastname@example.org.',
        'password: The password must have at least 12 characters.',
      ],
    });
    expect(await createAdminAccount(t.db, { name: 'Bis', email: 'secretariat@ville.test', password: 'a-strong-password-1' })).toEqual({
      ok: false,
      problems: ['email: an account already uses secretariat@ville.test'],
    });
    expect((await t.db.select().from(users)).length).toBe(before);
  });
});
