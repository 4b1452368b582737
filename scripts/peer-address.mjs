/**
 * Preloaded into the Next server by scripts/launch.ts (node --import): tells
 * the app the TCP peer of each request, which Next's route handlers cannot
 * see. Every request gets a header, under a name chosen at random for this
 * process, holding its socket's remote address; whatever a client sent under
 * that name is overwritten, and a client cannot guess the name. The app reads
 * it in lib/server/client-address.ts. Without this preload (`next start` run
 * by hand) the peer is unknown, and so is the client's address unless
 * TRUSTED_PROXY_COUNT says proxies report it.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';

const name = `x-counterpoint-peer-${randomBytes(12).toString('hex')}`;
globalThis.__counterpointPeerHeader = name;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === 'request' && request && request.headers)
    request.headers[name] = request.socket?.remoteAddress ?? '';
  return emit.call(this, event, request, ...rest);
};
