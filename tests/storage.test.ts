import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import S3rver from 's3rver';
import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFiles } from '@/db/schema';
import { documentProblem, MAX_DOCUMENT_BYTES, safeDocumentName } from '@/lib/domain/documents';
import { parseEnv } from '@/lib/env';
import { readDocument, sha256Hex, storeDocument, storeFor, StoredFileError, type BlobStore } from '@/lib/storage';
import { fileSystemStore, resolveStorageDir } from '@/lib/storage/filesystem';
import { s3Store } from '@/lib/storage/s3';
import nextConfig, { UPLOAD_BODY_LIMIT } from '@/next.config.mjs';
import { BACKENDS, createTestDatabase, type TestDatabase } from './support/db';
import { makeUser } from './support/fixtures';

/**
 * The storage interface (lib/storage) on both of its stores: a folder (in a temporary
 * directory) and an S3-compatible bucket served by a REAL S3 server started here, s3rver
 * (npm, a dev dependency): it speaks the S3 REST API over HTTP on a local port, reads
 * each request's AWS Signature V4 header and refuses an unknown access key, and keeps the
 * objects in a temporary folder, so the AWS SDK goes through its whole path (signing, HTTP,
 * XML errors, 404 as NoSuchKey). It is not AWS itself: it does not verify the V4 signature's
 * value (s3rver 3.7 leaves that unimplemented), nor regions, ACLs or multipart uploads,
 * which are therefore not tested here.
 */

const PDF = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);
const BUCKET = 'vigie-test';

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

let s3server: S3rver;
let s3Endpoint: string;
beforeAll(async () => {
  s3server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir('vigie-s3rver-'), configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await s3server.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => s3server?.close());

/** s3rver's own credentials: it refuses requests from any other access key. */
const s3 = (accessKeyId = 'S3RVER') => s3Store({ bucket: BUCKET, region: 'us-east-1', endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey: 'S3RVER' } });

const STORES: [string, () => BlobStore][] = [
  ['filesystem', () => fileSystemStore(tempDir('vigie-files-'))],
  ['s3 (s3rver)', () => s3()],
];

describe.each(STORES)('the %s store', (_name, make) => {
  it('keeps bytes under a key, gives them back, forgets them', async () => {
    const store = make();
    const bytes = PDF('une analyse d’impact');
    await store.put('aipd/one.pdf', bytes, 'application/pdf');
    expect(await store.get('aipd/one.pdf')).toEqual(bytes);
    // Put again: replaced.
    await store.put('aipd/one.pdf', PDF('version 2'), 'application/pdf');
    expect(await store.get('aipd/one.pdf')).toEqual(PDF('version 2'));
    await store.delete('aipd/one.pdf');
    expect(await store.get('aipd/one.pdf')).toBeNull();
    // Deleting what is not there is not an error.
    await store.delete('aipd/one.pdf');
  });

  it('answers null for a key that holds nothing', async () => {
    expect(await make().get('aipd/never-written.pdf')).toBeNull();
  });

  it('refuses keys that could leave the store', async () => {
    const store = make();
    for (const key of ['../escape.pdf', 'aipd/../../escape.pdf', '/etc/passwd', 'aipd/.hidden', '', 'a//b', 'aipd\\x.pdf', 'é.pdf']) {
      await expect(store.put(key, PDF('x'), 'application/pdf'), key).rejects.toThrow(/not a storage key/);
      await expect(store.get(key), key).rejects.toThrow(/not a storage key/);
    }
  });
});

describe('the filesystem store', () => {
  it('writes under its folder only, and leaves no temporary file behind', async () => {
    const root = tempDir('vigie-files-');
    await fileSystemStore(root).put('aipd/2026/a.pdf', PDF('a'), 'application/pdf');
    expect(fs.readdirSync(path.join(root, 'aipd', '2026'))).toEqual(['a.pdf']);
  });

  it('lives in STORAGE_DIR, else in the data folder’s files, always as an absolute path', () => {
    expect(resolveStorageDir({ STORAGE_DIR: '/srv/vigie/files' })).toBe('/srv/vigie/files');
    expect(resolveStorageDir({ VIGIE_DATA_DIR: '/srv/vigie' })).toBe('/srv/vigie/files');
    expect(resolveStorageDir({})).toBe(path.resolve('.data', 'files'));
  });
});

describe('the s3 store against s3rver', () => {
  it('is a real server: a request signed by an unknown access key is refused, and the SDK reports it', async () => {
    await expect(s3('NOT-A-KEY').put('aipd/x.pdf', PDF('x'), 'application/pdf')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    expect(await s3().get('aipd/x.pdf')).toBeNull();
  });

  it('is what the environment configures when S3_BUCKET is set, the folder otherwise', async () => {
    const env = parseEnv({ S3_BUCKET: BUCKET, S3_ENDPOINT: s3Endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' });
    const store = await storeFor(env);
    expect(store.kind).toBe('s3');
    await store.put('aipd/configured.pdf', PDF('configured'), 'application/pdf');
    expect(await s3().get('aipd/configured.pdf')).toEqual(PDF('configured'));
    const folder = tempDir('vigie-files-');
    const local = await storeFor(parseEnv({}), { STORAGE_DIR: folder });
    expect(local.kind).toBe('filesystem');
    await local.put('aipd/local.pdf', PDF('local'), 'application/pdf');
    expect(fs.existsSync(path.join(folder, 'aipd', 'local.pdf'))).toBe(true);
  });
});

describe('the storage environment', () => {
  it('asks for the bucket when another S3 variable is set, and for both keys or neither', () => {
    expect(() => parseEnv({ S3_ENDPOINT: 'https://s3.example.test' })).toThrow(/S3_BUCKET: required when another S3_ variable is set/);
    expect(() => parseEnv({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => parseEnv({ S3_BUCKET: 'b', S3_ENDPOINT: 'ftp://s3.example.test' })).toThrow(/S3_ENDPOINT/);
    expect(parseEnv({ S3_BUCKET: 'b' })).toMatchObject({ S3_BUCKET: 'b', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'false' });
  });

  it('lets a posted form carry the largest document and its framing', () => {
    const megabytes = Number(/^(\d+)mb$/.exec(UPLOAD_BODY_LIMIT)?.[1]);
    expect(megabytes * 1024 * 1024).toBeGreaterThanOrEqual(MAX_DOCUMENT_BYTES + 512 * 1024);
    const experimental = nextConfig(PHASE_PRODUCTION_BUILD).experimental!;
    expect(experimental.serverActions?.bodySizeLimit).toBe(UPLOAD_BODY_LIMIT);
    expect(experimental.proxyClientMaxBodySize).toBe(UPLOAD_BODY_LIMIT);
  });
});

describe('what a document must be', () => {
  it('is a PDF (it starts with %PDF-), not empty, 10 MiB at most', () => {
    expect(documentProblem(PDF('ok'))).toBeNull();
    expect(documentProblem(new Uint8Array())).toBe('empty');
    expect(documentProblem(new TextEncoder().encode('<html>%PDF-1.7'))).toBe('not_pdf');
    expect(documentProblem(new TextEncoder().encode('%PDF'))).toBe('not_pdf');
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF('x'));
    expect(documentProblem(big)).toBe('too_big');
    expect(documentProblem(big.subarray(0, MAX_DOCUMENT_BYTES))).toBeNull();
  });

  it('keeps a safe name: no path, no control or reserved character, ends in .pdf, 120 characters at most', () => {
    expect(safeDocumentName('C:\\Users\\agent\\AIPD résidence Voltaire.pdf')).toBe('AIPD résidence Voltaire.pdf');
    expect(safeDocumentName('../../etc/passwd')).toBe('passwd.pdf');
    expect(safeDocumentName('rapport\u202Efdp.exe')).toBe('rapport fdp.exe.pdf');
    expect(safeDocumentName('  ..  ')).toBe('document.pdf');
    expect(safeDocumentName('AIPD.PDF')).toBe('AIPD.pdf');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = safeDocumentName(raw);
        expect(name.endsWith('.pdf')).toBe(true);
        expect([...name].length).toBeLessThanOrEqual(120);
        expect(name).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/);
        expect(name.startsWith('.')).toBe(false);
      }),
    );
  });
});

describe.each(BACKENDS)('documents stored and read back on %s', (backend) => {
  let t: TestDatabase;
  let uploader: { id: string };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    uploader = await makeUser(t.db, ['diagnostician']);
  });
  afterAll(() => t.close());

  describe.each(STORES)('in the %s store', (_name, make) => {
    it('writes the bytes, then the row in the caller’s transaction; reads them back with their hash checked', async () => {
      const store = make();
      const bytes = PDF('AIPD de la résidence Voltaire');
      const row = await t.db.transaction((tx) => storeDocument(tx, store, { folder: 'aipd', fileName: '/tmp/AIPD Voltaire.pdf', bytes, uploadedBy: uploader.id }));
      expect(row).toMatchObject({ fileName: 'AIPD Voltaire.pdf', contentType: 'application/pdf', byteSize: bytes.byteLength, sha256: sha256Hex(bytes), uploadedBy: uploader.id });
      expect(row.storageKey).toMatch(/^aipd\/[0-9a-f-]{36}\.pdf$/);
      const [stored] = await t.db.select().from(storedFiles).where(eq(storedFiles.id, row.id));
      expect(await readDocument(store, stored!)).toEqual(bytes);
    });

    it('never serves bytes that are not the ones recorded: altered or gone, it says so', async () => {
      const store = make();
      const row = await storeDocument(t.db, store, { folder: 'aipd', fileName: 'a.pdf', bytes: PDF('original'), uploadedBy: uploader.id });
      // Same size, other bytes.
      await store.put(row.storageKey, PDF('origina1'), 'application/pdf');
      await expect(readDocument(store, row)).rejects.toEqual(new StoredFileError('altered', row.id));
      await store.delete(row.storageKey);
      await expect(readDocument(store, row)).rejects.toEqual(new StoredFileError('missing', row.id));
    });

    it('refuses what is not a PDF and records nothing', async () => {
      const store = make();
      const before = (await t.db.select({ n: count() }).from(storedFiles))[0]!.n;
      await expect(storeDocument(t.db, store, { folder: 'aipd', fileName: 'virus.pdf', bytes: new TextEncoder().encode('MZ\x90\x00'), uploadedBy: uploader.id })).rejects.toThrow(/not_pdf/);
      expect((await t.db.select({ n: count() }).from(storedFiles))[0]!.n).toBe(before);
    });

    it('forgets the bytes when the row cannot be written (an unknown uploader)', async () => {
      const store = make();
      const keys: string[] = [];
      const watching: BlobStore = { ...store, put: async (key, bytes, type) => (keys.push(key), store.put(key, bytes, type)) };
      await expect(storeDocument(t.db, watching, { folder: 'aipd', fileName: 'a.pdf', bytes: PDF('x'), uploadedBy: crypto.randomUUID() })).rejects.toThrow();
      expect(keys).toHaveLength(1);
      expect(await store.get(keys[0]!)).toBeNull();
    });
  });
});
