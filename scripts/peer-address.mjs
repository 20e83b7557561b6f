// Preloaded into the Next.js server by scripts/vigie.ts (`node --import`): Next offers no
// way to read the TCP peer of a request, and fills X-Forwarded-For from the socket only
// when the client sent none. This writes the peer into a header of our own on every
// request, replacing whatever a client sent under that name (lib/auth/sign-in.ts reads it).
import http from 'node:http';

const HEADER = 'x-vigie-peer-address';
const emit = http.Server.prototype.emit;

/** @this {http.Server} */
function emitWithPeer(/** @type {string | symbol} */ event, /** @type {any[]} */ ...args) {
  const req = args[0];
  if (event === 'request' && req instanceof http.IncomingMessage) {
    req.headers[HEADER] = req.socket?.remoteAddress ?? '';
  }
  return emit.call(this, event, ...args);
}
http.Server.prototype.emit = emitWithPeer;
// Tells the app the header is ours: without this preload, a client could send it.
globalThis[Symbol.for('vigie.peerAddressPreloaded')] = true;
