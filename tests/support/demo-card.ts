import type { Actor } from '@/lib/server/authz';
import { createMap } from '@/lib/server/maps/create-map';
import { DEMO_NODES } from '@/prisma/seed/demo-map';
import { testDb } from '../factories';

/** The demo debate as a new map of `owner`'s, with the Kazakh mission card cut: its highlight is `read`. */
export async function demoWithCard(owner: Actor, read: string) {
  const { id } = await createMap(owner, {
    title: 'Blocks demo',
    motion: 'The CSTO failed Armenia',
    template: 'demo',
  });
  const quote = DEMO_NODES.find((n) => n.key === 't-kazakh-mission')!.quote!;
  const node = await testDb().node.findFirstOrThrow({ where: { mapId: id, anchorExact: quote } });
  const at = quote.indexOf(read);
  await testDb().node.update({
    where: { id: node.id },
    data: { card: { underline: [[0, quote.length]], highlight: [[at, at + read.length]] } },
  });
  return { id, quote, nodeId: node.id };
}
