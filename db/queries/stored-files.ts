import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { diagnostics, proposals, storedFiles, type StoredFile } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { canViewDiagnostic, canViewProposal } from '@/lib/auth/visibility';

/** What a page shows of a stored document: never its storage key. */
export interface DocumentSummary {
  id: string;
  fileName: string;
  byteSize: number;
  createdAt: Date;
}

/** The documents of these ids, by id (for a page that already checked its reader may see what they belong to). */
export async function documentSummaries(db: Database, ids: readonly (string | null)[]): Promise<Map<string, DocumentSummary>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: storedFiles.id, fileName: storedFiles.fileName, byteSize: storedFiles.byteSize, createdAt: storedFiles.createdAt })
    .from(storedFiles)
    .where(inArray(storedFiles.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A stored file this reader may download, or null: unknown, or not theirs to see, get the
 * same answer. Who may read a file is who may read what it belongs to (lib/auth/visibility.ts):
 * today, a diagnostic that attaches it as its impact assessment, read as the diagnostic
 * page reads it (the file, then the version: a draft is the prevention officers' own). A
 * file no record names any more (replaced before the diagnostic was concluded) is no one's.
 */
export async function readableStoredFile(db: Database, actor: Actor, fileId: string): Promise<StoredFile | null> {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  if (!file) return null;
  const owners = await db
    .select({ state: diagnostics.state, authorId: proposals.authorId, submittedAt: proposals.submittedAt, diagnosedAt: proposals.diagnosedAt })
    .from(diagnostics)
    .innerJoin(proposals, eq(proposals.id, diagnostics.proposalId))
    .where(eq(diagnostics.dpiaDocumentId, fileId));
  return owners.some((o) => canViewProposal(actor, o) && canViewDiagnostic(actor, o)) ? file : null;
}
