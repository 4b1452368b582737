import 'server-only';
import { cardOf, normalizeMarks, type CardMarks } from '../../domain/evidence/card';
import { debateCite } from '../../domain/evidence/citation';
import { pageRange } from '../../domain/evidence/pages';
import type { MapSnapshot } from '../../domain/types';
import { authorizeMap, teamLayerAccess, type Actor } from '../authz';
import { inOneView, readMapSnapshot } from '../maps/get-map-snapshot';
import type { CardDoc } from './verbatim-docx';

/**
 * A map as its Word files need it, read as one view after `map:read`: the
 * snapshot, its nodes' cards as the files show them, and, for every node
 * quoting a source, its card as Word shows it. The cards are the map's
 * shared cut; with `teamId`, a reader on that team (the team-layer rule,
 * `teamLayerAccess`) gets the team's own cut of each card it has cut
 * instead. Anyone else gets the shared cut, never another team's.
 */
export async function readMapCards(
  actor: Actor,
  mapId: string,
  teamId?: string,
): Promise<{ snapshot: MapSnapshot; cards: Record<string, CardDoc> }> {
  const access = await authorizeMap(actor, 'map:read', mapId);
  const ownTeam =
    teamId && (await teamLayerAccess(actor, access, mapId)).teamIds.includes(teamId)
      ? teamId
      : null;
  const { snapshot, cuts } = await inOneView(async (tx) => ({
    snapshot: await readMapSnapshot(tx, access, mapId),
    cuts: ownTeam
      ? await tx.annotation.findMany({
          where: { mapId, teamId: ownTeam, kind: 'CUT', targetType: 'NODE', deletedAt: null },
          select: { nodeId: true, marks: true },
        })
      : [],
  }));
  const teamCut = new Map<string, CardMarks>();
  for (const { nodeId, marks } of cuts) {
    const own = cardOf(marks);
    if (nodeId && own) teamCut.set(nodeId, own);
  }
  const nodes = snapshot.nodes.map((node) => {
    const own = teamCut.get(node.id);
    // A team's cut is not rebased when the passage changes: keep it within the passage.
    return own && node.anchor
      ? { ...node, card: normalizeMarks(own, node.anchor.exact.length) }
      : node;
  });
  const cut = { ...snapshot, nodes };
  return { snapshot: cut, cards: cardDocs(cut) };
}

/**
 * Each quoting node's card: the debate cite (the shared citation helper's;
 * Word's cite paragraph is the short cite in the Cite style, then the rest),
 * with the page the quote is on.
 */
function cardDocs(snapshot: MapSnapshot): Record<string, CardDoc> {
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
      marks: node.card,
    };
  }
  return cards;
}
