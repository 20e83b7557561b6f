// Starts Next's standalone output (.next/standalone) as its own server.js does, with one
// difference: no hostname. server.js always passes one (HOSTNAME, or 0.0.0.0), and Next
// then builds every request's URL on it: next-auth saw its own address as
// http://0.0.0.0:3000 instead of the one the browser used, and the city SSO's callback
// failed. Without a hostname, as `next start` runs, the server listens on every interface
// and a request's URL comes from its Host header. scripts/vigie.ts runs this file.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';

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
