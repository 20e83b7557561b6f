import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { sites } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { archiveSiteSchema, SITE_FIELDS, siteSchema, updateSiteSchema } from '@/lib/validation/sites';
import { recordEvent } from './audit';
import { defineCommand } from './command';

async function requireSiteRow(tx: Tx, siteId: string) {
  // FOR UPDATE: two admins changing the same site are serialised, so the revision check holds.
  const [row] = await tx.select().from(sites).where(eq(sites.id, siteId)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/** Every change moves the revision on, so that a form opened before it is refused. */
const nextRevision = (row: { revision: number }) => ({ revision: row.revision + 1, updatedAt: new Date() });

export const createSite = defineCommand({
  name: 'createSite',
  permission: 'sites.manage',
  schema: siteSchema,
  async run(tx, actor, input) {
    const [{ id }] = (await tx.insert(sites).values(input).returning({ id: sites.id })) as [{ id: string }];
    await recordEvent(tx, { actorId: actor.id, action: 'site.created', entityId: id, details: { name: input.name } });
    return { id };
  },
});

export const updateSite = defineCommand({
  name: 'updateSite',
  permission: 'sites.manage',
  schema: updateSiteSchema,
  async run(tx, actor, { siteId, revision, ...values }) {
    const row = await requireSiteRow(tx, siteId);
    if (row.revision !== revision) throw new AppError('conflict:stale_version');
    const changes: Record<string, { from: string | number; to: string | number }> = {};
    for (const field of SITE_FIELDS) {
      if (row[field] !== values[field]) changes[field] = { from: row[field], to: values[field] };
    }
    const changed = Object.keys(changes);
    // Saving an unchanged form is not an event: no write, no history line.
    if (!changed.length) return { changed };
    await tx
      .update(sites)
      .set({ ...values, ...nextRevision(row) })
      .where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.updated', entityId: siteId, details: { changes } });
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
    await tx.update(sites).set({ archivedAt: new Date(), ...nextRevision(row) }).where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.archived', entityId: siteId, fromState: 'active', toState: 'archived' });
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
      .set({ archivedAt: null, ...nextRevision(row) })
      .where(eq(sites.id, siteId));
    await recordEvent(tx, { actorId: actor.id, action: 'site.restored', entityId: siteId, fromState: 'archived', toState: 'active' });
  },
});
