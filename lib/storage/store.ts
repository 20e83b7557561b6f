/**
 * A place that keeps bytes under a key. Two kinds: a folder on this machine
 * (filesystem.ts) and an S3-compatible bucket (s3.ts); which one serves is configured.ts's
 * choice. Neither knows what the bytes are: documents.ts checks them, names them and
 * records them in the database.
 */
export interface BlobStore {
  /** Where the bytes go, for logs: "filesystem" or "s3". */
  readonly kind: 'filesystem' | 's3';
  /** Keeps `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes kept under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Forgets `key`; nothing happens when it holds nothing. */
  delete(key: string): Promise<void>;
}

/** Segments of letters, digits, dots, dashes and underscores, none starting with a dot: never a path out of the store. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** `key` when it is one a store accepts ("aipd/2a6e….pdf"); throws otherwise (keys are made by code, never typed). */
export function checkKey(key: string): string {
  if (key.length > 512 || !KEY.test(key)) throw new TypeError(`not a storage key: ${JSON.stringify(key)}`);
  return key;
}
