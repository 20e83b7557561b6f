import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: documents the tests store (lib/storage, the filesystem store by
 * default) go to a temporary folder of this run, never to the project's data folder, and
 * the folder is removed when the run ends. Set before the test workers start, so each one
 * inherits it.
 */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-test-files-'));
  process.env.STORAGE_DIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
