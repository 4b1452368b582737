import 'server-only';
import { ZCardMarks, type CardMarks } from '../../domain/evidence/card';
import { debateCite } from '../../domain/evidence/citation';
import { pageRange } from '../../domain/evidence/pages';
import type { MapSnapshot } from '../../domain/types';
import { Prisma } from '../../generated/prisma/client';
import { authorizeMap, type Actor } from '../authz';
import { inOneView, readMapSnapshot } from '../maps/get-map-snapshot';
import type { CardDoc } from './verbatim-docx';

/**
 * A map as its Word files need it, read as one view after `map:read`: the
 * snapshot, every card's marks (the map's shared cut, read from the rows
 * here until the graph carries them) and, for every node quoting a source,
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
  const { snapshot, cut } = await inOneView(async (tx) => ({
    snapshot: await readMapSnapshot(tx, access, mapId),
    cut: await tx.node.findMany({
      where: { mapId, deletedAt: null, card: { not: Prisma.DbNull } },
      select: { id: true, card: true },
    }),
  }));
  const marks = new Map<string, CardMarks>();
  for (const row of cut) {
    const parsed = ZCardMarks.safeParse(row.card);
    if (parsed.success) marks.set(row.id, parsed.data);
  }
  return { snapshot, marks, cards: cardDocs(snapshot, marks) };
}

/**
 * Each quoting node's card: the debate cite (the shared citation helper's;
 * Word's cite paragraph is the short cite in the Cite style, then the rest),
 * with the page the quote is on.
 */
function cardDocs(snapshot: MapSnapshot, marks: Map<string, CardMarks>): Record<string, CardDoc> {
  const sources = new Map(snapshot.sources.map((s) => [s.id, s]));
  const cards: Record<string, CardDoc> = {};
  for (const node of snapshot.nodes) {
    const source = node.anchor && sources.get(node.anchor.sourceId);
    if (!node.anchor || !source) continue;
    const page = pageRange(source, node.anchor.start, node.anchor.end);
    const { short, full } = debateCite(source, { page });
    cards[node.id] = {
      tag: node.text,
      citeShort: short,
      citeFull: full.startsWith(short) ? full.slice(short.length).trim() : full,
      passage: node.anchor.exact,
      marks: marks.get(node.id) ?? null,
    };
  }
  return cards;
}
