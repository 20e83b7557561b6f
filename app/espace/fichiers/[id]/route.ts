import { getDb } from '@/db/client';
import { readableStoredFile } from '@/db/queries/stored-files';
import { can } from '@/lib/auth/permissions';
import { currentActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/errors';
import { readDocument, storage, StoredFileError } from '@/lib/storage';
import { uuid } from '@/lib/validation/fields';

/**
 * A stored document (today, a diagnostic's impact assessment), for staff who may read
 * what it belongs to (db/queries/stored-files.ts): never a static path. Read back through
 * the storage interface with its SHA-256 checked; a file whose bytes are gone or altered
 * is an error for the operator, never served.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return errorResponse('unauthenticated');
  if (!can(actor.roles, 'proposals.read')) return errorResponse('forbidden');
  const { id } = await params;
  const file = uuid.safeParse(id).success ? await readableStoredFile(getDb(), actor, id) : null;
  if (!file) return errorResponse('not_found');
  let bytes: Uint8Array;
  try {
    bytes = await readDocument(await storage(), file);
  } catch (err) {
    // For the operator, with its cause (bytes gone, altered, or the store unreachable); the reader gets the generic error.
    console.error(`[storage] stored file ${file.id} could not be served:`, err instanceof StoredFileError ? err.message : err);
    return errorResponse('internal');
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachment(file.fileName),
      // A staff document: kept by no cache on the way, nor by the browser's.
      'Cache-Control': 'private, no-store',
    },
  });
}

/** Saved under its own name: ASCII for old clients, the exact UTF-8 name for the others (RFC 6266). */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
