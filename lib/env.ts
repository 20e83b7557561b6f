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
  })
  .refine((e) => !e.SMTP_URL || e.SMTP_FROM, { path: ['SMTP_FROM'], error: 'required when SMTP_URL is set' });

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

export function oidcConfigured(e: Env = env()): boolean {
  return Boolean(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET);
}
