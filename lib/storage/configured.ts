import { env, s3Configured, type Env } from '@/lib/env';
import { fileSystemStore, resolveStorageDir } from './filesystem';
import type { BlobStore } from './store';

/**
 * The store this instance uses, chosen once from the environment (lib/env.ts): the S3
 * bucket when S3_BUCKET is set, else the folder. The AWS SDK is loaded only for a bucket.
 */
export async function storeFor(e: Env, source: Record<string, string | undefined> = process.env): Promise<BlobStore> {
  if (!s3Configured(e)) return fileSystemStore(resolveStorageDir(source));
  const { s3Store } = await import('./s3');
  return s3Store({
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    credentials: e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : undefined,
  });
}

let configured: Promise<BlobStore> | undefined;

/** This instance's store (the same one for the process's life). */
export function storage(): Promise<BlobStore> {
  configured ??= storeFor(env());
  return configured;
}
