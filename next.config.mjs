import createNextIntlPlugin from 'next-intl/plugin';
import { PHASE_PRODUCTION_SERVER } from 'next/constants.js';

// Messages, formats and the reader's locale (from the vigie_locale cookie) for each request.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * Refuses to start a production server that would run unsafely. Exported for the tests.
 * (The embedded database is refused in production by db/embedded.ts.)
 */
export function productionProblems(env) {
  const problems = [];
  if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 16) problems.push('AUTH_SECRET must be set (at least 16 characters), e.g. `openssl rand -base64 32`.');
  if (!env.DATABASE_URL) problems.push('DATABASE_URL must point to a PostgreSQL server (15 or newer).');
  return problems;
}

/**
 * Headers for every response (tests/security-headers.test.ts checks this list against
 * lib/security-headers.ts, which proxy.ts uses: this file cannot import TypeScript).
 */
export function securityHeaders(production) {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }] : []),
  ];
}

/** The largest request body a form may post (an uploaded document and the form around it); tests/storage.test.ts compares it with the document limit. */
export const UPLOAD_BODY_LIMIT = '12mb';

/** @type {(phase: string) => import('next').NextConfig} */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_SERVER) {
    const problems = productionProblems(process.env);
    if (problems.length) throw new Error(`Vigie refuses to start:\n- ${problems.join('\n- ')}`);
  }
  return withNextIntl({
    reactStrictMode: true,
    // A self-contained server in .next/standalone (server.js and only the node_modules it
    // needs): what `npm start` runs (scripts/vigie.ts copies .next/static next to it).
    output: 'standalone',
    poweredByHeader: false,
    // Every page's <title> in its <head>, resolved before the page is sent, for everyone:
    // Next streams metadata by default, and a title that arrives late (or, without
    // JavaScript, in the body) fails RGAA 8.5 and is not what a screen reader announces.
    htmlLimitedBots: /.*/,
    experimental: {
      authInterrupts: true,
      // A posted form may carry an uploaded document (lib/domain/documents.ts: 10 MiB at most) and
      // its multipart framing: a file a little over the limit still reaches the action, which
      // refuses it with a clear message (larger ones are stopped in the browser, with JavaScript).
      // Next's own defaults (1 MB for actions, 10 MB buffered by the proxy) would cut it short.
      serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT },
      proxyClientMaxBodySize: UPLOAD_BODY_LIMIT,
    },
    // Native and WASM modules stay out of the server bundle.
    serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', '@electric-sql/pglite-socket'],
    async headers() {
      // The same list as lib/security-headers.ts (proxy.ts sets it on what it answers, with the
      // Content-Security-Policy): here it also covers the static files, which skip the proxy.
      return [{ source: '/:path*', headers: securityHeaders(process.env.NODE_ENV === 'production') }];
    },
  });
}
