/**
 * The Yjs peer of `npm run bench:realtime`: a minimal Hocuspocus server (no
 * persistence, no authentication) on 127.0.0.1:PORT, in its own process as
 * the app is. Started and stopped by bench/realtime/yjs-peer.ts.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
});
await server.listen();
console.log('listening');
