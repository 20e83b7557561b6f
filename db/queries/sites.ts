import 'server-only';
import { eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sites, type Site } from '@/db/schema';

// Sorted here rather than in SQL: the embedded database and a server may collate
// differently, and French readers expect "Élysée" next to "Eglantine", not after "Z".
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const byName = (a: Site, b: Site) => collator.compare(a.name, b.name);

/** The register for the admin: active sites first, then archived ones, each by name. */
export async function listSites(db: DbOrTx, { includeArchived }: { includeArchived: boolean }): Promise<Site[]> {
  const rows = await db
    .select()
    .from(sites)
    .where(includeArchived ? undefined : isNull(sites.archivedAt));
  return rows.sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || byName(a, b));
}

export async function getSite(db: DbOrTx, id: string): Promise<Site | null> {
  const [row] = await db.select().from(sites).where(eq(sites.id, id));
  return row ?? null;
}

/** The sites a new proposal may name (archived ones take no new proposals), by name. */
export async function activeSites(db: DbOrTx): Promise<Site[]> {
  return listSites(db, { includeArchived: false });
}
