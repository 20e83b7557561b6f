import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkKey, type BlobStore } from './store';

/**
 * The folder documents go to when no bucket is configured: STORAGE_DIR, or the `files`
 * folder of VIGIE_DATA_DIR (./.data by default, as the embedded database). Absolute, so
 * that it still names the same folder once the standalone server has changed directory
 * (scripts/vigie.ts hands the result to Next).
 */
export function resolveStorageDir(source: Record<string, string | undefined> = process.env): string {
  return path.resolve(source.STORAGE_DIR || path.join(source.VIGIE_DATA_DIR || '.data', 'files'));
}

/**
 * A folder as a store: a key's segments are sub-folders. A write goes to a temporary file
 * in the same folder, is flushed to disk, then renamed over the key, so a reader never
 * sees half a file and a crash leaves at most a stray `.tmp`.
 */
export function fileSystemStore(root: string): BlobStore {
  const pathOf = (key: string) => path.join(root, ...checkKey(key).split('/'));
  return {
    kind: 'filesystem',
    async put(key, bytes) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.${randomUUID()}.tmp`;
      const file = await fs.open(temp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(pathOf(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
