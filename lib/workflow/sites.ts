import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { sites } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { archiveSiteSchema, SITE_FIELDS, siteSchema, updateSiteSchema } from '@/lib/validation/sites';
import { recordEvent } from './audit';
import { defineCommand } from './command';

async function requireSiteRow(tx: Tx, siteId: string) {
  // FOR UPDATE: two admins changing the same site are serialised, so the version check holds.
  const [row] = await tx.select().from(sites).where(eq(sites.id, siteId)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * The next `updatedAt`, strictly later than the current one: it is the edit form's
 * version token, so two changes within the same millisecond must still tell apart.
 */
function nextUpdatedAt(current: Date): Date {
  return new Date(Math.max(Date.now(), current.getTime() + 1));
}

export const createSite = defineCommand({
  name: 'createSite',
  permission: 'sites.manage',
  schema: siteSchema,
  async run(tx, actor, input) {
    const [{ id }] = (await tx.insert(sites).values(input).returning({ id: sites.id })) as [{ id: string }];
    await recordEvent(tx, { actorId: actor.id, action: 'site.created', entityType: 'site', entityId: id, details: { name: input.name } });
    return { id };
  },
});

export const updateSite = defineCommand({
  name: 'updateSite',
  permission: 'sites.manage',
  schema: updateSiteSchema,
  async run(tx, actor, { siteId, updatedAt, ...values }) {
    const row = await requireSiteRow(tx, siteId);
    // Compared in milliseconds, the precision the token was written with (PostgreSQL keeps microseconds).
    if (row.updatedAt.getTime() !== Date.parse(updatedAt)) throw new AppError('conflict:stale_version');
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const field of SITE_FIELDS) {
      if (row[field] !== values[field]) changes[field] = { from: row[field], to: values[field] };
    }
    const changed = Object.keys(changes);
    // Saving an unchanged form is not an event: no write, no history line.
    if (!changed.length) return { changed };
    await tx
      .update(sites)
      .set({ ...values, updatedAt: nextUpdatedAt(row.updatedAt) })
      .where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.updated', entityType: 'site', entityId: siteId, details: { changes } });
    return { changed };
  },
});

export const archiveSite = defineCommand({
  name: 'archiveSite',
  permission: 'sites.manage',
  schema: archiveSiteSchema,
  async run(tx, actor, { siteId }) {
    const row = await requireSiteRow(tx, siteId);
    // A second click (or a resent form) on an archived site changes nothing.
    if (row.archivedAt) return;
    const now = nextUpdatedAt(row.updatedAt);
    await tx.update(sites).set({ archivedAt: now, updatedAt: now }).where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.archived', entityType: 'site', entityId: siteId, fromState: 'active', toState: 'archived' });
  },
});

export const restoreSite = defineCommand({
  name: 'restoreSite',
  permission: 'sites.manage',
  schema: archiveSiteSchema,
  async run(tx, actor, { siteId }) {
    const row = await requireSiteRow(tx, siteId);
    if (!row.archivedAt) return;
    await tx
      .update(sites)
      .set({ archivedAt: null, updatedAt: nextUpdatedAt(row.updatedAt) })
      .where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.restored', entityType: 'site', entityId: siteId, fromState: 'archived', toState: 'active' });
  },
});
