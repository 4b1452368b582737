import 'server-only';
import { isIP } from 'node:net';
import { parseEnv, ServerEnv } from '../env';

/** The name scripts/peer-address.mjs chose for its header, when the launcher preloaded it. */
function peerHeaderName(): string | null {
  const name = (globalThis as { __counterpointPeerHeader?: unknown }).__counterpointPeerHeader;
  return typeof name === 'string' ? name : null;
}

/** An IP address as written in a header or by the socket, or null when it is not one. */
function normalise(value: string | null | undefined): string | null {
  let address = value?.trim() ?? '';
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  // An IPv4 client on a dual-stack socket.
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * The address of the client behind a request, or null when it cannot be
 * known. With no trusted proxy (TRUSTED_PROXY_COUNT=0) it is the TCP peer
 * and X-Forwarded-For / X-Real-IP are ignored: a client writes them. With N
 * trusted proxies, each appending the address it saw to X-Forwarded-For, it
 * is the entry N places from the right of [...X-Forwarded-For, peer]: what
 * the outermost trusted proxy saw, whatever the client put before it.
 * (`trustedProxies` and `peerHeader` are parameters for the unit test.)
 */
export function clientAddressOf(
  headers: Headers,
  trustedProxies = parseEnv(ServerEnv).TRUSTED_PROXY_COUNT,
  peerHeader = peerHeaderName(),
): string | null {
  const peer = peerHeader ? normalise(headers.get(peerHeader)) : null;
  if (trustedProxies === 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return normalise(headers.get('x-real-ip')) ?? peer;
  // Without the peer (no launcher), the nearest proxy's entry is the last one.
  const chain = peer ? [...forwarded, peer] : forwarded;
  const index = peer ? chain.length - 1 - trustedProxies : chain.length - trustedProxies;
  return normalise(chain[Math.max(0, index)]);
}
