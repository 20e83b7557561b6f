// Starts Next's standalone output (.next/standalone) as its own server.js does, with one
// difference: no hostname. server.js always passes one (HOSTNAME, or 0.0.0.0), and Next
// then builds every request's URL on it: next-auth saw its own address as
// http://0.0.0.0:3000 instead of the one the browser used, and the city SSO's callback
// failed. Without a hostname, as `next start` runs, the server listens on every interface
// and a request's URL comes from its Host header. scripts/vigie.ts runs this file.
// It also lets the page cache answer its hits before Next (pageCacheFirst below).
import fs from 'node:fs';
import http from 'node:http';
import module from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

/**
 * Residents' pages kept by the page cache (lib/page-cache.ts) are answered here, before
 * Next routes the request: proxy.ts registers `vigiePageCacheFastPath` when Next loads it
 * (at the first request), which gives exactly the answer the proxy would give from the
 * cache, or null. Through Next's router and proxy adapter, a kept page cost four times a
 * static file (the bench's /registre ratio was 0.24); here it costs about as much.
 * Everything else, and any failure, goes to Next as before.
 */
async function pageCacheFirst(req, res, next) {
  const fastPath = globalThis.vigiePageCacheFastPath;
  if (!fastPath || req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return next(req, res);
  let answer = null;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    answer = await fastPath(`http://${req.headers.host || 'localhost'}${req.url}`, headers);
  } catch (err) {
    console.error('[page cache] fast path skipped:', err instanceof Error ? err.message : err);
  }
  if (!answer) return next(req, res);
  let body = Buffer.from(await answer.arrayBuffer());
  res.statusCode = answer.status;
  answer.headers.forEach((value, name) => res.setHeader(name, value));
  // Compressed as Next would (it compresses what it serves when the reader accepts gzip).
  const vary = answer.headers.get('vary') ?? '';
  if (!/accept-encoding/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.byteLength > 1024) {
    body = await gzip(body);
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', body.byteLength);
  res.end(body);
}

// Next's server is the first http server this process makes: its request listener is
// wrapped once, so that the page cache answers first (see pageCacheFirst).
const createServer = http.createServer;
http.createServer = function (...args) {
  http.createServer = createServer;
  const at = args.findIndex((arg) => typeof arg === 'function');
  if (at !== -1) {
    const listener = args[at];
    args[at] = (req, res) =>
      pageCacheFirst(req, res, listener).catch((err) => {
        // Only after a kept page was found (reading or compressing it): the reader gets a cut answer, never a stack.
        console.error('[page cache] answer failed:', err instanceof Error ? err.message : err);
        res.destroy();
      });
  }
  return createServer.apply(this, args);
};

const dir = path.resolve(process.argv[2] ?? '.next/standalone');
const { config } = JSON.parse(fs.readFileSync(path.join(dir, '.next', 'required-server-files.json'), 'utf8'));
process.env.NODE_ENV = 'production';
process.chdir(dir);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
const require = module.createRequire(path.join(dir, 'server.js'));
require('next');
const { startServer } = require('next/dist/server/lib/start-server');
let keepAliveTimeout = parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? '', 10);
if (!Number.isFinite(keepAliveTimeout) || keepAliveTimeout < 0) keepAliveTimeout = undefined;
startServer({ dir, isDev: false, config, hostname: undefined, port: parseInt(process.env.PORT ?? '', 10) || 3000, allowRetry: false, keepAliveTimeout }).catch((err) => {
  console.error(err);
  process.exit(1);
});
