import { count } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@/db/schema';
import { AUDIT_EVENTS, AUDIT_KINDS, isAuditKind, readEvent } from '@/lib/domain/audit-events';
import { PROPOSAL_COMMANDS } from '@/lib/domain/lifecycle';
import { MESSAGES } from '@/lib/i18n/messages';
import { recordEvent, type AuditInput } from '@/lib/workflow/audit';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeUser } from './support/fixtures';

describe('the audit event catalog', () => {
  it('has an event for every lifecycle command, about a proposal', () => {
    for (const command of PROPOSAL_COMMANDS) {
      expect(AUDIT_KINDS).toContain(`proposal.${command}`);
      expect(AUDIT_EVENTS[`proposal.${command}`].entity).toBe('proposal');
    }
  });

  it('has a message for every kind, in French and in English', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = createTranslator({ locale, messages: MESSAGES[locale] });
      for (const kind of AUDIT_KINDS) expect(t.has(`audit.${kind}`), `${locale}: audit.${kind}`).toBe(true);
    }
    const fr = createTranslator({ locale: 'fr', messages: MESSAGES.fr });
    expect(fr('audit.user.created', { via: 'oidc' })).toBe('Compte créé à la première connexion par l’authentification unique');
    expect(fr('audit.user.created', { via: 'admin' })).toBe('Compte créé');
  });

  it('is closed: unknown kinds and inherited names are not events', () => {
    for (const kind of ['proposal.approve', 'toString', '__proto__', '', 42]) expect(isAuditKind(kind)).toBe(false);
    expect(readEvent('proposal.approve', {})).toBeNull();
  });

  it('reads back typed details, and a row that does not match as null details', () => {
    expect(readEvent('user.role_granted', { role: 'chair' })).toEqual({ action: 'user.role_granted', details: { role: 'chair' } });
    expect(readEvent('user.role_granted', { role: 'king' })).toEqual({ action: 'user.role_granted', details: null });
    expect(readEvent('site.updated', { changes: { name: { from: 'A', to: 'B' } } })).toMatchObject({ details: { changes: { name: { from: 'A', to: 'B' } } } });
    expect(readEvent('site.updated', { changes: { colour: { from: 'A', to: 'B' } } })).toMatchObject({ details: null });
  });
});

describe.each(BACKENDS)('recordEvent on %s', (backend) => {
  let t: TestDatabase;
  let admin: { id: string };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    admin = await makeUser(t.db, ['admin']);
  });
  afterAll(() => t.close());

  const rows = async () => (await t.db.select({ n: count() }).from(auditEvents))[0]!.n;

  it('writes the kind with the entity type the catalog gives it', async () => {
    await recordEvent(t.db, { action: 'user.role_granted', actorId: admin.id, entityId: admin.id, details: { role: 'member' } });
    const [row] = await t.db.select().from(auditEvents);
    expect(row).toMatchObject({ action: 'user.role_granted', entityType: 'user', details: { role: 'member' } });
  });

  it('refuses details that do not match the catalog, and writes nothing', async () => {
    const before = await rows();
    const bad = { action: 'user.role_granted', actorId: admin.id, entityId: admin.id, details: { role: 'king' } } as unknown as AuditInput<'user.role_granted'>;
    await expect(recordEvent(t.db, bad)).rejects.toThrow();
    const extra = { action: 'proposal.submit', actorId: admin.id, entityId: admin.id, details: { note: 'x' } } as unknown as AuditInput<'proposal.submit'>;
    await expect(recordEvent(t.db, extra)).rejects.toThrow();
    expect(await rows()).toBe(before);
  });
});
