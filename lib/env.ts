import { z } from 'zod';

/**
 * The environment, read and validated once. Read lazily (never at import time) so that
 * `next build`, which runs with NODE_ENV=production but needs no database, still works.
 * What production requires is checked when the server starts (next.config.mjs).
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * A read replica of DATABASE_URL (e.g. a managed PostgreSQL's read endpoint). Set, the
     * public reads (register, decision and site pages, map, annual report, open data) go
     * there; everything else stays on DATABASE_URL (db/client.ts, publicReadDb).
     */
    DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    /** Connections to the replica, per instance; DATABASE_POOL_MAX when unset. */
    DATABASE_REPLICA_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
    /**
     * Whether this instance listens for the other instances' changes of the public pages
     * (LISTEN on one extra connection, lib/cache-listener.ts). "false" leaves it to the
     * 250 ms head check; scripts/vigie.ts sets it for the embedded database, which takes
     * one connection at a time.
     */
    DATABASE_LISTEN: z.enum(['true', 'false']).default('true'),
    AUTH_SECRET: z.string().min(16).optional(),
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).optional(),
    /**
     * How many reverse proxies you run in front of the app, each appending to
     * X-Forwarded-For. 0 (default): the client is the TCP peer and the header is ignored;
     * N: the client is the Nth address before the peer. Never more than you really run:
     * every extra hop lets a client choose the address the sign-in limit counts against.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The address people reach the app at: links in emails point there. */
    APP_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    /** Outgoing mail server, e.g. smtp://user:pass@host:587 or smtps://…:465. Unset: no email is sent. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    /** The sender of notice emails, e.g. "Vigie <vigie@ville.example>". Required with SMTP_URL. */
    SMTP_FROM: z.string().regex(/@/, { error: 'must contain an email address' }).optional(),
    /** Whether this instance runs the scheduled jobs (lib/jobs) in its own process; "false" to leave them to others or to cron. */
    JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
    /** How often the jobs run (and each instance polls for them), in seconds. */
    JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    /**
     * Where uploaded documents are kept on disk (lib/storage) when no S3 bucket is set.
     * Default: the `files` folder of VIGIE_DATA_DIR (./.data/files); scripts/vigie.ts makes it
     * absolute before Next starts. Several instances need one shared folder, or S3.
     */
    STORAGE_DIR: z.string().min(1).optional(),
    /** An S3-compatible bucket for uploaded documents instead of the folder (AWS, Scaleway, OVHcloud, MinIO, Garage…). */
    S3_BUCKET: z.string().min(1).optional(),
    /** The store's address, e.g. https://s3.fr-par.scw.cloud; unset for AWS itself. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Both or neither: unset, the SDK's own chain is used (environment, instance role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** "true" for stores that serve buckets as a path (https://host/bucket/key), as MinIO and most self-hosted ones do. */
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  })
  .refine((e) => !e.SMTP_URL || e.SMTP_FROM, { path: ['SMTP_FROM'], error: 'required when SMTP_URL is set' })
  // A typo in the bucket's name must not send documents to the local folder unnoticed.
  .refine((e) => e.S3_BUCKET || !(e.S3_ENDPOINT || e.S3_ACCESS_KEY_ID || e.S3_SECRET_ACCESS_KEY), { path: ['S3_BUCKET'], error: 'required when another S3_ variable is set' })
  .refine((e) => !e.S3_ACCESS_KEY_ID === !e.S3_SECRET_ACCESS_KEY, { path: ['S3_SECRET_ACCESS_KEY'], error: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together' });

export type Env = z.infer<typeof envSchema>;

/** Parse an environment; throws one readable error listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset: `FOO= npm start` should not make FOO invalid.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Email is sent only when an SMTP server is configured; without one, notices stay in the app. */
export function smtpConfigured(e: Env = env()): e is Env & { SMTP_URL: string; SMTP_FROM: string } {
  return Boolean(e.SMTP_URL && e.SMTP_FROM);
}

/** Documents go to an S3-compatible bucket when one is named; else to STORAGE_DIR (lib/storage). */
export function s3Configured(e: Env = env()): e is Env & { S3_BUCKET: string } {
  return Boolean(e.S3_BUCKET);
}

export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET);
}
