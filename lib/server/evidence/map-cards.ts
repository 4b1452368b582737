import 'server-only';
import { ZCardMarks, type CardMarks } from '../../domain/evidence/card';
import type { MapSnapshot } from '../../domain/types';
import { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import { inOneView, readMapSnapshot } from '../maps/get-map-snapshot';
import { cardCite } from './card-cite';
import type { CardDoc } from './verbatim-docx';

/**
 * A map as its Word files need it, read as one view after `map:read`: the
 * snapshot, every card's marks (the map's shared cut, read from the rows
 * here until the graph carries them) and, for every anchored evidence node,
 * its card as Word shows it.
 */
export async function readMapCards(
  actor: Actor,
  mapId: string,
): Promise<{
  snapshot: MapSnapshot;
  marks: Map<string, CardMarks>;
  cards: Record<string, CardDoc>;
}> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const { snapshot, qualified, cut } = await inOneView(async (tx) => {
    const snapshot = await readMapSnapshot(tx, access, mapId);
    const [qualified, cut] = await Promise.all([
      tx.source.findMany({ where: { mapId }, select: { id: true, qualifications: true } }),
      tx.node.findMany({
        where: { mapId, deletedAt: null, card: { not: Prisma.DbNull } },
        select: { id: true, card: true },
      }),
    ]);
    return { snapshot, qualified, cut };
  });
  const marks = new Map<string, CardMarks>();
  for (const row of cut) {
    const parsed = ZCardMarks.safeParse(row.card);
    if (parsed.success) marks.set(row.id, parsed.data);
  }
  const qualifications = new Map(qualified.map((s) => [s.id, s.qualifications]));
  return { snapshot, marks, cards: cardDocs(snapshot, qualifications, marks) };
}

function cardDocs(
  snapshot: MapSnapshot,
  qualifications: Map<string, string>,
  marks: Map<string, CardMarks>,
): Record<string, CardDoc> {
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  const cards: Record<string, CardDoc> = {};
  for (const node of snapshot.nodes) {
    const source = node.anchor && sources.get(node.anchor.sourceId);
    if (!node.anchor || !source) continue;
    const cite = cardCite({ ...source, qualifications: qualifications.get(source.id) ?? '' });
    cards[node.id] = {
      tag: node.text,
      citeShort: cite.short,
      citeFull: cite.full,
      passage: node.anchor.exact,
      marks: marks.get(node.id) ?? null,
    };
  }
  return cards;
}
