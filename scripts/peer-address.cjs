// Preloaded into the Next.js server by scripts/vigie.ts (`node --require`): Next offers no
// way to read the TCP peer of a request, and fills X-Forwarded-For from the socket only
// when the client sent none. This writes the peer into a header of our own on every
// request, replacing whatever a client sent under that name (lib/auth/sign-in.ts reads it).
'use strict';
const http = require('node:http');

const HEADER = 'x-vigie-peer-address';
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithPeer(event, req, ...rest) {
  if (event === 'request' && req && req.headers) {
    req.headers[HEADER] = (req.socket && req.socket.remoteAddress) || '';
  }
  return emit.call(this, event, req, ...rest);
};
