/**
 * Storage of uploaded files (issue 18 §3): the one way bytes people upload are kept and
 * read back. Never a path built in a page, never a static URL: a page or route handler asks
 * a command or a query, which use this folder.
 *
 * - store.ts: the interface (`put`, `get`, `delete` by key); filesystem.ts and s3.ts: the
 *   two stores; configured.ts: `storage()`, the one this instance uses (S3 when S3_BUCKET is
 *   set, else the STORAGE_DIR folder).
 * - documents.ts: PDF documents: checked (lib/domain/documents.ts), stored, recorded in
 *   `stored_files` in the caller's transaction, read back with their SHA-256 checked.
 *
 * May import: Node's built-ins, @aws-sdk/client-s3 (s3.ts only, loaded only when a bucket
 * is configured), @noble/hashes, lib/env, lib/domain and db/schema. Not next/*, not
 * lib/auth or lib/workflow: who may store or read a document is their business, not this
 * folder's. No `server-only` marker: the seed and scripts run these modules outside Next.
 */
export type { BlobStore } from './store';
export { storage, storeFor } from './configured';
export { readDocument, sha256Hex, storeDocument, StoredFileError, type NewDocument } from './documents';
