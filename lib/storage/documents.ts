import { randomUUID } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DbOrTx } from '@/db/client';
import { storedFiles, type StoredFile } from '@/db/schema';
import { documentProblem, PDF_CONTENT_TYPE, safeDocumentName } from '@/lib/domain/documents';
import type { BlobStore } from './store';

/**
 * Documents (PDF) people upload: kept in a store under a key of their own, recorded in
 * `stored_files` with their name, size and SHA-256, and checked against that hash each
 * time they are read back.
 */

export interface NewDocument {
  /** The store's folder for this kind of document, e.g. "aipd". */
  folder: string;
  /** The name as the browser sent it: made safe here. */
  fileName: string;
  bytes: Uint8Array;
  uploadedBy: string;
}

/** The SHA-256 of `bytes`, in lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/**
 * Checks the document (a PDF, not empty, not too big: callers have already told the person,
 * this is the last guard), writes its bytes to the store, then its row in the caller's
 * transaction. The bytes go first: a row never names bytes that are not there. If the
 * transaction then rolls back, the bytes stay in the store unreferenced; nothing reads them.
 */
export async function storeDocument(tx: DbOrTx, store: BlobStore, document: NewDocument): Promise<StoredFile> {
  const problem = documentProblem(document.bytes);
  if (problem) throw new TypeError(`not a storable document (${problem})`);
  const storageKey = `${document.folder}/${randomUUID()}.pdf`;
  await store.put(storageKey, document.bytes, PDF_CONTENT_TYPE);
  try {
    const [row] = await tx
      .insert(storedFiles)
      .values({
        storageKey,
        fileName: safeDocumentName(document.fileName),
        contentType: PDF_CONTENT_TYPE,
        byteSize: document.bytes.byteLength,
        sha256: sha256Hex(document.bytes),
        uploadedBy: document.uploadedBy,
      })
      .returning();
    return row!;
  } catch (err) {
    await store.delete(storageKey).catch(() => undefined);
    throw err;
  }
}

/** A stored document that cannot be served: its bytes are gone, or are not the ones recorded. */
export class StoredFileError extends Error {
  constructor(
    readonly reason: 'missing' | 'altered',
    readonly fileId: string,
  ) {
    super(`stored file ${fileId} is ${reason}`);
    this.name = 'StoredFileError';
  }
}

/** The document's bytes, exactly as they were stored (size and SHA-256 checked); a StoredFileError otherwise. */
export async function readDocument(store: BlobStore, file: Pick<StoredFile, 'id' | 'storageKey' | 'byteSize' | 'sha256'>): Promise<Uint8Array> {
  const bytes = await store.get(file.storageKey);
  if (!bytes) throw new StoredFileError('missing', file.id);
  if (bytes.byteLength !== file.byteSize || sha256Hex(bytes) !== file.sha256) throw new StoredFileError('altered', file.id);
  return bytes;
}
